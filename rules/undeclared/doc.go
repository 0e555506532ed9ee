// Package undeclared defines the faultline rule that reports calls in Go
// code to dependencies the topology does not declare. The engine joins call
// sites to the topology and marks edges found only in code; this rule reads
// them. Its documentation for users is doc.md, shown by
// `faultline explain undeclared`.
package undeclared
