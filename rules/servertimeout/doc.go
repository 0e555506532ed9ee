// Package servertimeout defines the faultline rule that reports HTTP servers
// with no read timeout: the package-level http.ListenAndServe family, and
// http.Server values that reach Serve with neither ReadHeaderTimeout nor
// ReadTimeout set. Its documentation for users is doc.md, shown by
// `faultline explain servertimeout`.
package servertimeout
