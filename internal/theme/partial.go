package theme

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"

	"mutual/internal/diag"
)

// Partials as functions, as Hugo has them:
//
//	{{partial "toc.html" .}}                       renders layouts/partials/toc.html
//	{{partialCached "footer.html" .}}              renders it once per build
//	{{partialCached "header.html" . .ActiveMenu}}  once per distinct variant
//
// partialCached keys its cache on the name and the variants alone, never on
// the context: a cached partial must depend on nothing but its variants
// (and the site), or pages would show another page's output. The name must
// be a string constant, and a partial may not call itself through partial
// calls, so that both mistakes are reported when the theme is parsed.

// partialFuncs are the names the template functions are parsed under; each
// page kind's template binds them to itself (bindPartials).
var partialFuncs = template.FuncMap{
	"partial":       func(string, any) (template.HTML, error) { return "", nil },
	"partialCached": func(string, any, ...any) (template.HTML, error) { return "", nil },
}

// partialName is the template name of a partial: "toc.html" and
// "partials/toc.html" both name layouts/partials/toc.html.
func partialName(name string) string {
	name = strings.TrimPrefix(name, "/")
	if strings.HasPrefix(name, "partials/") {
		return name
	}
	return "partials/" + name
}

// partialCache holds the output of partialCached calls for one build.
type partialCache struct {
	mu  sync.Mutex
	out map[string]template.HTML
}

// bindPartials makes each kind's partial functions execute in that kind's
// template, sharing one cache: a partial's output does not depend on which
// layout called it.
func (ts *Templates) bindPartials() {
	cache := &partialCache{out: map[string]template.HTML{}}
	for _, kind := range slices.Sorted(maps.Keys(ts.kinds)) {
		t := ts.kinds[kind]
		// The template names of the partials, by the names calls give
		// them ("toc.html", "/partials/toc.html"...): made once, not at
		// every call.
		names := map[string]string{}
		for _, p := range t.Templates() {
			if full := p.Name(); strings.HasPrefix(full, "partials/") {
				short := strings.TrimPrefix(full, "partials/")
				for _, n := range []string{full, "/" + full, short, "/" + short} {
					if partialName(n) == full {
						names[n] = full
					}
				}
			}
		}
		fullName := func(name string) string {
			if full, ok := names[name]; ok {
				return full
			}
			return partialName(name)
		}
		run := func(name string, ctx any) (template.HTML, error) {
			full := fullName(name)
			buf := partialBuffers.Get().(*bytes.Buffer)
			buf.Reset()
			defer partialBuffers.Put(buf)
			if err := t.ExecuteTemplate(buf, full, ctx); err != nil {
				return "", ts.partialError(err, ctx)
			}
			return template.HTML(buf.String()), nil
		}
		cached := func(name string, ctx any, variants ...any) (template.HTML, error) {
			// The key is made in a reused buffer, and becomes a string
			// only when the cache lacks it.
			kb := keyBuffers.Get().(*[]byte)
			defer keyBuffers.Put(kb)
			key := append((*kb)[:0], fullName(name)...)
			for _, v := range variants {
				key = appendVariant(key, v)
			}
			*kb = key
			cache.mu.Lock()
			out, ok := cache.out[string(key)]
			cache.mu.Unlock()
			if ok {
				return out, nil
			}
			out, err := run(name, ctx)
			if err != nil {
				return "", err
			}
			cache.mu.Lock()
			if first, ok := cache.out[string(key)]; ok {
				out = first // another page got there first: keep one output
			} else {
				cache.out[string(key)] = out
			}
			cache.mu.Unlock()
			return out, nil
		}
		t.Funcs(template.FuncMap{"partial": run, "partialCached": cached})
	}
}

// partialError is an error inside a partial, already placed in the
// partial's own file and put in plain words (with the partial's context
// for hints). The layout that called the partial gets it wrapped in
// html/template's "error calling partial" and its own position;
// templateError unwraps it, so that the message is the one a
// {{template}} call of the same file would give, wherever the partial
// was called from.
type partialError struct{ e *diag.Error }

func (p *partialError) Error() string { return p.e.Error() }

// partialError places err, from running a partial on ctx: an error of a
// partial it called is kept as that one placed it, the innermost file
// being where the mistake is.
func (ts *Templates) partialError(err error, ctx any) error {
	var inner *partialError
	if errors.As(err, &inner) {
		return inner
	}
	return &partialError{ts.templateError(err, ctx)}
}

// partialBuffers hold a partial's output while it runs; keyBuffers a
// partialCached key while it is made.
var (
	partialBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
	keyBuffers     = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}
)

// appendVariant adds one variant to a partialCached key, unambiguously:
// strings are length-prefixed, other values written in Go syntax, which
// quotes the strings inside them.
func appendVariant(key []byte, v any) []byte {
	switch v := v.(type) {
	case string:
		key = append(key, "|s"...)
		return appendStr(key, v)
	default:
		rv := reflect.ValueOf(v)
		if flat(rv.Type()) {
			// A list of links, say: each string length-prefixed, without
			// fmt's Go syntax, which costs more than the partial it saves
			// on a page with a few tags.
			key = append(key, "|f"...)
			key = appendStr(key, rv.Type().String())
			return appendFlat(key, rv)
		}
		return fmt.Appendf(key, "|%#v", v) // Go syntax quotes the strings inside
	}
}

// appendStr adds s, length-prefixed, to a key.
func appendStr(key []byte, s string) []byte {
	key = strconv.AppendInt(key, int64(len(s)), 10)
	key = append(key, ':')
	return append(key, s...)
}

// flatTypes caches flat's answers.
var flatTypes sync.Map // reflect.Type -> bool

// flat reports whether t is made of strings, booleans and integers only,
// in structs and slices: what writeFlat writes.
func flat(t reflect.Type) bool {
	if t == nil {
		return false
	}
	if ok, done := flatTypes.Load(t); done {
		return ok.(bool)
	}
	var ok bool
	switch t.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		ok = true
	case reflect.Slice:
		ok = flat(t.Elem())
	case reflect.Struct:
		ok = true
		for i := range t.NumField() {
			if !flat(t.Field(i).Type) {
				ok = false
				break
			}
		}
	}
	flatTypes.Store(t, ok)
	return ok
}

// appendFlat adds v, of a flat type, unambiguously: a slice as "n" when
// nil, else its length and elements; a struct's fields in order.
func appendFlat(key []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.String:
		key = appendStr(key, v.String())
	case reflect.Bool:
		key = strconv.AppendBool(key, v.Bool())
		key = append(key, ';')
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		key = strconv.AppendInt(key, v.Int(), 10)
		key = append(key, ';')
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		key = strconv.AppendUint(key, v.Uint(), 10)
		key = append(key, ';')
	case reflect.Slice:
		if v.IsNil() {
			return append(key, 'n')
		}
		key = strconv.AppendInt(key, int64(v.Len()), 10)
		key = append(key, '[')
		for i := range v.Len() {
			key = appendFlat(key, v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			key = appendFlat(key, v.Field(i))
		}
	}
	return key
}

// partialCall is one partial or partialCached call found in a template.
type partialCall struct {
	from, to string // template names
	pos      parse.Pos
	tree     *parse.Tree
}

// checkPartials checks every partial call in the set's templates: the name
// is a constant naming an existing partial, and no partial reaches itself
// through partial calls (its execution would never end).
func (ts *Templates) checkPartials(root *template.Template) diag.List {
	var errs diag.List
	known := map[string]bool{}
	var partials []string
	for _, t := range root.Templates() {
		if strings.HasPrefix(t.Name(), "partials/") {
			known[t.Name()] = true
			partials = append(partials, t.Name())
		}
	}
	sort.Strings(partials)
	calls := map[string][]partialCall{} // by caller
	var names []string
	for _, t := range root.Templates() {
		names = append(names, t.Name())
	}
	sort.Strings(names)
	errAt := func(tree *parse.Tree, pos parse.Pos, format string, args ...any) {
		loc, _ := tree.ErrorContext(&parse.TextNode{Pos: pos})
		if m := templateLocRE.FindStringSubmatch(loc); m != nil {
			errs.Append(ts.errorAt(m[1], m[2], m[3], fmt.Sprintf(format, args...)))
		}
	}
	for _, name := range names {
		t := root.Lookup(name)
		if t == nil || t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		walkCommands(t.Tree.Root, func(c *parse.CommandNode) {
			id, ok := c.Args[0].(*parse.IdentifierNode)
			if !ok || (id.Ident != "partial" && id.Ident != "partialCached") {
				return
			}
			if len(c.Args) < 3 {
				errAt(t.Tree, c.Pos, "%s needs a partial's name and a context: {{%s \"footer.html\" .}}", id.Ident, id.Ident)
				return
			}
			s, ok := c.Args[1].(*parse.StringNode)
			if !ok {
				errAt(t.Tree, c.Pos, "%s takes the partial's name as a quoted constant, such as \"footer.html\"", id.Ident)
				return
			}
			to := partialName(s.Text)
			if !known[to] {
				// Suggest names in the form the call used.
				hint := diag.Hint(to, partials)
				if !strings.HasPrefix(s.Text, "partials/") {
					var short []string
					for _, p := range partials {
						short = append(short, strings.TrimPrefix(p, "partials/"))
					}
					hint = diag.Hint(s.Text, short)
				}
				errAt(t.Tree, c.Pos, "no partial %q in the theme chain (layouts/%s)%s", s.Text, to, hint)
				return
			}
			calls[name] = append(calls[name], partialCall{from: name, to: to, pos: c.Pos, tree: t.Tree})
		})
	}
	// Edges of {{template}} calls too: a partial may reach itself through
	// a template it calls. A {{template}} that names no template is
	// reported here, with a hint, rather than by the first page using it.
	defined := map[string]bool{}
	for _, n := range names {
		defined[n] = true
	}
	templateEdges := map[string][]string{}
	for _, name := range names {
		t := root.Lookup(name)
		if t == nil || t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		walkNodes(t.Tree.Root, func(n parse.Node) {
			if tn, ok := n.(*parse.TemplateNode); ok {
				if !defined[tn.Name] {
					errAt(t.Tree, tn.Pos, "no template %q in the theme chain (a file layouts/%s, or a {{define}})%s", tn.Name, tn.Name, diag.Hint(tn.Name, names))
					return
				}
				templateEdges[name] = append(templateEdges[name], tn.Name)
			}
		})
	}
	// A partial call is a cycle when its target reaches the caller again.
	for _, name := range names {
		for _, c := range calls[name] {
			if path := reach(c.to, c.from, calls, templateEdges); path != nil {
				errAt(c.tree, c.pos, "partial %q calls itself again (%s): partials cannot recurse; use {{template}} for recursion",
					strings.TrimPrefix(c.to, "partials/"), strings.Join(append([]string{c.from}, path...), " -> "))
			}
		}
	}
	return errs
}

// reach returns the path of template names from 'from' to 'to' through
// partial and template calls, or nil.
func reach(from, to string, calls map[string][]partialCall, templateEdges map[string][]string) []string {
	seen := map[string]bool{}
	var walk func(n string) []string
	walk = func(n string) []string {
		if n == to {
			return []string{n}
		}
		if seen[n] {
			return nil
		}
		seen[n] = true
		var next []string
		for _, c := range calls[n] {
			next = append(next, c.to)
		}
		next = append(next, templateEdges[n]...)
		for _, m := range next {
			if p := walk(m); p != nil {
				return append([]string{n}, p...)
			}
		}
		return nil
	}
	return walk(from)
}

// walkCommands calls fn for every command in the tree, including those in
// parenthesized pipelines.
func walkCommands(n parse.Node, fn func(*parse.CommandNode)) {
	walkNodes(n, func(n parse.Node) {
		if c, ok := n.(*parse.CommandNode); ok && len(c.Args) > 0 {
			fn(c)
		}
	})
}

// walkNodes calls fn for n and every node below it.
func walkNodes(n parse.Node, fn func(parse.Node)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkNodes(c, fn)
		}
	case *parse.ActionNode:
		walkNodes(n.Pipe, fn)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkNodes(c, fn)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkNodes(a, fn)
		}
	case *parse.ChainNode:
		walkNodes(n.Node, fn)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		walkNodes(n.Pipe, fn)
	}
}

func walkBranch(b *parse.BranchNode, fn func(parse.Node)) {
	walkNodes(b.Pipe, fn)
	if b.List != nil {
		walkNodes(b.List, fn)
	}
	if b.ElseList != nil {
		walkNodes(b.ElseList, fn)
	}
}
