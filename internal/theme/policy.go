package theme

import (
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"mutual/internal/content"
	"mutual/internal/diag"
)

// PolicyWarnings are the warnings for what a layout, partial or shortcode
// of the site's own themes writes into a page and the pages'
// Content-Security-Policy then blocks, which a browser does without a
// word on the page, so that a theme's author would never learn why a
// script does not run or a font does not show:
//
//   - an inline script (<script> without src, an onclick="..." attribute, a
//     javascript: address), a <style> element or a style="..." attribute:
//     the policy runs scripts and applies styles from the site's own files
//     only;
//   - a script, stylesheet, font, frame or media file from another site
//     (<script src="https://...">, <link rel="stylesheet" href="https://...">),
//     and an image from another site whose origin is not in site.yaml's
//     allowOrigins (imgOrigins).
//
// Each is a warning at the tag or attribute, with what to write instead.
// What template actions write ({{.Params.image}}) cannot be known before a
// page is made and is not judged; the built-in default theme's layouts
// are checked by its tests.
func (ts *Templates) PolicyWarnings(imgOrigins []string) diag.List {
	if ts == nil {
		return nil
	}
	var warns diag.List
	for _, name := range slices.Sorted(maps.Keys(ts.own)) {
		file := ts.sources[name]
		for _, p := range policyProblems(string(ts.text[name]), imgOrigins, themeDirOf(file)) {
			warns.Add(file, p.line, p.col, "%s", p.msg)
		}
	}
	warns.Sort()
	return warns
}

// themeDirOf is the theme folder of a layout's site-relative path:
// "themes/brand" of "themes/brand/layouts/page.html".
func themeDirOf(file string) string {
	if i := strings.Index(file, "/layouts/"); i >= 0 {
		return file[:i]
	}
	return "themes/<name>"
}

type policyProblem struct {
	line, col int
	msg       string
}

// policyProblems reads the HTML of a template's source src, its actions
// blanked out, for what the pages' policy blocks.
func policyProblems(src string, imgOrigins []string, themeDir string) []policyProblem {
	s := blankActions(src)
	var out []policyProblem
	add := func(at int, msg string) {
		line := strings.Count(s[:at], "\n") + 1
		col := at - (strings.LastIndexByte(s[:at], '\n') + 1) + 1
		out = append(out, policyProblem{line, col, msg})
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 2
			continue
		}
		j := i + 1
		for j < len(s) && (isLetter(s[j]) || j > i+1 && isDigit(s[j])) {
			j++
		}
		if j == i+1 {
			continue
		}
		tag := strings.ToLower(s[i+1 : j])
		attrs, end := readAttrs(s, j)
		for _, a := range attrs {
			switch {
			case a.name == "style":
				add(a.at, "a style attribute, which the pages' Content-Security-Policy blocks (browsers ignore it, and the element shows without it): give the element a class, and put its rules in "+themeDir+"/static/css/custom.css")
			case strings.HasPrefix(a.name, "on") && len(a.name) > 2 && isLetterString(a.name[2:]):
				add(a.at, "an event attribute, "+a.name+"=, runs a script inline, which the pages' Content-Security-Policy blocks (browsers never run it): do it from a script file of the theme's static/js/, loaded with <script src=\"{{asset \"js/NAME.js\"}}\" async></script>")
			case (a.name == "href" || a.name == "src" || a.name == "action" || a.name == "formaction") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.value)), "javascript:"):
				add(a.at, "a javascript: address runs a script inline, which the pages' Content-Security-Policy blocks (browsers never run it): do it from a script file of the theme's static/js/")
			}
		}
		switch tag {
		case "script":
			src, hasSrc := attr(attrs, "src")
			if !hasSrc {
				if typ, ok := attr(attrs, "type"); !ok || scriptType(typ.value) {
					add(i, "an inline script, which the pages' Content-Security-Policy blocks (browsers never run it): put it in a file of "+themeDir+"/static/js/ and load it with <script src=\"{{asset \"js/NAME.js\"}}\" async></script>")
				}
			} else if o, shown := otherOrigin(src.value); o != "" {
				add(src.at, "a script from another site, "+shown+", which the pages' Content-Security-Policy blocks (browsers never run it, and a page loads nothing from elsewhere): download it into "+themeDir+"/static/js/ and load the copy with {{asset \"js/"+fileName(src.value, ".js")+"\"}}")
			}
			// A script's text is not HTML: skip to its end.
			if k := strings.Index(strings.ToLower(s[end:]), "</script"); k >= 0 {
				end += k
			}
		case "style":
			add(i, "a <style> element, which the pages' Content-Security-Policy blocks (browsers ignore its rules): put the rules in "+themeDir+"/static/css/custom.css")
			if k := strings.Index(strings.ToLower(s[end:]), "</style"); k >= 0 {
				end += k
			}
		case "link":
			rel, _ := attr(attrs, "rel")
			href, ok := attr(attrs, "href")
			if !ok {
				break
			}
			o, shown := otherOrigin(href.value)
			if o == "" {
				break
			}
			for _, r := range strings.Fields(strings.ToLower(rel.value)) {
				what := map[string]string{"stylesheet": "a stylesheet", "preload": "a file", "modulepreload": "a script", "icon": "an icon", "manifest": "a manifest"}[r]
				if what == "" || r == "icon" && slices.Contains(imgOrigins, o) {
					continue
				}
				fix := "download it into " + themeDir + "/static/ and link the copy with {{asset \"NAME\"}}"
				if r == "stylesheet" {
					fix = "download it into " + themeDir + "/static/css/ (a web font's files into static/fonts/, its url()s pointed at them) and link the copy with {{asset \"css/" + fileName(href.value, ".css") + "\"}}, or put its rules in custom.css"
				}
				add(href.at, what+" from another site, "+shown+", which the pages' Content-Security-Policy blocks (readers never get it, and a page loads nothing from elsewhere): "+fix)
				break
			}
		case "img", "iframe", "video", "audio", "source", "track", "embed", "object":
			for _, name := range []string{"src", "data", "poster"} {
				a, ok := attr(attrs, name)
				if !ok {
					continue
				}
				o, shown := otherOrigin(a.value)
				if o == "" {
					continue
				}
				image := tag == "img" || name == "poster"
				if image && slices.Contains(imgOrigins, o) {
					continue
				}
				if image {
					add(a.at, "an image from another site, "+shown+", which the pages' Content-Security-Policy blocks (readers would see a broken image): download it into "+themeDir+"/static/ and use {{asset \"NAME\"}}; or, if that site may serve your readers' images, add it to site.yaml: allowOrigins: ["+shown+"]")
				} else {
					add(a.at, "<"+tag+"> from another site, "+o+", which the pages' Content-Security-Policy blocks (readers see nothing there, and a page loads nothing from elsewhere): link to it instead, as <a href=\"...\">")
				}
			}
		}
		i = end - 1
	}
	return out
}

// htmlAttr is an attribute of a tag: its name in lower case, its value
// and the offset of its name.
type htmlAttr struct {
	name, value string
	at          int
}

func attr(attrs []htmlAttr, name string) (htmlAttr, bool) {
	for _, a := range attrs {
		if a.name == name {
			return a, true
		}
	}
	return htmlAttr{}, false
}

// readAttrs reads the attributes of a tag from s[i:] up to its ">";
// end is the offset after the ">".
func readAttrs(s string, i int) (attrs []htmlAttr, end int) {
	for i < len(s) {
		for i < len(s) && (space(s[i]) || s[i] == '/') {
			i++
		}
		if i >= len(s) || s[i] == '>' {
			return attrs, min(i+1, len(s))
		}
		if s[i] == '<' {
			return attrs, i // not a tag after all: "a < b"
		}
		start := i
		for i < len(s) && !space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/' {
			i++
		}
		a := htmlAttr{name: strings.ToLower(s[start:i]), at: start}
		j := i
		for j < len(s) && space(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '=' {
			j++
			for j < len(s) && space(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == '"' || s[j] == '\'') {
				k := strings.IndexByte(s[j+1:], s[j])
				if k < 0 {
					a.value = s[j+1:]
					return append(attrs, a), len(s)
				}
				a.value = s[j+1 : j+1+k]
				i = j + 1 + k + 1
			} else {
				k := j
				for k < len(s) && !space(s[k]) && s[k] != '>' {
					k++
				}
				a.value = s[j:k]
				i = k
			}
		}
		if i == start {
			i++
		}
		attrs = append(attrs, a)
	}
	return attrs, len(s)
}

// scriptType reports a <script> type that browsers run (JavaScript), as
// opposed to a data block such as application/ld+json.
func scriptType(t string) bool {
	t = strings.ToLower(strings.TrimSpace(t))
	return t == "" || t == "module" || t == "text/javascript" || t == "application/javascript" || t == "text/ecmascript" || t == "application/ecmascript"
}

// otherOrigin is the origin of an absolute http(s) address or one that
// starts with "//" (another site's), "" for anything else, and the same
// origin as a message shows it (content.ShownOrigin).
func otherOrigin(v string) (origin, shown string) {
	v = strings.TrimSpace(v)
	low := strings.ToLower(v)
	if !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") && !strings.HasPrefix(v, "//") {
		return "", ""
	}
	u, err := url.Parse(v)
	if err != nil || strings.Trim(u.Host, "x") == "" { // none, or written by an action
		return "", ""
	}
	return content.Origin(u.Scheme, u.Host), content.ShownOrigin(u.Scheme, u.Host)
}

// fileName is the last part of an address's path when it ends in ext,
// else NAME and ext: a name for the downloaded copy.
func fileName(v, ext string) string {
	u, err := url.Parse(strings.TrimSpace(v))
	if err == nil && path.Ext(u.Path) == ext {
		return path.Base(u.Path)
	}
	return "NAME" + ext
}

// blankActions is src with every template action ({{...}}, comments
// included) turned into "x" (newlines kept), so that the HTML around
// actions can be read with offsets, lines and columns true: a value
// written by an action reads as a relative address, never as another
// site's.
func blankActions(src string) string {
	b := []byte(src)
	for i := 0; i+1 < len(b); i++ {
		if b[i] != '{' || b[i+1] != '{' {
			continue
		}
		j := i + 2
		for j < len(b) {
			switch {
			case b[j] == '"':
				j++
				for j < len(b) && b[j] != '"' && b[j] != '\n' {
					if b[j] == '\\' {
						j++
					}
					j++
				}
				j++
			case b[j] == '`':
				k := strings.IndexByte(src[j+1:], '`')
				if k < 0 {
					j = len(b)
				} else {
					j += k + 2
				}
			case b[j] == '/' && j+1 < len(b) && b[j+1] == '*':
				k := strings.Index(src[j+2:], "*/")
				if k < 0 {
					j = len(b)
				} else {
					j += k + 4
				}
			case b[j] == '}' && j+1 < len(b) && b[j+1] == '}':
				j += 2
				goto done
			default:
				j++
			}
		}
	done:
		j = min(j, len(b))
		for k := i; k < j; k++ {
			if b[k] != '\n' {
				b[k] = 'x'
			}
		}
		i = j - 1
	}
	return string(b)
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func isLetterString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return s != ""
}
