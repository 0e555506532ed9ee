package topology

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestStrictPathAgrees loads every good fixture through the path taken for
// invalid topologies (evaluation unified with #Topology, data read field by
// field): it must find no error and build the same graph. This checks that
// the fast validity check (subsumption) accepts nothing that unification
// rejects on these inputs, and that both ways of reading the data agree.
func TestStrictPathAgrees(t *testing.T) {
	for _, fx := range readFixtures(t, "testdata/good/*.txtar") {
		t.Run(strings.TrimSuffix(filepath.Base(fx.file), ".txtar"), func(t *testing.T) {
			fast, err := fx.load()
			if err != nil {
				t.Fatal(err)
			}
			testForceStrict = true
			defer func() { testForceStrict = false }()
			slow, err := fx.load()
			if err != nil {
				t.Fatalf("strict path: %v", err)
			}
			if a, b := dump(fast), dump(slow); a != b {
				t.Errorf("graphs differ:\nfast:\n%s\nstrict:\n%s", a, b)
			}
		})
	}
}

func TestLoadFromDisk(t *testing.T) {
	dir := t.TempDir()
	topo := filepath.Join(dir, "faultline")
	write := func(name, src string) {
		t.Helper()
		p := filepath.Join(topo, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.cue", "package sys\nservices: api: dependsOn: db: timeout: \"1s\"\n")
	write("b.cue", "package sys\ndatastores: db: replicas: 2\n")
	write("_draft.cue", "not cue at all\n")

	t.Run("dir", func(t *testing.T) {
		g, err := Load(topo, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(g.Nodes) != 2 || len(g.Edges) != 1 {
			t.Fatalf("got %d nodes, %d edges", len(g.Nodes), len(g.Edges))
		}
		if got := g.Node("api").Pos.String(); got != "a.cue:2:11" {
			t.Errorf("api at %s, want a.cue:2:11", got)
		}
	})
	t.Run("root", func(t *testing.T) {
		g, err := Load(topo, Options{Root: dir})
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Node("db").FieldPos("replicas").String(); got != "faultline/b.cue:2:17" {
			t.Errorf("db replicas at %s, want faultline/b.cue:2:17", got)
		}
	})
	t.Run("file", func(t *testing.T) {
		// One file alone: db is not declared.
		_, err := Load(filepath.Join(topo, "a.cue"), Options{})
		want := `a.cue:2:27: api depends on "db", which is not declared (declare it under services, datastores, queues or externals)`
		if err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	})
	t.Run("missing", func(t *testing.T) {
		_, err := Load(filepath.Join(dir, "nope"), Options{})
		var errs Errors
		if !errors.As(err, &errs) || len(errs) != 1 || !strings.Contains(err.Error(), "nope: no such file or directory") {
			t.Errorf("got %v", err)
		}
	})
	t.Run("empty", func(t *testing.T) {
		empty := filepath.Join(dir, "empty")
		if err := os.Mkdir(empty, 0o755); err != nil {
			t.Fatal(err)
		}
		_, err := Load(empty, Options{})
		if err == nil || !strings.Contains(err.Error(), "empty: no .cue files in the directory") {
			t.Errorf("got %v", err)
		}
	})
}

func TestLoadFSPaths(t *testing.T) {
	fsys := fstest.MapFS{
		"sys/topo/a.cue": {Data: []byte("services: api: {}\n")},
		"sys/docs/x.txt": {Data: []byte("x")},
		"other/b.cue":    {Data: []byte("services: b: {}\n")},
	}
	for _, tc := range []struct {
		dir, root, want string
	}{
		{"sys/topo", "", "a.cue:1:11"},
		{"/sys/topo/", "", "a.cue:1:11"},
		{"sys/topo", ".", "sys/topo/a.cue:1:11"},
		{"sys/topo", "sys", "topo/a.cue:1:11"},
		{"sys/topo", "sys/docs", "../topo/a.cue:1:11"},
		{"sys/topo", "other", "../sys/topo/a.cue:1:11"},
		{"sys/topo/a.cue", "", "a.cue:1:11"},
	} {
		g, err := LoadFS(fsys, tc.dir, Options{Root: tc.root})
		if err != nil {
			t.Errorf("%s root %q: %v", tc.dir, tc.root, err)
			continue
		}
		if got := g.Node("api").Pos.String(); got != tc.want {
			t.Errorf("%s root %q: api at %s, want %s", tc.dir, tc.root, got, tc.want)
		}
	}
	for _, dir := range []string{"sys/docs", "nowhere"} {
		if _, err := LoadFS(fsys, dir, Options{}); err == nil {
			t.Errorf("%s: no error", dir)
		}
	}
}

// TestBadBytes checks input that is not CUE text at all.
func TestBadBytes(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"nul", "services: api: {}\nservices: \x00b: {}\n", "topology.cue:2:11: file holds binary data (a NUL byte), not CUE text"},
		{"elf", "\x7fELF\x02\x01\x01\x00\x00\x00", "topology.cue:1:8: file holds binary data"},
		{"latin1", "services: caf\xe9: {}\n", "topology.cue:1:14: file is not valid UTF-8 text"},
		{"truncated utf8", "services: \"a\xe2\x82\": {}\n", "topology.cue:1:13: file is not valid UTF-8 text"},
		{"garbage", "}{][)(\n", "topology.cue:1:1: syntax error"},
		{"empty", "", ""},
		{"only comments", "// nothing yet\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := LoadFS(mapFS(tc.src), ".", Options{})
			if tc.want == "" {
				if err != nil || len(g.Nodes) != 0 {
					t.Fatalf("got %v, %v", g, err)
				}
				return
			}
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("got %v", err)
			}
			checkErrors(t, errs)
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got %q, want prefix %q", err, tc.want)
			}
		})
	}
}

func TestRelSlash(t *testing.T) {
	for _, tc := range []struct{ root, p, want string }{
		{".", "a/b.cue", "a/b.cue"},
		{"a", "a/b.cue", "b.cue"},
		{"a/b", "a/b/c/d.cue", "c/d.cue"},
		{"a/x", "a/b/c.cue", "../b/c.cue"},
		{"x/y", "a.cue", "../../a.cue"},
		{"ab", "a/b.cue", "../a/b.cue"},
	} {
		if got := relSlash(tc.root, tc.p); got != tc.want {
			t.Errorf("relSlash(%q, %q) = %q, want %q", tc.root, tc.p, got, tc.want)
		}
	}
}

func TestSplitArgs(t *testing.T) {
	for _, tc := range []struct {
		body string
		want []string
	}{
		{`ignore="spof", reason="a, b"`, []string{`ignore="spof"`, ` reason="a, b"`}},
		{`ignore="x\"y,z"`, []string{`ignore="x\"y,z"`}},
		{`a=(1,2),b=[3,4]`, []string{`a=(1,2)`, `b=[3,4]`}},
		{``, nil},
	} {
		got := splitArgs(tc.body)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("splitArgs(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}
