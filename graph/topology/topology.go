// Package topology loads a service topology written in CUE into a
// graph.Graph. It is the only package of faultline that imports
// cuelang.org/go.
//
// STUB: the API below is the contract; the implementation is being written.
package topology

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/faultline-dev/faultline/graph"
)

// Options control loading.
type Options struct {
	// Root is the directory that positions (in the graph and in errors)
	// are made relative to. Empty means the topology's own directory.
	Root string
}

// Load loads the topology at path: a .cue file, or a directory holding one
// CUE package (one or more files).
func Load(path string, opts Options) (*graph.Graph, error) {
	return nil, errors.New("topology: not implemented")
}

// LoadFS loads the topology in directory dir of fsys; tests use it with
// txtar archives.
func LoadFS(fsys fs.FS, dir string, opts Options) (*graph.Graph, error) {
	return nil, errors.New("topology: not implemented")
}

// Error is one problem with a topology, at the CUE position to change.
type Error struct {
	Pos  graph.Pos
	Msg  string // what is wrong
	Hint string // how to fix it; may be empty
}

func (e *Error) Error() string {
	s := e.Pos.String() + ": " + e.Msg
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// Errors is every problem found, sorted by position.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
