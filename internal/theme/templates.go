package theme

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

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
	ts := &Templates{kinds: map[string]*template.Template{}, sources: map[string]string{}}
	h := sha256.New()
	srcs := map[string][]byte{}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		f := files[p]
		b, err := content.ReadLimited(f.layer.FS, p, MaxLayoutSize, "layout")
		if err != nil {
			errs.Add(f.path(), 0, 0, "%s", content.ReadError(err))
			continue
		}
		name := strings.TrimPrefix(p, "layouts/")
		srcs[name] = b
		ts.sources[name] = f.path()
		fmt.Fprintf(h, "%s\x00%d\x00", f.path(), len(b))
		h.Write(b)
	}
	ts.Hash = h.Sum(nil)
	base, ok := srcs["base.html"]
	if !ok {
		errs.Add(chain[0].Dir+"/layouts", 0, 0, "the theme chain has no layouts/base.html")
		return ts, errs
	}
	var partials []string
	for name := range srcs {
		if strings.HasPrefix(name, "partials/") {
			partials = append(partials, name)
		}
	}
	slices.Sort(partials)
	root := template.New("base.html").Funcs(partialFuncs).Funcs(funcs)
	if _, err := root.Parse(string(base)); err != nil {
		errs.Append(ts.templateError(err))
		return ts, errs
	}
	for _, name := range partials {
		if _, err := root.New(name).Parse(string(srcs[name])); err != nil {
			errs.Append(ts.templateError(err))
		}
	}
	if len(errs) > 0 {
		return ts, errs
	}
	for _, kind := range layoutKinds {
		src, ok := srcs[layoutName(kind)]
		if !ok {
			continue
		}
		t, err := root.Clone()
		if err == nil {
			_, err = t.New(layoutName(kind)).Parse(string(src))
		}
		if err != nil {
			errs.Append(ts.templateError(err))
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
		t, err := root.Clone()
		if err == nil {
			_, err = t.New(name).Parse(string(srcs[name]))
		}
		if err != nil {
			errs.Append(ts.templateError(err))
			ts.broken = true
			continue
		}
		ts.kinds[key] = t
	}
	seen := map[string]bool{}
	for _, kind := range slices.Sorted(maps.Keys(ts.kinds)) {
		for _, e := range ts.checkPartials(ts.kinds[kind]) {
			if !seen[e.Error()] {
				seen[e.Error()] = true
				errs.Append(e)
			}
		}
	}
	if len(errs) > 0 {
		ts.broken = true
		return ts, errs
	}
	ts.bindPartials()
	return ts, errs
}

// templateLoc is a position as text/template writes it: "name:line" or
// "name:line:col", the column counted from 0.
const templateLoc = `([^:]+):(\d+)(?::(\d+))?`

var (
	templateErrRE = regexp.MustCompile(`^template: ` + templateLoc + `: ?(.*)$`)
	templateLocRE = regexp.MustCompile(`^` + templateLoc + `$`)
)

// templateError turns an html/template error into a positioned error
// naming the theme file.
func (ts *Templates) templateError(err error) *diag.Error {
	msg := err.Error()
	if m := templateErrRE.FindStringSubmatch(msg); m != nil {
		return ts.errorAt(m[1], m[2], m[3], "template: "+m[4])
	}
	return &diag.Error{Path: "themes", Msg: "template: " + strings.TrimPrefix(msg, "template: ")}
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

// Has reports whether the set has a layout for kind.
func (ts *Templates) Has(kind string) bool { return ts != nil && ts.kinds[kind] != nil }

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
		return ts.templateError(err)
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
	c := &Templates{kinds: make(map[string]*template.Template, len(ts.kinds)), broken: ts.broken, sources: ts.sources, Hash: ts.Hash}
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
