// Package drift defines the faultline rule that reports disagreements
// between the topology and the code: declared timeouts, breakers and
// retries that the call sites do not have, or have with other values, and
// declared dependencies no call reaches. It reads the graph the engine
// joins from both. Its documentation for users is doc.md, shown by
// `faultline explain drift`.
package drift
