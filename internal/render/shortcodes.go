package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/markdown"
	"mutual/internal/shortcode"
	"mutual/internal/theme"
)

// Shortcodes runs Hugo's shortcodes in pages' Markdown for one build: the
// templates of the theme chain's layouts/shortcodes/ (a child theme's file
// wins over the default theme's of the same name), with the functions the
// default theme's templates call (ref, relref, resolveLink, highlight) and
// Hugo's markdownify. Pages without "{{<" or "{{%" never reach it (see
// content.Source.Shortcodes), so they cost nothing more.
type Shortcodes struct {
	set    *shortcode.Set
	defs   map[string]shortcode.Def
	theme  string // the site's theme, for "define it in themes/<theme>/..."
	md     *markdown.Markdown
	res    *content.Resolver
	origin string // the site's scheme and host, for ref's absolute URLs
	site   *ShortcodeSite
	// image checks an image's destination as a Markdown image's is (see
	// markdown.Context.Image); nil accepts every one.
	image func(dest string) error
}

// ShortcodeSite is .Site in a shortcode template (and .Page.Site).
type ShortcodeSite struct {
	Title    string
	BaseURL  string
	Language string
	Params   map[string]any // site.yaml's params:, keys in lower case
}

// ShortcodePage is .Page in a shortcode template: the page being rendered,
// with what Hugo's shortcode templates read of it.
type ShortcodePage struct {
	Kind        string
	Title       string
	LinkTitle   string
	Description string
	URL         string // root-relative, with the base path
	// RelPermalink and Permalink are Hugo's names for the URL, from the
	// root and absolute.
	RelPermalink, Permalink string
	Date, Lastmod           time.Time
	Params                  map[string]any
	Site                    *ShortcodeSite
	// Pages and Sections are the page's list, for the children shortcode:
	// a section's pages and subsections; nothing for a page.
	Pages, Sections []ShortcodeEntry

	rel, path string // the page's source, content-relative and site-relative
	links     *[]content.LinkRef
	res       *content.Resolver  // the page's (its language's); nil for the build's
	at        shortcode.Position // the call running, for the links its functions check
}

// ShortcodeEntry is a page in ShortcodePage's lists.
type ShortcodeEntry struct {
	Title, URL, Description string
	// Permalink is URL as a full address, for print (data-url).
	Permalink string
}

// NewShortcodePage is the .Page of the page at s, to be rendered.
func NewShortcodePage(s *content.Source, site *ShortcodeSite) *ShortcodePage {
	return &ShortcodePage{rel: s.Rel, path: s.Path(), Site: site}
}

// Param returns a parameter of the page's front matter, else of the site's
// params (Hugo's .Page.Param); nil when neither sets it. A dotted key
// ("contact.email") reads into maps; keys are matched in any case.
func (p *ShortcodePage) Param(key string) (any, error) {
	if v, ok := LookupParam(p.Params, key); ok {
		return v, nil
	}
	if p.Site != nil {
		if v, ok := LookupParam(p.Site.Params, key); ok {
			return v, nil
		}
	}
	return nil, nil
}

// LookupParam reads key (dotted for nested maps, any case) from m, as
// Hugo's .Param does; a nil value counts as unset. Pages and shortcodes
// both read parameters through it.
func LookupParam(m map[string]any, key string) (any, bool) {
	var cur any = m
	for _, part := range strings.Split(strings.ToLower(key), ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = mm[part]; !ok {
			return nil, false
		}
	}
	return cur, cur != nil
}

// ShortcodeFiles lists the shortcode templates of a theme chain: each
// layer's layouts/shortcodes/, child first (so the child's file wins in
// shortcode.NewSet).
func ShortcodeFiles(chain theme.Chain) ([]shortcode.TemplateFile, diag.List) {
	var files []shortcode.TemplateFile
	var errs diag.List
	for _, l := range chain {
		fs, err := shortcode.Files(l.FS, "layouts/shortcodes", l.Dir+"/layouts/shortcodes")
		if err != nil {
			errs.Add(l.Dir+"/layouts/shortcodes", 0, 0, "cannot read the shortcode templates: %v", err)
			continue
		}
		files = append(files, fs...)
	}
	return files, errs
}

// NewShortcodes parses the shortcode templates files for a build.
func NewShortcodes(files []shortcode.TemplateFile, theme string, md *markdown.Markdown, res *content.Resolver, origin string, site *ShortcodeSite, image func(string) error) (*Shortcodes, diag.List) {
	sc := &Shortcodes{theme: theme, md: md, res: res, origin: origin, site: site}
	sc.image = image
	set, errs := shortcode.NewSet(files, template.FuncMap{
		"ref":          func(page, target any) (string, error) { return sc.ref(page, target, true) },
		"relref":       func(page, target any) (string, error) { return sc.ref(page, target, false) },
		"resolveLink":  sc.resolveLink,
		"resolveImage": sc.resolveImage,
		"highlight":    sc.highlight,
		"markdownify":  sc.markdownify,
	})
	if set == nil {
		return nil, errs
	}
	sc.set, sc.defs = set, set.Defs()
	return sc, errs
}

// Reuse makes sc, made by NewShortcodes from the same template files, run
// for another build: its functions resolve with res and md, and see site.
// A Builder keeps its Shortcodes while the templates stay the same, so a
// rebuild does not parse them again. Not to be called while pages render.
func (sc *Shortcodes) Reuse(md *markdown.Markdown, res *content.Resolver, origin string, site *ShortcodeSite, image func(string) error) {
	sc.md, sc.res, sc.origin, sc.site, sc.image = md, res, origin, site, image
}

// page is the ShortcodePage a template passed to a function.
func page(p any) (*ShortcodePage, error) {
	if sp, ok := p.(*ShortcodePage); ok && sp != nil {
		return sp, nil
	}
	return nil, errors.New("the first argument must be the page: write .Page")
}

// ref resolves target, a page as Hugo's ref and relref name it: a content
// path relative to the page ("listening.md", "../guides/listening"), or
// from the content folder ("/guides/listening.md"), with or without ".md",
// and an optional "#anchor", checked once every page is rendered. abs
// gives the absolute URL (ref), else the URL from the site's root (relref).
func (sc *Shortcodes) ref(p, target any, abs bool) (string, error) {
	pg, err := page(p)
	if err != nil {
		return "", err
	}
	t := strings.TrimSpace(fmt.Sprint(target))
	if t == "" {
		return "", errors.New("no page to link to")
	}
	file, frag, hasFrag := strings.Cut(t, "#")
	if hasFrag {
		frag = "#" + frag
	}
	var tries []string
	from := pg.rel
	if strings.HasPrefix(file, "/") {
		from = "_ref.md" // a content path from the content folder
		file = strings.TrimPrefix(file, "/")
	}
	switch {
	case file == "":
		tries = []string{""}
	case path.Ext(file) == ".md":
		tries = []string{file}
	default:
		f := strings.TrimSuffix(file, "/")
		tries = []string{f + ".md", f + "/index.md", f + "/_index.md", file}
	}
	// As in Hugo, a path not found beside the page is looked for from the
	// content folder.
	froms := []string{from}
	if from != "_ref.md" && !strings.HasPrefix(file, ".") {
		froms = append(froms, "_ref.md")
	}
	type attempt struct{ from, try string }
	var attempts []attempt
	for _, f := range froms {
		for _, try := range tries {
			attempts = append(attempts, attempt{f, try})
		}
	}
	first := ""
	for i, a := range attempts {
		from, try := a.from, a.try
		u, n, fr, msg := sc.resolver(pg).Resolve(from, try+frag)
		if msg == "" && (n != nil || try == "") {
			if fr != "" && n != nil && pg.links != nil {
				*pg.links = append(*pg.links, content.LinkRef{Path: pg.path, Line: pg.at.LineNumber, Col: pg.at.ColumnNumber, Target: n.URL, Frag: fr})
			}
			if abs {
				return sc.origin + u, nil
			}
			return u, nil
		}
		if i == 0 {
			first = msg
		}
	}
	// Hugo also finds a page by its file name alone, when one page has it.
	if !strings.Contains(strings.Trim(file, "/"), "/") && file != "" {
		if rel, msg := sc.byName(pg, strings.Trim(file, "/")); rel != "" {
			return sc.ref(p, "/"+rel+frag, abs)
		} else if msg != "" {
			return "", errors.New(msg)
		}
	}
	if first == "" {
		first = "no page " + quoteText(t)
	}
	return "", errors.New(first)
}

// byName finds the one page of the page's language whose file name
// (without ".md"), or whose bundle's folder name, is name: its content
// path, or "" with a message when several pages have it. A language's
// pages are its own (content/es/guides/alone.md is guides/alone.md), its
// translations and the default language's it shows untranslated.
func (sc *Shortcodes) byName(pg *ShortcodePage, name string) (string, string) {
	name = strings.TrimSuffix(name, ".md")
	var found []string
	for rel := range sc.resolver(pg).Pages() {
		base := strings.TrimSuffix(path.Base(rel), ".md")
		if base == "index" || base == "_index" {
			base = path.Base(path.Dir(rel))
		}
		if base == name && strings.HasSuffix(rel, ".md") {
			found = append(found, rel)
		}
	}
	switch len(found) {
	case 0:
		return "", ""
	case 1:
		return found[0], ""
	}
	slices.Sort(found)
	return "", "more than one page is named " + quoteText(name) + " (" + strings.Join(found, ", ") + "): write the path, such as " + quoteText(found[0])
}

// resolver is the page's link resolver: its language's.
func (sc *Shortcodes) resolver(pg *ShortcodePage) *content.Resolver {
	if pg.res != nil {
		return pg.res
	}
	return sc.res
}

// resolveLink resolves and checks dest as a link in the page's Markdown.
func (sc *Shortcodes) resolveLink(p, dest any) (string, error) {
	pg, err := page(p)
	if err != nil {
		return "", err
	}
	d := strings.TrimSpace(fmt.Sprint(dest))
	u, n, frag, msg := sc.resolver(pg).Resolve(pg.rel, d)
	if msg != "" {
		return "", errors.New(msg)
	}
	if frag != "" && n != nil && pg.links != nil {
		*pg.links = append(*pg.links, content.LinkRef{Path: pg.path, Line: pg.at.LineNumber, Col: pg.at.ColumnNumber, Target: n.URL, Frag: frag})
	}
	return u, nil
}

// resolveImage is resolveLink for an image's source, which the site's
// Content-Security-Policy must allow.
func (sc *Shortcodes) resolveImage(p, dest any) (string, error) {
	u, err := sc.resolveLink(p, dest)
	if err == nil && sc.image != nil {
		err = sc.image(strings.TrimSpace(fmt.Sprint(dest)))
	}
	return u, err
}

// highlight is code highlighted as a fenced block in lang is; opts
// (Hugo's linenos, hl_lines) are accepted and not applied.
func (sc *Shortcodes) highlight(code, lang, _ string) (template.HTML, error) {
	var b bytes.Buffer
	if err := sc.md.Highlight(&b, code, lang); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// markdownify renders s from Markdown to inline HTML (one paragraph loses
// its <p>), as Hugo's markdownify; links in it are not checked.
func (sc *Shortcodes) markdownify(s any) (template.HTML, error) {
	var b bytes.Buffer
	if _, err := sc.md.Render(&b, []byte(fmt.Sprint(s)), markdown.Context{}); err != nil {
		return "", err
	}
	out := strings.TrimSpace(b.String())
	if strings.HasPrefix(out, "<p>") && strings.HasSuffix(out, "</p>") && strings.Count(out, "<p>") == 1 {
		out = out[3 : len(out)-4]
	}
	return template.HTML(out), nil
}

func quoteText(s string) string { return fmt.Sprintf("%q", s) }

// missingField is text/template's word for a field the dot does not have;
// .Page and .Site are typed any in a call, so it names no type.
var missingField = regexp.MustCompile(`can't evaluate field (\w+) in type interface \{\}`)

// missingCallField is text/template's word for a field a shortcode call
// (the template's dot) does not have.
var missingCallField = regexp.MustCompile(`can't evaluate field (\w+) in type \*shortcode\.Call`)

// plainTemplateError says which field mutual's pages lack, in place of
// text/template's "in type interface {}", and which a shortcode lacks in
// place of "in type *shortcode.Call", with a hint.
func plainTemplateError(err error) error {
	msg := err.Error()
	if m := missingField.FindStringSubmatch(msg); m != nil {
		return errors.New(missingField.ReplaceAllString(msg, "mutual has no ."+m[1]+" here (see \"Coming from Hugo\" in the README for what shortcode templates can read)"))
	}
	if m := missingCallField.FindStringSubmatch(msg); m != nil {
		var names []string
		t := reflect.TypeFor[*shortcode.Call]()
		for i := range t.NumMethod() {
			names = append(names, t.Method(i).Name)
		}
		for _, f := range reflect.VisibleFields(t.Elem()) {
			if f.IsExported() {
				names = append(names, f.Name)
			}
		}
		hint := ""
		if s := diag.Suggest(m[1], names); s != "" {
			hint = " (did you mean ." + s + "?)"
		}
		return errors.New(missingCallField.ReplaceAllString(msg, "a shortcode has no ."+m[1]+hint))
	}
	return err
}

// render renders src, the Markdown of s, a page with shortcodes, into b: the
// calls parsed and run (children first), the Markdown with their output in
// place rendered with the page's link checks, and every error and heading
// at its position in the file.
func (sc *Shortcodes) render(b *Body, md *markdown.Markdown, s *content.Source, src []byte, res *content.Resolver, pg *ShortcodePage) {
	pg.links, pg.res = &b.Links, res
	doc, errs := shortcode.Parse(src, shortcode.Options{Path: s.Path(), LineOffset: s.FrontMatter.Lines, Defs: sc.defs, Theme: sc.theme})
	b.Errs = append(b.Errs, errs...)
	resolve := res.Func(s.Rel, s.Path(), &b.Links)
	exp, xerrs := doc.Expand(shortcode.Env{
		Execute: func(c *shortcode.Call) (string, error) {
			pg.at = c.Position()
			out, err := sc.set.Execute(c)
			if err != nil {
				err = plainTemplateError(err)
			}
			return out, err
		},
		Page: pg,
		Site: sc.site,
		Markdown: func(f shortcode.Fragment) (string, error) {
			var out bytes.Buffer
			r, err := md.Render(&out, []byte(f.Src), markdown.Context{
				Path: s.Path(), LineOffset: f.Line - 1, ColOffset: f.Col - 1,
				Resolve: func(dest string, p markdown.Pos) (string, error) {
					if f.Broken(dest) {
						return dest, nil // the call's error is reported
					}
					return resolve(f.Text(dest), p)
				},
				Image:  sc.imageText(f.Text),
				Origin: res.Origin,
			})
			if err != nil {
				return "", err
			}
			return out.String(), r.Errors.Err()
		},
	})
	b.Errs = append(b.Errs, xerrs...)
	buf := getBuffer()
	defer putBuffer(buf)
	var links []content.LinkRef // at positions in the expanded Markdown
	resolvePage := res.Func(s.Rel, s.Path(), &links)
	r, err := md.Render(buf, exp.Markdown, markdown.Context{
		Path: s.Path(),
		Resolve: func(dest string, p markdown.Pos) (string, error) {
			if exp.Broken(dest) {
				return dest, nil
			}
			return resolvePage(exp.Text(dest), p)
		},
		Image:  sc.imageText(exp.Text),
		Origin: res.Origin,
	})
	if err != nil {
		b.Errs.Add(s.Path(), 0, 0, "cannot render: %v", err)
	}
	exp.MapErrors(r.Errors)
	exp.MapErrors(r.Warnings)
	b.Errs = append(b.Errs, r.Errors...)
	b.Warns = r.Warnings
	for _, l := range links {
		l.Line, l.Col = exp.Position(l.Line, l.Col)
		b.Links = append(b.Links, l)
	}
	for i := range r.Headings {
		h := &r.Headings[i]
		h.Line, _ = exp.Position(h.Line, 1)
		h.Text = exp.Text(h.Text)
	}
	b.Headings = r.Headings
	html, herrs := exp.HTML(buf.Bytes())
	b.Errs = append(b.Errs, herrs...)
	b.HTML = template.HTML(html)
}

// imageText is the image check for Markdown whose destinations may hold
// placeholders (text maps them back).
func (sc *Shortcodes) imageText(text func(string) string) func(string) error {
	if sc.image == nil {
		return nil
	}
	return func(dest string) error { return sc.image(text(dest)) }
}
