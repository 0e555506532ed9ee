// A directive's own text would swallow a trailing want comment, so the
// expectations of directives without a reason sit in a block comment before
// them.

// Package a holds faultline:ignore directives of every kind, next to the
// servertimeout findings some of them are written for. Only the directive
// rule's diagnostics are expected here; servertimeout's suppression is
// tested end to end (cmd/faultline/internal/cli/testdata/script/suppress.txtar).
package a

import "net/http"

// A directive that suppresses a real finding, on the line above it: silent.
func used() {
	//faultline:ignore servertimeout a debug endpoint on localhost only
	http.ListenAndServe("localhost:6060", nil)
}

// On the same line: silent too.
func usedSameLine() {
	http.ListenAndServe("localhost:6061", nil) //faultline:ignore servertimeout a debug endpoint
}

// Several rules at once, one of them used: the unused code rule is reported.
func severalRules() {
	//faultline:ignore servertimeout,httptimeout a debug endpoint // want `faultline:ignore directive for httptimeout suppresses nothing here: the finding it was written for is gone; remove the directive`
	http.ListenAndServe("localhost:6062", nil)
}

// A graph rule's directive is checked by faultline check, not here: silent.
func graphRule() {
	//faultline:ignore undeclared the analytics endpoint is optional
	http.ListenAndServe("localhost:6063", &http.ServeMux{})
}

// --- traps ---------------------------------------------------------------

// The finding moved to another line: the directive hides nothing it was
// written for.
func stale() {
	//faultline:ignore servertimeout a debug endpoint // want `faultline:ignore directive for servertimeout suppresses nothing here`

	http.ListenAndServe("localhost:6064", nil)
}

// No reason: reported (and the finding is not suppressed).
func noReason() {
	/* // want `faultline:ignore directive for servertimeout gives no reason` */ //faultline:ignore servertimeout
	http.ListenAndServe("localhost:6065", nil)
}

// No rule at all.
func noRule() {
	/* // want `faultline:ignore directive names no rule: write //faultline:ignore RULE reason` */ //faultline:ignore
}

// A space after the slashes is accepted, as people write both forms: a
// spaced directive is used like any other, and judged like any other.
func spaced() {
	// faultline:ignore servertimeout a debug endpoint
	http.ListenAndServe("localhost:6067", nil)
	// faultline:ignored is another word, and "faultline:ignore" in prose is prose.
}

func spacedStale() {
	// faultline:ignore servertimeout a debug endpoint // want `faultline:ignore directive for servertimeout suppresses nothing here`

	http.ListenAndServe("localhost:6068", nil)
}

// golangci-lint's //nolint comments are not audited: one naming faultline
// that silences nothing, or naming another linter, is nolintlint's business.
func nolint() {
	//nolint:faultline // a debug endpoint
	_ = 1
	//nolint:errcheck,servertimeout
	http.ListenAndServe("localhost:6069", nil)
}

// A misspelt rule suppresses nothing, and the nearest name is offered.
func typo() {
	//faultline:ignore servertimout debug endpoint // want `faultline:ignore directive names unknown rule servertimout \(did you mean servertimeout\?\): it suppresses nothing`
	http.ListenAndServe("localhost:6066", nil)
}
