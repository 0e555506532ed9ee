package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// GitHub code scanning's limits on one SARIF run; larger logs are rejected
// or cut by the server in ways faultline does not control.
const (
	SARIFMaxResults   = 25000
	SARIFMaxLocations = 1000 // per result: related locations, and steps of a path
	SARIFMaxTags      = 20   // per rule
)

// SARIFFingerprintKey is the key of the finding's fingerprint in
// partialFingerprints.
const SARIFFingerprintKey = "faultline/v1"

// InformationURI is faultline's home page.
const InformationURI = "https://github.com/faultline-dev/faultline"

// RuleURL returns the address of a rule's documentation.
func RuleURL(name string) string {
	return InformationURI + "/blob/main/rules/" + url.PathEscape(name) + "/doc.md"
}

// SARIF writes a run's findings as a SARIF 2.1.0 log with one run, for
// code-scanning dashboards (GitHub code scanning, GitLab, Azure DevOps):
// every rule of the catalogue with its documentation, and one result per
// finding with its location relative to %SRCROOT%, the nodes and calls of
// its path as related locations and as a code flow, its fingerprint in
// partialFingerprints, and its suppression, if any. Suppressed findings are
// results with a suppression, as SARIF viewers expect.
//
// The log stays within GitHub's limits (SARIFMaxResults results,
// SARIFMaxLocations locations per result, SARIFMaxTags tags per rule): what
// is cut is cut deterministically (the most severe results are kept) and a
// run-level notification says so.
type SARIF struct {
	// Version is faultline's version, for tool.driver.version.
	Version string
	// SrcRoot is the directory %SRCROOT% stands for, usually the root of
	// the repository (see RepoRoot); file URIs are relative to it. Empty
	// means the result's Root.
	SrcRoot string
	// Rules is the catalogue to describe; nil means rules.All().
	Rules []*rules.Rule
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 *sarifText      `json:"help,omitempty"`
	HelpURI              string          `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfig     `json:"defaultConfiguration"`
	Properties           sarifProperties `json:"properties"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations,omitempty"`
	PartialFingerprints map[string]string  `json:"partialFingerprints,omitempty"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	CodeFlows           []sarifCodeFlow    `json:"codeFlows,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	Properties          *sarifResultProps  `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Service string   `json:"service,omitempty"`
	Target  string   `json:"target,omitempty"`
	Path    []string `json:"path,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifCodeFlow struct {
	Message     *sarifText        `json:"message,omitempty"`
	ThreadFlows []sarifThreadFlow `json:"threadFlows"`
}

type sarifThreadFlow struct {
	Locations []sarifThreadFlowLocation `json:"locations"`
}

type sarifThreadFlowLocation struct {
	Location sarifLocation `json:"location"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Justification string         `json:"justification,omitempty"`
	Location      *sarifLocation `json:"location,omitempty"`
}

const srcRoot = "%SRCROOT%"

// Print writes the log for the findings fs of res (fs may differ from
// res.Findings: a baseline may have removed some).
func (p SARIF) Print(w io.Writer, res *analyzer.Result, fs []analyzer.Finding) error {
	catalogue := p.Rules
	if catalogue == nil {
		catalogue = rules.All()
	}
	sw := &sarifWriter{root: res.Root, srcRoot: cmp.Or(p.SrcRoot, res.Root), graph: res.Graph}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "faultline", Version: p.Version, InformationURI: InformationURI,
		}},
		Results: []sarifResult{},
	}
	if abs, err := filepath.Abs(sw.srcRoot); err == nil {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(abs)}}
	}

	index := map[string]int{}
	for _, r := range catalogue {
		index[r.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleOf(r))
	}
	// Findings of rules outside the catalogue still need a descriptor.
	var unknown []string
	for _, f := range fs {
		if _, ok := index[f.Rule]; !ok && !slices.Contains(unknown, f.Rule) {
			unknown = append(unknown, f.Rule)
		}
	}
	slices.Sort(unknown)
	for _, name := range unknown {
		index[name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: name, Name: name,
			ShortDescription:     sarifText{Text: name},
			FullDescription:      sarifText{Text: name},
			DefaultConfiguration: sarifConfig{Level: "warning"},
			Properties:           sarifProperties{Tags: []string{"reliability"}},
		})
	}

	kept := keepMostSevere(fs, SARIFMaxResults)
	if len(kept) < len(fs) {
		sw.notes = append(sw.notes, sarifNotification{Level: "warning", Message: sarifText{Text: fmt.Sprintf(
			"%d findings, more than the %d results per run that code scanning accepts: the %d most severe are in this log",
			len(fs), SARIFMaxResults, SARIFMaxResults)}})
	}
	for _, f := range kept {
		run.Results = append(run.Results, sw.result(f, index[f.Rule]))
	}
	if sw.cutLocations > 0 {
		sw.notes = append(sw.notes, sarifNotification{Level: "warning", Message: sarifText{Text: fmt.Sprintf(
			"%d results have more than %d related locations or path steps: the first %d of each are in this log",
			sw.cutLocations, SARIFMaxLocations, SARIFMaxLocations)}})
	}
	for _, e := range res.PackageErrors {
		sw.notes = append(sw.notes, sarifNotification{Level: "error", Message: sarifText{Text: e}})
	}
	if len(sw.notes) > 0 {
		run.Invocations = []sarifInvocation{{
			ExecutionSuccessful:        len(res.PackageErrors) == 0,
			ToolExecutionNotifications: sw.notes,
		}}
	}

	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

// keepMostSevere returns at most limit findings: all of them when they
// fit, and otherwise the most severe (unsuppressed before suppressed, then
// in their order), in their original order.
func keepMostSevere(fs []analyzer.Finding, limit int) []analyzer.Finding {
	if len(fs) <= limit {
		return fs
	}
	idx := make([]int, len(fs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		fa, fb := &fs[a], &fs[b]
		return cmp.Or(
			cmp.Compare(fb.Severity, fa.Severity),
			cmp.Compare(boolInt(fa.Suppression != nil), boolInt(fb.Suppression != nil)),
		)
	})
	idx = idx[:limit]
	slices.Sort(idx)
	out := make([]analyzer.Finding, len(idx))
	for i, k := range idx {
		out[i] = fs[k]
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func sarifRuleOf(r *rules.Rule) sarifRule {
	tags := []string{"reliability", "resilience"}
	if r.Analyzer != nil {
		tags = append(tags, "go")
	}
	if r.Check != nil {
		tags = append(tags, "topology")
	}
	if len(tags) > SARIFMaxTags {
		tags = tags[:SARIFMaxTags]
	}
	sr := sarifRule{
		ID:                   r.Name,
		Name:                 r.Name,
		ShortDescription:     sarifText{Text: r.Summary},
		FullDescription:      sarifText{Text: cmp.Or(firstParagraph(r.Doc), r.Summary)},
		HelpURI:              RuleURL(r.Name),
		DefaultConfiguration: sarifConfig{Level: sarifLevel(r.Severity)},
		Properties:           sarifProperties{Tags: tags},
	}
	if r.Doc != "" {
		sr.Help = &sarifText{Text: r.Doc, Markdown: r.Doc}
	}
	return sr
}

// firstParagraph returns the first paragraph of a rule's documentation
// after its title line, as one line.
func firstParagraph(doc string) string {
	_, body, _ := strings.Cut(doc, "\n")
	var lines []string
	for _, l := range strings.Split(strings.TrimLeft(body, "\n"), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			break
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, " ")
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Note:
		return "note"
	}
	return "warning"
}

type sarifWriter struct {
	root, srcRoot string
	graph         *graph.Graph
	notes         []sarifNotification
	cutLocations  int
}

func (w *sarifWriter) result(f analyzer.Finding, ruleIndex int) sarifResult {
	r := sarifResult{
		RuleID:    f.Rule,
		RuleIndex: ruleIndex,
		Level:     sarifLevel(f.Severity),
		Message:   sarifText{Text: f.Full()},
	}
	if loc, ok := w.location(f.File, f.Line, f.Column, ""); ok {
		r.Locations = []sarifLocation{loc}
	}
	if f.Fingerprint != "" {
		r.PartialFingerprints = map[string]string{SARIFFingerprintKey: f.Fingerprint}
	}
	if f.Service != "" || f.Target != "" || len(f.Path) > 0 {
		r.Properties = &sarifResultProps{Service: f.Service, Target: f.Target, Path: f.Path}
	}

	// Related locations: every node of the path where it is declared, then
	// the finding's own related positions.
	var related []sarifLocation
	add := func(loc sarifLocation) {
		id := len(related) + 1
		loc.ID = &id
		related = append(related, loc)
	}
	if w.graph != nil {
		for i, name := range f.Path {
			n := w.graph.Node(name)
			if n == nil {
				continue
			}
			msg := fmt.Sprintf("%s %s, step %d of the path", n.Kind, n.Name, i+1)
			if loc, ok := w.location(n.Pos.File, n.Pos.Line, n.Pos.Col, msg); ok {
				add(loc)
			}
		}
	}
	for _, rel := range f.Related {
		if loc, ok := w.location(rel.File, rel.Line, rel.Column, rel.Message); ok {
			add(loc)
		}
	}
	if len(related) > SARIFMaxLocations {
		related = related[:SARIFMaxLocations]
		w.cutLocations++
	}
	r.RelatedLocations = related

	if flow := w.codeFlow(f); flow != nil {
		r.CodeFlows = []sarifCodeFlow{*flow}
	}

	if s := f.Suppression; s != nil {
		kind := s.Kind
		if kind != "inSource" && kind != "external" {
			kind = "external"
		}
		sup := sarifSuppression{Kind: kind, Justification: s.Reason}
		if loc, ok := w.location(s.File, s.Line, 0, ""); ok {
			sup.Location = &loc
		}
		r.Suppressions = []sarifSuppression{sup}
	}
	return r
}

// codeFlow shows a path finding's path as a sequence of steps: each edge
// where it is declared (or called), the way a dashboard shows a data flow.
func (w *sarifWriter) codeFlow(f analyzer.Finding) *sarifCodeFlow {
	if w.graph == nil || len(f.Path) < 2 {
		return nil
	}
	var steps []sarifThreadFlowLocation
	for i := 0; i+1 < len(f.Path); i++ {
		from, to := f.Path[i], f.Path[i+1]
		pos := graph.Pos{}
		if e := w.graph.Edge(from, to); e != nil {
			pos = e.Pos
		}
		if !pos.IsValid() {
			if n := w.graph.Node(from); n != nil {
				pos = n.Pos
			}
		}
		if loc, ok := w.location(pos.File, pos.Line, pos.Col, from+" -> "+to); ok {
			steps = append(steps, sarifThreadFlowLocation{Location: loc})
		}
	}
	if len(steps) == 0 {
		return nil
	}
	if len(steps) > SARIFMaxLocations {
		steps = steps[:SARIFMaxLocations]
		w.cutLocations++
	}
	return &sarifCodeFlow{
		Message:     &sarifText{Text: strings.Join(f.Path, " -> ")},
		ThreadFlows: []sarifThreadFlow{{Locations: steps}},
	}
}

// location returns a location for file:line:col (file relative to the
// result's root), relative to %SRCROOT%. It reports false when there is
// no file.
func (w *sarifWriter) location(file string, line, col int, msg string) (sarifLocation, bool) {
	if file == "" {
		return sarifLocation{}, false
	}
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLoc{URI: w.uri(file), URIBaseID: srcRoot},
	}}
	if line > 0 {
		loc.PhysicalLocation.Region = &sarifRegion{StartLine: line}
		if col > 0 {
			loc.PhysicalLocation.Region.StartColumn = col
		}
	}
	if msg != "" {
		loc.Message = &sarifText{Text: msg}
	}
	return loc, true
}

// uri turns a path relative to the root into a URI reference relative to
// %SRCROOT%.
func (w *sarifWriter) uri(file string) string {
	rel := file
	if w.srcRoot != w.root && !filepath.IsAbs(filepath.FromSlash(file)) {
		if r, err := filepath.Rel(w.srcRoot, filepath.Join(w.root, filepath.FromSlash(file))); err == nil && !strings.HasPrefix(r, "..") {
			rel = filepath.ToSlash(r)
		}
	}
	u := (&url.URL{Path: rel}).EscapedPath()
	// A colon in the first segment would read as a scheme.
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u
	}
	return u
}

// fileURI returns the file: URI of an absolute directory, with the final
// slash SARIF requires of a base URI.
func fileURI(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// RepoRoot returns the root of the version-control checkout that holds dir
// (the nearest directory up from dir with a .git entry), or dir itself when
// there is none. SARIF file URIs are relative to it, which is what code
// scanning expects when the module is in a subdirectory of the repository.
func RepoRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return dir
	}
	for d := abs; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}
