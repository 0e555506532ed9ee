// Package nobreaker defines the faultline rule that reports remote
// dependencies with no circuit breaker. Its graph side (graph.go) reports
// hard synchronous edges of the topology to services and externals with no
// breaker; its code side reports, in Go, the clients of a remote dependency
// that no breaker guards. Its documentation for users is doc.md, shown by
// `faultline explain nobreaker`.
package nobreaker
