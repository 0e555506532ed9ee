package sharedfate_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/sharedfate"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, sharedfate.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"not redundant", `
datastore sessions # want "^sessions \(datastore, ha single\) is a shared fate: 3 services \(cart, checkout, profile\) call it hard and synchronously and it is not redundant, so one fault fails them all at once; make it redundant \(replicas >= 2 or ha replicated\|quorum\|managed\), or isolate the callers \(soft dependencies with fallbacks, bulkheads, separate instances\)$"
cart -> sessions; checkout -> sessions; profile -> sessions fallback=anonymous
`},
		{"one zone", `
datastore sessions ha=replicated zones=a # want "^sessions \(datastore, ha replicated\) is a shared fate: 3 services .* and all of it runs in zone a, so one fault fails them all at once; spread it over 2 or more zones, or isolate"
cart -> sessions; checkout -> sessions; profile -> sessions
`},
		{"below the threshold", `
datastore sessions
cart -> sessions; checkout -> sessions; profile -> sessions soft; search -> sessions async; sessions -> sessions
`},
		{"threshold setting", `
settings sharedFateMin=2
external stripe # want "stripe \(external, 1 replica\) is a shared fate: 2 services \(billing, checkout\)"
billing -> stripe; checkout -> stripe
`},
		{"redundant and spread", `
datastore sessions ha=quorum zones=a,b
service api replicas=3
service legacy code
cart -> sessions; checkout -> sessions; profile -> sessions
cart -> api; checkout -> api; profile -> api
cart -> legacy; checkout -> legacy; profile -> legacy
`},
		{"long list", `
service core # want "core \(service, 1 replica\) is a shared fate: 7 services \(a, b, c, d, e and 2 more\)"
a -> core; b -> core; c -> core; d -> core; e -> core; f -> core; g -> core
`},
		{"unknown replicas in one zone", `
service legacy code zones=a # want "legacy \(service\) is a shared fate: 3 services \(a, b, c\) call it hard and synchronously and all of it runs in zone a, so one fault fails them all at once; spread it over 2 or more zones, or isolate"
a -> legacy; b -> legacy; c -> legacy
`},
		{"callers that are not services", `
queue jobs
datastore db
service w1 replicas=2
service w2 replicas=2
jobs -> db; w1 -> db; w2 -> db
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, sharedfate.Rule, tt.spec) })
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, sharedfate.Rule) }
