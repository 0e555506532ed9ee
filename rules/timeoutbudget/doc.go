// Package timeoutbudget defines the faultline graph rule that reports
// timeouts that do not fit together: a caller that gives up before its
// callee's own calls can finish, a deadline too short for the attempts it
// allows, and an entrypoint whose timeout is shorter than its slowest
// bounded call path. Its documentation for users is doc.md, shown by
// `faultline explain timeoutbudget`.
package timeoutbudget
