package golangci_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

const golangciVersion = "v2.15.0"

// TestCustomGolangciLint builds a custom golangci-lint with the plugin, as
// users do (`golangci-lint custom` and a .custom-gcl.yml, docs/ci.md), runs
// it on testdata/shop and expects the same code findings as `go vet
// -vettool=faultline`. It takes minutes and needs the module proxy, so it
// runs only with FAULTLINE_GOLANGCI=1.
//
// `golangci-lint custom` clones golangci-lint's repository from GitHub at
// the configured version. The test serves it that clone from the same
// source the module proxy has (the module of golangci-lint v2.15.0 made a
// local git repository and tagged), through git's insteadOf, so that it
// needs no access to GitHub and builds exactly the published release.
func TestCustomGolangciLint(t *testing.T) {
	if os.Getenv("FAULTLINE_GOLANGCI") != "1" {
		t.Skip("set FAULTLINE_GOLANGCI=1 to build a custom golangci-lint " + golangciVersion + " with the plugin (minutes; needs the Go module proxy) and compare its findings on testdata/shop with go vet -vettool")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin")
	env := append(os.Environ(), "GOBIN="+bin, "GOLANGCI_LINT_CACHE="+filepath.Join(tmp, "cache"))
	run := func(dir string, extraEnv []string, name string, args ...string) []byte {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(slices.Clone(env), extraEnv...)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		t.Logf("%s %s: %s", filepath.Base(name), strings.Join(args, " "), time.Since(start).Round(time.Second))
		return out
	}

	// golangci-lint itself, from the module proxy.
	run(tmp, nil, "go", "install", "github.com/golangci/golangci-lint/v2/cmd/golangci-lint@"+golangciVersion)

	// The repository `golangci-lint custom` clones, from the module's source.
	out := run(tmp, nil, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	mirror := filepath.Join(tmp, "golangci-lint.git")
	run(tmp, nil, "cp", "-r", mod.Dir, mirror)
	run(tmp, nil, "chmod", "-R", "u+w", mirror)
	git := []string{"-c", "user.name=faultline", "-c", "user.email=faultline@example.com", "-c", "commit.gpgsign=false"}
	run(mirror, nil, "git", "init", "-q")
	run(mirror, nil, "git", "add", "-A")
	run(mirror, nil, "git", append(git, "commit", "-q", "-m", golangciVersion)...)
	run(mirror, nil, "git", "tag", golangciVersion)
	gitEnv := []string{
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url.file://" + mirror + ".insteadOf",
		"GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git",
	}

	// The custom binary, as docs/ci.md builds it.
	custom := fmt.Sprintf(`version: %s
name: golangci-lint-faultline
destination: %s
plugins:
  - module: github.com/faultline-dev/faultline
    import: github.com/faultline-dev/faultline/golangci
    path: %s
`, golangciVersion, bin, root)
	if err := os.WriteFile(filepath.Join(tmp, ".custom-gcl.yml"), []byte(custom), 0o644); err != nil {
		t.Fatal(err)
	}
	run(tmp, gitEnv, filepath.Join(bin, "golangci-lint"), "custom")

	// The findings of go vet -vettool on the shop.
	shop := filepath.Join(root, "testdata", "shop")
	faultline := filepath.Join(tmp, "faultline")
	run(root, nil, "go", "build", "-o", faultline, "./cmd/faultline")
	vet := exec.Command("go", "vet", "-vettool="+faultline, "./...")
	vet.Dir = shop
	vetOut, _ := vet.CombinedOutput() // exit 1 with findings
	want, wantRelated := vetFindings(shop, vetOut)
	if len(want) == 0 {
		t.Fatalf("go vet -vettool found nothing on the shop:\n%s", vetOut)
	}

	// The custom golangci-lint's, with only faultline enabled.
	conf := filepath.Join(tmp, ".golangci.yml")
	if err := os.WriteFile(conf, []byte(`version: "2"
linters:
  default: none
  enable:
    - faultline
  settings:
    custom:
      faultline:
        type: module
        description: faultline's code rules
issues:
  uniq-by-line: false # two rules on one line are two findings
`), 0o644); err != nil {
		t.Fatal(err)
	}
	lint := exec.Command(filepath.Join(bin, "golangci-lint-faultline"), "run", "--config", conf,
		"--output.json.path", "stdout", "--show-stats=false",
		"--max-issues-per-linter", "0", "--max-same-issues", "0", "./...")
	lint.Dir = shop
	lint.Env = env
	start := time.Now()
	var stderr bytes.Buffer
	lint.Stderr = &stderr
	lintOut, _ := lint.Output() // exit 1 with findings
	t.Logf("golangci-lint-faultline run ./...: %s", time.Since(start).Round(time.Second))
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal(lintOut, &report); err != nil {
		t.Fatalf("golangci-lint output: %v\n%s\n%s", err, lintOut, stderr.Bytes())
	}
	// golangci-lint writes paths relative to its configuration file and
	// starts each message with the analyzer's name; a finding's related
	// positions are issues of their own, "RULE(related information)".
	var got, gotRelated []string
	for _, is := range report.Issues {
		if is.FromLinter != "faultline" {
			t.Errorf("issue from %s, only faultline is enabled: %s", is.FromLinter, is.Text)
		}
		file := is.Pos.Filename
		if !filepath.IsAbs(file) {
			file = filepath.Join(tmp, file)
		}
		if rel, err := filepath.Rel(shop, file); err == nil {
			file = rel
		}
		f := fmt.Sprintf("%s:%d:%d: %s", filepath.ToSlash(file), is.Pos.Line, is.Pos.Column, is.Text)
		if strings.Contains(is.Text, "(related information): ") {
			gotRelated = append(gotRelated, f)
		} else {
			got = append(got, f)
		}
	}
	slices.Sort(got)
	slices.Sort(gotRelated)
	if !slices.Equal(got, want) {
		t.Errorf("golangci-lint's %d findings differ from go vet -vettool's %d\ngolangci-lint only:\n%s\ngo vet only:\n%s",
			len(got), len(want), strings.Join(minus(got, want), "\n"), strings.Join(minus(want, got), "\n"))
	}
	// golangci-lint moves a related position in another file than its
	// finding's to the finding's position: the related messages must be
	// go vet's, and each at vet's position or at a finding's.
	text := func(f string) string { return f[strings.Index(f, ": ")+2:] }
	posOf := func(f string) string { return f[:strings.Index(f, ": ")] }
	var gotTexts, wantTexts []string
	moved := 0
	for _, r := range gotRelated {
		gotTexts = append(gotTexts, text(r))
		if !slices.Contains(wantRelated, r) {
			moved++
			if !slices.ContainsFunc(want, func(f string) bool { return posOf(f) == posOf(r) }) {
				t.Errorf("golangci-lint reports a related position neither at vet's position nor at a finding's: %s", r)
			}
		}
	}
	for _, r := range wantRelated {
		wantTexts = append(wantTexts, text(r))
	}
	slices.Sort(gotTexts)
	slices.Sort(wantTexts)
	if !slices.Equal(gotTexts, wantTexts) {
		t.Errorf("related information differs\ngolangci-lint:\n%s\ngo vet:\n%s", strings.Join(gotTexts, "\n"), strings.Join(wantTexts, "\n"))
	}
	t.Logf("%d findings and %d related positions, the same under golangci-lint and go vet (%d related positions in another file shown at their finding)", len(got), len(gotRelated), moved)
}

var (
	vetLine = regexp.MustCompile(`^(.+\.go):(\d+):(\d+): (\t?)(.*)$`)
	vetRule = regexp.MustCompile(`^(.*) \(([a-z]+)\)$`)
)

// vetFindings returns go vet's diagnostics as golangci-lint writes them,
// FILE:LINE:COL: RULE: MESSAGE (vet writes MESSAGE (RULE)), and the
// related positions that follow each (indented lines under vet) as
// FILE:LINE:COL: RULE(related information): MESSAGE; paths relative to
// dir, sorted.
func vetFindings(dir string, out []byte) (fs, related []string) {
	rule := ""
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		m := vetLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		file := m[1]
		if filepath.IsAbs(file) {
			if rel, err := filepath.Rel(dir, file); err == nil {
				file = rel
			}
		}
		pos := fmt.Sprintf("%s:%s:%s: ", filepath.ToSlash(filepath.Clean(file)), m[2], m[3])
		if m[4] == "\t" {
			related = append(related, pos+rule+"(related information): "+m[5])
			continue
		}
		msg := m[5]
		if r := vetRule.FindStringSubmatch(msg); r != nil {
			rule, msg = r[2], r[1]
		}
		fs = append(fs, pos+rule+": "+msg)
	}
	slices.Sort(fs)
	slices.Sort(related)
	return fs, related
}

func minus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}
