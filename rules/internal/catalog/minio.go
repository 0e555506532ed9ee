package catalog

func init() { register(&minioGo) }

// minioGo: minio-go v7, a client of any S3-compatible object store (MinIO,
// Amazon S3, Ceph, Cloud Storage's interoperability API). What a call
// reaches is the endpoint given to minio.New, not a fixed managed service,
// so the entries name no Service: the endpoint's host, or the variable it
// comes from, names the node (minio:9000, s3.amazonaws.com).
//
// The default transport (transport.go:43-55) has ResponseHeaderTimeout 1
// minute and the client retries every error but a certificate's 10 times
// (retry.go:33, 138-156; api.go:347-350); http.Client has no Timeout
// (api.go:299-305). The header timeout starts once the request is written
// and stops when the headers arrive, so it bounds a request with no body
// to send and none to read (HEAD, DELETE), and neither an upload nor a
// download; a custom Options.Transport replaces it.
var minioGo = Library{
	Name:     "minio-go",
	Paths:    []string{"github.com/minio/minio-go/v7"},
	Versions: "v7.4 (v7.4.1 read)",
	Notes: "Calls are bounded by their context alone, except StatObject, BucketExists, RemoveObject and " +
		"RemoveBucket: the default transport's 1-minute ResponseHeaderTimeout, retried 10 times, bounds a " +
		"request that sends and reads no body, not the transfer of one (GetObject, PutObject, listings). " +
		"faultline does not see an Options.Transport that drops that timeout. Bucket notifications wait by " +
		"design; presigning reaches the endpoint only to look up a bucket's region, and is not judged.",
	APIs: func() []API {
		const pkg = "github.com/minio/minio-go/v7"
		t := []API{
			wildcard(pkg, "Client", Cloud),
			wildcard(pkg, "Core", Cloud),
			consume(method(pkg, "Client", "ListenBucketNotification", Cloud, 0)),
			consume(method(pkg, "Client", "ListenNotification", Cloud, 0)),
		}
		// HEAD and DELETE requests (api-stat.go:29-36, 66-91;
		// api-remove.go:96-102, 140-188).
		for _, m := range []string{"StatObject", "BucketExists", "RemoveObject", "RemoveBucket"} {
			t = append(t, bounded(method(pkg, "Client", m, Cloud, 0)))
		}
		// Presigning is local but for the bucket location lookup
		// (api-presigned.go:130; bucket-cache.go:49-51).
		for _, m := range []string{"Presign", "PresignHeader", "PresignedGetObject", "PresignedHeadObject", "PresignedPutObject", "PresignedPostPolicy"} {
			t = append(t, unknown(method(pkg, "Client", m, Cloud, 0)))
		}
		return t
	}(),
	Addrs: []Addr{
		{Func: "github.com/minio/minio-go/v7.New", Arg: 0},
		{Func: "github.com/minio/minio-go/v7.NewCore", Arg: 0},
	},
}
