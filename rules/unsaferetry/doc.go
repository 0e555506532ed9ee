// Package unsaferetry defines the faultline graph rule that reports
// retried calls that are not idempotent, or that retry with no backoff.
// Its documentation for users is doc.md, shown by
// `faultline explain unsaferetry`.
package unsaferetry
