package topology

import (
	"cmp"
	"errors"
	"fmt"
	"runtime/metrics"
	"time"

	"github.com/faultline-dev/faultline/graph"
)

// Default limits of a load, for a zero [Options.Timeout] and
// [Options.MaxMemory]. A generated topology of 10,000 services loads in
// about 5 s and 600 MiB.
const (
	DefaultTimeout   = time.Minute
	DefaultMaxMemory = 4 << 30
)

// ErrTooExpensive is matched by [errors.Is] on the error of a load stopped by
// [Options.Timeout] or [Options.MaxMemory]. CUE cannot stop an evaluation:
// the abandoned one goes on, using a processor and memory, until it ends or
// the program exits, so a program that gets this error should exit soon.
var ErrTooExpensive = errors.New("topology too expensive to evaluate")

// memoryPoll is how often the heap is measured against the memory limit.
// An evaluation that doubles its memory at every step passes the limit by
// what it allocates in one poll, at most twice the limit.
const memoryPoll = 10 * time.Millisecond

// withBudget runs load in a goroutine and waits for it within the limits of
// opts. When one is passed it returns an error at once and abandons the
// goroutine, which runs on until it ends or the process exits.
func withBudget(where string, opts Options, load func() (*graph.Graph, error)) (*graph.Graph, error) {
	timeout := cmp.Or(opts.Timeout, DefaultTimeout)
	maxMemory := cmp.Or(opts.MaxMemory, DefaultMaxMemory)
	if timeout < 0 && maxMemory < 0 {
		return load()
	}
	type result struct {
		g   *graph.Graph
		err error
	}
	done := make(chan result, 1) // an abandoned load does not block on it
	base := heapBytes()
	go func() {
		g, err := load()
		done <- result{g, err}
	}()
	var expired, poll <-chan time.Time
	if timeout > 0 {
		t := time.NewTimer(timeout)
		defer t.Stop()
		expired = t.C
	}
	if maxMemory > 0 {
		t := time.NewTicker(memoryPoll)
		defer t.Stop()
		poll = t.C
	}
	for {
		select {
		case r := <-done:
			return r.g, r.err
		case <-expired:
			return nil, tooExpensive(where, fmt.Sprintf("it took more than %v, the time limit", timeout))
		case <-poll:
			if heapBytes()-base > maxMemory {
				return nil, tooExpensive(where, fmt.Sprintf("it needed more than %s of memory, the memory limit", formatBytes(maxMemory)))
			}
		}
	}
}

// heapBytes returns the bytes of the Go heap's objects, live or not yet
// swept.
func heapBytes() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

func tooExpensive(where, why string) error {
	return Errors{{
		Pos: graph.Pos{File: where},
		Msg: ErrTooExpensive.Error() + ": " + why,
		Hint: "write the values out instead of computing them: long chains of references and strings or lists " +
			"built by repeated concatenation are what make CUE slow; or raise the limits with faultline's " +
			"-topology-timeout and -topology-memory flags, Options.Timeout and Options.MaxMemory in Go",
		err: ErrTooExpensive,
	}}
}
