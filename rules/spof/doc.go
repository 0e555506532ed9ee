// Package spof defines the faultline graph rule that reports single points
// of failure: nodes that are not redundant and that some entrypoint cannot
// work without. Its documentation for users is doc.md, shown by
// `faultline explain spof`.
package spof
