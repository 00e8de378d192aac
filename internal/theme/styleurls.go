package theme

import (
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"mutual/internal/content"
	"mutual/internal/diag"
)

// StyleURLs checks what the stylesheets of the chain's themes on disk ask
// the browser to load, every url(...) and @import, since a browser says
// nothing on the page when it does not get one: the font, the background
// image or the imported rules are simply missing, and a theme's author
// never learns why. Each is a warning at the url( or @import:
//
//   - an address on another site (https://fonts.googleapis.com/...): the
//     pages' Content-Security-Policy lets stylesheets and fonts come from
//     the site alone, and images from the site and the origins of
//     site.yaml's allowOrigins (imgOrigins); a url() inside @font-face is a
//     font, after @import a stylesheet, elsewhere an image;
//   - an address of the site that no file is published at (exists says
//     whether a file is, by its output path): a misspelt name, a file
//     kept outside static/, or a stylesheet or script, whose published
//     name carries its content's hash (css/extra.1a2b3c4d5e.css), so
//     that its plain name finds nothing;
//   - an address that leaves the site (../../x.png from css/, or /x.png
//     on a site published under a sub-path such as /help/).
//
// data: URLs and references to a part of an image (#id) are fine. The
// embedded default theme is checked by its tests, not here.
func (c Chain) StyleURLs(as Assets, basePath string, imgOrigins []string, exists func(out string) bool) diag.List {
	var warns diag.List
	for _, name := range as.Names() {
		if path.Ext(name) != ".css" {
			continue
		}
		layer := c.layerOf("static/" + name)
		if layer == nil || layer.embedded() {
			continue
		}
		src, file, ok := c.cssFile("static/" + name)
		if !ok {
			continue
		}
		for _, r := range styleRefs(src) {
			if msg := checkStyleRef(r, name, basePath, imgOrigins, as, exists, layer.Dir); msg != "" {
				warns.Add(file, r.line, r.col, "%s", msg)
			}
		}
	}
	warns.Sort()
	return warns
}

// embedded reports the built-in default theme, read from the binary.
func (l *Layer) embedded() bool { return l.OnDisk == "" && l.Name == "default" }

// layerOf is the first layer of the chain that has the file rel.
func (c Chain) layerOf(rel string) *Layer {
	for i := range c {
		if st, err := fs.Stat(c[i].FS, rel); err == nil && !st.IsDir() {
			return &c[i]
		}
	}
	return nil
}

// styleRef is one address a stylesheet loads.
type styleRef struct {
	url       string
	line, col int
	kind      string // "image", "font" or "stylesheet"
}

// styleRefs finds the url(...) and @import addresses of the stylesheet
// src, outside comments and strings, each with its position and what
// the browser loads it as.
func styleRefs(src string) []styleRef {
	s := blankComments(src)
	pos := func(at int) (int, int) {
		return strings.Count(s[:at], "\n") + 1, at - (strings.LastIndexByte(s[:at], '\n') + 1) + 1
	}
	fonts := fontFaceBlocks(s)
	var out []styleRef
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\'':
			i = stringEnd(s, i)
		case c == '@' && hasFoldPrefix(s[i:], "@import") && !identByte(at(s, i+7)):
			j := skipSpace(s, i+7)
			var u string
			switch {
			case j < len(s) && (s[j] == '"' || s[j] == '\''):
				end := stringEnd(s, j)
				u = s[j+1 : max(j+1, end)]
			case hasFoldPrefix(s[j:], "url("):
				u, _ = urlArg(s, j+4)
			default:
				continue
			}
			line, col := pos(i)
			out = append(out, styleRef{url: strings.TrimSpace(u), line: line, col: col, kind: "stylesheet"})
			i = j
		case (c == 'u' || c == 'U') && hasFoldPrefix(s[i:], "url(") && (i == 0 || !identByte(s[i-1])):
			u, end := urlArg(s, i+4)
			line, col := pos(i)
			kind := "image"
			if slices.ContainsFunc(fonts, func(b [2]int) bool { return i > b[0] && i < b[1] }) {
				kind = "font"
			}
			out = append(out, styleRef{url: strings.TrimSpace(u), line: line, col: col, kind: kind})
			i = end
		}
	}
	return out
}

// checkStyleRef is the warning for the address r of the stylesheet name
// (its logical name, css/custom.css), or "" when the browser finds it.
func checkStyleRef(r styleRef, name, basePath string, imgOrigins []string, as Assets, exists func(string) bool, themeDir string) string {
	u := r.url
	low := strings.ToLower(u)
	switch {
	case u == "" || strings.HasPrefix(u, "#") || strings.HasPrefix(low, "data:"):
		return ""
	case strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://") || strings.HasPrefix(u, "//"):
		p, err := url.Parse(u)
		if err != nil || p.Host == "" {
			return ""
		}
		origin, shown := content.Origin(p.Scheme, p.Host), content.ShownOrigin(p.Scheme, p.Host)
		file := path.Base(p.Path)
		if file == "/" || file == "." || file == "" {
			file = "the file"
		}
		switch r.kind {
		case "font":
			return "a font from another site, " + shown + ", which the pages' Content-Security-Policy blocks (readers see their own fonts instead, and a page loads nothing from elsewhere): download " + quoteName(file) + " into " + themeDir + "/static/fonts/ and point url() at the copy"
		case "stylesheet":
			return "@import of a stylesheet from another site, " + shown + ", which the pages' Content-Security-Policy blocks (readers never get its rules, and a page loads nothing from elsewhere): put its rules in this file, or download it into " + themeDir + "/static/css/ (fonts it names into " + themeDir + "/static/fonts/) and import the copy"
		}
		if slices.Contains(imgOrigins, origin) {
			return ""
		}
		return "an image from another site, " + shown + ", which the pages' Content-Security-Policy blocks (readers would see none): download " + quoteName(file) + " into " + themeDir + "/static/ and point url() at the copy; or, if that site may serve your readers' images, add it to site.yaml: allowOrigins: [" + shown + "]"
	case strings.Contains(strings.SplitN(low, "/", 2)[0], ":"):
		return "" // another scheme (about:, a browser's own): nothing mutual can check
	}
	ref := "url(" + quoteName(u) + ")"
	if r.kind == "stylesheet" {
		ref = "@import " + quoteName(u)
	}
	p := u
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if up, err := url.PathUnescape(p); err == nil {
		p = up
	}
	var target string
	if strings.HasPrefix(p, "/") {
		rest, ok := strings.CutPrefix(p, basePath)
		if !ok {
			return ref + " leaves the site, which is published under " + basePath + ": write the address relative to this stylesheet, published as " + name + ", such as " + quoteName(relFrom(path.Dir(name), strings.TrimPrefix(p, "/")))
		}
		target = path.Clean("/" + rest)[1:]
	} else {
		target = path.Clean(path.Join(path.Dir(name), p))
		if target == ".." || strings.HasPrefix(target, "../") {
			return ref + " leaves the site: the address is read from where this stylesheet is published, " + path.Dir(name) + "/, so write it from there, such as " + quoteName(relFrom(path.Dir(name), strings.TrimLeft(target, "./")))
		}
	}
	if target == "" || target == "." || exists(target) {
		return ""
	}
	if a := as[target]; a != nil && a.Out != a.Name {
		how := "link it from a layout with {{asset " + quoteName(target) + "}}"
		if r.kind == "stylesheet" {
			how = "put its rules in this file, or link it from base.html with {{asset " + quoteName(target) + "}}"
		}
		return ref + " finds nothing: " + target + " is published with its content's hash in its name (" + a.Out + "), so that browsers may keep it for good: " + how
	}
	// A hint as the address is written: from the top, or relative.
	written := func(out string) string { return relFrom(path.Dir(name), out) }
	if strings.HasPrefix(p, "/") {
		written = func(out string) string { return basePath + out }
	}
	known := make([]string, 0, len(as))
	for n, a := range as {
		if a.Out == a.Name {
			known = append(known, written(n))
		}
	}
	slices.Sort(known)
	return ref + ": no file of the site or theme is published at /" + target + diag.Hint(written(target), known) + ", so readers get no " + r.kind + " there: put the file in " + themeDir + "/static/" + target + " (an address is read from where this stylesheet is published, " + path.Dir(name) + "/)"
}

// relFrom is the relative address of target (an output path) from the
// folder dir (an output folder, "." for the top).
func relFrom(dir, target string) string {
	if dir == "." || dir == "" {
		return target
	}
	return strings.Repeat("../", strings.Count(dir, "/")+1) + target
}

// quoteName quotes s for a message.
func quoteName(s string) string { return `"` + s + `"` }

// blankComments is src with its comments turned into spaces (newlines
// kept), so that offsets, lines and columns stay true.
func blankComments(src string) string {
	b := []byte(src)
	for i := 0; i+1 < len(b); i++ {
		switch b[i] {
		case '"', '\'':
			i = stringEnd(src, i)
		case '/':
			if b[i+1] != '*' {
				continue
			}
			j := strings.Index(src[i+2:], "*/")
			end := len(b)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			for k := i; k < end; k++ {
				if b[k] != '\n' {
					b[k] = ' '
				}
			}
			i = end - 1
		}
	}
	return string(b)
}

// stringEnd is the offset of the quote closing the string that opens at
// s[i], or of the line's end when it is never closed (as CSS reads it).
func stringEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q, '\n':
			return j
		}
	}
	return len(s)
}

// urlArg reads the argument of url( starting at from: a quoted string or
// the raw address up to ")"; end is the offset of its ")".
func urlArg(s string, from int) (u string, end int) {
	j := skipSpace(s, from)
	if j < len(s) && (s[j] == '"' || s[j] == '\'') {
		e := stringEnd(s, j)
		u = s[j+1 : max(j+1, min(e, len(s)))]
		if k := strings.IndexByte(s[min(e, len(s)):], ')'); k >= 0 {
			return u, e + k
		}
		return u, len(s)
	}
	k := strings.IndexAny(s[j:], ")\n")
	if k < 0 {
		return s[j:], len(s)
	}
	return s[j : j+k], j + k
}

// fontFaceBlocks are the offsets of the braces of each @font-face rule.
func fontFaceBlocks(s string) [][2]int {
	var out [][2]int
	low := strings.ToLower(s)
	for i := 0; ; {
		k := strings.Index(low[i:], "@font-face")
		if k < 0 {
			return out
		}
		open := strings.IndexByte(s[i+k:], '{')
		if open < 0 {
			return out
		}
		open += i + k
		end := matchBrace(s, open, len(s))
		out = append(out, [2]int{open, end})
		i = end
		if i >= len(s) {
			return out
		}
	}
}

func skipSpace(s string, i int) int {
	for i < len(s) && space(s[i]) {
		i++
	}
	return i
}

func hasFoldPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func identByte(c byte) bool {
	return c == '-' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// at is s[i], or 0 past its end.
func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}
