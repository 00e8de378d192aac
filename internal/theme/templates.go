package theme

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"
	"unicode"
	"unicode/utf8"

	"mutual/internal/content"
	"mutual/internal/diag"
)

// layoutKinds are the page kinds and their layout files.
var layoutKinds = []string{"home", "section", "page", "worksheet", "tags", "tag", "404", "search"}

// MaxLayoutSize is the most a theme's layout or partial may hold.
const MaxLayoutSize = 1 << 20

// Templates holds one parsed template per page kind, each made of
// base.html, every partial and the kind's own layout.
type Templates struct {
	kinds   map[string]*template.Template
	broken  bool              // a layout failed to parse: its error is reported already
	sources map[string]string // template name -> site-relative file, for messages
	text    map[string][]byte // template name -> its source, to place parse errors
	own     map[string]bool   // template names read from the site's own themes, not the built-in one
	funcs   []string          // every function a layout may call, for hints
	// Hash is of every layout's path and bytes: it changes whenever a
	// layout does.
	Hash []byte
}

func layoutName(kind string) string { return kind + ".html" }

// Templates parses the chain's layouts with funcs (Funcs, and whatever
// the caller adds). Kinds whose layout is missing are absent from the set;
// using one is an error at that time.
func (chain Chain) Templates(funcs template.FuncMap) (*Templates, diag.List) {
	files, errs, err := chain.files("layouts")
	if err != nil {
		errs.Add("themes", 0, 0, "cannot read layouts: %v", err)
		return nil, errs
	}
	ts := &Templates{kinds: map[string]*template.Template{}, sources: map[string]string{}, text: map[string][]byte{}, own: map[string]bool{}}
	ts.funcs = append(slices.Collect(maps.Keys(funcs)), builtinFuncs...)
	ts.funcs = append(ts.funcs, slices.Collect(maps.Keys(partialFuncs))...)
	slices.Sort(ts.funcs)
	h := sha256.New()
	srcs := map[string][]byte{}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		f := files[p]
		b, err := content.ReadLimited(f.layer.FS, p, MaxLayoutSize, "layout")
		if err != nil {
			errs.Add(f.path(), 0, 0, "%s", content.ReadError(err))
			continue
		}
		if diag.UTF16(b) {
			errs.Add(f.path(), 1, 1, "%s", diag.SavedAsUTF16)
			continue
		}
		// A byte-order mark would be published in the middle of every
		// page that shows the partial (an invisible character, but a
		// text node all the same, which a flex or grid container lays
		// out as an item of its own).
		b = diag.TrimBOM(b)
		// Windows line ends (a theme saved on Windows, or checked out
		// there by git) would reach every page as they are: the same
		// theme builds the same bytes on every system.
		b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
		if line, col := diag.InvalidUTF8(b); line > 0 {
			errs.Add(f.path(), line, col, "%s", diag.NotUTF8)
			continue
		}
		name := strings.TrimPrefix(p, "layouts/")
		srcs[name] = b
		ts.sources[name] = f.path()
		ts.text[name] = b
		if !f.layer.embedded() {
			ts.own[name] = true
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f.path(), len(b))
		h.Write(b)
	}
	ts.Hash = h.Sum(nil)
	base, ok := srcs["base.html"]
	if !ok {
		// One that cannot be read has its error already.
		if _, exists := files["layouts/base.html"]; !exists {
			errs.Add(chain[0].Dir+"/layouts", 0, 0, "the theme chain has no layouts/base.html%s", chain.ExtendsHint())
		}
		return ts, errs
	}
	var partials []string
	for name := range srcs {
		if strings.HasPrefix(name, "partials/") {
			partials = append(partials, name)
		}
	}
	slices.Sort(partials)
	// A syntax error stops no other file's check: base.html, every
	// partial and every layout is parsed, so that one build reports all
	// of the theme's syntax errors, in file order. A base.html that does
	// not parse is replaced by an empty one for the others' sake.
	root := template.New("base.html").Funcs(partialFuncs).Funcs(funcs)
	if _, err := root.Parse(string(base)); err != nil {
		errs.Append(ts.templateError(err, nil))
		root = template.New("base.html").Funcs(partialFuncs).Funcs(funcs)
	}
	for _, name := range partials {
		if _, err := root.New(name).Parse(string(srcs[name])); err != nil {
			errs.Append(ts.templateError(err, nil))
		}
	}
	// With base.html or a partial broken, the layouts are parsed for
	// their own syntax errors only: their calls of partials are not
	// checked against partials that could not be read.
	shared := len(errs) > 0
	for _, kind := range layoutKinds {
		src, ok := srcs[layoutName(kind)]
		if !ok {
			continue
		}
		if e := ts.outsideMain(layoutName(kind), src); e != nil {
			errs.Append(e)
			ts.broken = true
			continue
		}
		t, err := root.Clone()
		if err == nil {
			_, err = t.New(layoutName(kind)).Parse(string(src))
		}
		if err != nil {
			errs.Append(ts.templateError(err, nil))
			ts.broken = true
			continue
		}
		ts.kinds[kind] = t
	}
	// Layouts chosen by a page's type or layout (see ExecuteLayout):
	// every other .html under layouts/, such as docs/page.html or
	// wide.html.
	for _, name := range slices.Sorted(maps.Keys(srcs)) {
		key, ok := extraLayout(name)
		if !ok {
			continue
		}
		if e := ts.outsideMain(name, srcs[name]); e != nil {
			errs.Append(e)
			ts.broken = true
			continue
		}
		t, err := root.Clone()
		if err == nil {
			_, err = t.New(name).Parse(string(srcs[name]))
		}
		if err != nil {
			errs.Append(ts.templateError(err, nil))
			ts.broken = true
			continue
		}
		ts.kinds[key] = t
	}
	if shared {
		ts.kinds = map[string]*template.Template{}
		ts.broken = true
		errs.Sort()
		return ts, errs
	}
	seen := map[string]bool{}
	for _, kind := range slices.Sorted(maps.Keys(ts.kinds)) {
		kindErrs := ts.checkPartials(ts.kinds[kind])
		if len(kindErrs) > 0 {
			// Its errors are reported here: running it would only
			// report them again, in html/template's words.
			delete(ts.kinds, kind)
		}
		for _, e := range kindErrs {
			if !seen[e.Error()] {
				seen[e.Error()] = true
				errs.Append(e)
			}
		}
	}
	if len(errs) > 0 {
		ts.broken = true
		errs.Sort()
		return ts, errs
	}
	ts.bindPartials()
	return ts, errs
}

// outsideMain is the error of a layout (name, its source src) that
// defines no template but holds text or actions: every page runs
// base.html, which shows the "main" a layout defines, so all of it is
// never shown and its pages come out empty (a whole page written as Hugo
// writes a layout without a base template, say). nil for any other
// layout, and for one that does not parse, which Parse reports.
func (ts *Templates) outsideMain(name string, src []byte) *diag.Error {
	tr := parse.New(name)
	tr.Mode = parse.SkipFuncCheck
	set := map[string]*parse.Tree{}
	if _, err := tr.Parse(string(src), "", "", set); err != nil || len(set) != 1 {
		return nil
	}
	top := set[name]
	if top == nil || top.Root == nil || parse.IsEmptyTree(top.Root) {
		return nil
	}
	// Where its first text or action starts: a text's first character
	// that is not a space, an action's "{{".
	off := -1
	for _, n := range top.Root.Nodes {
		pos := int(n.Position())
		if t, ok := n.(*parse.TextNode); ok {
			lead := len(t.Text) - len(bytes.TrimLeft(t.Text, " \t\r\n"))
			if lead == len(t.Text) {
				continue
			}
			off = pos + lead
		} else {
			off = bytes.LastIndex(src[:min(pos, len(src))], []byte("{{"))
		}
		break
	}
	line, col := 1, 1
	if off > 0 {
		line += bytes.Count(src[:off], []byte("\n"))
		col = off - bytes.LastIndexByte(src[:off], '\n')
	}
	p := ts.sources[name]
	if p == "" {
		p = name
	}
	return &diag.Error{Path: p, Line: line, Col: col, Msg: `this layout defines no {{define "main"}}, so its pages show none of it: base.html makes every page and shows the "main" a layout defines; put what the page shows between {{define "main"}} and {{end}}`}
}

// templateLoc is a position as text/template writes it: "name:line" or
// "name:line:col", the column counted from 0.
const templateLoc = `([^:]+):(\d+)(?::(\d+))?`

var (
	templateErrRE = regexp.MustCompile(`^(?:template: |html/template:)` + templateLoc + `: ?(.*)$`)
	templateLocRE = regexp.MustCompile(`^` + templateLoc + `$`)
)

// builtinFuncs are text/template's own functions, for hints.
var builtinFuncs = []string{"and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne"}

// templateError turns an html/template error into a positioned error
// naming the theme file, in plain words: a syntax error as
// diag.TemplateSyntax places and says it, any other as plain says it.
func (ts *Templates) templateError(err error, data any) *diag.Error {
	var pe *partialError
	if errors.As(err, &pe) {
		e := *pe.e
		return &e
	}
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		// text/template gives a syntax error a line alone, and an error
		// while running a layout a column too.
		if src, ok := ts.text[m[1]]; ok && m[3] == "" && strings.HasPrefix(msg, "template: ") {
			e := ts.errorAt(m[1], m[2], "", "")
			e.Line, e.Col, e.Msg = diag.TemplateSyntax(string(src), e.Line, m[4], ts.funcs)
			return e
		}
		e := ts.errorAt(m[1], m[2], m[3], ts.plain(m[4], data))
		msg := m[4]
		if x := executingRE.FindStringSubmatch(msg); x != nil {
			msg = x[2]
		}
		if v := undefinedVarRE.FindStringSubmatch(msg); v != nil {
			// text/template places {{$x = 1}} at the value: the mistake
			// is the variable's.
			e.Col = varCol(string(ts.text[m[1]]), e.Line, e.Col, v[1])
		}
		return e
	}
	return &diag.Error{Path: "themes", Msg: ts.plain(strings.TrimPrefix(msg, "template: "), data)}
}

var (
	executingRE    = regexp.MustCompile(`^executing "[^"]*" at <(.*?)>: (.*)$`)
	errorCallingRE = regexp.MustCompile(`^error calling ([^:]+): (.*)$`)
	missingFieldRE = regexp.MustCompile(`^can't evaluate field (\w+) in type (.+)$`)
	noTemplateRE   = regexp.MustCompile(`^no such template "([^"]+)"$`)
	rangeValueRE   = regexp.MustCompile(`^range can't iterate over (.*)$`)
	wrongTypeRE    = regexp.MustCompile(`^wrong type for value; expected (.+); got (.+)$`)
	expectedRE     = regexp.MustCompile(`^expected (\w+); found (.+)$`)
	lenOfRE        = regexp.MustCompile(`^len of type (\S+)$`)
	notFuncRE      = regexp.MustCompile(`^(\w+) has arguments but cannot be invoked as function$`)
	nilPointerRE   = regexp.MustCompile(`^nil pointer evaluating (\S+)\.(\w+)$`)
	invalidValueRE = regexp.MustCompile(`^invalid value; expected (.+)$`)
	nilDerefRE     = regexp.MustCompile(`^dereference of nil pointer of type (.+)$`)
	assignNilRE    = regexp.MustCompile(`^cannot assign nil to (.+)$`)
	argCountRE     = regexp.MustCompile(`^wrong number of args for (\w+): want (at least )?(\d+) got (\d+)$`)
	unexportedRE   = regexp.MustCompile(`^(\w+) is an unexported field of struct type (.+)$`)
	nonFuncVarRE   = regexp.MustCompile(`^can't give argument to non-function (\S+)$`)
	compareKindsRE = regexp.MustCompile(`^incompatible types for comparison(?:: (.+) and (.+))?$`)
	cannotIndexRE  = regexp.MustCompile(`^can't (index|slice) item of type (.+)$`)
	keyTypeRE      = regexp.MustCompile(`^value has type (.+); should be (.+)$`)
	nonFuncRE      = regexp.MustCompile(`^non-function (\S+) of type (.+)$`)
	undefinedVarRE = regexp.MustCompile(`^undefined variable: (\$\w*)$`)
	namedTypeRE    = regexp.MustCompile(`^\w+\.(\w+)$`)
	fieldChainRE   = regexp.MustCompile(`^[$.]?[\w.]*$`)
	hugoPagerURLRE = regexp.MustCompile(`\.(Prev|Next|First|Last)\.URL\b`)
)

// hugoPaginator says where a layout written for Hugo finds what Hugo's
// paginator has under names mutual's .Paginator does not have.
var hugoPaginator = map[string]string{
	"Pages":                 "a page's own .Pages is its part of a list cut into pages (Hugo's .Paginator.Pages), and the whole list when it is not cut: {{range .Pages}}",
	"HasPrev":               `.Prev is the URL of the page before, "" on the first (Hugo's .HasPrev): {{with .Paginator}}{{with .Prev}}…{{end}}{{end}}`,
	"HasNext":               `.Next is the URL of the page after, "" on the last (Hugo's .HasNext): {{with .Paginator}}{{with .Next}}…{{end}}{{end}}`,
	"Pagers":                "its .Links are the pages a pager offers, each with .Number, .URL, .Current, or .Gap for pages left out (Hugo's .Pagers)",
	"TotalNumberOfElements": "its .TotalEntries is how many entries the whole list has (Hugo's .TotalNumberOfElements)",
	"NumberOfElements":      "len $.Pages is how many entries this page lists (Hugo's .NumberOfElements)",
}

// plain rewrites text/template's words for the mistakes a theme's author
// makes most while a layout runs (a misspelt field, a template that does
// not exist) without Go's type names, with a hint where one helps; a
// function's own error (asset's "no static file", T's) comes without
// html/template's wrapping. data is what the layout ran on.
func (ts *Templates) plain(msg string, data any) string {
	action := ""
	if m := executingRE.FindStringSubmatch(msg); m != nil {
		action, msg = m[1], m[2]
	}
	if m := errorCallingRE.FindStringSubmatch(msg); m != nil {
		return plainCall(m[1], m[2])
	}
	if m := undefinedVarRE.FindStringSubmatch(msg); m != nil {
		// {{$x = 1}} with no {{$x := ...}} before it: text/template
		// accepts it when it reads the file, and names the value.
		return fmt.Sprintf("%s is changed with = before it is made: write {{%s := …}} the first time, and = only to change it afterwards", m[1], m[1])
	}
	if m := wrongTypeRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s is needed here, and this is %s", valueWords(m[1]), valueWords(m[2]))
	} else if m := expectedRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s is needed here, not %s", valueWords(m[1]), m[2])
	} else if m := notFuncRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf(".%s is a value, not a function: remove what follows it in the action", m[1])
	} else if m := nonFuncVarRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s is a value, not a function: remove what follows it in the action", m[1])
	} else if m := nilPointerRE.FindStringSubmatch(msg); m != nil {
		// The action is the chain that met the empty value, such as
		// .Parent.Title: what stands before the field is what is empty.
		f := m[2]
		if i := strings.LastIndex(action, "."+f); i > 0 && fieldChainRE.MatchString(action[:i]) {
			empty := action[:i]
			msg = fmt.Sprintf("%s is empty here (there is none), so it has no .%s: check it first, as in {{with %s}}{{.%s}}{{end}}", empty, f, empty, f)
		} else {
			msg = fmt.Sprintf("the value before .%s is empty here (there is none), so it has no .%s: check it first with {{with}}", f, f)
		}
	} else if m := invalidValueRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s is needed here, and this is not set: check it first, as in {{with %s}}…{{end}}, or give a default with {{or %s \"…\"}}", valueWords(m[1]), withValue(action), withValue(action))
	} else if m := nilDerefRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s is needed here, and this is empty (there is none): check it first with {{with}}", valueWords(m[1]))
	} else if m := assignNilRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s is needed here, and nil is nothing", valueWords(m[1]))
	} else if m := argCountRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("%s takes %s%s, and here it is given %s", m[1], m[2], countWords(m[3]), m[4])
	} else if m := unexportedRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf(".%s cannot be read by a layout: the names a layout reads start with a capital letter%s", m[1], diag.Hint(m[1], fieldNames(data, m[2])))
	}
	if m := rangeValueRE.FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("{{range}} goes through a list (pages, tags, links), and this is one value, %q: show it without {{range}}, or with {{with}} when it may be empty", m[1])
	}
	if m := missingFieldRE.FindStringSubmatch(msg); m != nil {
		if typeWords(m[2]) == "the paginator" && hugoPaginator[m[1]] != "" {
			return fmt.Sprintf("the paginator has no field %q: %s", m[1], hugoPaginator[m[1]])
		}
		if u := hugoPagerURLRE.FindStringSubmatch(action); u != nil && m[1] == "URL" && m[2] == "string" {
			// Hugo's {{.Paginator.Next.URL}}: mutual's .Next is the
			// URL (a page's own .Next is an entry, with a .URL).
			return fmt.Sprintf("the paginator's .%s is a URL already: write .%s where Hugo writes .%s.URL (\"\" when there is none)", u[1], u[1], u[1])
		}
		return fmt.Sprintf("%s has no field %q%s", typeWords(m[2]), m[1], diag.Hint(m[1], fieldNames(data, m[2])))
	}
	if m := noTemplateRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("no template %q in the theme chain%s", m[1], diag.Hint(m[1], slices.Sorted(maps.Keys(ts.sources))))
	}
	if strings.HasPrefix(msg, "exceeded maximum template depth") {
		return "templates call each other without end here: a template that calls itself needs a condition that stops it, such as {{with .Children}}"
	}
	if action != "" {
		if !strings.HasPrefix(action, "{{") {
			action = "{{" + action + "}}"
		}
		return fmt.Sprintf("in %s: %s", action, msg)
	}
	return msg
}

// plainCall says the error of a call of fn (eq, index, len, ...) in
// plain words; other functions' own errors (asset's, T's) are already
// plain and kept as they are.
func plainCall(fn, msg string) string {
	if n, ok := strings.CutPrefix(msg, "index out of range: "); ok {
		return fmt.Sprintf("the list has no item %s here (items count from 0): check its length first, as in {{if gt (len .Pages) %s}}, or go through it with {{range}}", n, n)
	}
	if l := lenOfRE.FindStringSubmatch(msg); l != nil {
		return fmt.Sprintf("len counts the items of a list or the letters of a text, and this is %s", valueWords(l[1]))
	}
	if msg == "len of nil pointer" {
		return "len counts the items of a list or the letters of a text, and this is empty (there is none): check it first with {{with}}"
	}
	if m := compareKindsRE.FindStringSubmatch(msg); m != nil {
		kinds := "values of two kinds"
		if m[1] != "" {
			kinds = valueWords(m[1]) + " and " + valueWords(m[2])
		}
		return fmt.Sprintf("%s compares values of one kind, and these are %s: compare like with like (a number is written 3, not \"3\")", fn, kinds)
	}
	if msg == "invalid type for comparison" {
		return fmt.Sprintf("%s compares numbers or texts, and one of these is neither (a date, a list, a page or nothing): compare dates with .Before and .After, lists by their len", fn)
	}
	if strings.HasPrefix(msg, "reflect: ") && strings.HasSuffix(msg, "index out of range") {
		return fmt.Sprintf("%s reads past the end here (items count from 0): check the length first with len", fn)
	}
	if m := nonFuncRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s runs a function, and %s is %s", fn, m[1], valueWords(m[2]))
	}
	if msg == "index of untyped nil" || msg == "index of nil pointer" {
		// {{index .Params.icon 1}}, and {{index .Site.Params "a" "b"}}
		// without a: the second step indexes a nil interface.
		return fmt.Sprintf("%s takes an item of a list or of keys and values, and this is not set: check it first with {{with}}", fn)
	}
	if m := cannotIndexRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s takes items of a list or of keys and values, and this is %s", fn, valueWords(m[2]))
	}
	if m := keyTypeRE.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s looks a key up here, and a key is %s, not %s", fn, valueWords(m[2]), valueWords(m[1]))
	}
	return msg
}

// withValue is the value of a template action, for a hint such as
// {{with .Params.image}}: the action when it is one field chain, or "…".
func withValue(action string) string {
	if action != "" && fieldChainRE.MatchString(action) {
		return action
	}
	return "…"
}

// countWords is a count of values: "1 value", "2 values".
func countWords(n string) string {
	if n == "1" {
		return "1 value"
	}
	return n + " values"
}

// valueWords names a Go type text/template reports as the kind of value a
// theme's author knows: "string" is "a text", "time.Time" "a date".
func valueWords(t string) string {
	t = strings.TrimLeft(t, "*")
	switch {
	case t == "string" || t == "template.HTML":
		return "a text"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "time.Time":
		return "a date"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["):
		return "keys and values"
	case strings.HasSuffix(t, ".Page"):
		return "a page"
	}
	if m := namedTypeRE.FindStringSubmatch(t); m != nil {
		// site.MenuEntry is "a menu entry".
		var b strings.Builder
		for i, r := range m[1] {
			if i > 0 && unicode.IsUpper(r) {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
		}
		return "a " + b.String()
	}
	return "a value of another kind"
}

// typeWords names the Go type a field was looked up in as a theme's
// author knows it: "*site.Page" is "the page"; a type without a name
// (a map, an interface) is "this value".
func typeWords(t string) string {
	t = strings.TrimLeft(t, "*")
	i := strings.LastIndex(t, ".")
	if i < 0 || strings.ContainsAny(t, "[]{} ") {
		return "this value"
	}
	return "the " + strings.ToLower(t[i+1:])
}

// fieldNames lists the exported fields and methods of data when its type
// is the one named (as text/template names it), for a hint.
func fieldNames(data any, typ string) []string {
	if data == nil {
		return nil
	}
	t := reflect.TypeOf(data)
	if t.String() != typ {
		t = innerType(t, typ)
		if t == nil {
			return nil
		}
	}
	var out []string
	for i := range t.NumMethod() {
		out = append(out, t.Method(i).Name)
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() {
				out = append(out, f.Name)
			}
		}
	}
	slices.Sort(out)
	return out
}

// innerType is the type named typ among the types of t's fields and
// methods without arguments (.Site of a page), or nil.
func innerType(t reflect.Type, typ string) reflect.Type {
	for i := range t.NumMethod() {
		if m := t.Method(i).Type; m.NumIn() == 1 && m.NumOut() >= 1 && m.Out(0).String() == typ {
			return m.Out(0)
		}
	}
	s := t
	if s.Kind() == reflect.Pointer {
		s = s.Elem()
	}
	if s.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(s) {
			if f.IsExported() && f.Type.String() == typ {
				return f.Type
			}
		}
	}
	return nil
}

// errorAt is msg at a text/template position (line and col as written
// there, col possibly empty) in the theme file that holds template name.
func (ts *Templates) errorAt(name, line, col, msg string) *diag.Error {
	l, _ := strconv.Atoi(line)
	c, _ := strconv.Atoi(col)
	if col != "" {
		c++ // text/template counts columns from 0; editors from 1
	}
	p := ts.sources[name]
	if p == "" {
		p = name
	}
	return &diag.Error{Path: p, Line: l, Col: c, Msg: msg}
}

// varCol is the column (from 1, in bytes as text/template counts) of the
// last "$x =" on line l of src before column col, where an assignment
// to a variable never made starts; col when there is none.
func varCol(src string, l, col int, name string) int {
	lines := strings.Split(src, "\n")
	if l < 1 || l > len(lines) || col < 1 {
		return col
	}
	line := lines[l-1][:min(col-1, len(lines[l-1]))]
	for i := strings.LastIndex(line, name); i >= 0; i = strings.LastIndex(line[:i], name) {
		if rest := strings.TrimLeft(line[i+len(name):], " \t"); strings.HasPrefix(rest, "=") {
			return i + 1
		}
	}
	return col
}

// Has reports whether the set has a layout for kind.
func (ts *Templates) Has(kind string) bool { return ts != nil && ts.kinds[kind] != nil }

// HasFile reports whether the theme chain has the file layouts/name
// ("partials/pagination.html").
func (ts *Templates) HasFile(name string) bool { return ts != nil && ts.sources[name] != "" }

// Empty reports whether the set has no layout at all: a theme chain
// without layouts, or one that failed to parse.
func (ts *Templates) Empty() bool { return ts == nil || len(ts.kinds) == 0 }

// Execute renders data with the layout of its page kind into w.
func (ts *Templates) Execute(w *bytes.Buffer, kind string, data any) *diag.Error {
	t, ok := ts.kinds[kind]
	if !ok && ts.broken {
		return nil
	}
	if !ok {
		return &diag.Error{Path: "themes", Msg: fmt.Sprintf("the theme chain has no layouts/%s for %s pages", layoutName(kind), kind)}
	}
	return ts.execute(w, t, data)
}

func (ts *Templates) execute(w *bytes.Buffer, t *template.Template, data any) *diag.Error {
	if err := t.ExecuteTemplate(w, "base.html", data); err != nil {
		return ts.templateError(err, data)
	}
	return nil
}

// With returns a copy of the set whose layouts and partials call funcs
// instead of the functions of the same names they were parsed with: the
// functions of another language (T, plurals, date). The copy has its own
// partials and its own partialCached cache, since a cached partial shows
// words of its language. Every copy must be made before any set runs:
// html/template copies a template only before it has executed.
func (ts *Templates) With(funcs template.FuncMap) (*Templates, error) {
	c := &Templates{kinds: make(map[string]*template.Template, len(ts.kinds)), broken: ts.broken, sources: ts.sources, text: ts.text, funcs: ts.funcs, Hash: ts.Hash}
	for _, kind := range slices.Sorted(maps.Keys(ts.kinds)) {
		t, err := ts.kinds[kind].Clone()
		if err != nil {
			return nil, err
		}
		c.kinds[kind] = t.Funcs(funcs)
	}
	c.bindPartials()
	return c, nil
}

// Locate finds the first layout or partial (in name order) that holds
// text, such as a T key in quotes, and where: for messages about what a
// layout asked for while it ran. ok is false when none does.
func (ts *Templates) Locate(text string) (path string, line, col int, ok bool) {
	if ts == nil {
		return "", 0, 0, false
	}
	for _, name := range slices.Sorted(maps.Keys(ts.text)) {
		src := ts.text[name]
		i := bytes.Index(src, []byte(text))
		if i < 0 {
			continue
		}
		before := src[:i]
		line = bytes.Count(before, []byte("\n")) + 1
		col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
		return ts.sources[name], line, col, true
	}
	return "", 0, 0, false
}
