package dot

import (
	"bufio"
	"strings"

	"github.com/awalterschulze/gographviz/ast"
)

// Element ids in the picture. Graphviz copies a node's or an edge's `id`
// attribute to the SVG element it draws, so the HTML report can point at
// nodes and edges by these ids.

// NodeID returns the picture id of the node called name.
func NodeID(name string) string { return "node-" + encode(name) }

// EdgeID returns the picture id of the edge from -> to.
func EdgeID(from, to string) string { return "edge-" + encode(from) + "__" + encode(to) }

// BoxID returns the picture id of the box (cluster) labelled label.
func BoxID(label string) string { return "box-" + encode(label) }

// EntryID returns the picture id of the entrypoint called name.
func EntryID(name string) string { return "entry-" + encode(name) }

// EntryEdgeID returns the picture id of the arrow from the entrypoint called
// name to its service.
func EntryEdgeID(name string) string { return "entryedge-" + encode(name) }

// encode maps a name to letters, digits, '-' and '.', one to one: every
// other byte becomes '_' and two hex digits. "__" never occurs in the
// result, so EdgeID can join two of them with it.
func encode(s string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.':
			b.WriteByte(c)
		default:
			b.WriteByte('_')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// quote writes s as a quoted DOT string. Backslashes are doubled so that
// Graphviz's escapes (\n, \N, \G, \l …) in labels stay literal text, and
// the line breaks of labels become \n. Control characters, which XML
// cannot carry into SVG, become U+FFFD.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Unquote reverses quote for what it writes: it returns s without its
// quotes and escapes (\" and \\ and \n). An unquoted s is returned as is.
func Unquote(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '"', '\\':
				b.WriteByte(s[i+1])
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// writeGraph writes the tree one statement at a time. The tree's own
// String methods concatenate strings, which is quadratic in the size of
// the graph; this is linear.
func writeGraph(w *bufio.Writer, g *ast.Graph) {
	if g.Strict {
		w.WriteString("strict ")
	}
	w.WriteString(g.Type.String())
	w.WriteString(" ")
	w.WriteString(g.ID.String())
	w.WriteString(" {\n")
	writeStmts(w, g.StmtList, "\t")
	w.WriteString("}\n")
}

func writeStmts(w *bufio.Writer, list ast.StmtList, indent string) {
	for _, s := range list {
		switch s := s.(type) {
		case *ast.SubGraph:
			w.WriteString(indent)
			w.WriteString("subgraph ")
			w.WriteString(s.ID.String())
			w.WriteString(" {\n")
			writeStmts(w, s.StmtList, indent+"\t")
			w.WriteString(indent)
			w.WriteString("}\n")
		default:
			writeStmt(w, indent, s.String())
		}
	}
}

func writeStmt(w *bufio.Writer, indent, s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	w.WriteString(indent)
	w.WriteString(s)
	w.WriteString(";\n")
}
