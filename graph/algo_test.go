package graph

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// build makes a graph from a small text form, one statement per line or
// separated by ';':
//
//	a -> b [soft] [async] [fallback] [group=G] [timeout=D] [deadline=D] [attempts=N] [budget=F]
//	node NAME          a node with no edges
//	entry NAME SERVICE
//
// Every node is a service with one replica.
func build(t testing.TB, spec string) *Graph {
	t.Helper()
	g := &Graph{}
	seen := map[string]bool{}
	node := func(name string) {
		if !seen[name] {
			seen[name] = true
			g.Nodes = append(g.Nodes, &Node{Name: name, Kind: Service, Replicas: 1, ReplicasKnown: true})
		}
	}
	for _, line := range strings.FieldsFunc(spec, func(r rune) bool { return r == '\n' || r == ';' }) {
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
		case f[0] == "node":
			node(f[1])
		case f[0] == "entry":
			g.Entrypoints = append(g.Entrypoints, &Entrypoint{Name: f[1], Service: f[2]})
		case len(f) >= 3 && f[1] == "->":
			node(f[0])
			node(f[2])
			e := &Edge{From: f[0], To: f[2], Idempotent: true}
			for _, attr := range f[3:] {
				k, v, _ := strings.Cut(attr, "=")
				var err error
				switch k {
				case "soft":
					e.Criticality = Soft
				case "async":
					e.Mode = ModeAsync
				case "fallback":
					e.Fallback = "default"
				case "group":
					e.Group = v
				case "timeout":
					e.Timeout, err = time.ParseDuration(v)
				case "deadline":
					e.Deadline, err = time.ParseDuration(v)
				case "attempts":
					e.Retries.Attempts, err = strconv.Atoi(v)
				case "budget":
					e.Retries.Budget, err = strconv.ParseFloat(v, 64)
				default:
					t.Fatalf("build: unknown attribute %q", attr)
				}
				if err != nil {
					t.Fatalf("build: %v", err)
				}
			}
			g.Edges = append(g.Edges, e)
		default:
			t.Fatalf("build: bad line %q", line)
		}
	}
	g.Index()
	return g
}

// names returns the names of nodes given by index.
func names(g *Graph, idx []int) string {
	var ns []string
	for _, i := range idx {
		ns = append(ns, g.Nodes[i].Name)
	}
	return strings.Join(ns, " ")
}

// pathString writes a path as a -> b -> c.
func pathString(es []*Edge) string {
	if len(es) == 0 {
		return ""
	}
	s := es[0].From
	for _, e := range es {
		s += " -> " + e.To
	}
	return s
}

func TestComponents(t *testing.T) {
	tests := []struct {
		name, spec string
		follow     EdgeFilter
		want       string // components sources first, members space separated, cyclic ones starred
		cycle      string // the cycle of the first cyclic component, if any
	}{
		{name: "empty", spec: "", want: ""},
		{name: "single", spec: "node a", want: "a"},
		{name: "chain", spec: "a -> b; b -> c", want: "a | b | c"},
		{name: "diamond", spec: "a -> b; a -> c; b -> d; c -> d", want: "a | c | b | d"},
		{name: "cycle", spec: "a -> b; b -> c; c -> a; c -> d", want: "a b c* | d", cycle: "a -> b -> c -> a"},
		{name: "self-loop", spec: "a -> a; a -> b", want: "a* | b", cycle: "a -> a"},
		{name: "two cycles", spec: "a -> b; b -> a; b -> c; c -> d; d -> c", want: "a b* | c d*", cycle: "a -> b -> a"},
		{name: "shortest cycle", spec: "a -> b; b -> c; c -> d; d -> a; b -> a", want: "a b c d*", cycle: "a -> b -> a"},
		{name: "disconnected", spec: "a -> b; c -> d; node e", want: "e | c | d | a | b"},
		{
			name: "filtered", spec: "a -> b; b -> a async",
			follow: (*Edge).Sync, want: "a | b",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, tt.spec)
			c := g.Components(tt.follow)
			var parts []string
			firstCycle := ""
			for _, k := range c.Topological() {
				s := names(g, c.Members(k))
				if c.Cyclic(k) {
					s += "*"
					if firstCycle == "" {
						var es []*Edge
						for _, ei := range c.Cycle(k) {
							es = append(es, g.Edges[ei])
						}
						firstCycle = pathString(es)
					}
				} else if c.Cycle(k) != nil {
					t.Errorf("Cycle(%d) of an acyclic component is not nil", k)
				}
				parts = append(parts, s)
			}
			if got := strings.Join(parts, " | "); got != tt.want {
				t.Errorf("components = %q, want %q", got, tt.want)
			}
			if firstCycle != tt.cycle {
				t.Errorf("cycle = %q, want %q", firstCycle, tt.cycle)
			}
			checkCondensation(t, g, c, tt.follow)
		})
	}
}

// checkCondensation checks the numbering contract: every followed edge
// between components goes from a higher number to a lower one and is in
// Succ.
func checkCondensation(t *testing.T, g *Graph, c *Components, follow EdgeFilter) {
	t.Helper()
	for _, e := range g.Edges {
		if follow != nil && !follow(e) {
			continue
		}
		kf, kt := c.Of(g.NodeIndex(e.From)), c.Of(g.NodeIndex(e.To))
		if kf == kt {
			if !c.Cyclic(kf) {
				t.Errorf("edge %s inside acyclic component", e.Key())
			}
			continue
		}
		if kf < kt {
			t.Errorf("edge %s goes from component %d to %d: numbering is not reverse topological", e.Key(), kf, kt)
		}
		if !slices.Contains(c.Succ(kf), kt) {
			t.Errorf("edge %s: component %d missing from Succ(%d)", e.Key(), kt, kf)
		}
	}
}

// TestComponentsDeep checks that a long chain and a long cycle do not
// exhaust the stack and come out right.
func TestComponentsDeep(t *testing.T) {
	const n = 200000
	g := &Graph{}
	for i := range n {
		g.Nodes = append(g.Nodes, &Node{Name: fmt.Sprintf("n%06d", i)})
		if i > 0 {
			g.Edges = append(g.Edges, &Edge{From: fmt.Sprintf("n%06d", i-1), To: fmt.Sprintf("n%06d", i)})
		}
	}
	g.Index()
	if c := g.Components(nil); c.Len() != n {
		t.Fatalf("chain: %d components, want %d", c.Len(), n)
	}
	g.Edges = append(g.Edges, &Edge{From: fmt.Sprintf("n%06d", n-1), To: "n000000"})
	g.Index()
	c := g.Components(nil)
	if c.Len() != 1 || !c.Cyclic(0) || len(c.Cycle(0)) != n {
		t.Fatalf("ring: %d components, cycle of %d edges", c.Len(), len(c.Cycle(0)))
	}
}

func TestRequirements(t *testing.T) {
	tests := []struct {
		name, spec string
		want       map[string]string // entrypoint -> required set
		blast      map[string]string // node -> entrypoints
	}{
		{name: "empty", spec: ""},
		{
			name: "chain",
			spec: "entry web a; a -> b; b -> c",
			want: map[string]string{"web": "a b c"},
		},
		{
			name: "not followed",
			spec: "entry web a; a -> b soft; a -> c async; a -> d fallback; b -> x; c -> x; d -> x",
			want: map[string]string{"web": "a"},
		},
		{
			name: "diamond",
			spec: "entry web a; a -> b; a -> c; b -> d; c -> d; node z",
			want: map[string]string{"web": "a b c d"},
		},
		{
			name: "group with common dependency",
			spec: "entry web a; a -> p group=db; a -> r group=db; p -> disk; r -> disk",
			want: map[string]string{"web": "a disk"},
		},
		{
			name: "group with separate dependencies",
			spec: "entry web a; a -> p group=db; a -> r group=db; p -> d1; r -> d2",
			want: map[string]string{"web": "a"},
		},
		{
			name: "group of one",
			spec: "entry web a; a -> p group=db; p -> d",
			want: map[string]string{"web": "a d p"},
		},
		{
			name: "group with a soft alternative",
			spec: "entry web a; a -> p group=db; a -> r group=db soft; p -> disk; r -> disk",
			want: map[string]string{"web": "a"},
		},
		{
			name: "two groups and a plain edge",
			spec: "entry web a; a -> p group=g1; a -> q group=g1; a -> r group=g2; a -> s group=g2; p -> x; q -> x; r -> y; s -> z; a -> k",
			want: map[string]string{"web": "a k x"},
		},
		{
			name: "nested groups",
			spec: "entry web a; a -> b group=g; a -> c group=g; b -> d group=h; b -> e group=h; d -> x; e -> x; c -> x",
			want: map[string]string{"web": "a x"},
		},
		{
			name: "intersection is transitive",
			spec: "entry web a; a -> b group=g; a -> c group=g; b -> m; c -> m; m -> n; n -> o",
			want: map[string]string{"web": "a m n o"},
		},
		{
			name: "cycle of hard edges",
			spec: "entry web a; a -> b; b -> c; c -> a; c -> d",
			want: map[string]string{"web": "a b c d"},
		},
		{
			name: "self-loops",
			spec: "entry web a; a -> a; a -> b; b -> b group=g; b -> c group=g; c -> d",
			want: map[string]string{"web": "a b"},
		},
		{
			// a needs p or q; p needs a (a cycle through a group) and x; q
			// needs y. Losing x takes p down, but q still serves a; losing
			// y takes q down and p then needs a, which is served by p in
			// the least fixpoint: nobody is assumed down.
			name: "cycle through a group",
			spec: "entry web a; a -> p group=g; a -> q group=g; p -> a; p -> x; q -> y",
			want: map[string]string{"web": "a"},
		},
		{
			name: "cycle inside both alternatives",
			spec: "entry web a; a -> p group=g; a -> q group=g; p -> m; q -> m; m -> n; n -> m; n -> z",
			want: map[string]string{"web": "a m n z"},
		},
		{
			name: "blast radius",
			spec: "entry web f; entry mobile m; entry admin x; f -> api; m -> api; api -> db; x -> db; x -> cache soft; node lonely",
			want: map[string]string{"web": "api db f", "mobile": "api db m", "admin": "db x"},
			blast: map[string]string{
				"api": "mobile web", "db": "admin mobile web", "f": "web",
				"m": "mobile", "x": "admin", "cache": "", "lonely": "",
			},
		},
		{
			name: "entrypoint without service",
			spec: "entry web ghost; entry ok a; a -> b",
			want: map[string]string{"web": "", "ok": "a b"},
		},
		{
			name:  "disconnected",
			spec:  "entry web a; a -> b; c -> d; d -> e",
			want:  map[string]string{"web": "a b"},
			blast: map[string]string{"c": "", "d": "", "e": ""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, tt.spec)
			r := g.Requirements()
			for i, ep := range g.Entrypoints {
				if got := names(g, r.Required(i)); got != tt.want[ep.Name] {
					t.Errorf("Required(%s) = %q, want %q", ep.Name, got, tt.want[ep.Name])
				}
			}
			for name, want := range tt.blast {
				i := g.NodeIndex(name)
				var eps []string
				for _, e := range r.BlastRadius(i) {
					eps = append(eps, g.Entrypoints[e].Name)
				}
				if got := strings.Join(eps, " "); got != want {
					t.Errorf("BlastRadius(%s) = %q, want %q", name, got, want)
				}
				if r.IsRequired(i) != (want != "") {
					t.Errorf("IsRequired(%s) = %v", name, r.IsRequired(i))
				}
			}
			checkRequirements(t, g, r)
		})
	}
}

// failed returns the nodes that fail when node x fails: the least fixpoint
// of "a node fails when it is x, when an ungrouped hard edge leads to a
// failed node, or when every edge of an effective group does".
func failed(g *Graph, x int) []bool {
	f := make([]bool, len(g.Nodes))
	f[x] = true
	for changed := true; changed; {
		changed = false
		for v, n := range g.Nodes {
			if f[v] {
				continue
			}
			groups := map[string][]bool{} // group -> failed flags
			soft := map[string]bool{}
			for _, e := range g.Out(n.Name) {
				down := f[g.NodeIndex(e.To)]
				if e.Group != "" {
					groups[e.Group] = append(groups[e.Group], down)
					if !e.IsHard() {
						soft[e.Group] = true
					}
					continue
				}
				if e.IsHard() && down {
					f[v], changed = true, true
				}
			}
			for name, downs := range groups {
				if !soft[name] && !slices.Contains(downs, false) {
					f[v], changed = true, true
				}
			}
		}
	}
	return f
}

// checkRequirements compares the required sets with a direct simulation
// of every single failure.
func checkRequirements(t *testing.T, g *Graph, r *Requirements) {
	t.Helper()
	for x := range g.Nodes {
		f := failed(g, x)
		var want []int
		for i, ep := range g.Entrypoints {
			if s := g.NodeIndex(ep.Service); s >= 0 && f[s] {
				want = append(want, i)
			}
		}
		if got := r.BlastRadius(x); !slices.Equal(got, want) {
			t.Errorf("BlastRadius(%s) = %v, simulation says %v", g.Nodes[x].Name, got, want)
		}
	}
}

// randomGraph returns a random graph of n services with about deg edges
// each, some grouped, soft, asynchronous, retried or bounded, and a few
// entrypoints.
func randomGraph(rng *rand.Rand, n, deg int, cyclic bool) *Graph {
	g := &Graph{}
	name := func(i int) string { return fmt.Sprintf("s%03d", i) }
	for i := range n {
		g.Nodes = append(g.Nodes, &Node{Name: name(i), Kind: Service, Replicas: 1, ReplicasKnown: true})
	}
	seen := map[[2]int]bool{}
	for i := range n {
		for range rng.IntN(2*deg + 1) {
			j := rng.IntN(n)
			if !cyclic && j <= i {
				continue
			}
			if seen[[2]int{i, j}] {
				continue
			}
			seen[[2]int{i, j}] = true
			e := &Edge{From: name(i), To: name(j), Idempotent: true}
			switch rng.IntN(10) {
			case 0:
				e.Criticality = Soft
			case 1:
				e.Mode = ModeAsync
			case 2:
				e.Fallback = "cache"
			}
			if rng.IntN(3) == 0 {
				e.Group = fmt.Sprintf("g%d", rng.IntN(2))
			}
			if rng.IntN(3) == 0 {
				e.Retries.Attempts = 1 + rng.IntN(4)
			}
			if rng.IntN(2) == 0 {
				e.Timeout = time.Duration(1+rng.IntN(20)) * 100 * time.Millisecond
			}
			if rng.IntN(5) == 0 {
				e.Deadline = time.Duration(1+rng.IntN(40)) * 100 * time.Millisecond
			}
			g.Edges = append(g.Edges, e)
		}
	}
	for k := range 1 + rng.IntN(4) {
		g.Entrypoints = append(g.Entrypoints, &Entrypoint{Name: fmt.Sprintf("e%d", k), Service: name(rng.IntN(n))})
	}
	g.Index()
	return g
}

func TestRequirementsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		g := randomGraph(rng, 2+rng.IntN(14), 1+rng.IntN(3), i%2 == 0)
		r := g.Requirements()
		checkRequirements(t, g, r)
		if t.Failed() {
			for _, e := range g.Edges {
				t.Logf("%s group=%q hard=%v", e.Key(), e.Group, e.IsHard())
			}
			for _, ep := range g.Entrypoints {
				t.Logf("entry %s %s", ep.Name, ep.Service)
			}
			t.FailNow()
		}
	}
}

func TestPaths(t *testing.T) {
	tests := []struct {
		name, spec string
		paths      func(*Graph) *Paths
		from       string
		want       string  // the path
		value      float64 // its weight; for AmplificationPaths the product
	}{
		{name: "amplification chain", spec: "a -> b attempts=3; b -> c attempts=4; c -> d", paths: (*Graph).AmplificationPaths, from: "a", want: "a -> b -> c", value: 12},
		{name: "amplification none", spec: "a -> b; b -> c", paths: (*Graph).AmplificationPaths, from: "a", want: "", value: 1},
		{name: "amplification diamond", spec: "a -> b attempts=2; a -> c; b -> d; c -> d attempts=5; d -> e attempts=2", paths: (*Graph).AmplificationPaths, from: "a", want: "a -> c -> d -> e", value: 10},
		{name: "amplification budget", spec: "a -> b attempts=5 budget=0.2; b -> c attempts=3", paths: (*Graph).AmplificationPaths, from: "a", want: "a -> b -> c", value: 3.6},
		{name: "amplification async stops", spec: "a -> b attempts=3; b -> c attempts=3 async", paths: (*Graph).AmplificationPaths, from: "a", want: "a -> b", value: 3},
		{name: "amplification self-loop", spec: "a -> a attempts=3; a -> b attempts=2", paths: (*Graph).AmplificationPaths, from: "a", want: "a -> b", value: 2},
		{name: "amplification cycle", spec: "x -> a attempts=2; a -> b attempts=3; b -> a attempts=3", paths: (*Graph).AmplificationPaths, from: "x", want: "x -> a -> b", value: 6},
		{name: "amplification through cycle", spec: "a -> b; b -> c attempts=2; c -> b; b -> d attempts=3; c -> e attempts=7", paths: (*Graph).AmplificationPaths, from: "a", want: "a -> b -> c -> e", value: 14},
		{name: "amplification disconnected", spec: "a -> b attempts=3; c -> d attempts=9", paths: (*Graph).AmplificationPaths, from: "a", want: "a -> b", value: 3},
		{name: "retry layers", spec: "a -> b attempts=2; b -> c; c -> d attempts=2; a -> x attempts=9", paths: (*Graph).RetryLayerPaths, from: "a", want: "a -> b -> c -> d", value: 2},
		{name: "retry layers budget", spec: "a -> b attempts=2 budget=0.1; b -> c attempts=2", paths: (*Graph).RetryLayerPaths, from: "a", want: "a -> b -> c", value: 1},
		{name: "latency", spec: "a -> b timeout=1s attempts=3; b -> c timeout=2s; b -> d timeout=1s deadline=500ms; c -> e", paths: (*Graph).LatencyPaths, from: "a", want: "a -> b -> c", value: float64(5 * time.Second)},
		{name: "latency deadline", spec: "a -> b timeout=1s attempts=3 deadline=2s", paths: (*Graph).LatencyPaths, from: "a", want: "a -> b", value: float64(2 * time.Second)},
		{name: "latency unbounded", spec: "a -> b; b -> c timeout=1s", paths: (*Graph).LatencyPaths, from: "a", want: "", value: 0},
		{name: "empty", spec: "node a", paths: (*Graph).LatencyPaths, from: "a", want: "", value: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := build(t, tt.spec)
			p := tt.paths(g)
			v, path := p.From(g.NodeIndex(tt.from))
			if strings.HasPrefix(tt.name, "amplification") {
				v = product(path)
			}
			if got := pathString(path); got != tt.want || !approx(v, tt.value) {
				t.Errorf("From(%s) = %q (%g), want %q (%g)", tt.from, got, v, tt.want, tt.value)
			}
		})
	}
}

func product(path []*Edge) float64 {
	f := 1.0
	for _, e := range path {
		f *= e.LoadFactor()
	}
	return f
}

func approx(a, b float64) bool { return a-b < 1e-9*max(1, b) && b-a < 1e-9*max(1, b) }

// bruteHeaviest returns the heaviest simple path weight from v by
// exhaustive search (small graphs only).
func bruteHeaviest(g *Graph, follow EdgeFilter, weight func(*Edge) float64, v int, onPath []bool) float64 {
	onPath[v] = true
	best := 0.0
	for _, e := range g.Out(g.Nodes[v].Name) {
		w := g.NodeIndex(e.To)
		if !follow(e) || onPath[w] {
			continue
		}
		best = max(best, weight(e)+bruteHeaviest(g, follow, weight, w, onPath))
	}
	onPath[v] = false
	return best
}

func TestPathsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	weight := func(e *Edge) float64 { d, _ := e.MaxWait(); return float64(d) }
	follow := func(e *Edge) bool { _, ok := e.MaxWait(); return e.Sync() && ok }
	for i := range 1000 {
		cyclic := i%2 == 1
		g := randomGraph(rng, 2+rng.IntN(10), 1+rng.IntN(3), cyclic)
		p := g.LatencyPaths()
		for v := range g.Nodes {
			val, path := p.From(v)
			// The path is real, simple, starts at v and weighs val.
			sum, at, visited := 0.0, g.Nodes[v].Name, map[string]bool{g.Nodes[v].Name: true}
			for _, e := range path {
				if e.From != at || !follow(e) || visited[e.To] {
					t.Fatalf("graph %d: path %s from %s is not a simple path of followed edges", i, pathString(path), at)
				}
				visited[e.To], at = true, e.To
				sum += weight(e)
			}
			if !approx(sum, val) {
				t.Errorf("graph %d: From(%s) weighs %g, reported %g", i, g.Nodes[v].Name, sum, val)
			}
			best := bruteHeaviest(g, follow, weight, v, make([]bool, len(g.Nodes)))
			if cyclic && val > best+1e-6 || !cyclic && !approx(val, best) {
				t.Errorf("graph %d: From(%s) = %g, exhaustive search %g", i, g.Nodes[v].Name, val, best)
			}
		}
	}
}

func TestEdgeTerms(t *testing.T) {
	tests := []struct {
		e                 Edge
		bounded, guarded  bool
		wait, attempt     time.Duration
		waitOK, attemptOK bool
		factor            float64
	}{
		{e: Edge{}, factor: 1},
		{e: Edge{Timeout: time.Second, Retries: Retries{Attempts: 3}}, bounded: true, wait: 3 * time.Second, attempt: time.Second, waitOK: true, attemptOK: true, factor: 3},
		{e: Edge{Timeout: time.Second, Deadline: 2 * time.Second, Retries: Retries{Attempts: 3, Budget: 0.5}}, bounded: true, wait: 2 * time.Second, attempt: time.Second, waitOK: true, attemptOK: true, factor: 1.5},
		{e: Edge{Deadline: 500 * time.Millisecond, Breaker: true}, bounded: true, guarded: true, wait: 500 * time.Millisecond, attempt: 500 * time.Millisecond, waitOK: true, attemptOK: true, factor: 1},
		{e: Edge{Calls: []CallSite{{Bound: Yes, Breaker: Yes}, {Timeout: time.Second, Breaker: Unknown}}}, bounded: true, guarded: true, factor: 1},
		{e: Edge{Calls: []CallSite{{Timeout: time.Second, Attempts: 2}, {Timeout: 3 * time.Second}}}, bounded: true, guarded: true, wait: 3 * time.Second, attempt: 3 * time.Second, waitOK: true, attemptOK: true, factor: 1},
		{e: Edge{Calls: []CallSite{{Bound: Yes}, {Bound: No, Breaker: No}}}, factor: 1},
		{e: Edge{Calls: []CallSite{{Bound: Unknown}}}, bounded: true, guarded: true, factor: 1},
		{e: Edge{TimeoutUnknown: true}, bounded: true, factor: 1},
		{e: Edge{Timeout: time.Duration(1 << 62), Retries: Retries{Attempts: 4}}, bounded: true, wait: 1<<63 - 1, attempt: 1 << 62, waitOK: true, attemptOK: true, factor: 4},
	}
	for i, tt := range tests {
		e := tt.e
		wait, waitOK := e.MaxWait()
		attempt, attemptOK := e.AttemptTimeout()
		if e.Bounded() != tt.bounded || e.Guarded() != tt.guarded || wait != tt.wait || waitOK != tt.waitOK ||
			attempt != tt.attempt || attemptOK != tt.attemptOK || e.LoadFactor() != tt.factor {
			t.Errorf("%d: Bounded %v Guarded %v MaxWait %v %v AttemptTimeout %v %v LoadFactor %g", i,
				e.Bounded(), e.Guarded(), wait, waitOK, attempt, attemptOK, e.LoadFactor())
		}
	}
}

// TestEmptyAndUnindexed runs every algorithm on a graph with nothing in it
// and on one that was never indexed.
func TestEmptyAndUnindexed(t *testing.T) {
	empty := &Graph{}
	if empty.Components(nil).Len() != 0 || empty.Requirements().Required(0) != nil {
		t.Error("empty graph: components or required sets")
	}
	if from, to := empty.Ends(); len(from)+len(to) != 0 {
		t.Error("empty graph: ends")
	}
	empty.AmplificationPaths()
	empty.RetryLayerPaths()
	empty.LatencyPaths()

	g := &Graph{
		Nodes:       []*Node{{Name: "b"}, {Name: "a"}},
		Edges:       []*Edge{{From: "a", To: "b"}, {From: "a", To: "ghost"}},
		Entrypoints: []*Entrypoint{{Name: "web", Service: "a"}, {Name: "bad", Service: "ghost"}},
	}
	r := g.Requirements() // indexes g: entrypoints bad, web
	if got := names(g, r.Required(1)); got != "a b" {
		t.Errorf("Required(web) = %q", got)
	}
	if r.Required(0) != nil || r.Required(-1) != nil || r.Required(7) != nil {
		t.Error("Required of a bad entrypoint is not nil")
	}
	from, to := g.Ends()
	if from[0] != 0 || to[0] != 1 || from[1] != -1 || to[1] != -1 {
		t.Errorf("Ends = %v %v", from, to)
	}
	if _, path := g.LatencyPaths().From(0); path != nil {
		t.Errorf("LatencyPaths: %v", path)
	}
}
