package topology

import (
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var packageClause = regexp.MustCompile(`(?m)^package ([A-Za-z_][A-Za-z0-9_]*)`)

// TestCueVet checks that the schema means the same to the cue tool: the good
// fixtures, a generated topology and formatted output pass
//
//	cue vet -c schema.cue FILES...
//
// and the fixtures with schema errors fail it. It needs the cue binary
// (go install cuelang.org/go/cmd/cue@v0.17.1) and is skipped without it.
func TestCueVet(t *testing.T) {
	cue, err := exec.LookPath("cue")
	if err != nil {
		t.Skip("the cue binary is not on PATH (go install cuelang.org/go/cmd/cue@v0.17.1); skipping the cue vet check")
	}
	vet := func(t *testing.T, files map[string][]byte) (string, bool) {
		t.Helper()
		dir := t.TempDir()
		args := []string{"vet", "-c", "schema.cue"}
		// A topology with a package clause that refers to the schema's
		// definitions needs the same clause in schema.cue (docs/topology.md).
		schema := Schema()
		for _, data := range files {
			if m := packageClause.FindSubmatch(data); m != nil {
				schema = append([]byte("package "+string(m[1])+"\n\n"), schema...)
				break
			}
		}
		if err := os.WriteFile(filepath.Join(dir, "schema.cue"), schema, 0o644); err != nil {
			t.Fatal(err)
		}
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
			args = append(args, name)
		}
		cmd := exec.Command(cue, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err == nil
	}
	// filesOf returns the files a fixture loads, by base name.
	filesOf := func(t *testing.T, fx *fixture) map[string][]byte {
		files := map[string][]byte{}
		dir, names := fx.dir, []string(nil)
		if info, err := fs.Stat(fx.fsys, dir); err == nil && info.IsDir() {
			entries, _ := fs.ReadDir(fx.fsys, dir)
			names = cueFiles(entries)
		} else {
			dir, names = path.Dir(dir), []string{path.Base(dir)}
		}
		for _, n := range names {
			data, err := fs.ReadFile(fx.fsys, path.Join(dir, n))
			if err != nil {
				t.Fatal(err)
			}
			files[n] = data
		}
		return files
	}
	for _, fx := range readFixtures(t, "testdata/good/*.txtar") {
		t.Run("good/"+strings.TrimSuffix(filepath.Base(fx.file), ".txtar"), func(t *testing.T) {
			if out, ok := vet(t, filesOf(t, fx)); !ok {
				t.Errorf("cue vet fails:\n%s", out)
			}
		})
	}
	// Errors the schema catches; the others (durations, references, names,
	// attributes, settings entries) are checked in Go only.
	schemaErrors := map[string]bool{
		"types": true, "bounds": true, "ranges": true, "unknown-fields": true, "conflict-hides-typo": true,
		"enums": true, "breaker-struct": true, "conflicts": true, "incomplete": true,
		"not-a-struct": true, "top-level": true, "undefined-reference": true,
	}
	for _, fx := range readFixtures(t, "testdata/errors/*.txtar") {
		name := strings.TrimSuffix(filepath.Base(fx.file), ".txtar")
		if !schemaErrors[name] {
			continue
		}
		t.Run("errors/"+name, func(t *testing.T) {
			if out, ok := vet(t, filesOf(t, fx)); ok {
				t.Errorf("cue vet passes a topology with schema errors:\n%s", out)
			}
		})
	}
	t.Run("generated", func(t *testing.T) {
		if out, ok := vet(t, map[string][]byte{"topology.cue": Generate(100, 4, 3)}); !ok {
			t.Errorf("cue vet fails:\n%s", out)
		}
	})
	t.Run("formatted", func(t *testing.T) {
		g, err := LoadFS(mapFS(string(Generate(100, 4, 3))), ".", Options{})
		if err != nil {
			t.Fatal(err)
		}
		text, err := Format(g)
		if err != nil {
			t.Fatal(err)
		}
		if out, ok := vet(t, map[string][]byte{"topology.cue": text}); !ok {
			t.Errorf("cue vet fails:\n%s", out)
		}
	})
}
