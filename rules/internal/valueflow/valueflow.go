// Package valueflow follows configuration values (http.Client,
// http.Transport, http.Server, net.Dialer, …) back through SSA to where they
// are built, across functions and packages, to tell whether a field such as
// Timeout is set.
//
// STUB: the API below is the contract; the implementation is being written.
package valueflow

import (
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
)

// State is what is known of a configuration value.
type State int

const (
	Unknown State = iota // comes from somewhere not followed: stay silent
	Unset                // every origin leaves it unset
	Set                  // some origin sets it
)

// Analyzer computes value-flow facts.
var Analyzer = &analysis.Analyzer{
	Name:       "faultlinevalueflow",
	Doc:        "follow configuration values to their origins (faultline internal)",
	Run:        func(pass *analysis.Pass) (any, error) { return &Result{}, nil },
	Requires:   []*analysis.Analyzer{ir.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
}

// Result answers value-flow questions within one package.
type Result struct{}

// HTTPClientTimeout reports whether the *http.Client (or http.Client) v has
// a non-zero Timeout. http.DefaultClient is Unset.
func (r *Result) HTTPClientTimeout(v ssa.Value) State { return Unknown }
