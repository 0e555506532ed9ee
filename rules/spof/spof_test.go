package spof_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/spof"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, spof.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"chain", `
entry web frontend
service frontend replicas=3
service checkout replicas=1 # want "^checkout \(service, 1 replica\) is a single point of failure for entrypoint web: run 2 or more replicas$"
datastore orders ha=single  # want "^orders \(datastore, ha single\) is a single point of failure for entrypoint web: make it redundant \(replicas >= 2 or ha replicated\|quorum\|managed\)$"
frontend -> checkout timeout=1s
checkout -> orders timeout=1s
`},
		{"entry service itself", `
entry web frontend
service frontend # want "frontend \(service, 1 replica\) is a single point of failure for entrypoint web"
`},
		{"redundant", `
entry web frontend
service frontend replicas=2
service api replicas=3
datastore a ha=replicated
datastore b ha=quorum
datastore c ha=managed
datastore d replicas=2 ha=single
queue q replicas=2
frontend -> api; api -> a; api -> b; api -> c; api -> d; api -> q
`},
		{"not required", `
entry web frontend
service frontend replicas=2
service ads
service audit
service cache
service lonely
frontend -> ads soft timeout=100ms fallback=none
frontend -> audit async
frontend -> cache fallback=db
ads -> lonely
`},
		{"alternatives", `
entry web frontend
service frontend replicas=2
service primary
service replica
datastore disk # want "disk \(datastore, ha single\) is a single point of failure for entrypoint web"
frontend -> primary group=db
frontend -> replica group=db
primary -> disk
replica -> disk
`},
		{"alternative that is soft", `
entry web frontend
service frontend replicas=2
service primary
service replica
datastore disk
frontend -> primary group=db
frontend -> replica group=db soft
primary -> disk
replica -> disk
`},
		{"cycle", `
entry web a
service a replicas=2
service b # want "b .* for entrypoint web"
service c # want "c .* for entrypoint web"
a -> b; b -> c; c -> b
`},
		{"several entrypoints", `
entry web frontend
entry mobile gateway
entry admin backoffice
service frontend replicas=2
service gateway replicas=2
service backoffice replicas=2
service users # want "users \(service, 1 replica\) is a single point of failure for entrypoints mobile, web: run"
external stripe # want "stripe \(external, 1 replica\) is a single point of failure for entrypoint mobile: give its callers an alternative provider"
frontend -> users; gateway -> users; gateway -> stripe mesh
backoffice -> users soft fallback=cached
`},
		{"unknown replicas", `
entry web frontend
service frontend replicas=2
service legacy code
frontend -> legacy calls=unbounded
`},
		{"no entrypoints", `
service a
service b
a -> b
`},
		{"entrypoint without service", `
entry web ghost
service a
`},
		{"zero replicas", `
entry web frontend
service frontend replicas=0 # want "frontend \(service, 0 replicas\)"
`},
		{"position without replicas field", `
entry web frontend
service frontend replicas=2
datastore orders # want "orders"
frontend -> orders
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, spof.Rule, tt.spec) })
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, spof.Rule) }
