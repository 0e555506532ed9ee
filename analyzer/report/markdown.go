package report

import (
	"html"
	"regexp"
	"strings"
)

// markdown renders the Markdown of a rule's documentation as HTML, simply
// and safely: headings, paragraphs, lists, tables, fenced code, inline
// code, bold, emphasis and http(s) links. Every piece of text is escaped
// first, so the result has no markup but what this function writes; there
// is no raw HTML passthrough. The headings start at level h, and the
// document's own title line (# name: summary) is dropped.
func markdown(md string, h int) string {
	var b strings.Builder
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	var para []string
	var list []string
	flushPara := func() {
		if len(para) > 0 {
			b.WriteString("<p>" + inline(strings.Join(para, " ")) + "</p>\n")
			para = nil
		}
	}
	flushList := func() {
		if len(list) > 0 {
			b.WriteString("<ul>\n")
			for _, item := range list {
				b.WriteString("<li>" + inline(item) + "</li>\n")
			}
			b.WriteString("</ul>\n")
			list = nil
		}
	}
	flush := func() { flushPara(); flushList() }
	heading := func(level int, text string) {
		n := string(rune('0' + min(max(h+level-2, 1), 6)))
		b.WriteString("<h" + n + ">" + inline(text) + "</h" + n + ">\n")
	}

	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```"):
			flush()
			lang := strings.TrimSpace(strings.TrimPrefix(trimmed, "```"))
			var code []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
				code = append(code, lines[i])
			}
			class := ""
			if lang != "" && isWord(lang) {
				class = ` class="language-` + lang + `"`
			}
			b.WriteString("<pre><code" + class + ">" + html.EscapeString(strings.Join(code, "\n")) + "</code></pre>\n")
		case i == 0 && strings.HasPrefix(trimmed, "# "):
			// The title: shown by the page itself.
		case strings.HasPrefix(trimmed, "#"):
			flush()
			level := len(trimmed) - len(strings.TrimLeft(trimmed, "#"))
			heading(level, strings.TrimSpace(trimmed[level:]))
		case trimmed == "":
			flush()
		case strings.HasPrefix(trimmed, "|"):
			flush()
			var rows [][]string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				cells := splitRow(strings.TrimSpace(lines[i]))
				if isSeparatorRow(cells) {
					continue
				}
				rows = append(rows, cells)
			}
			i--
			b.WriteString("<table>\n")
			for r, row := range rows {
				tag := "td"
				if r == 0 {
					tag = "th"
				}
				b.WriteString("<tr>")
				for _, c := range row {
					b.WriteString("<" + tag + ">" + inline(c) + "</" + tag + ">")
				}
				b.WriteString("</tr>\n")
			}
			b.WriteString("</table>\n")
		case strings.HasPrefix(trimmed, "- ") || strings.HasPrefix(trimmed, "* "):
			flushPara()
			list = append(list, strings.TrimSpace(trimmed[2:]))
		case len(list) > 0 && strings.HasPrefix(line, "  "):
			list[len(list)-1] += " " + trimmed // a list item's continuation
		default:
			flushList()
			para = append(para, trimmed)
		}
	}
	flush()
	return b.String()
}

func isWord(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func splitRow(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	cells := strings.Split(line, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

func isSeparatorRow(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-: ") != "" {
			return false
		}
	}
	return true
}

var (
	boldRE = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	emRE   = regexp.MustCompile(`(^|[^*\w])\*([^*\s][^*]*)\*`)
	linkRE = regexp.MustCompile(`\[([^\]]+)\]\((https?://[^)\s]+)\)`)
)

// inline renders code spans, bold, emphasis and links in one line of
// text, escaping everything else.
func inline(s string) string {
	var b strings.Builder
	parts := strings.Split(s, "`")
	for i, part := range parts {
		if i%2 == 1 && i < len(parts)-1 {
			b.WriteString("<code>" + html.EscapeString(part) + "</code>")
			continue
		}
		if i%2 == 1 { // an unmatched backtick
			b.WriteString("`")
		}
		t := html.EscapeString(part)
		t = linkRE.ReplaceAllString(t, `<a href="$2" rel="noopener noreferrer">$1</a>`)
		t = boldRE.ReplaceAllString(t, "<strong>$1</strong>")
		t = emRE.ReplaceAllString(t, "$1<em>$2</em>")
		b.WriteString(t)
	}
	return b.String()
}
