package cli

import (
	"strings"

	"github.com/faultline-dev/faultline/analyzer"
)

// testInfraDirs are the names of directories that hold test
// infrastructure outside _test.go files: test harnesses, fixtures and end
// to end suites, mocks and fakes, examples and samples. Code there runs
// under go test, in CI or in a demo, not in the service; findings there are
// usually right and rarely worth fixing first. The summary counts them so
// that a team can exclude them (README, "Test infrastructure").
var testInfraDirs = map[string]bool{
	"test": true, "tests": true, "testing": true, "testutil": true, "testutils": true,
	"testhelpers": true, "testdata": true, "e2e": true, "fixtures": true,
	"mock": true, "mocks": true, "fake": true, "fakes": true,
	"example": true, "examples": true, "sample": true, "samples": true,
}

// testInfraPath reports whether a finding's file (relative to the run's
// root, forward slashes) lies under a directory that looks like test
// infrastructure: one of testInfraDirs, or a name that starts with "e2e"
// or ends in "_test" or "-test" (e2e-tests, integration_test). The file
// name itself is not looked at.
func testInfraPath(file string) bool {
	dirs := strings.Split(file, "/")
	for _, d := range dirs[:len(dirs)-1] {
		d = strings.ToLower(d)
		if testInfraDirs[d] || strings.HasPrefix(d, "e2e") || strings.HasSuffix(d, "_test") || strings.HasSuffix(d, "-test") {
			return true
		}
	}
	return false
}

// testInfraCount counts the unsuppressed findings in paths that look like
// test infrastructure.
func testInfraCount(fs []analyzer.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Suppression == nil && testInfraPath(f.File) {
			n++
		}
	}
	return n
}
