// Package topology loads a service topology written in CUE into a
// [graph.Graph], and writes a graph back as topology CUE. It is the only
// package of faultline that imports cuelang.org/go.
//
// A topology is one CUE package (one or more files in a directory, or a
// single file) holding the top-level fields entrypoints, services,
// datastores, queues, externals and settings. The user writes plain CUE with
// no import; the loader unifies the package with the embedded schema
// ([Schema], the definition #Topology), so every field is checked, unknown
// fields are errors and the same file passes `cue vet -c schema.cue
// topology.cue`. Defaults are applied here, in Go, never in CUE.
//
// Every node, edge, entrypoint and field the user wrote keeps the position
// where it is written, relative to [Options.Root], so that findings point at
// the CUE line to change. Bad input gives [Errors]: one message per problem,
// with a position, what is wrong and how to fix it.
//
// # How a topology is checked
//
// Unifying a large topology with a closed schema in CUE costs several times
// the evaluation of the topology itself (see PERF.md). The loader therefore
// evaluates the user's package once with the schema's definitions in scope,
// and asks CUE whether the result is an instance of #Topology
// ([cue.Value.Subsume] with [cue.Final], which checks closedness too). Only
// when it is not, the package is evaluated again unified with #Topology, and
// CUE's errors are rewritten into plain messages. Checks that CUE cannot
// express well (durations, references between nodes, names) are done in Go.
package topology
