// Package cascade defines the faultline graph rule that reports, per
// entrypoint, the paths of hard synchronous calls with no timeout along
// which one hung node stalls the entrypoint and every caller on the way.
// Its documentation for users is doc.md, shown by
// `faultline explain cascade`.
package cascade
