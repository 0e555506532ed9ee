// Package unobserved defines the faultline rule that reports remote
// dependencies whose calls produce no metrics and no traces: its code side
// (unobserved.go, metrics.go) finds, in Go, the clients that no
// instrumentation faultline models reaches; its Refine hook (rule.go)
// leaves out the edges the topology declares observed. Its documentation
// for users is doc.md, shown by `faultline explain unobserved`.
package unobserved
