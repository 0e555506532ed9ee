// Package sharedfate defines the faultline graph rule that reports nodes
// many services depend on hard and synchronously while the node is not
// redundant or sits in one zone: one fault there fails all of them at once.
// Its documentation for users is doc.md, shown by
// `faultline explain sharedfate`.
package sharedfate
