package catalog

func init() { register(&awsV2, &googleCloud) }

// awsV2: the service clients of aws-sdk-go-v2.
var awsV2 = Library{
	Name:     "aws-sdk-go-v2",
	Paths:    []string{"github.com/aws/aws-sdk-go-v2", "github.com/aws/smithy-go"},
	Versions: "v1.x (v1.48.0 read)",
	Notes: "Every operation takes the context first and is bounded by it alone: the default HTTP client " +
		"has no Client.Timeout and no ResponseHeaderTimeout. The standard retryer makes 3 attempts. SQS " +
		"ReceiveMessage and Kinesis SubscribeToShard wait by design.",
	APIs: func() []API {
		// Every service client of the SDK, named after its package.
		tree := wildcard("github.com/aws/aws-sdk-go-v2/service/...", "Client", Cloud)
		tree.Service = "*"
		receive := consume(method("github.com/aws/aws-sdk-go-v2/service/sqs", "Client", "ReceiveMessage", Cloud, 0))
		receive.Service = "sqs"
		subscribe := consume(method("github.com/aws/aws-sdk-go-v2/service/kinesis", "Client", "SubscribeToShard", Cloud, 0))
		subscribe.Service = "kinesis"
		up := wildcard("github.com/aws/aws-sdk-go-v2/feature/s3/manager", "Uploader", Cloud)
		down := wildcard("github.com/aws/aws-sdk-go-v2/feature/s3/manager", "Downloader", Cloud)
		up.Service, down.Service = "s3", "s3"
		return []API{tree, receive, subscribe, up, down}
	}(),
}

// googleCloud: the packages of cloud.google.com/go that gcp.go does not
// model call by call (compute/metadata, the generated gapic clients used
// directly, the admin clients): skipped, not analysed.
var googleCloud = Library{
	Name:     "cloud.google.com/go, other packages",
	Paths:    []string{"cloud.google.com/go"},
	Versions: "any",
	Notes: "Modelled as a library whose code faultline does not read: calls through them are not recorded. " +
		"compute/metadata reaches the instance metadata server on the machine, with a 5s default timeout.",
}
