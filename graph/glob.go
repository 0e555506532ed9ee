package graph

import (
	"errors"
	"path"
	"strings"
)

// CheckGlob reports whether pattern is a well-formed path glob for
// MatchGlob.
func CheckGlob(pattern string) error {
	switch {
	case pattern == "":
		return errors.New("an empty pattern matches nothing")
	case strings.HasPrefix(pattern, "/"):
		return errors.New("a pattern is relative to the module root: drop the leading /")
	case strings.Contains(pattern, `\`):
		return errors.New(`separate path elements with /, not \`)
	}
	for _, el := range strings.Split(pattern, "/") {
		if el == "**" {
			continue
		}
		if strings.Contains(el, "**") {
			return errors.New("** must be a whole path element, as in a/**/b")
		}
		if _, err := path.Match(el, ""); err != nil {
			return errors.New("malformed pattern (an unclosed [ ?)")
		}
	}
	return nil
}

// MatchGlob reports whether the slash-separated relative path name matches
// pattern: path.Match for each element, and ** for any number of elements
// (none included). A pattern that names a directory matches everything
// below it ("test" and "test/**" both match "test/e2e/a.go").
func MatchGlob(pattern, name string) bool {
	return matchElems(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchElems(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			for i := 0; i <= len(name); i++ {
				if matchElems(rest, name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], name[0]); !ok {
			return false
		}
		pat, name = pat[1:], name[1:]
	}
	// The pattern is used up: it named name itself, or a directory above it.
	return true
}
