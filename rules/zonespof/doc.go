// Package zonespof defines the faultline graph rule that reports redundant
// nodes whose replicas all sit in one zone (or one region) while some
// entrypoint requires them. Its documentation for users is doc.md, shown
// by `faultline explain zonespof`.
package zonespof
