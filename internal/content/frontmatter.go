package content

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"time"

	"mutual/internal/diag"
	"mutual/internal/yamldoc"
)

// FrontMatter is the block of keys at the top of a Markdown page: YAML
// between "---" lines, TOML between "+++" lines, or a JSON object, as in
// Hugo. Keys follow Hugo's names (in any case: linkTitle and linktitle are
// one key), so Hugo content moves over without edits; keys mutual does not
// know are the page's Params.
type FrontMatter struct {
	Title       string
	Description string
	Date        time.Time
	Lastmod     time.Time
	// PublishDate and ExpiryDate leave the page out of a build before the
	// one and from the other on (unless built with --future or --expired).
	PublishDate time.Time
	ExpiryDate  time.Time
	Draft       bool
	Weight      int
	Tags        []string
	Aliases     []string
	Slug        string
	// URL is the page's exact address (url:), as written.
	URL string
	// Layout and Type choose the page's layout (see theme.Templates).
	Layout, Type string
	// Summary is the summary: key, Markdown.
	Summary string
	// LinkTitle is the shorter title menus, breadcrumbs and lists show.
	LinkTitle string
	// Menu is the page's entry in the site menu ("main"), when it has one.
	Menu *PageMenu
	// Headless pages are not published; their bundle's files are.
	Headless bool
	// Paginate, in a section's _index.md, is how many entries the
	// section's page lists before its list goes on at page/2/ (see
	// Config.Paginate); PaginateSet says it is written (paginate: 0 lists
	// the section whole when site.yaml sets one).
	Paginate    int
	PaginateSet bool
	// TranslationKey pairs a page with its translations at other paths,
	// as in Hugo (see Model's languages).
	TranslationKey string
	// Params are the keys mutual does not know and those under params:,
	// keys in lower case, values by yamldoc.Value's rule.
	Params map[string]any
	// Format is how the front matter is written: "yaml", "toml", "json",
	// or "" for a page without front matter.
	Format string
	// Lines is the number of lines the front matter takes, delimiters
	// included: the body's first line is Lines+1 in the file.
	Lines int

	aliasPos   []Pos // where each alias is written
	tagPos     []Pos // where each tag is written
	slugPos    Pos   // where the slug is written, when there is one
	urlPos     Pos   // where the url is written, when there is one
	summaryPos Pos   // where the summary's text begins
	keyPos     Pos   // where the translationKey is written
	layoutPos  Pos
	// PaginatePos is where paginate: is written, when it is.
	PaginatePos Pos
}

// PageMenu is a page's entry in the site menu, from its menu: key.
type PageMenu struct {
	Name   string // "" for the page's link title
	Weight int
}

// Pos is a line and column in a file, from 1.
type Pos struct{ Line, Col int }

// frontMatterKeys are the keys mutual reads, in lower case: a key is
// matched whatever its case, as Hugo matches them.
var frontMatterKeys = []string{"title", "description", "date", "lastmod", "draft", "weight", "tags", "aliases", "slug",
	"url", "layout", "type", "summary", "linktitle", "menu", "menus", "publishdate", "expirydate", "headless", "params", "translationkey", "paginate"}

// keyNames are the keys as the README writes them, for hints.
var keyNames = map[string]string{"linktitle": "linkTitle", "publishdate": "publishDate", "expirydate": "expiryDate", "translationkey": "translationKey"}

// menuEntryKeys are the keys of a page's menu entry; mutual's menu is flat,
// so Hugo's identifier, parent, pre, post, title and params do nothing.
var menuEntryKeys = []string{"name", "weight", "identifier", "parent", "pre", "post", "title", "params"}

// mainMenu is the Hugo menu mutual shows: entries in other menus are read
// and left out.
const mainMenu = "main"

// ParseFrontMatter splits a Markdown file into its front matter and body.
// The front matter is YAML between "---" lines, TOML between "+++" lines
// or a JSON object opening the file; a file that starts otherwise has none
// (its title then comes from its first heading or its name, see
// PageTitle). All three are read into one yamldoc tree and decoded by the
// same rules.
func ParseFrontMatter(path string, src []byte) (FrontMatter, []byte, diag.List) {
	var fm FrontMatter
	var errs diag.List
	src = diag.TrimBOM(src)
	if diag.UTF16(src) {
		// Notepad's "Unicode": every other byte 0, no line of it readable.
		errs.Add(path, 1, 1, "%s", diag.SavedAsUTF16)
		return fm, src[len(src):], errs
	}
	// Blank lines above the front matter are skipped, as Hugo skips them:
	// it begins on the first line that is not blank, and lead lines down.
	lead := 0
	if t := bytes.TrimLeft(src, " \t\r\n"); len(t) < len(src) {
		line, _, _ := cutLine(t)
		d := string(bytes.TrimRight(line, " \t\r"))
		skipped := src[:len(src)-len(t)]
		if i := bytes.LastIndexByte(skipped, '\n'); i >= 0 && i == len(skipped)-1 &&
			(d == "---" || d == "+++" || bytes.HasPrefix(t, []byte("{")) && !bytes.HasPrefix(t, []byte("{{"))) {
			lead = bytes.Count(skipped, []byte("\n"))
			src = src[i+1:]
		}
	}
	first, rest, _ := cutLine(src)
	delim := string(bytes.TrimRight(first, " \t\r"))
	var root *yamldoc.Node
	var body []byte
	switch {
	case delim == "---" || delim == "+++":
		fm.Format = "yaml"
		if delim == "+++" {
			fm.Format = "toml"
		}
		var text []byte
		lines := 1
		closed := false
		body = rest
		for len(body) > 0 {
			line, next, _ := cutLine(body)
			lines++
			t := string(bytes.TrimRight(line, " \t\r"))
			if t == delim || delim == "---" && t == "..." {
				text = rest[:len(rest)-len(body)]
				body = next
				closed = true
				break
			}
			body = next
		}
		if !closed {
			// The opening delimiter is the file's first line: the error is
			// at 1:1, where it is.
			errs.Add(path, 1+lead, 1, "front matter is not closed: add a %s line after it", delim)
			return fm, nil, errs
		}
		fm.Lines = lead + lines
		var perrs diag.List
		if delim == "+++" {
			root, perrs = yamldoc.ParseTOML(text, yamldoc.Options{Path: path, LineOffset: 1 + lead, MaxBytes: MaxPageSize})
		} else {
			root, perrs = yamldoc.Parse(text, yamldoc.Options{Path: path, LineOffset: 1 + lead, MaxBytes: MaxPageSize})
		}
		errs = append(errs, perrs...)
	case bytes.HasPrefix(src, []byte("{")) && !bytes.HasPrefix(src, []byte("{{")):
		// "{{" opens a shortcode (a page without front matter), never JSON.
		fm.Format = "json"
		var end int
		var perrs diag.List
		root, end, perrs = yamldoc.ParseJSON(src, yamldoc.Options{Path: path, LineOffset: lead, MaxBytes: MaxPageSize})
		errs = append(errs, perrs...)
		if end < 0 {
			return fm, nil, errs
		}
		// The body starts on the line after the object's "}".
		line, after, hasNext := cutLine(src[end:])
		if len(bytes.TrimSpace(line)) > 0 {
			errs.Add(path, 1+lead+bytes.Count(src[:end], []byte("\n")), 1+len([]rune(string(src[bytes.LastIndexByte(src[:end], '\n')+1:end]))),
				"the JSON front matter ends with its \"}\": start the page's text on the next line")
		}
		fm.Lines = 1 + lead + bytes.Count(src[:end], []byte("\n"))
		body = after
		if !hasNext {
			body = nil
		}
	default:
		// Front matter opened by a line of four or more dashes (or plus
		// signs) would show on the page as text.
		if t := bytes.TrimSpace(first); len(t) > 3 && (len(bytes.Trim(t, "-")) == 0 || len(bytes.Trim(t, "+")) == 0) {
			if next, _, _ := cutLine(rest); keyLine.Match(next) {
				errs.Add(path, 1, 1, "front matter goes between lines of exactly %s, not %s: write %s here and on the line that ends it", t[:3], t, t[:3])
			}
		}
		return fm, src, errs
	}
	if root == nil {
		return fm, body, errs
	}
	d := yamldoc.Decoder{Path: path, Errs: &errs}
	decodeFrontMatter(&d, root, &fm)
	return fm, body, errs
}

// keyLine is a line of front matter: a key, then ":" or "=".
var keyLine = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_.-]*\s*[:=]`)

// decodeFrontMatter reads the keys of root into fm.
func decodeFrontMatter(d *yamldoc.Decoder, root *yamldoc.Node, fm *FrontMatter) {
	seen := map[string]yamldoc.Field{}
	for _, f := range d.Pairs(root, "front matter") {
		key := strings.ToLower(f.Key.Value)
		if !slices.Contains(frontMatterKeys, key) {
			if s := typo(key); s != "" {
				d.Errorf(f.Key, "unknown key %q in front matter (did you mean %q?); a parameter of your own with this name goes under params:", f.Key.Value, s)
				continue
			}
			if fm.Params == nil {
				fm.Params = map[string]any{}
			}
			fm.Params[key] = yamldoc.Value(f.Value, strings.ToLower)
			continue
		}
		if key == "menus" {
			key = "menu"
		}
		if first, ok := seen[key]; ok {
			d.Errorf(f.Key, "duplicate key %q (first at line %d, as %q)", f.Key.Value, first.Key.Line, first.Key.Value)
			continue
		}
		seen[key] = f
		switch key {
		case "title":
			fm.Title, _ = d.Text(f)
		case "description":
			fm.Description, _ = d.Text(f)
		case "linktitle":
			fm.LinkTitle, _ = d.Text(f)
		case "date":
			fm.Date, _ = d.Date(f)
		case "lastmod":
			fm.Lastmod, _ = d.Date(f)
		case "publishdate":
			fm.PublishDate, _ = d.Date(f)
		case "expirydate":
			fm.ExpiryDate, _ = d.Date(f)
		case "draft":
			fm.Draft, _ = d.Bool(f)
		case "headless":
			fm.Headless, _ = d.Bool(f)
		case "weight":
			fm.Weight, _ = d.Int(f)
		case "paginate":
			fm.Paginate, fm.PaginateSet = paginate(d, f), true
			fm.PaginatePos = Pos{f.Value.Line, f.Value.Col}
		case "tags":
			var nodes []*yamldoc.Node
			fm.Tags, nodes = d.TextNodes(f)
			fm.tagPos = make([]Pos, len(nodes))
			for i, n := range nodes {
				fm.tagPos[i] = Pos{n.Line, n.Col}
			}
		case "aliases":
			for _, item := range d.List(f) {
				if a, ok := d.Text(f.Entry(item)); ok {
					fm.Aliases = append(fm.Aliases, a)
					fm.aliasPos = append(fm.aliasPos, Pos{item.Line, item.Col})
				}
			}
		case "slug":
			if s, ok := d.Text(f); ok {
				fm.Slug, fm.slugPos = s, Pos{f.Value.Line, f.Value.Col}
				if !ValidSlug(s) {
					d.Errorf(f.Value, "slug %q may only hold letters, digits, '-' and '_'", s)
				}
			}
		case "url":
			if s, ok := d.Text(f); ok {
				fm.URL, fm.urlPos = s, Pos{f.Value.Line, f.Value.Col}
			}
		case "translationkey":
			if s, ok := d.Text(f); ok {
				fm.TranslationKey, fm.keyPos = s, Pos{f.Value.Line, f.Value.Col}
			}
		case "layout", "type":
			if s, ok := d.Text(f); ok {
				if !ValidSlug(s) {
					d.Errorf(f.Value, "%s %q may only hold letters, digits, '-' and '_': it names a layout file", f.Key.Value, s)
					continue
				}
				if key == "layout" {
					fm.Layout, fm.layoutPos = s, Pos{f.Value.Line, f.Value.Col}
				} else {
					fm.Type = s
				}
			}
		case "summary":
			if s, ok := d.Text(f); ok {
				fm.Summary = s
				line, col := f.Value.TextPos()
				fm.summaryPos = Pos{line, col}
			}
		case "menu":
			fm.Menu = pageMenu(d, f)
		case "params":
			for k, v := range params(d, f.Value) {
				if fm.Params == nil {
					fm.Params = map[string]any{}
				}
				fm.Params[k] = v
			}
		}
	}
	for _, k := range []string{"title", "description", "linktitle"} {
		if f, ok := seen[k]; ok && f.Value.Kind == yamldoc.Scalar && HasShortcode(f.Value.Value) {
			d.Errorf(f.Value, "%s holds a shortcode, which front matter does not run: write the text itself", f.Key.Value)
		}
	}
}

// typo returns the known key that key is most likely a misspelling of,
// or "": one edit away for keys shorter than 8 characters, two for longer
// ones. A key of the writer's own that happens to be that close (height,
// next to weight) goes under params:, which is never checked.
func typo(key string) string {
	limit := 1
	if len(key) >= 8 {
		limit = 2
	}
	for _, k := range frontMatterKeys {
		if k == "menus" {
			continue
		}
		if diag.Distance(key, k) <= limit {
			if name, ok := keyNames[k]; ok {
				return name
			}
			return k
		}
	}
	return ""
}

// pageMenu reads a page's menu: key in Hugo's forms: a menu's name
// (menu: main), a list of names, or menus by name, each with its entry
// (menu: {main: {weight: 10, name: Help}}). Only the main menu is shown.
func pageMenu(d *yamldoc.Decoder, f yamldoc.Field) *PageMenu {
	var out *PageMenu
	switch f.Value.Kind {
	case yamldoc.Scalar, yamldoc.List:
		names, items := d.Texts(f), d.List(f)
		for i, name := range names {
			if name == mainMenu {
				out = &PageMenu{}
			} else if len(names) == len(items) {
				nearMain(d, items[i], name)
			}
		}
	case yamldoc.Map:
		for _, m := range d.Pairs(f.Value, "menu") {
			entry := &PageMenu{}
			for _, g := range d.Map(m.Value, "menu entry", menuEntryKeys, nil) {
				switch g.Key.Value {
				case "name":
					entry.Name, _ = d.Text(g)
				case "weight":
					entry.Weight, _ = d.Int(g)
				}
			}
			if m.Key.Value == mainMenu {
				out = entry
			} else {
				nearMain(d, m.Key, m.Key.Value)
			}
		}
	case yamldoc.Null, yamldoc.Refused:
	}
	return out
}

// nearMain reports a menu name that is a misspelling of main: a page put
// in a menu no page shows would be missing from the header in silence.
// Other names (a Hugo site's footer menu) are left alone.
func nearMain(d *yamldoc.Decoder, n *yamldoc.Node, name string) {
	if diag.Suggest(name, []string{mainMenu}) != "" {
		d.Errorf(n, "unknown menu %q (did you mean %q?): mutual shows only the main menu", name, mainMenu)
	}
}

// HasShortcode reports whether s holds the start of a Hugo shortcode,
// "{{<" or "{{%": text mutual runs in pages' Markdown only.
func HasShortcode(s string) bool {
	return strings.Contains(s, "{{<") || strings.Contains(s, "{{%")
}

func cutLine(b []byte) (line, rest []byte, ok bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, false
}

// ValidSlug reports whether s may be a slug or a theme name: letters,
// digits, "-" and "_", at least one.
func ValidSlug(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
