// Package ctxdeadline defines the faultline rule that reports remote calls
// (gRPC stubs, database/sql's *Context methods, HTTP requests built with a
// context, Redis, Kafka, cloud SDKs, DialContext) whose context has no
// deadline on some path from where it was created.
//
// The analysis is interprocedural and crosses packages: a function whose
// context parameter reaches a remote call with no deadline added on the way
// exports a Fact saying so, and the finding lands where a context without a
// deadline enters the path: a context.Background() or context.TODO() at its
// root, a context.WithoutCancel, a helper that returns a fresh context, or an
// HTTP handler's request context (reported at a lower severity, in the
// category CategoryRequest). Its documentation for users is doc.md, shown by
// `faultline explain ctxdeadline`.
package ctxdeadline
