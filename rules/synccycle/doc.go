// Package synccycle defines the faultline graph rule that reports cycles
// of synchronous calls, once per strongly connected component. Its
// documentation for users is doc.md, shown by `faultline explain synccycle`.
package synccycle
