// Package notimeout defines the faultline graph rule that reports
// synchronous calls with neither a timeout nor a deadline. Its
// documentation for users is doc.md, shown by `faultline explain notimeout`.
package notimeout
