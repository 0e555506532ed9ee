package topology

import (
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/token"
)

// An index maps the label paths spelled out in the topology's syntax to the
// position of their first label (in file order), and records the
// @faultline attributes written on or directly inside each field. It is
// built in one walk of the syntax trees, which costs far less than asking
// the evaluated value for positions field by field. Paths that the syntax
// does not spell out (fields made by comprehensions, or embedded from a
// hidden field or definition) are not in it; the loader asks the evaluated
// value for those.
type index struct {
	root  ixNode
	attrs []*ast.Attribute // every @faultline attribute, in file order
}

type ixNode struct {
	pos   token.Pos
	kids  map[string]*ixNode
	attrs []*ast.Attribute // @faultline attributes on this field or among its declarations
}

const attrName = "faultline"

func newIndex(files []*srcFile) *index {
	ix := &index{}
	for _, f := range files {
		ix.decls(&ix.root, f.ast.Decls)
		ast.Walk(f.ast, func(n ast.Node) bool {
			if a, ok := n.(*ast.Attribute); ok && a.Name() == attrName {
				ix.attrs = append(ix.attrs, a)
			}
			return true
		}, nil)
	}
	return ix
}

func (n *ixNode) child(name string, pos token.Pos) *ixNode {
	if n.kids == nil {
		n.kids = map[string]*ixNode{}
	}
	k := n.kids[name]
	if k == nil {
		k = &ixNode{pos: pos}
		n.kids[name] = k
	}
	return k
}

func (ix *index) decls(n *ixNode, decls []ast.Decl) {
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.Field:
			name, _, err := ast.LabelName(d.Label)
			if err != nil {
				continue // a pattern or computed label: not a spelled-out fieldPath
			}
			k := n.child(name, d.Label.Pos())
			for _, a := range d.Attrs {
				if a.Name() == attrName {
					k.attrs = append(k.attrs, a)
				}
			}
			ix.expr(k, d.Value)
		case *ast.Attribute:
			if d.Name() == attrName {
				n.attrs = append(n.attrs, d)
			}
		case *ast.EmbedDecl:
			ix.expr(n, d.Expr)
		}
	}
}

func (ix *index) expr(n *ixNode, e ast.Expr) {
	switch e := e.(type) {
	case *ast.StructLit:
		ix.decls(n, e.Elts)
	case *ast.ParenExpr:
		ix.expr(n, e.X)
	case *ast.BinaryExpr:
		if e.Op == token.AND {
			ix.expr(n, e.X)
			ix.expr(n, e.Y)
		}
	case *ast.ListLit:
		for i, el := range e.Elts {
			switch el.(type) {
			case *ast.Ellipsis, *ast.Comprehension:
				return // indices after this are not known from the syntax
			}
			k := n.child(indexElem(i), el.Pos())
			ix.expr(k, el)
		}
	}
}

// lookup returns the position of the first label of path p, or NoPos.
func (ix *index) lookup(p fieldPath) token.Pos {
	if n := ix.node(p); n != nil {
		return n.pos
	}
	return token.NoPos
}

func (ix *index) node(p fieldPath) *ixNode {
	n := &ix.root
	for _, e := range p {
		n = n.kids[e]
		if n == nil {
			return nil
		}
	}
	return n
}

// attrsBelow returns the @faultline attributes of the field at p and of every
// field below it, except below the paths of skip (relative to p, e.g. the
// dependsOn entries of a service, which are edges of their own).
func (ix *index) attrsBelow(p fieldPath, skip func(rel fieldPath) bool) []*ast.Attribute {
	n := ix.node(p)
	if n == nil {
		return nil
	}
	var out []*ast.Attribute
	var walk func(n *ixNode, rel fieldPath)
	walk = func(n *ixNode, rel fieldPath) {
		if skip != nil && len(rel) > 0 && skip(rel) {
			return
		}
		out = append(out, n.attrs...)
		for name, k := range n.kids {
			walk(k, rel.with(name))
		}
	}
	walk(n, nil)
	return out
}
