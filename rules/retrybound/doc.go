// Package retrybound defines the faultline rule that reports retries with
// no attempt limit and no deadline: hand-written loops around a remote call
// that only success can end, and retry libraries configured to retry
// forever. Its documentation for users is doc.md, shown by
// `faultline explain retrybound`.
package retrybound
