// Package softfail defines the faultline graph rule that reports soft
// dependencies that cannot actually degrade: no fallback, or a timeout
// that outlasts the caller's own budget. Its documentation for users is
// doc.md, shown by `faultline explain softfail`.
package softfail
