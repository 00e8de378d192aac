package hugo

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/shortcode"
	"mutual/themes"
)

// Where each shortcode a page calls comes from.
const (
	BuiltIn = "built in" // mutual's default theme defines it
	Copied  = "copied"   // the Hugo site's own template, copied into the theme
	Unknown = "unknown"  // nobody defines it: the build fails at each call
)

// Shortcode is one shortcode the pages call.
type Shortcode struct {
	Name   string
	Source string // BuiltIn, Copied or Unknown
	Calls  int
	// First is the first call, "content/a.md:12:1" in the new site.
	First string
	// Hint says where an unknown shortcode might come from: the Hugo
	// theme's template, or what Hugo's own shortcode of that name did.
	// Typo is the known name it is closest to, for a name that is neither.
	Hint, Typo string
}

// hugoOwn says what Hugo's embedded shortcodes that mutual does not have
// do, and what to do instead.
var hugoOwn = map[string]string{
	"youtube":   "Hugo's youtube shortcode embeds a player from another site, which a mutual page never loads: replace the call with a link to the video",
	"vimeo":     "Hugo's vimeo shortcode embeds a player from another site, which a mutual page never loads: replace the call with a link to the video",
	"gist":      "Hugo's gist shortcode loads a script from GitHub, which a mutual page never loads: copy the code into a fenced block",
	"instagram": "Hugo's instagram shortcode embeds a post from another site, which a mutual page never loads: replace the call with a link",
	"x":         "Hugo's x shortcode embeds a post from another site, which a mutual page never loads: replace the call with a link",
	"twitter":   "Hugo's twitter shortcode embeds a post from another site, which a mutual page never loads: replace the call with a link",
	"tweet":     "Hugo's tweet shortcode embeds a post from another site, which a mutual page never loads: replace the call with a link",
	"qr":        "Hugo's qr shortcode draws a QR code; mutual has none: make the image and link to it",
	"comment":   "Hugo's comment shortcode hides its content: an empty template comment.html does the same",
}

// builtInNames are the shortcodes of mutual's default theme.
func builtInNames() (map[string]bool, error) {
	files, err := shortcode.Files(themes.Default(), "layouts/shortcodes", "themes/default/layouts/shortcodes")
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, f := range files {
		names[f.Name] = true
	}
	return names, nil
}

// shortcodeFolders are where a Hugo site (or theme) keeps its shortcode
// templates: layouts/_shortcodes/ since Hugo 0.146, layouts/shortcodes/
// before.
var shortcodeFolders = []string{"layouts/_shortcodes", "layouts/shortcodes"}

// templateName maps a Hugo shortcode template's path below its folder to
// its name in mutual: NAME.html, or NAME.html.html (the html output format
// named). Templates for other output formats or for one language are not
// a mutual shortcode's ("", false).
func templateName(sub string) (string, bool) {
	dir, base := path.Split(sub)
	if !strings.HasSuffix(base, ".html") {
		return "", false
	}
	name := strings.TrimSuffix(base, ".html")
	name = strings.TrimSuffix(name, ".html")
	if !callable(dir + name) {
		return "", false
	}
	return dir + name, true
}

// callable reports that a page can call a template of this name: a name
// starts with a letter or digit and goes on with letters, digits, '-', '_'
// and '/' (the shortcode package's rule); "name.amp" or "name.en" is a
// template for one output format or language.
func callable(name string) bool {
	for i, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
		case i > 0 && (r == '-' || r == '_' || r == '/'):
		default:
			return false
		}
	}
	return name != "" && !strings.HasSuffix(name, "/") && !strings.Contains(name, "//")
}

// scanShortcodes finds the calls of every Markdown page the import copies
// (pages, relative to the new site) with the shortcode parser, and sorts
// each name by where its template comes from. Pages that cannot be read
// whole or parsed are skipped: the check reports them.
func scanShortcodes(pages []fileCopy, builtIn, copied map[string]bool, hugoTheme func(name string) string) (uses []Shortcode, pagesWith int) {
	byName := map[string]*Shortcode{}
	var known []string
	for _, m := range []map[string]bool{builtIn, copied} {
		for name := range m {
			known = append(known, name)
		}
	}
	slices.Sort(known)
	for _, pg := range pages {
		src, err := readLimited(pg.from, content.MaxPageSize)
		if err != nil {
			continue
		}
		start := frontMatterEnd(src)
		body := src[start:]
		doc, _ := shortcode.Parse(body, shortcode.Options{Path: pg.to, LineOffset: bytes.Count(src[:start], []byte("\n"))})
		calls := doc.Calls()
		if len(calls) > 0 {
			pagesWith++
		}
		for _, c := range calls {
			u := byName[c.Name]
			if u == nil {
				u = &Shortcode{Name: c.Name}
				// At the name, where the build's errors point.
				at := c.OpenStart
				if i := bytes.Index(body[c.OpenStart:c.OpenEnd], []byte(c.Name)); i >= 0 {
					at += i
				}
				line, col := doc.Pos(at)
				u.First = (&diag.Error{Path: pg.to, Line: line, Col: col}).Error()
				u.First = strings.TrimSuffix(u.First, ": ") // the position alone, file name escaped as diag does
				switch {
				case copied[c.Name]:
					u.Source = Copied
				case builtIn[c.Name]:
					u.Source = BuiltIn
				default:
					u.Source = Unknown
					if f := hugoTheme(c.Name); f != "" {
						u.Hint = "the Hugo theme's template is " + f + ": copy it into themes/" + themeName + "/layouts/shortcodes/ if it uses only what mutual's shortcodes offer"
					} else if h, ok := hugoOwn[c.Name]; ok {
						u.Hint = h
					} else {
						u.Typo = diag.Suggest(c.Name, known)
					}
				}
				byName[c.Name] = u
			}
			u.Calls++
		}
	}
	for _, u := range byName {
		uses = append(uses, *u)
	}
	slices.SortFunc(uses, func(a, b Shortcode) int { return strings.Compare(a.Name, b.Name) })
	return uses, pagesWith
}

// hugoThemeTemplate returns a function that finds the template of a
// shortcode in the Hugo themes the site names (under themes/), as a path
// relative to the Hugo site, or "".
func hugoThemeTemplate(src string, themeNames []string) func(string) string {
	return func(name string) string {
		for _, t := range themeNames {
			if t == "" || strings.ContainsAny(t, `/\`) || t == ".." {
				continue
			}
			for _, dir := range shortcodeFolders {
				for _, suffix := range []string{".html", ".html.html"} {
					rel := path.Join("themes", t, dir, name+suffix)
					if st, err := os.Lstat(filepath.Join(src, filepath.FromSlash(rel))); err == nil && !st.IsDir() {
						return rel
					}
				}
			}
		}
		return ""
	}
}

// frontMatterEnd is the byte offset where a page's Markdown starts, after
// its front matter in any of Hugo's forms: YAML between "---" lines, TOML
// between "+++" lines, or a JSON object at the very start (Hugo's rules).
// A page without front matter, or with front matter that is not closed,
// starts at 0 (a UTF-8 byte order mark aside): the check reports the
// latter.
func frontMatterEnd(src []byte) int {
	start := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	rest := src[start:]
	if len(rest) > 0 && rest[0] == '{' {
		dec := json.NewDecoder(bytes.NewReader(rest))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return start
		}
		end := start + int(dec.InputOffset())
		if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
			return end + i + 1
		}
		return len(src)
	}
	line, next := firstLine(rest)
	delim := strings.TrimRight(line, " \t\r")
	if delim != "---" && delim != "+++" {
		return start
	}
	off := start + next
	for off < len(src) {
		l, n := firstLine(src[off:])
		off += n
		if strings.TrimRight(l, " \t\r") == delim {
			return off
		}
	}
	return start
}

// firstLine is the first line of b without its newline, and the offset
// after the newline.
func firstLine(b []byte) (string, int) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return string(b[:i]), i + 1
	}
	return string(b), len(b)
}
