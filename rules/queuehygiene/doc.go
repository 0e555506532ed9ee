// Package queuehygiene defines the faultline graph rule that reports
// queues with no dead-letter queue, and queues whose consumers run a
// single replica. Its documentation for users is doc.md, shown by
// `faultline explain queuehygiene`.
package queuehygiene
