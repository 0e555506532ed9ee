package catalog

func init() { register(&awsV1) }

// awsV1: aws-sdk-go, the first AWS SDK for Go (end of support), every
// service package. Each operation Op has an OpWithContext(ctx aws.Context,
// input, opts...) twin; aws.Context is an alias of context.Context, so the
// tree's wildcard matches the WithContext methods (and the Pages and
// WaitUntil ones) of the service clients, of their *iface interfaces and of
// s3manager's uploader, downloader and batch deleter. The service is the
// node: the package names it (s3, dynamodb, sqs), so no address is needed.
var awsV1 = Library{
	Name:     "aws-sdk-go",
	Paths:    []string{"github.com/aws/aws-sdk-go"},
	Versions: "v1.55 (v1.55.8 read)",
	Notes: "The *WithContext operations are bounded by their context alone: the default HTTPClient is " +
		"http.DefaultClient, with no timeout, the DefaultRetryer retries 3 times, and " +
		"request.WithResponseReadTimeout bounds reads of the body, not the wait for the response. faultline " +
		"does not read an aws.Config HTTPClient's Timeout (it reports those calls all the same) and records " +
		"no context-less operation (GetObject, PutItem). SQS ReceiveMessage and Kinesis SubscribeToShard wait " +
		"by design, and the bidirectional event streams (Transcribe, Lex, Q Business) live as long as their context.",
	APIs: func() []API {
		const svc = "github.com/aws/aws-sdk-go/service/"
		tree := wildcard(svc+"...", "*", Cloud)
		tree.Service = "*"
		t := []API{tree}
		named := func(a API, service string) API { a.Service = service; return a }
		t = append(t,
			named(consume(method(svc+"sqs", "SQS", "ReceiveMessageWithContext", Cloud, 0)), "sqs"),
			named(consume(method(svc+"sqs/sqsiface", "SQSAPI", "ReceiveMessageWithContext", Cloud, 0)), "sqs"),
			named(consume(method(svc+"kinesis", "Kinesis", "SubscribeToShardWithContext", Cloud, 0)), "kinesis"),
			named(consume(method(svc+"kinesis/kinesisiface", "KinesisAPI", "SubscribeToShardWithContext", Cloud, 0)), "kinesis"),
		)
		// Bidirectional event streams: the operation opens a stream that its
		// context bounds for as long as the stream lives.
		for _, s := range []struct {
			pkg, typ, iface string
			ops             []string
		}{
			{"transcribestreamingservice", "TranscribeStreamingService", "TranscribeStreamingServiceAPI", []string{
				"StartStreamTranscriptionWithContext", "StartMedicalStreamTranscriptionWithContext",
				"StartCallAnalyticsStreamTranscriptionWithContext",
			}},
			{"lexruntimev2", "LexRuntimeV2", "LexRuntimeV2API", []string{"StartConversationWithContext"}},
			{"qbusiness", "QBusiness", "QBusinessAPI", []string{"ChatWithContext"}},
		} {
			for _, op := range s.ops {
				t = append(t,
					named(stream(method(svc+s.pkg, s.typ, op, Cloud, 0)), s.pkg),
					named(stream(method(svc+s.pkg+"/"+s.pkg+"iface", s.iface, op, Cloud, 0)), s.pkg),
				)
			}
		}
		return t
	}(),
}
