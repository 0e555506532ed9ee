package lint

import "github.com/faultline-dev/faultline/graph"

// Nearest returns the candidate closest to s by edit distance, when it is
// close enough to be a likely typo: see graph.Nearest.
func Nearest(s string, candidates []string) string { return graph.Nearest(s, candidates) }
