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
//
// # Limits
//
// faultline is a CI gate: broken or hostile input must end in an error,
// never a hang, a crash or a silently wrong reading. Therefore:
//
//   - Only regular files are read (or links to them). A device, a pipe, a
//     socket or a directory where a topology file is expected is an error,
//     found before the file is opened: reading /dev/zero never ends, and
//     opening a FIFO blocks.
//   - A file may hold at most 64 MiB, and all the files of a topology
//     together 64 MiB, checked with Stat and again while reading.
//   - Every number field has an upper bound in the schema (replicas up to
//     1,000,000, retries.attempts up to 1,000, …), so a number too large
//     for Go is an error at its position rather than a field read as
//     absent. Durations must fit in a [time.Duration] (about 292 years).
//   - The load, CUE's evaluation above all, has a time and a memory limit
//     ([Options.Timeout], [Options.MaxMemory]; [DefaultTimeout] and
//     [DefaultMaxMemory] when zero). A few lines of CUE can take minutes
//     (a long chain of references) or all the memory there is (a string
//     doubled forty times). CUE's evaluation cannot be cancelled, so it
//     runs in a goroutine that the loader watches: a timer for the time, a
//     poll of the heap every 10 ms for the memory. When a limit is passed,
//     the load returns at once with an error matching [ErrTooExpensive],
//     and the abandoned goroutine keeps running, and allocating, until it
//     ends or the process exits. A program that gets this error should
//     exit soon rather than go on with other work.
//
// One case is beyond these limits: a single allocation larger than the
// machine's memory, such as a string of a megabyte repeated a million
// times (`s * 1000000`), makes the Go runtime abort the process ("fatal
// error: out of memory") before any watchdog can see it. Only CUE could
// refuse it, by bounding the size of the strings it builds.
package topology
