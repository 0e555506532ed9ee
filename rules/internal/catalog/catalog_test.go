package catalog

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph/topology"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// TestSchemaKinds checks that the kinds a topology may declare a remote
// API of (settings.remotes) are the catalogue's.
func TestSchemaKinds(t *testing.T) {
	m := regexp.MustCompile(`(?m)^\s*kind\?:\s*(.+)$`).FindAllStringSubmatch(string(topology.Schema()), -1)
	var got []string
	for _, line := range m {
		if strings.Contains(line[1], `"bolt"`) {
			for _, k := range regexp.MustCompile(`"([a-z]+)"`).FindAllStringSubmatch(line[1], -1) {
				got = append(got, k[1])
			}
		}
	}
	want := KindNames()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the schema's remote kinds are %q, the catalogue's %q", got, want)
	}
}

// TestCatalogue checks every entry: its library registered, its package
// path under one of the library's, no API listed twice, and notes that say
// something.
func TestCatalogue(t *testing.T) {
	seen := map[string]string{}
	for _, l := range Libraries() {
		if l.Name == "" || l.Notes == "" || l.Versions == "" || len(l.Paths) == 0 {
			t.Errorf("library %q: name, notes, versions and paths are required", l.Name)
		}
		for _, a := range l.APIs {
			pkg := strings.TrimSuffix(a.Pkg, "/...")
			if !l.Has(pkg) {
				t.Errorf("%s: API %s.%s.%s is in none of its packages %v", l.Name, a.Pkg, a.Type, a.Name, l.Paths)
			}
			key := a.Pkg + "." + a.Type + "." + a.Name
			if other, dup := seen[key]; dup {
				t.Errorf("API %s is listed by %s and %s", key, other, l.Name)
			}
			seen[key] = l.Name
			if a.Library() != l {
				t.Errorf("API %s does not know its library", key)
			}
		}
		for _, ad := range l.Addrs {
			if _, _, _, err := lint.ParseEntry(ad.Func); err != nil {
				t.Errorf("%s: Addr %q: %v", l.Name, ad.Func, err)
			}
		}
	}
}
