package zonespof_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/zonespof"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, zonespof.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"one zone", `
entry web frontend
service frontend replicas=3 zones=a,b,c
datastore orders ha=replicated zones=a,a # want "^orders \(datastore, ha replicated\) runs in one zone, a: an outage of a takes down entrypoint web; spread it over 2 or more zones$"
frontend -> orders
`},
		{"one region", `
entry web frontend
entry mobile frontend
service frontend replicas=3 regions=eu # want "^frontend \(service, 3 replicas\) runs in one region, eu: an outage of eu takes down entrypoints mobile, web; spread it over 2 or more regions$"
`},
		{"spread", `
entry web frontend
service frontend replicas=3 zones=a,b
service api replicas=2 zones=a regions=eu,us
frontend -> api
`},
		{"unknown placement", `
entry web frontend
service frontend replicas=3
`},
		{"not redundant is spof's", `
entry web frontend
service frontend replicas=1 zones=a
`},
		{"unknown replicas", `
entry web frontend
service frontend replicas=2 zones=a,b
service legacy code zones=a
frontend -> legacy
`},
		{"not required", `
entry web frontend
service frontend replicas=2 zones=a,b
service ads replicas=2 zones=a
service worker replicas=2 zones=a
service cache replicas=2 zones=a
service p replicas=2 zones=a
service q replicas=2 zones=b
frontend -> ads soft
frontend -> worker async
frontend -> cache fallback=origin
frontend -> p group=g; frontend -> q group=g
`},
		{"group whose alternatives share a zone-bound node", `
entry web frontend
service frontend replicas=2 zones=a,b
service p replicas=2 zones=a,b
service q replicas=2 zones=a,b
datastore disk ha=managed zones=a # want "disk .* runs in one zone, a"
frontend -> p group=g; frontend -> q group=g
p -> disk; q -> disk
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, zonespof.Rule, tt.spec) })
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, zonespof.Rule) }
