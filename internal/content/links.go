package content

import (
	"cmp"
	"errors"
	"maps"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"mutual/internal/diag"
	"mutual/internal/markdown"
)

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// LinkRef is a link to a heading of a page, checked by CheckAnchors once
// every page's headings are known.
type LinkRef struct {
	Path   string // site-relative file holding the link
	Line   int
	Col    int
	Target string // the URL of the target page, as Node.URL
	Frag   string // the heading's id
}

// Resolver turns link destinations written in content into URLs.
type Resolver struct {
	Model    *Model
	BasePath string // the base URL's path, as Config.BasePath
	// WrittenBasePath is site.yaml's, when the build's is another
	// (Config.WrittenBasePath): a link may start with either.
	WrittenBasePath string
	// Origin is the base URL's scheme and host, as Config.Origin: the
	// Markdown gives each link to a path of the site its full address for
	// print (markdown.Context.Origin).
	Origin string
	Theme  map[string]bool // output paths of the theme's files and generated assets
	// Tree is the language whose pages relative links lead to: the
	// language of the page whose text holds them. nil is the default
	// language.
	Tree *Tree
	// Fallback is set for the text of a page shown in a language that has
	// no translation of it: its links lead to that language's pages too,
	// but a link to a heading leads to the default language's page, whose
	// headings it names.
	Fallback bool
}

// In is the resolver for the text of a page of tree t (see Tree and
// Fallback).
func (r *Resolver) In(t *Tree, fallback bool) *Resolver {
	c := *r
	c.Tree, c.Fallback = t, fallback
	return &c
}

// Pages are the pages of the resolver's language by the content path of
// their original (Tree.ByRel): its own, its translations and what it
// shows untranslated.
func (r *Resolver) Pages() map[string]*Node { return r.tree().ByRel }

func (r *Resolver) tree() *Tree {
	if r.Tree != nil {
		return r.Tree
	}
	return r.Model.Trees[0]
}

// Resolve handles one destination written in the file at rel (content-
// relative; "site.yaml" for the config). It returns the URL to write, the
// target page (nil for files and external links), the fragment, or an
// error message.
//
// The rules, in order: a URL with a scheme or "//" is left alone; "#id"
// points into the same page; "/path" is a path of the built site; anything
// else is a path relative to the file, naming a content file (Markdown page,
// worksheet, _index.md, image...) or a folder that is a section.
//
// A relative path is read from where the file's original is (a
// translation's links are written as its original's), and leads to the
// page in the resolver's language: its translation, or the original
// shown in that language. A file in the language's own content/<code>/
// tree comes before one of the same path outside it, and a translation's
// own file name ("receiving.de.md") names that very page. A page
// bundle's file with language versions ("photo.jpg", with photo.es.jpg)
// leads to the version of the resolver's language (resolveVersion).
func (r *Resolver) Resolve(rel, dest string) (string, *Node, string, string) {
	if dest == "" {
		return "", nil, "", "empty link"
	}
	if schemeRE.MatchString(dest) || strings.HasPrefix(dest, "//") {
		return dest, nil, "", ""
	}
	p, frag, _ := strings.Cut(dest, "#")
	p, query, _ := strings.Cut(p, "?")
	if query != "" {
		query = "?" + query
	}
	withFrag := func(u string) string {
		if frag != "" {
			return u + query + "#" + frag
		}
		return u + query
	}
	t := r.tree()
	rel = r.Model.Base(rel)
	if p == "" {
		self := t.ByRel[rel]
		if self == nil {
			return dest, nil, "", "" // site.yaml: nothing to point into
		}
		return dest, self, frag, ""
	}
	up, err := url.PathUnescape(p)
	if err != nil {
		return "", nil, "", "link " + quote(dest) + " is not a valid path" + r.literalHint(rel, dest)
	}
	if strings.HasPrefix(up, "/") {
		var siteAs func(up string) (string, *Node, bool)
		site := func(up string) (string, *Node, bool) {
			u, n, ok := siteAs(up)
			if c := nfc(up); !ok && c != up {
				// Typed decomposed (on a Mac), for an address or a
				// published name, which are composed (pathURL,
				// StaticOut).
				if u2, n2, ok2 := siteAs(c); ok2 {
					return u2, n2, true
				}
			}
			return u, n, ok
		}
		siteAs = func(up string) (string, *Node, bool) {
			target := strings.TrimPrefix(path.Clean(up), "/")
			if strings.HasSuffix(up, "/") && target != "" {
				target += "/"
			}
			if target == "." {
				target = ""
			}
			if n := r.Model.ByURL[target]; n != nil {
				return withFrag(r.BasePath + n.Href), n, true
			}
			if n := r.Model.ByURL[target+"/"]; n != nil {
				return withFrag(r.BasePath + n.Href), n, true
			}
			if r.Model.hasOutFile(target) || r.Theme[target] {
				return withFrag(r.BasePath + PathEscape(target)), nil, true
			}
			return target, nil, false
		}
		u, n, ok := site(up)
		// A link that already starts with the site's base path, as relref
		// writes one (/help/guides/a/ on a site at
		// https://example.org/help/) and as Hugo content writes them by
		// hand, is that address: written once, not twice. So is one with
		// site.yaml's base path in a build given another (mutual serve's,
		// at the root), so that build and serve agree.
		for _, base := range []string{r.BasePath, r.WrittenBasePath} {
			if ok || base == "/" || base == "" {
				continue
			}
			if bp, err := url.PathUnescape(base); err == nil {
				if rest, cut := strings.CutPrefix(up, strings.TrimSuffix(bp, "/")); cut && (rest == "" || rest[0] == '/') {
					if u2, n2, ok2 := site(cmp.Or(rest, "/")); ok2 {
						u, n, ok = u2, n2, true
					}
				}
			}
		}
		if !ok {
			if dir := r.unreadable("", up); dir != "" {
				return "", nil, "", unreadableLink(dest, dir)
			}
			return "", nil, "", "link to " + quote(dest) + ": no page or file of this site has that address" + r.urlHint(u)
		}
		if n == nil {
			return u, nil, "", ""
		}
		return u, n, frag, ""
	}
	dir := path.Dir(rel)
	joined := path.Clean(path.Join(dir, up))
	if joined == ".." || strings.HasPrefix(joined, "../") {
		// A page's address is a folder deeper than its file (a.md is
		// /a/): as an address, the link may stay in the site.
		if u, n, ok := r.resolveURL(rel, up); ok {
			return withFrag(u), n, frag, ""
		} else if u != "" && strings.HasSuffix(up, "/") && !climbsOut(r.pageURLOf(rel), up) {
			return "", nil, "", "link to " + quote(dest) + ": no page or file of this site has the address " + u + " (the link is read as an address relative to this page's, /" + r.pageURLOf(rel) + ")" + r.urlHint(u)
		}
		return "", nil, "", "link " + quote(dest) + " leaves the content folder"
	}
	if joined == "." {
		joined = ""
	}
	if frag != "" && r.Fallback {
		t = r.Model.Trees[0]
	}
	if n := t.ByRel[joined]; n != nil {
		return withFrag(r.BasePath + n.Href), n, frag, ""
	}
	if t.Index > 0 {
		for _, own := range []string{t.Prefix + joined, string(t.Lang) + "/" + joined} {
			if r.Model.Files[own] != nil {
				return withFrag(r.BasePath + PathEscape(own)), nil, "", ""
			}
		}
	}
	if u, msg, ok := r.resolveVersion(joined, p, dest); ok {
		if msg != "" {
			return "", nil, "", msg
		}
		return withFrag(u), nil, "", ""
	}
	if out, ok := r.Model.FileOut[joined]; ok {
		return withFrag(r.BasePath + PathEscape(out)), nil, "", ""
	}
	if n := r.Model.Src[joined]; n != nil {
		return withFrag(r.BasePath + n.Href), n, frag, ""
	}
	if sec := t.Sections[strings.TrimSuffix(joined, "/")]; sec != nil {
		return withFrag(r.BasePath + sec.Node.Href), sec.Node, frag, ""
	}
	if n := t.ByRel[path.Join(joined, "_index.md")]; n != nil {
		return withFrag(r.BasePath + n.Href), n, frag, ""
	}
	if other, ok := r.Model.hints().composed[nfc(joined)]; ok && other != joined {
		// The same name, its letters composed otherwise (a file named on
		// a Mac, a link typed elsewhere, or the other way round).
		to := PathEscape(relativeTo(dir, other))
		if strings.HasSuffix(p, "/") && !strings.HasSuffix(to, "/") {
			to += "/"
		}
		to += query
		if frag != "" {
			to += "#" + frag
		}
		return r.Resolve(rel, to)
	}
	if why := t.Unpublished[joined]; why != "" {
		return "", nil, "", "link to " + quote(dest) + ", which is not published in this build: " + unpublishedWhy(why)
	}
	if why := r.Model.Unpublished[joined]; why != "" {
		return "", nil, "", "link to " + quote(dest) + ", which is not published in this build: " + unpublishedWhy(why)
	}
	if dir := r.unreadable(joined, ""); dir != "" {
		return "", nil, "", unreadableLink(dest, dir)
	}
	if h := r.literalHint(rel, dest); h != "" {
		return "", nil, "", "link to missing file " + quote(dest) + h
	}
	if u, n, ok := r.resolveURL(rel, up); ok {
		return withFrag(u), n, frag, ""
	} else if dir := r.unreadable("", u); dir != "" {
		return "", nil, "", unreadableLink(dest, dir)
	} else if u != "" {
		if h := wwwHint(dest); h != "" {
			return "", nil, "", "link to " + quote(dest) + ": no page or file of this site has that address" + h
		}
		return "", nil, "", "link to " + quote(dest) + ": no page or file of this site has the address " + u + " (the link is read as an address relative to this page's, /" + r.pageURLOf(rel) + ")" + r.urlHint(u)
	}
	hint := ""
	if s := r.Model.hints().pathIndex.Suggest(joined); s != "" {
		hint = " (did you mean " + quote(relativeTo(dir, s)) + "?)"
	} else {
		hint = wwwHint(dest)
	}
	return "", nil, "", "link to missing file " + quote(dest) + hint
}

// unreadable is the folder that could not be read (Model.Unreadable),
// as its error names it, into which a link may lead: by the content path
// it names (joined, for a relative link), or by the site address it names
// (abs, "/guides/private/p/": a link from the site's root, or a relative
// one read as an address); "" when it leads into none. What the folder
// holds is unknown, so any name in it may be there.
func (r *Resolver) unreadable(joined, abs string) string {
	var addrs []string // abs without the base path, and without a language's folder
	if abs != "" {
		for _, base := range []string{"", r.BasePath, r.WrittenBasePath} {
			bp, err := url.PathUnescape(strings.TrimSuffix(base, "/"))
			if base != "" && (base == "/" || err != nil || bp == "") {
				continue
			}
			if rest, ok := strings.CutPrefix(abs, bp+"/"); ok {
				addrs = append(addrs, rest)
				for _, t := range r.Model.Trees {
					if t.Lang != "" {
						if rest, ok := strings.CutPrefix(rest, string(t.Lang)+"/"); ok {
							addrs = append(addrs, rest)
						}
					}
				}
			}
		}
	}
	under := func(p, dir string, fold bool) bool {
		if fold {
			// An address may be written in lower case (lowercaseURLs).
			return len(p) >= len(dir) && strings.EqualFold(p[:len(dir)], dir) && (len(p) == len(dir) || p[len(dir)] == '/')
		}
		return p == dir || strings.HasPrefix(p, dir+"/")
	}
	for _, dir := range r.Model.Unreadable {
		if f, ok := strings.CutPrefix(dir, "content/"); ok && f != "" {
			f = strings.TrimSuffix(f, "/")
			if joined != "" && under(joined, f, false) {
				return dir
			}
			for _, a := range addrs {
				if under(a, f, true) {
					return dir
				}
			}
		} else if f, ok := strings.CutPrefix(dir, StaticDir+"/"); ok {
			f = strings.TrimSuffix(f, "/")
			for _, a := range addrs {
				// static/ itself: any file's address may be one of its.
				if f == "" && a != "" && !strings.HasSuffix(a, "/") && path.Ext(a) != "" || f != "" && under(a, f, false) {
					return dir
				}
			}
		}
	}
	return ""
}

// unreadableLink is the message for a link into dir, a folder that could
// not be read: not a missing file, which nobody could know, but where to
// look.
func unreadableLink(dest, dir string) string {
	return "link to " + quote(dest) + ", which leads into " + dir + ", a folder mutual cannot read (see the error for that folder)"
}

// resolveVersion resolves a link to a page bundle's file that has
// language versions (see Model.languageVersion): joined is the file's
// content path as the link names it, p the link's path as written. A name
// with versions ("photo.jpg") leads to the version of the resolver's
// language, else to the file shared by every language, and is an error
// when there is neither; a version's own name ("photo.es.jpg") leads to
// it from its language's pages only. ok is false when joined is none of
// these, and the usual rules apply.
func (r *Resolver) resolveVersion(joined, p, dest string) (u, msg string, ok bool) {
	t := r.tree()
	if v := r.Model.fileVersions[joined]; v != nil {
		own := v[t.Index]
		if own == "" {
			if _, shared := r.Model.FileOut[joined]; shared || r.Model.Unpublished[joined] != "" {
				return "", "", false
			}
			var langs, files []string
			for i, rel := range v {
				if rel != "" {
					langs = append(langs, r.Model.Trees[i].Lang.EnglishName())
					files = append(files, "content/"+rel)
				}
			}
			ext := path.Ext(joined)
			mine := strings.TrimSuffix(joined, ext) + "." + string(t.Lang) + ext
			return "", "link to " + quote(dest) + ": this file exists only in " + andList(langs) + " (" + strings.Join(files, ", ") +
				"), and this page is in " + t.Lang.EnglishName() + ": add content/" + joined + ", which every language without a version of its own shows, or content/" + mine + " for " + t.Lang.EnglishName(), true
		}
		if out, ok := r.Model.FileOut[own]; ok {
			return r.BasePath + PathEscape(out), "", true
		}
		if why := r.Model.Unpublished[own]; why != "" {
			return "", "link to " + quote(dest) + ", which is not published in this build: " + unpublishedWhy(why), true
		}
		return "", "", false
	}
	if fv, ok := r.Model.fileLang[joined]; ok && fv.lang != t.Index {
		other := r.Model.Trees[fv.lang].Lang.EnglishName()
		instead := p[:strings.LastIndexByte(p, '/')+1] + path.Base(fv.shared)
		return "", "link to " + quote(dest) + ": that file is the " + other + " version of " + path.Base(fv.shared) + ", published with the " + other +
			" pages only, and this page is in " + t.Lang.EnglishName() + ": link to " + quote(instead) + ", which each language reads as its own version", true
	}
	return "", "", false
}

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// unpublishedWhy says in words why a page is left out, from
// Model.Unpublished's reason.
func unpublishedWhy(why string) string {
	kind, date, _ := strings.Cut(why, ":")
	switch kind {
	case "draft":
		return "it is a draft (build with --drafts to include drafts)"
	case "headless":
		return "its front matter says headless: true, so it has no page of its own"
	case "future":
		return "its publishDate is " + date + " (build with --future to include it)"
	case "future-date":
		return "its date is " + date + ", still to come (a page without a publishDate is published on its date; build with --future to include it)"
	case "expired":
		return "its expiryDate was " + date + " (build with --expired to include it)"
	case "broken":
		return "it has errors of its own, reported at the file"
	}
	return why
}

// pageURLOf is the URL of the page at rel ("" for site.yaml and files).
func (r *Resolver) pageURLOf(rel string) string {
	if n := r.tree().ByRel[r.Model.Base(rel)]; n != nil {
		return n.URL
	}
	return ""
}

// resolveURL reads p, a relative path that names no content file, as a
// browser reads a relative address: against the page's URL (Hugo content
// writes links such as ../../guides/other/). It returns the URL to write
// and the page, ok when the site has that address; when it has not, u is
// the address it looked for (root-relative), or "" when p does not look
// like an address (it names a file: "other.md").
func (r *Resolver) resolveURL(rel, p string) (u string, n *Node, ok bool) {
	self := r.tree().ByRel[r.Model.Base(rel)]
	if self == nil || climbsOut(self.URL, p) {
		return "", nil, false
	}
	last := path.Base(p)
	if !strings.HasSuffix(p, "/") && path.Ext(last) == ".md" {
		return "", nil, false
	}
	abs := path.Join("/"+self.URL, p)
	if strings.HasSuffix(p, "/") && abs != "/" {
		abs += "/"
	}
	target := strings.TrimPrefix(abs, "/")
	if x := r.Model.ByURL[target]; x != nil {
		return r.BasePath + x.Href, x, true
	}
	if !strings.HasSuffix(target, "/") {
		if x := r.Model.ByURL[target+"/"]; x != nil {
			return r.BasePath + x.Href, x, true
		}
	}
	if r.Model.hasOutFile(target) || r.Theme[target] {
		return r.BasePath + PathEscape(target), nil, true
	}
	// Only what looks like an address (a folder, a page's name without
	// an extension) is reported as one; a file name falls through to the
	// missing-file message.
	if strings.HasSuffix(p, "/") || path.Ext(last) == "" {
		return abs, nil, false
	}
	return "", nil, false
}

// HasFile reports that a file (not a page) is published at out, an
// output path such as img/logo.png: a content file, a file of static/
// or a theme's asset.
func (r *Resolver) HasFile(out string) bool {
	return r.Model != nil && r.Model.hasOutFile(out) || r.Theme[out]
}

// urlHint is " (did you mean ...?)" for an address the site does not have,
// from its pages' addresses.
func (r *Resolver) urlHint(abs string) string {
	if s := r.Model.hints().urlIndex.Suggest(strings.TrimPrefix(abs, "/")); s != "" {
		return " (did you mean " + quote("/"+s) + "?)"
	}
	return ""
}

// linkHints index the content paths and the page URLs for "did you mean"
// (diag.Index: fast with thousands of broken links), made once per model,
// on the first broken link.
type linkHints struct {
	pathIndex, urlIndex *diag.Index
	// composed finds a path by its letters composed (nfc): a link typed
	// composed to a file named decomposed on a Mac, or the other way.
	composed map[string]string
}

func (m *Model) hints() *linkHints {
	m.hintOnce.Do(func() {
		known := make([]string, 0, len(m.ByRel)+len(m.Files))
		for k := range m.ByRel {
			known = append(known, k)
		}
		for k := range m.Files {
			known = append(known, k)
		}
		urls := make([]string, 0, len(m.ByURL))
		for u := range m.ByURL {
			if u != "" {
				urls = append(urls, u)
			}
		}
		// Each path and section folder by its composed form; where two
		// differ only in how their letters are composed (an error of
		// their own: one address), the composed one.
		composed := map[string]string{}
		add := func(k string) {
			c := nfc(k)
			if old, ok := composed[c]; !ok || old != c && k < old || k == c {
				composed[c] = k
			}
		}
		for _, k := range known {
			add(k)
		}
		if len(m.Trees) > 0 {
			for k := range m.Trees[0].Sections {
				add(k)
			}
		}
		m.linkHints = &linkHints{pathIndex: diag.NewIndex(known), urlIndex: diag.NewIndex(urls), composed: composed}
	})
	return m.linkHints
}

// literalHint is a hint for a link written with a file's name as it is,
// when that name holds "#", "?" or "%", which mean something else in a
// link: how to write it instead. "" when dest names no such file.
func (r *Resolver) literalHint(rel, dest string) string {
	if !strings.ContainsAny(dest, "#?%") || strings.HasPrefix(dest, "/") {
		return ""
	}
	name := path.Clean(path.Join(path.Dir(r.Model.Base(rel)), dest))
	if r.Model.Files[name] == nil && r.Model.ByRel[name] == nil && r.Model.Src[name] == nil {
		return ""
	}
	fixed := strings.NewReplacer("%", "%25", "#", "%23", "?", "%3F").Replace(dest)
	return " (in a link, a file name's \"#\", \"?\" and \"%\" are written %23, %3F and %25: " + quote(fixed) + ")"
}

// relativeTo writes target (content-relative) as a path relative to dir.
func relativeTo(dir, target string) string {
	if dir == "." || dir == "" {
		return target
	}
	from := strings.Split(dir, "/")
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// Func is the Markdown resolver for one file (rel, content-relative;
// file, site-relative, for messages): it resolves each destination, and
// appends the links to a heading to refs, for CheckAnchors.
func (r *Resolver) Func(rel, file string, refs *[]LinkRef) func(string, markdown.Pos) (string, error) {
	return func(dest string, pos markdown.Pos) (string, error) {
		u, target, frag, msg := r.Resolve(rel, dest)
		if msg != "" {
			return "", errors.New(msg)
		}
		if frag != "" && target != nil {
			*refs = append(*refs, LinkRef{Path: file, Line: pos.Line, Col: pos.Col, Target: target.URL, Frag: frag})
		}
		return u, nil
	}
}

// CheckAnchors reports the links to headings that do not exist; anchors
// holds each page's heading ids, by Node.URL. Footnote anchors are
// goldmark's own and always exist.
//
// A page shown untranslated in other languages holds its links once per
// language: a link broken in several is one mistake in one place, reported
// once, with the target of the shortest URL (the default language's).
func CheckAnchors(refs []LinkRef, anchors map[string]map[string]bool) diag.List {
	type at struct {
		path      string
		line, col int
		frag      string
	}
	broken := map[at]LinkRef{}
	for _, l := range refs {
		ids := anchors[l.Target]
		if ids[l.Frag] || strings.HasPrefix(l.Frag, "fn:") || strings.HasPrefix(l.Frag, "fnref:") {
			continue
		}
		k := at{l.Path, l.Line, l.Col, l.Frag}
		if o, ok := broken[k]; ok && (len(o.Target) < len(l.Target) || len(o.Target) == len(l.Target) && o.Target <= l.Target) {
			continue
		}
		broken[k] = l
	}
	var errs diag.List
	for _, l := range broken {
		known := slices.Sorted(maps.Keys(anchors[l.Target]))
		errs.Add(l.Path, l.Line, l.Col, "link to #%s: /%s has no heading with that id%s", l.Frag, l.Target, diag.Hint(l.Frag, known))
	}
	errs.Sort()
	return errs
}

// climbsOut reports whether the relative address p, read against the page
// address base ("guides/a/"), goes above the site's root.
func climbsOut(base, p string) bool {
	depth := strings.Count(base, "/")
	for _, part := range strings.Split(p, "/") {
		switch part {
		case "..":
			if depth--; depth < 0 {
				return true
			}
		case ".", "":
		default:
			depth++
		}
	}
	return false
}

// wwwHint is the hint for a link to another site written without its
// scheme ("www.example.org"), which reads as a file of this site; "" for
// other links.
func wwwHint(dest string) string {
	if strings.HasPrefix(strings.ToLower(dest), "www.") {
		return " (a link to another site starts with https://: write https://" + dest + ")"
	}
	return ""
}
