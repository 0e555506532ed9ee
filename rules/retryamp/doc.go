// Package retryamp defines the faultline graph rule that reports, per
// entrypoint, the call path along which retries multiply the most: a
// product of attempts above the threshold, or two or more layers that
// retry. Its documentation for users is doc.md, shown by
// `faultline explain retryamp`.
package retryamp
