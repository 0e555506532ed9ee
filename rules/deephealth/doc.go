// Package deephealth defines the faultline rule that reports health
// checks that call remote dependencies: HTTP handlers registered on
// liveness paths (/healthz, /livez, /health, …) and readiness paths
// (/readyz, /ready, …) through net/http, gorilla/mux, chi, gin or echo,
// and implementations of the gRPC health service, whose answer waits on a
// database, a cache or another service. Readiness findings are notes,
// liveness findings warnings. Its documentation for users is doc.md, shown
// by `faultline explain deephealth`.
package deephealth
