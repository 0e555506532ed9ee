package catalog

func init() { register(&awsV2, &gcs) }

// awsV2: the service clients of aws-sdk-go-v2.
var awsV2 = Library{
	Name:     "aws-sdk-go-v2",
	Paths:    []string{"github.com/aws/aws-sdk-go-v2", "github.com/aws/smithy-go"},
	Versions: "v1.x (v1.48.0 read)",
	Notes: "Every operation takes the context first and is bounded by it alone: the default HTTP client " +
		"has no Client.Timeout and no ResponseHeaderTimeout. The standard retryer makes 3 attempts. SQS " +
		"ReceiveMessage and Kinesis SubscribeToShard wait by design.",
	APIs: func() []API {
		var t []API
		for _, svc := range []string{
			"athena", "cloudwatch", "cloudwatchlogs", "dynamodb", "ec2", "ecs", "eventbridge",
			"firehose", "kinesis", "kms", "lambda", "rds", "s3", "secretsmanager", "sesv2",
			"sfn", "sns", "sqs", "ssm", "sts",
		} {
			a := wildcard("github.com/aws/aws-sdk-go-v2/service/"+svc, "Client", Cloud)
			a.Service = svc
			t = append(t, a)
		}
		receive := consume(method("github.com/aws/aws-sdk-go-v2/service/sqs", "Client", "ReceiveMessage", Cloud, 0))
		receive.Service = "sqs"
		subscribe := consume(method("github.com/aws/aws-sdk-go-v2/service/kinesis", "Client", "SubscribeToShard", Cloud, 0))
		subscribe.Service = "kinesis"
		up := wildcard("github.com/aws/aws-sdk-go-v2/feature/s3/manager", "Uploader", Cloud)
		down := wildcard("github.com/aws/aws-sdk-go-v2/feature/s3/manager", "Downloader", Cloud)
		up.Service, down.Service = "s3", "s3"
		return append(t, receive, subscribe, up, down)
	}(),
}

// gcs: Google Cloud Storage (the other cloud.google.com/go packages are
// modelled only as libraries whose code faultline does not read).
var gcs = Library{
	Name:     "cloud.google.com/go",
	Paths:    []string{"cloud.google.com/go"},
	Versions: "storage v1.71.0 read",
	Notes: "Object and bucket operations take the context first and are bounded by it: without " +
		"WithMaxAttempts, Cloud Storage retries idempotent operations until the context is done.",
	APIs: func() []API {
		var t []API
		for _, typ := range []string{"ObjectHandle", "BucketHandle"} {
			a := wildcard("cloud.google.com/go/storage", typ, Cloud)
			a.Service = "gcs"
			t = append(t, a)
		}
		return t
	}(),
}
