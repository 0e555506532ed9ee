package queuehygiene_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/queuehygiene"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, queuehygiene.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"no dead-letter queue", `
queue events # want "^queue events has no dead-letter queue: a message that keeps failing is retried forever, blocking the ones behind it, or silently dropped; set deadLetter to a queue you monitor$"
service checkout replicas=2
checkout -> events async
`},
		{"dead-letter queue", `
queue events deadLetter=events-dlq
queue events-dlq
service checkout replicas=2
checkout -> events async
`},
		{"single replica clients", `
queue events deadLetter=dlq
queue dlq
service checkout replicas=1 # want "^queue events: all its clients \(checkout, mailer\) run a single replica, so its consumer stops whenever that instance does and messages pile up; run 2 or more replicas of the consumer$"
service mailer replicas=1
checkout -> events async
mailer -> events
`},
		{"only client", `
queue jobs deadLetter=dlq
queue dlq
service worker # want "^queue jobs: its only client, worker, runs a single replica"
worker -> jobs
`},
		{"one redundant client", `
queue events deadLetter=dlq
queue dlq
service checkout replicas=3
service mailer replicas=1
checkout -> events async
mailer -> events
`},
		{"unknown replicas", `
queue events deadLetter=dlq
queue dlq
service legacy code
legacy -> events
`},
		{"queue learned from code", `
queue events code
service a replicas=2
a -> events
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, queuehygiene.Rule, tt.spec) })
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, queuehygiene.Rule) }
