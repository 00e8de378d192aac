package theme

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"
	"text/template/parse"

	"mutual/internal/diag"
)

// Cached partials and the page they are given.
//
// partialCached keys its cache on the partial's name and the call's
// variants, never on its context: {{partialCached "footer.html" .}} runs
// footer.html for the first page made and shows that output on every page.
// A footer that prints {{.Title}} then shows one page's title everywhere,
// and which page's depends on which was made first. A theme author sees
// nothing wrong on the page they look at, so CacheWarnings reads the
// layouts for it: wherever a partial is called with partialCached and the
// page as its context, every read of the page inside it (and inside what
// it calls with the page) must be of .Site or of what a variant names
// (.Kind read under a .Kind variant; anything under a variant that is the
// page's own address, .URL, .Permalink or .RelPermalink). Each other read
// is a warning at its line and column, saying what to write instead.
//
// The page is the context a layout is run with, and what . and $ are in a
// template or partial entered with it (outside {{with}} and {{range}},
// which give . another value), and a variable set to it ({{$p := .}}).
// What a function does with the whole page is not known, except for the
// functions the caller names in pageFuncs with the fields they read
// (active reads .ActiveMenu); passing the page to any other function is
// a warning too. A partial given something else (.Tags, an entry of a
// list) is not judged: what its variants must name depends on what that
// value is.

// cacheCall is one partialCached call whose context is the page.
type cacheCall struct {
	from     string // the caller's template name
	tree     *parse.Tree
	node     parse.Node
	to       string   // the partial's template name
	variants []string // as written: ".Kind"
	allowed  []string // page fields the variants name, dotted: "Kind", "Params.color"
	all      bool     // a variant is the page or its address: every read is fine
}

// pageEnv is what names the page at a point of a template: . (outside a
// {{with}} or {{range}}), and the variables set to it ($ among them).
type pageEnv struct {
	dot  bool
	vars map[string]bool
}

func pageEntry() pageEnv { return pageEnv{dot: true, vars: map[string]bool{"$": true}} }

// inner is the environment inside a {{with}} or {{range}}: . is another
// value there, the variables are still the page.
func (e pageEnv) inner() pageEnv { return pageEnv{vars: maps.Clone(e.vars)} }

// with is the environment inside {{with p}}: . is p's value, the page
// again when p is the page.
func (e pageEnv) with(p *parse.PipeNode) pageEnv {
	in := e.inner()
	in.dot = len(p.Decl) == 0 && e.isPage(p)
	return in
}

// isPage reports whether n is the page itself: ., $, a variable set to
// it, or a parenthesized pipeline of one of these.
func (e pageEnv) isPage(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.DotNode:
		return e.dot
	case *parse.VariableNode:
		return len(n.Ident) == 1 && e.vars[n.Ident[0]]
	case *parse.PipeNode:
		return len(n.Cmds) == 1 && len(n.Cmds[0].Args) == 1 && e.isPage(n.Cmds[0].Args[0])
	}
	return false
}

// read returns the fields of the page n reads (["Title"] for .Title and
// $.Title), or nil when n is no read of the page's fields.
func (e pageEnv) read(n parse.Node) []string {
	switch n := n.(type) {
	case *parse.FieldNode:
		if e.dot {
			return n.Ident
		}
	case *parse.VariableNode:
		if len(n.Ident) > 1 && e.vars[n.Ident[0]] {
			return n.Ident[1:]
		}
	case *parse.ChainNode:
		if e.isPage(n.Node) {
			return n.Field
		}
	}
	return nil
}

// declare marks the variables a pipeline sets to the page.
func (e pageEnv) declare(p *parse.PipeNode) {
	if p == nil || len(p.Decl) != 1 {
		return
	}
	if len(p.Cmds) == 1 && len(p.Cmds[0].Args) == 1 && e.isPage(p.Cmds[0].Args[0]) {
		e.vars[p.Decl[0].Ident[0]] = true
	} else {
		delete(e.vars, p.Decl[0].Ident[0]) // set to something else, or a new variable of the same name
	}
}

// pageWalk goes through a template's actions and controls, keeping
// track of what names the page (pageEnv): it hands action the pipeline of
// each action (printed, unless it sets a variable), pipe the pipeline of
// each {{if}}, {{with}}, {{range}} and of a {{template}} not given the
// page, and page the name of each template given the page.
type pageWalk struct {
	action, pipe func(p *parse.PipeNode, env pageEnv)
	page         func(name string)
}

func (w pageWalk) list(l *parse.ListNode, env pageEnv) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			w.action(n.Pipe, env)
		case *parse.IfNode:
			w.pipe(n.Pipe, env)
			w.list(n.List, env)
			w.list(n.ElseList, env)
		case *parse.WithNode:
			w.pipe(n.Pipe, env)
			w.list(n.List, env.with(n.Pipe))
			w.list(n.ElseList, env)
		case *parse.RangeNode:
			w.pipe(n.Pipe, env)
			w.list(n.List, env.inner())
			w.list(n.ElseList, env)
		case *parse.TemplateNode:
			if n.Pipe != nil && env.isPage(n.Pipe) {
				w.page(n.Name)
			} else {
				w.pipe(n.Pipe, env)
			}
		}
	}
}

// CacheWarnings are the warnings for reads of the page in partials that
// partialCached shows on pages other than the one they were made for (see
// above), in the site's own themes: a read in a layout or partial of
// theirs, or in a built-in partial that a layout of theirs calls cached.
// pageFuncs names the template functions that take the page and the
// fields they read of it.
func (ts *Templates) CacheWarnings(pageFuncs map[string][]string) diag.List {
	if ts == nil {
		return nil
	}
	var warns diag.List
	seen := map[string]bool{}
	for _, kind := range slices.Sorted(maps.Keys(ts.kinds)) {
		root := ts.kinds[kind]
		for _, c := range findCacheCalls(root) {
			for _, w := range ts.cacheReads(root, c, pageFuncs) {
				if k := w.Error(); !seen[k] {
					seen[k] = true
					warns.Append(w)
				}
			}
		}
	}
	warns.Sort()
	return warns
}

// eachTemplate calls fn with the template start and each template fn
// enters (with enter), once each; names root has not are passed over.
func eachTemplate(root *template.Template, start string, fn func(name string, tree *parse.Tree, enter func(string))) {
	visited := map[string]bool{}
	var enter func(name string)
	enter = func(name string) {
		if visited[name] {
			return
		}
		visited[name] = true
		t := root.Lookup(name)
		if t == nil || t.Tree == nil || t.Tree.Root == nil {
			return
		}
		fn(name, t.Tree, enter)
	}
	enter(start)
}

// findCacheCalls returns the partialCached calls with the page as context
// in what a page of root's kind runs: base.html and what it calls with the
// page.
func findCacheCalls(root *template.Template) []cacheCall {
	var calls []cacheCall
	eachTemplate(root, "base.html", func(name string, tree *parse.Tree, enter func(string)) {
		pipe := func(p *parse.PipeNode, env pageEnv) {
			if p == nil {
				return
			}
			walkCommands(p, func(c *parse.CommandNode) {
				id, ok := c.Args[0].(*parse.IdentifierNode)
				if !ok || len(c.Args) < 3 || !env.isPage(c.Args[2]) {
					return
				}
				s, ok := c.Args[1].(*parse.StringNode)
				if !ok {
					return
				}
				switch id.Ident {
				case "partial":
					enter(partialName(s.Text))
				case "partialCached":
					call := cacheCall{from: name, tree: tree, node: c, to: partialName(s.Text)}
					for _, v := range c.Args[3:] {
						call.variants = append(call.variants, v.String())
						if env.isPage(v) {
							call.all = true
						} else if f := env.read(v); f != nil {
							call.allowed = append(call.allowed, strings.Join(f, "."))
							switch f[0] {
							case "URL", "Permalink", "RelPermalink":
								if len(f) == 1 {
									call.all = true
								}
							}
						}
					}
					calls = append(calls, call)
					enter(call.to) // its own cached calls
				}
			})
			env.declare(p)
		}
		pageWalk{action: pipe, pipe: pipe, page: enter}.list(tree.Root, pageEntry())
	})
	return calls
}

// cacheReads walks the partial of c, and what it calls with the page, for
// reads of the page that c's variants do not name.
func (ts *Templates) cacheReads(root *template.Template, c cacheCall, pageFuncs map[string][]string) []*diag.Error {
	var out []*diag.Error
	ownCall := ts.own[c.from] || ts.own[c.to]
	warn := func(name string, tree *parse.Tree, n parse.Node, read, variant string) {
		if !ownCall && !ts.own[name] {
			return
		}
		loc, _ := tree.ErrorContext(&parse.TextNode{Pos: startOf(n)})
		m := templateLocRE.FindStringSubmatch(loc)
		if m == nil {
			return
		}
		out = append(out, ts.errorAt(m[1], m[2], m[3], c.message(read, variant)))
	}
	allowed := func(f []string) bool {
		if c.all || f[0] == "Site" {
			return true
		}
		s := strings.Join(f, ".")
		for _, a := range c.allowed {
			if s == a || strings.HasPrefix(s, a+".") {
				return true
			}
		}
		return false
	}
	eachTemplate(root, c.to, func(name string, tree *parse.Tree, enter func(string)) {
		var arg func(n parse.Node, env pageEnv)
		var pipe func(p *parse.PipeNode, env pageEnv)
		arg = func(n parse.Node, env pageEnv) {
			if f := env.read(n); f != nil {
				if !allowed(f) {
					field := "." + strings.Join(f, ".")
					warn(name, tree, n, field+" differs from page to page", field)
				}
				return
			}
			switch n := n.(type) {
			case *parse.PipeNode:
				pipe(n, env)
			case *parse.ChainNode:
				arg(n.Node, env)
			}
		}
		command := func(c *parse.CommandNode, env pageEnv) {
			id, ok := c.Args[0].(*parse.IdentifierNode)
			if !ok {
				for _, a := range c.Args {
					arg(a, env)
				}
				return
			}
			args := c.Args[1:]
			switch id.Ident {
			case "partial", "partialCached":
				if len(args) >= 2 && env.isPage(args[1]) {
					if id.Ident == "partial" {
						if s, ok := args[0].(*parse.StringNode); ok {
							enter(partialName(s.Text))
						}
					}
					// A partial given the page is read as part of
					// this one; a cached one is judged by its own
					// variants, which are read here, as this
					// partial's reads.
					args = args[2:]
				}
			}
			for _, a := range args {
				if !env.isPage(a) {
					arg(a, env)
					continue
				}
				fields, known := pageFuncs[id.Ident]
				if !known {
					warn(name, tree, a, "this gives the whole page to "+id.Ident, "")
				}
				for _, f := range fields {
					if !allowed(strings.Split(f, ".")) {
						warn(name, tree, a, id.Ident+" reads ."+f+", which differs from page to page", "."+f)
					}
				}
			}
		}
		pipe = func(p *parse.PipeNode, env pageEnv) {
			if p == nil {
				return
			}
			for _, c := range p.Cmds {
				command(c, env)
			}
			env.declare(p)
		}
		// action is a pipeline whose value is printed, unless it sets a
		// variable.
		action := func(p *parse.PipeNode, env pageEnv) {
			if len(p.Decl) == 0 && env.isPage(p) {
				warn(name, tree, p, "this prints the whole page", "")
			}
			pipe(p, env)
		}
		pageWalk{action: action, pipe: pipe, page: enter}.list(tree.Root, pageEntry())
	})
	return out
}

// startOf is where a read of fields starts in its template: parse gives
// .Params.color and $p.Title the position of their last field.
func startOf(n parse.Node) parse.Pos {
	var ident []string
	switch n := n.(type) {
	case *parse.FieldNode:
		ident = n.Ident
	case *parse.VariableNode:
		ident = n.Ident
	default:
		return n.Position()
	}
	if len(ident) < 2 {
		return n.Position()
	}
	last := "." + ident[len(ident)-1]
	return max(0, n.Position()-parse.Pos(len(n.String())-len(last)))
}

// message says what is wrong in c's partial (what, a clause: ".Title
// differs from page to page"), and what to write instead: a plain call,
// or variant ("" when none would do) among the call's variants.
func (c cacheCall) message(what, variant string) string {
	partial := strings.TrimPrefix(c.to, "partials/")
	at := c.from
	if loc, _ := c.tree.ErrorContext(c.node); loc != "" {
		if m := templateLocRE.FindStringSubmatch(loc); m != nil {
			at = m[1] + ":" + m[2]
		}
	}
	at = strings.TrimPrefix(at, "partials/")
	var b strings.Builder
	if len(c.variants) == 0 {
		fmt.Fprintf(&b, "%s, but %s shows %s with partialCached: it is made once, for whichever page comes first, and every page shows that.", what, at, partial)
	} else {
		fmt.Fprintf(&b, "%s, but %s shows %s with partialCached: it is made once per %s, for whichever page comes first, and every page with the same shows that.", what, at, partial, strings.Join(c.variants, " and "))
	}
	fmt.Fprintf(&b, " Call it with {{partial %q .}} there", partial)
	if variant != "" {
		fmt.Fprintf(&b, ", or add %s to its variants: {{partialCached %q . %s}}", variant, partial, strings.Join(append(slices.Clone(c.variants), variant), " "))
	}
	return b.String()
}
