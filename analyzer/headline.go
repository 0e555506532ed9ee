package analyzer

import (
	"strings"
	"unicode"
)

// maxHeadline is the length a headline aims at: a terminal line with its
// position and rule name.
const maxHeadline = 100

// minHeadline is the length below which a first clause is only a subject.
const minHeadline = 30

// headline returns the short form of a finding's message, for one terminal
// line: what is wrong and where it leads, without the why and the fix. The
// rules write a message as "what: consequence; fix", with asides in
// parentheses; the headline is its first clause, without the asides
// ("(called in …)", "(env X, flag -y)"), without the functions the
// finding's own position already names ("in (*T).m, (*T).n"), and with a
// long chain of calls or hops ("a → b → c → d") cut to its two ends. The
// whole message stays the finding's Detail.
func headline(msg string) string {
	first := firstClause(msg)
	h := shorten(first)
	if (len(h) < minHeadline || strings.HasPrefix(h, "entrypoint")) && len(first) < len(msg) {
		// "x is a shared fate: …", "entrypoint web can hang: …": the
		// subject alone says too little (an entrypoint's findings all
		// start with it); take the next clause up to its first comma, if
		// the two still fit on a wide line.
		rest := msg[len(first)+len(": "):]
		if ext := shorten(first + ": " + cutAt(firstClause(rest), ", ", "; ")); len(ext) <= maxHeadline+20 {
			h = ext
		}
	}
	return h
}

// shorten drops the asides of a clause and, while it is too long, the
// function lists and the middle of its chains.
func shorten(h string) string {
	h = dropAsides(h)
	if len(h) > maxHeadline {
		h = dropFuncLists(h)
	}
	for _, arrow := range []string{" → ", " -> "} {
		if len(h) > maxHeadline {
			h = cutChain(h, arrow)
		}
	}
	return strings.TrimSpace(h)
}

// firstClause returns msg up to its first ": " outside parentheses,
// brackets and quotes.
func firstClause(msg string) string { return cutAt(msg, ": ") }

// cutAt returns s up to the first of seps that stands outside
// parentheses, brackets and quotes.
func cutAt(s string, seps ...string) string {
	depth, quote := 0, rune(0)
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '`':
			quote = r
		case r == '(' || r == '[' || r == '{':
			depth++
		case r == ')' || r == ']' || r == '}':
			depth--
		case depth == 0:
			for _, sep := range seps {
				if strings.HasPrefix(s[i:], sep) {
					return s[:i]
				}
			}
		}
	}
	return s
}

// dropAsides removes the parenthesised asides of h: " (…)" groups that are
// not a Go receiver ("(*http.Client).Do" is followed by a dot, "(*T)"
// starts with a star).
func dropAsides(h string) string {
	var b strings.Builder
	for i := 0; i < len(h); {
		if strings.HasPrefix(h[i:], " (") && !strings.HasPrefix(h[i:], " (*") {
			if j := closing(h, i+1); j > 0 && (j+1 == len(h) || (h[j+1] != '.' && h[j+1] != ')')) {
				i = j + 1
				continue
			}
		}
		b.WriteByte(h[i])
		i++
	}
	return b.String()
}

// closing returns the index of the parenthesis that closes the one at
// open, or -1.
func closing(s string, open int) int {
	depth := 0
	for j := open; j < len(s); j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return j
			}
		}
	}
	return -1
}

// dropFuncLists removes " in F[, G…]" where F, G are Go function names
// ("pkg.F", "(*pkg.T).M"): the finding's position names the place.
func dropFuncLists(h string) string {
	for {
		i := strings.Index(h, " in ")
		if i < 0 {
			return h
		}
		j := i + len(" in ")
		end := funcName(h, j)
		if end < 0 {
			// not a function list: look further on
			rest := dropFuncLists(h[j:])
			return h[:j] + rest
		}
		for strings.HasPrefix(h[end:], ", ") {
			next := funcName(h, end+2)
			if next < 0 {
				break
			}
			end = next
		}
		h = h[:i] + h[end:]
	}
}

// funcName returns the end of the Go function name that starts at i in s
// ("pkg.F", "(*pkg.T).M", "(pkg.I).M"), or -1 when none starts there.
func funcName(s string, i int) int {
	j := i
	if strings.HasPrefix(s[j:], "(") {
		k := strings.IndexByte(s[j:], ')')
		if k < 0 || !strings.HasPrefix(s[j+k:], ").") {
			return -1
		}
		j += k + 2
	}
	start, dots := j, 0
	for j < len(s) {
		r := rune(s[j])
		if r == '.' {
			dots++
		} else if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '/' || r == '-') {
			break
		}
		j++
	}
	if j == start || (dots == 0 && s[i] != '(') || s[j-1] == '.' {
		return -1
	}
	return j
}

// cutChain shortens "a → b → c → d" to "a → … → d" (the first and last
// parts keep the words around them).
func cutChain(h, arrow string) string {
	parts := strings.Split(h, arrow)
	if len(parts) <= 3 {
		return h
	}
	return parts[0] + arrow + "…" + arrow + parts[len(parts)-1]
}
