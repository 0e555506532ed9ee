// Package dialtimeout defines the faultline rule that reports connections
// dialed with no bound: net.Dial and net.DialTCP, net.Dialer and
// kafka-go Dialer values with neither Timeout nor Deadline, tls.Dial and
// tls.DialWithDialer with such a dialer, net/smtp and net/rpc dials, and
// blocking gRPC dials with no deadline. Its documentation for users is
// doc.md, shown by `faultline explain dialtimeout`.
package dialtimeout
