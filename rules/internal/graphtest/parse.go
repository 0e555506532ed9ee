package graphtest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/faultline-dev/faultline/graph"
)

// SpecFile is the file name positions in a graph built by Parse refer to.
const SpecFile = "spec.txt"

// Parse builds a graph from the compact text form that table tests use
// instead of CUE, one statement per line; '#' starts a comment, and a
// comment `# want "regexp"` states a finding expected on its line (see
// RunSpec):
//
//	service   NAME [replicas=N] [zones=a,b] [regions=r,s] [tier=T] [requestTimeout=D] [code]
//	datastore NAME [ha=single|replicated|quorum|managed] [replicas=N] [zones=…] [regions=…]
//	queue     NAME [deadLetter=Q] [replicas=N]
//	external  NAME [replicas=N]
//	entry     NAME SERVICE [timeout=D] [tier=T]
//	settings  [maxAmplification=F] [sharedFateMin=N]
//	FROM -> TO [timeout=D] [deadline=D] [attempts=N] [backoff=B] [jitter] [budget=F]
//	           [breaker] [fallback=F] [soft] [async] [idempotent=false] [group=G]
//	           [mesh] [propagates] [protocol=P] [calls=bounded|unbounded|guarded|retried|request|unknown,…]
//	           [codeonly]
//
// Nodes named by an edge and not declared are services with one replica.
// A `code` service was learned from code only: its replicas are unknown.
// A `codeonly` edge was learned from code only (no topology declares it).
// `calls=` adds call sites found in code, one per comma-separated word:
// bounded (no breaker), unbounded (no breaker either), guarded (bounded
// and guarded), retried (bounded, 3 attempts, breaker unknown), request
// (made with an HTTP handler's request context: unbounded by the calling
// code, CallSite.Request), unknown (neither determinable). Every node, edge and
// entrypoint gets the position of its line, and every attribute the column
// where it is written, under its CUE field name (attempts, backoff, jitter
// and budget under "retries"; soft under "criticality"; async under
// "mode"; mesh under "via"), so FieldPos behaves as with a topology.
func Parse(src string) (*graph.Graph, error) {
	g := &graph.Graph{}
	nodes := map[string]*graph.Node{}
	declared := map[string]bool{}
	for i, raw := range strings.Split(src, "\n") {
		if j := strings.IndexByte(raw, '#'); j >= 0 {
			raw = raw[:j]
		}
		for off := 0; off <= len(raw); {
			end := strings.IndexByte(raw[off:], ';')
			if end < 0 {
				end = len(raw) - off
			}
			line := raw[off : off+end]
			words, cols := fields(line)
			for k := range cols {
				cols[k] += off
			}
			off += end + 1
			if len(words) == 0 {
				continue
			}
			if err := statement(g, nodes, declared, words, cols, i+1, line); err != nil {
				return nil, err
			}
		}
	}
	g.Index()
	return g, nil
}

// statement adds one statement of the text form to g.
func statement(g *graph.Graph, nodes map[string]*graph.Node, declared map[string]bool, words []string, cols []int, lineNo int, line string) error {
	addNode := func(name string, kind graph.Kind, pos graph.Pos) *graph.Node {
		n := nodes[name]
		if n == nil {
			n = &graph.Node{Name: name, Replicas: 1, ReplicasKnown: true, Source: graph.FromTopology, Fields: map[string]graph.Pos{}}
			nodes[name] = n
			g.Nodes = append(g.Nodes, n)
		}
		n.Kind, n.Pos = kind, pos
		return n
	}
	at := func(col int) graph.Pos { return graph.Pos{File: SpecFile, Line: lineNo, Col: col} }
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", SpecFile, lineNo, fmt.Sprintf(format, args...))
	}
	switch words[0] {
	case "service", "datastore", "queue", "external":
		if len(words) < 2 {
			return bad("%s needs a name", words[0])
		}
		kind := map[string]graph.Kind{"service": graph.Service, "datastore": graph.Datastore, "queue": graph.Queue, "external": graph.External}[words[0]]
		if declared[words[1]] {
			return bad("node %s declared twice", words[1])
		}
		declared[words[1]] = true
		n := addNode(words[1], kind, at(cols[0]))
		for k, w := range words[2:] {
			if err := nodeAttr(n, w, at(cols[k+2])); err != nil {
				return bad("%v", err)
			}
		}
	case "entry":
		if len(words) < 3 {
			return bad("entry needs a name and a service")
		}
		ep := &graph.Entrypoint{Name: words[1], Service: words[2], Pos: at(cols[0]), Fields: map[string]graph.Pos{"service": at(cols[2])}}
		for k, w := range words[3:] {
			key, val, _ := strings.Cut(w, "=")
			var err error
			switch key {
			case "timeout":
				ep.Timeout, err = time.ParseDuration(val)
			case "tier":
				ep.Tier = val
			default:
				err = fmt.Errorf("unknown entry attribute %q", w)
			}
			if err != nil {
				return bad("%v", err)
			}
			ep.Fields[key] = at(cols[k+3])
		}
		g.Entrypoints = append(g.Entrypoints, ep)
	case "settings":
		g.Settings.Pos = at(cols[0])
		g.Settings.Fields = map[string]graph.Pos{}
		for k, w := range words[1:] {
			key, val, _ := strings.Cut(w, "=")
			var err error
			switch key {
			case "maxAmplification":
				g.Settings.MaxAmplification, err = strconv.ParseFloat(val, 64)
			case "sharedFateMin":
				g.Settings.SharedFateMin, err = strconv.Atoi(val)
			default:
				err = fmt.Errorf("unknown setting %q", w)
			}
			if err != nil {
				return bad("%v", err)
			}
			g.Settings.Fields[key] = at(cols[k+1])
		}
	default:
		if len(words) < 3 || words[1] != "->" {
			return bad("cannot parse %q", strings.TrimSpace(line))
		}
		for _, name := range []string{words[0], words[2]} {
			if nodes[name] == nil {
				addNode(name, graph.Service, at(cols[0]))
			}
		}
		e := &graph.Edge{
			From: words[0], To: words[2], Protocol: "http", Mode: graph.ModeSync, Criticality: graph.Hard,
			Idempotent: true, Via: graph.ViaCode, Source: graph.FromTopology,
			Pos: at(cols[0]), Fields: map[string]graph.Pos{},
		}
		for k, w := range words[3:] {
			if err := edgeAttr(e, w, at(cols[k+3])); err != nil {
				return bad("%v", err)
			}
		}
		g.Edges = append(g.Edges, e)
	}
	return nil
}

// fields splits s at spaces and returns the words and their 1-based
// columns.
func fields(s string) ([]string, []int) {
	var words []string
	var cols []int
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' || s[i] == '\t' {
			if start >= 0 {
				words = append(words, s[start:i])
				cols = append(cols, start+1)
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return words, cols
}

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func nodeAttr(n *graph.Node, w string, pos graph.Pos) error {
	key, val, _ := strings.Cut(w, "=")
	var err error
	switch key {
	case "replicas":
		n.Replicas, err = strconv.Atoi(val)
	case "zones":
		n.Zones = list(val)
	case "regions":
		n.Regions = list(val)
	case "tier":
		n.Tier = val
	case "ha":
		n.HA = val
	case "deadLetter":
		n.DeadLetter = val
	case "requestTimeout":
		var d time.Duration
		d, err = time.ParseDuration(val)
		n.Server = &graph.Server{RequestTimeout: d}
		key = "server"
	case "code":
		n.ReplicasKnown, n.Source = false, graph.FromCode
		return nil
	default:
		return fmt.Errorf("unknown node attribute %q", w)
	}
	n.Fields[key] = pos
	return err
}

func edgeAttr(e *graph.Edge, w string, pos graph.Pos) error {
	key, val, _ := strings.Cut(w, "=")
	field := key
	var err error
	switch key {
	case "timeout":
		e.Timeout, err = time.ParseDuration(val)
	case "deadline":
		e.Deadline, err = time.ParseDuration(val)
	case "attempts":
		e.Retries.Attempts, err = strconv.Atoi(val)
		field = "retries"
	case "backoff":
		e.Retries.Backoff, field = val, "retries"
	case "jitter":
		e.Retries.Jitter, field = true, "retries"
	case "budget":
		e.Retries.Budget, err = strconv.ParseFloat(val, 64)
		field = "retries"
	case "breaker":
		e.Breaker = true
	case "fallback":
		e.Fallback = val
	case "soft":
		e.Criticality, field = graph.Soft, "criticality"
	case "async":
		e.Mode, field = graph.ModeAsync, "mode"
	case "idempotent":
		e.Idempotent, err = strconv.ParseBool(val)
	case "group":
		e.Group = val
	case "mesh":
		e.Via, field = graph.ViaMesh, "via"
	case "propagates":
		e.PropagatesDeadline, field = true, "propagatesDeadline"
	case "protocol":
		e.Protocol = val
	case "codeonly":
		e.Source = graph.FromCode
	case "calls":
		e.Source |= graph.FromCode
		for _, c := range list(val) {
			cs := graph.CallSite{Pos: graph.Pos{File: "main.go", Line: len(e.Calls) + 1, Col: 1}}
			switch c {
			case "bounded":
				cs.Bound, cs.Breaker = graph.Yes, graph.No
			case "guarded":
				cs.Bound, cs.Breaker = graph.Yes, graph.Yes
			case "unbounded":
				cs.Bound, cs.Breaker = graph.No, graph.No
			case "retried":
				cs.Bound, cs.Attempts = graph.Yes, 3
			case "request":
				cs.Bound, cs.Breaker, cs.Request = graph.No, graph.No, true
			case "unknown":
			default:
				return fmt.Errorf("unknown call site %q", c)
			}
			e.Calls = append(e.Calls, cs)
		}
		return nil
	default:
		return fmt.Errorf("unknown edge attribute %q", w)
	}
	if _, ok := e.Fields[field]; !ok {
		e.Fields[field] = pos
	}
	return err
}
