package content

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"mutual/internal/diag"
)

var schemeRE = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9+.-]*:`)

// linkRec is a link to an anchor, checked once every page's headings are
// known.
type linkRec struct {
	path   string // site-relative file holding the link
	line   int
	col    int
	target string // URL key of the target page
	frag   string
}

// resolver turns link destinations written in content into URLs.
type resolver struct {
	m        *model
	basePath string
	assets   map[string]*asset // output files from the theme, by output path
}

// resolve handles one destination written in the file at rel (content-
// relative; "site.yaml" for the config). It returns the URL to write, the
// target page (nil for files and external links), the fragment, or an
// error message.
//
// The rules, in order: a URL with a scheme or "//" is left alone; "#id"
// points into the same page; "/path" is a path of the built site; anything
// else is a path relative to the file, naming a content file (Markdown page,
// worksheet, _index.md, image...) or a folder that is a section.
func (r *resolver) resolve(rel, dest string) (string, *node, string, string) {
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
	if p == "" {
		self := r.m.byRel[rel]
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
		target := strings.TrimPrefix(path.Clean(up), "/")
		if strings.HasSuffix(up, "/") && target != "" {
			target += "/"
		}
		if target == "." {
			target = ""
		}
		if n := r.m.byURL[target]; n != nil {
			return withFrag(r.basePath + n.href), n, frag, ""
		}
		if n := r.m.byURL[target+"/"]; n != nil {
			return withFrag(r.basePath + n.href), n, frag, ""
		}
		if r.m.files[target] != nil || r.assets[target] != nil {
			return withFrag(r.basePath + pathEscape(target)), nil, "", ""
		}
		return "", nil, "", "link to " + quote(dest) + ": no page or file of this site has that address"
	}
	dir := path.Dir(rel)
	joined := path.Clean(path.Join(dir, up))
	if joined == ".." || strings.HasPrefix(joined, "../") {
		return "", nil, "", "link " + quote(dest) + " leaves the content folder"
	}
	if joined == "." {
		joined = ""
	}
	if n := r.m.byRel[joined]; n != nil {
		return withFrag(r.basePath + n.href), n, frag, ""
	}
	if r.m.files[joined] != nil {
		return withFrag(r.basePath + pathEscape(joined)), nil, "", ""
	}
	if sec := r.m.sections[strings.TrimSuffix(joined, "/")]; sec != nil {
		return withFrag(r.basePath + sec.node.href), sec.node, frag, ""
	}
	if n := r.m.byRel[path.Join(joined, "_index.md")]; n != nil {
		return withFrag(r.basePath + n.href), n, frag, ""
	}
	if r.m.drafts[joined] {
		return "", nil, "", "link to draft " + quote(dest) + ", which is not published (build with --drafts to include drafts)"
	}
	if h := r.literalHint(rel, dest); h != "" {
		return "", nil, "", "link to missing file " + quote(dest) + h
	}
	var known []string
	for k := range r.m.byRel {
		known = append(known, k)
	}
	for k := range r.m.files {
		known = append(known, k)
	}
	hint := ""
	if s := diag.Suggest(joined, known); s != "" {
		hint = " (did you mean " + quote(relativeTo(dir, s)) + "?)"
	}
	return "", nil, "", "link to missing file " + quote(dest) + hint
}

// literalHint is a hint for a link written with a file's name as it is,
// when that name holds "#", "?" or "%", which mean something else in a
// link: how to write it instead. "" when dest names no such file.
func (r *resolver) literalHint(rel, dest string) string {
	if !strings.ContainsAny(dest, "#?%") || strings.HasPrefix(dest, "/") {
		return ""
	}
	name := path.Clean(path.Join(path.Dir(rel), dest))
	if r.m.files[name] == nil && r.m.byRel[name] == nil {
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
