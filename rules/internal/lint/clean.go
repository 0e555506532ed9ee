package lint

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean makes a message safe to print on a terminal or in a log that
// tools parse line by line. Messages quote strings taken from the analysed
// code (environment variable names, hosts, URLs), and such a string may
// hold a newline, a carriage return or a terminal escape: printed raw, it
// would forge further lines (a fake finding, a GitHub `::error` workflow
// command) or rewrite the screen. Clean writes control characters, invalid
// UTF-8 and the Unicode bidirectional controls (which can make text read
// differently than it is) as Go escapes (\n, \x1b, \u202e), and leaves
// everything else as it is.
func Clean(s string) string {
	if !needsClean(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unicode.IsControl(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.IsControl(r) || bidi(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsClean(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || unicode.IsControl(r) || bidi(r) {
			return true
		}
		i += n
	}
	return false
}

// bidi reports whether r is one of the Unicode bidirectional formatting
// characters (the "Trojan Source" characters).
func bidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
