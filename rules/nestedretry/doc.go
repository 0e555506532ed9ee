// Package nestedretry defines the faultline rule that reports a retrying
// call made inside a retry: a retrying client (retryablehttp, go-redis,
// kafka-go's Writer, a gRPC connection with retries) or a function that
// retries, called from a retry loop or a retry library, and a gRPC retry
// interceptor on top of a service-config retryPolicy. Attempts multiply.
// Its documentation for users is doc.md, shown by
// `faultline explain nestedretry`.
package nestedretry
