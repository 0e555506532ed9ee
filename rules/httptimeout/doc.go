// Package httptimeout defines the faultline rule that reports HTTP requests
// that can wait forever: the package-level http.Get family,
// http.DefaultClient, http.Client values with no Timeout whose requests
// carry no deadline, http.Transport values with no dial, TLS handshake or
// response-header timeout, and the same through hashicorp/go-retryablehttp.
// Its documentation for users is doc.md, shown by
// `faultline explain httptimeout`.
package httptimeout
