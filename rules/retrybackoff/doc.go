// Package retrybackoff defines the faultline rule that reports retries
// with no delay between attempts (a warning), and retries that wait a fixed
// delay with no jitter (a note), in hand-written loops and in retry
// libraries. Its documentation for users is doc.md, shown by
// `faultline explain retrybackoff`.
package retrybackoff
