// This file checks the CI integrations: action.yml's metadata, the GitLab
// template, the pre-commit hook definition, and every YAML snippet of
// docs/ci.md, workflows validated with actionlint.
package faultline_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"
	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules"
	"github.com/faultline-dev/faultline/rules/ctxdeadline"
	"github.com/faultline-dev/faultline/rules/deephealth"
	"github.com/faultline-dev/faultline/rules/dialtimeout"
	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/nestedretry"
	"github.com/faultline-dev/faultline/rules/nobreaker"
	"github.com/faultline-dev/faultline/rules/retrybackoff"
	"github.com/faultline-dev/faultline/rules/retrybound"
	"github.com/faultline-dev/faultline/rules/servertimeout"
	"github.com/faultline-dev/faultline/rules/unobserved"
)

// actionMeta is what action.yml may hold (GitHub's metadata syntax for
// composite actions); decoding with KnownFields rejects anything else.
type actionMeta struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Author      string `yaml:"author"`
	Branding    struct {
		Icon  string `yaml:"icon"`
		Color string `yaml:"color"`
	} `yaml:"branding"`
	Inputs map[string]struct {
		Description        string  `yaml:"description"`
		Required           bool    `yaml:"required"`
		Default            *string `yaml:"default"`
		DeprecationMessage string  `yaml:"deprecationMessage"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID               string            `yaml:"id"`
			Name             string            `yaml:"name"`
			If               string            `yaml:"if"`
			Uses             string            `yaml:"uses"`
			With             map[string]string `yaml:"with"`
			Run              string            `yaml:"run"`
			Shell            string            `yaml:"shell"`
			Env              map[string]string `yaml:"env"`
			WorkingDirectory string            `yaml:"working-directory"`
			ContinueOnError  string            `yaml:"continue-on-error"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func decodeStrict(t *testing.T, file string, v any) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return data
}

// TestActionMetadata checks action.yml's own keys, which actionlint does
// not: a composite action with the documented inputs and defaults, a shell
// on every run step, every input used and every input used declared.
func TestActionMetadata(t *testing.T) {
	var a actionMeta
	data := decodeStrict(t, "action.yml", &a)
	if a.Name == "" || a.Description == "" {
		t.Error("action.yml: name and description are required")
	}
	if a.Runs.Using != "composite" {
		t.Errorf("action.yml: runs.using %q, want composite", a.Runs.Using)
	}
	for name, def := range map[string]string{
		"args": "./...", "working-directory": ".", "go-version": "", "version": "",
		"sarif": "true", "category": "faultline", "fail-on": "warning",
	} {
		in, ok := a.Inputs[name]
		switch {
		case !ok:
			t.Errorf("action.yml: no input %q", name)
		case in.Description == "":
			t.Errorf("action.yml: input %q has no description", name)
		case in.Default == nil || *in.Default != def:
			t.Errorf("action.yml: input %q: default %v, want %q", name, in.Default, def)
		}
	}
	for i, s := range a.Runs.Steps {
		if (s.Run == "") == (s.Uses == "") {
			t.Errorf("action.yml: step %d (%s): want exactly one of run and uses", i, s.Name)
		}
		if s.Run != "" && s.Shell == "" {
			t.Errorf("action.yml: step %d (%s): a composite action's run step needs a shell", i, s.Name)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("action.yml: step %d (%s): pass expressions to run through env, not inline (script injection)", i, s.Name)
		}
	}
	used := map[string]bool{}
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(string(data), -1) {
		used[m[1]] = true
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("action.yml uses inputs.%s, which is not declared", m[1])
		}
	}
	for name := range a.Inputs {
		if !used[name] {
			t.Errorf("action.yml: input %q is never used", name)
		}
	}
	steps := map[string]bool{}
	for _, s := range a.Runs.Steps {
		steps[s.Uses] = true
	}
	for _, want := range []string{"actions/setup-go@v6", "github/codeql-action/upload-sarif@v4"} {
		if !steps[want] {
			t.Errorf("action.yml: no step uses %s", want)
		}
	}
}

// TestPreCommitHooks checks the hook definition pre-commit reads.
func TestPreCommitHooks(t *testing.T) {
	var hooks []struct {
		ID            string   `yaml:"id"`
		Name          string   `yaml:"name"`
		Description   string   `yaml:"description"`
		Language      string   `yaml:"language"`
		Entry         string   `yaml:"entry"`
		Args          []string `yaml:"args"`
		PassFilenames *bool    `yaml:"pass_filenames"`
		RequireSerial bool     `yaml:"require_serial"`
		Files         string   `yaml:"files"`
		Types         []string `yaml:"types"`
	}
	decodeStrict(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 1 {
		t.Fatalf(".pre-commit-hooks.yaml: %d hooks, want 1", len(hooks))
	}
	h := hooks[0]
	if h.ID != "faultline" || h.Language != "golang" || !strings.HasPrefix(h.Entry, "faultline check ") {
		t.Errorf("hook %+v: want id faultline, language golang, entry faultline check …", h)
	}
	if h.PassFilenames == nil || *h.PassFilenames {
		t.Error("hook: pass_filenames must be false: faultline takes packages, not files")
	}
	if _, err := regexp.Compile(h.Files); err != nil || !regexp.MustCompile(h.Files).MatchString("a/b.go") {
		t.Errorf("hook: files %q does not match Go files", h.Files)
	}
}

// TestGitLabTemplate checks that the template parses and keeps the
// reports it promises.
func TestGitLabTemplate(t *testing.T) {
	var tmpl map[string]struct {
		Stage       string            `yaml:"stage"`
		Image       string            `yaml:"image"`
		Variables   map[string]string `yaml:"variables"`
		Script      []string          `yaml:"script"`
		AfterScript []string          `yaml:"after_script"`
		Artifacts   struct {
			When     string   `yaml:"when"`
			ExposeAs string   `yaml:"expose_as"`
			Paths    []string `yaml:"paths"`
			Reports  map[string]string
		} `yaml:"artifacts"`
	}
	decodeStrict(t, "ci/gitlab/faultline.gitlab-ci.yml", &tmpl)
	j, ok := tmpl[".faultline"]
	if !ok {
		t.Fatal("ci/gitlab/faultline.gitlab-ci.yml: no hidden job .faultline")
	}
	if j.Artifacts.Reports["codequality"] != "gl-code-quality.json" || j.Artifacts.When != "always" {
		t.Errorf(".faultline: artifacts %+v: want a codequality report, kept always", j.Artifacts)
	}
	if !slices.ContainsFunc(j.Script, func(s string) bool { return strings.HasPrefix(s, "faultline check ") }) {
		t.Errorf(".faultline: script %q runs no faultline check", j.Script)
	}
	for _, v := range []string{"FAULTLINE_VERSION", "FAULTLINE_ARGS", "FAULTLINE_DIR", "FAULTLINE_FAIL_ON"} {
		if _, ok := j.Variables[v]; !ok {
			t.Errorf(".faultline: no variable %s", v)
		}
	}
}

// snippet is a ```yaml block of a document.
type snippet struct {
	file string
	line int
	text string
}

func yamlSnippets(t *testing.T, file string) []snippet {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []snippet
	var cur *snippet
	for i, line := range strings.Split(string(data), "\n") {
		switch {
		case cur == nil && strings.TrimSpace(line) == "```yaml":
			cur = &snippet{file: file, line: i + 2}
		case cur != nil && strings.TrimSpace(line) == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.text += line + "\n"
		}
	}
	return out
}

// dedent removes the indentation common to the lines of s.
func dedent(s string) string {
	lines := strings.Split(s, "\n")
	min := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " "))
		if min < 0 || n < min {
			min = n
		}
	}
	for i, l := range lines {
		if len(l) >= min && min > 0 {
			lines[i] = l[min:]
		}
	}
	return strings.Join(lines, "\n")
}

// workflowOf returns the snippet as a GitHub workflow to validate: a whole
// workflow as it is, a list of steps inside a job; "" for other YAML
// (GitLab jobs, golangci-lint and pre-commit configuration).
func workflowOf(text string) string {
	d := dedent(text)
	switch {
	case regexp.MustCompile(`(?m)^jobs:`).MatchString(d):
		return d
	case strings.HasPrefix(strings.TrimSpace(d), "- ") && regexp.MustCompile(`(?m)^(- |  )(uses|run):`).MatchString(d):
		steps := "      " + strings.ReplaceAll(strings.TrimRight(d, "\n"), "\n", "\n      ")
		return "on: push\npermissions:\n  contents: read\n  security-events: write\njobs:\n  faultline:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n" + steps + "\n"
	}
	return ""
}

// TestDocsYAML checks that every YAML snippet of docs/ci.md parses.
func TestDocsYAML(t *testing.T) {
	for _, s := range yamlSnippets(t, "docs/ci.md") {
		var v any
		if err := yaml.Unmarshal([]byte(dedent(s.text)), &v); err != nil {
			t.Errorf("%s:%d: %v", s.file, s.line, err)
		}
	}
}

var actionlintOnce = sync.OnceValues(func() (string, error) {
	// A fixed directory: later runs reuse the binary.
	dir := filepath.Join(os.TempDir(), "faultline-actionlint-v1.7.12")
	if _, err := os.Stat(filepath.Join(dir, "actionlint")); err == nil {
		return filepath.Join(dir, "actionlint"), nil
	}
	cmd := exec.Command("go", "install", "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12")
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", &exec.Error{Name: "go install actionlint", Err: errorString(strings.TrimSpace(string(out)))}
	}
	return filepath.Join(dir, "actionlint"), nil
})

type errorString string

func (e errorString) Error() string { return string(e) }

// TestWorkflowsLint validates with actionlint every workflow of docs/ci.md
// (steps snippets wrapped in a job) and action.yml, used from a workflow
// as `uses: ./` (actionlint checks workflows, and the inputs they give a
// local action against its action.yml). It skips when actionlint cannot
// be installed from the module proxy.
func TestWorkflowsLint(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: installing actionlint takes a while")
	}
	bin, err := actionlintOnce()
	if err != nil {
		t.Skipf("actionlint v1.7.12 could not be installed from the module proxy, so workflows are not validated: %v", err)
	}
	root := t.TempDir()
	wf := filepath.Join(root, ".github", "workflows")
	// actionlint finds the repository root, against which it resolves
	// `uses: ./`, by its .git.
	for _, d := range []string{wf, filepath.Join(root, ".git")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	action, err := os.ReadFile("action.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "action.yml"), action, 0o644); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"action.yml": `on: pull_request
permissions:
  contents: read
  security-events: write
jobs:
  faultline:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
      - uses: ./
        with:
          args: -baseline .faultline-baseline ./...
          working-directory: services/shop
          go-version: "1.26"
          version: v1.2.3
          sarif: "false"
          category: shop
          fail-on: error
`,
	}
	n := 0
	for _, s := range yamlSnippets(t, "docs/ci.md") {
		if w := workflowOf(s.text); w != "" {
			files[s.file+":"+strconv.Itoa(s.line)] = w
			n++
		}
	}
	if n < 3 {
		t.Errorf("docs/ci.md: found %d workflow snippets, expected more: has the format changed?", n)
	}
	var names []string
	where := map[string]string{}
	for src, w := range files {
		name := regexp.MustCompile(`[^a-z0-9]+`).ReplaceAllString(strings.ToLower(src), "_") + ".yml"
		names = append(names, filepath.Join(".github", "workflows", name))
		where[name] = src
		if err := os.WriteFile(filepath.Join(wf, name), []byte(w), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(names)
	t.Logf("actionlint: %d workflows (%d from docs/ci.md, action.yml through uses: ./)", len(names), n)
	cmd := exec.Command(bin, append([]string{"-no-color", "-shellcheck=", "-pyflakes="}, names...)...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	// The trap: an input action.yml does not declare must be caught, or
	// the action was not read.
	trap := filepath.Join(".github", "workflows", "zz_trap.yml")
	if err := os.WriteFile(filepath.Join(root, trap), []byte(`on: push
jobs:
  faultline:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          argz: ./...
`), 0o644); err != nil {
		t.Fatal(err)
	}
	trapCmd := exec.Command(bin, "-no-color", "-shellcheck=", "-pyflakes=", trap)
	trapCmd.Dir = root
	if trapOut, err := trapCmd.CombinedOutput(); err == nil || !strings.Contains(string(trapOut), `input "argz" is not defined in action "faultline"`) {
		t.Errorf("actionlint did not check a workflow's inputs against action.yml (err %v):\n%s", err, trapOut)
	}
	if err != nil {
		msg := string(out)
		for name, src := range where {
			msg = strings.ReplaceAll(msg, name, name+" (from "+src+")")
		}
		t.Errorf("actionlint: %v\n%s", err, msg)
	}
}

// TestNogoList checks that the nogo target of docs/ci.md lists exactly the
// code rules nogo can run (every code rule but directive, which is built
// from the catalogue), and that each listed package exports the rule's
// analyzer as its Analyzer variable, which is what nogo reads.
func TestNogoList(t *testing.T) {
	exported := map[string]*analysis.Analyzer{
		"ctxdeadline":   ctxdeadline.Analyzer,
		"deephealth":    deephealth.Analyzer,
		"dialtimeout":   dialtimeout.Analyzer,
		"httptimeout":   httptimeout.Analyzer,
		"nestedretry":   nestedretry.Analyzer,
		"nobreaker":     nobreaker.Analyzer,
		"retrybackoff":  retrybackoff.Analyzer,
		"retrybound":    retrybound.Analyzer,
		"servertimeout": servertimeout.Analyzer,
		"unobserved":    unobserved.Analyzer,
	}
	var code []string
	for _, a := range rules.Analyzers() {
		if a.Name == "directive" {
			continue
		}
		code = append(code, a.Name)
		if exported[a.Name] != a {
			t.Errorf("rules/%s does not export the rule's analyzer as Analyzer: nogo cannot run it", a.Name)
		}
	}
	if len(code) != len(exported) {
		t.Errorf("code rules %v, but this test knows %d: add the new rule to it and to docs/ci.md's nogo target", code, len(exported))
	}
	data, err := os.ReadFile("docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, m := range regexp.MustCompile(`"@com_github_faultline_dev_faultline//rules/([a-z]+)"`).FindAllStringSubmatch(string(data), -1) {
		listed = append(listed, m[1])
	}
	if !slices.Equal(listed, code) {
		t.Errorf("docs/ci.md's nogo target lists %v, want the code rules %v", listed, code)
	}
}

// TestActionSteps runs action.yml's check and gate steps with bash, as the
// runner would, with a stand-in faultline that exits 1 (findings) and
// writes a SARIF log: the step must succeed and record the exit code and
// the log for the upload, and the gate must then fail with that code.
func TestActionSteps(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	var a actionMeta
	decodeStrict(t, "action.yml", &a)
	step := func(id string) (run string, env map[string]string) {
		for _, s := range a.Runs.Steps {
			if s.ID == id || s.Name == id {
				return s.Run, s.Env
			}
		}
		t.Fatalf("action.yml: no step %q", id)
		return "", nil
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if err := os.Mkdir(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	argsLog := filepath.Join(dir, "args")
	stub := `#!/bin/sh
for a in "$@"; do echo "$a" >> "$ARGS_LOG"; done
while [ $# -gt 0 ]; do
	if [ "$1" = -report ]; then mkdir -p "$2" && echo '{}' > "$2/findings.sarif"; fi
	shift
done
exit 1
`
	if err := os.WriteFile(filepath.Join(bin, "faultline"), []byte(stub), 0o755); err != nil {
		t.Fatal(err)
	}
	outputs := filepath.Join(dir, "outputs")
	exec1 := func(script string, env map[string]string) (int, []byte) {
		cmd := exec.Command(bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"GITHUB_OUTPUT="+outputs, "RUNNER_TEMP="+dir, "ARGS_LOG="+argsLog)
		for k, v := range env {
			// The expressions the runner would have filled in.
			v = strings.NewReplacer("${{ inputs.args }}", "-baseline .faultline-baseline ./...",
				"${{ inputs.fail-on }}", "error", "${{ steps.check.outputs.exit-code }}", "").Replace(v)
			cmd.Env = append(cmd.Env, k+"="+v)
		}
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), out
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, out
	}
	run, env := step("check")
	if code, out := exec1(run, env); code != 0 {
		t.Fatalf("the check step failed (%d) on findings: the upload would not run\n%s", code, out)
	}
	data, err := os.ReadFile(outputs)
	if err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "faultline-report")
	for _, want := range []string{"report-dir=" + report, "exit-code=1", "sarif=" + filepath.Join(report, "findings.sarif")} {
		if !strings.Contains(string(data), want+"\n") {
			t.Errorf("the check step's outputs lack %q:\n%s", want, data)
		}
	}
	args, err := os.ReadFile(argsLog)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Fields(string(args)), []string{"check", "-format", "github", "-fail-on", "error", "-report", report, "-baseline", ".faultline-baseline", "./..."}; !slices.Equal(got, want) {
		t.Errorf("faultline was run with %q, want %q", got, want)
	}
	gate, genv := step("Gate")
	genv["CODE"] = "1"
	if code, out := exec1(gate, genv); code != 1 {
		t.Errorf("the gate step exited %d, want 1 (the check's code)\n%s", code, out)
	}
}
