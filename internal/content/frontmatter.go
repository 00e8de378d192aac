package content

import (
	"bytes"
	"time"

	"mutual/internal/diag"
	"mutual/internal/yamldoc"
)

// FrontMatter is the YAML block at the top of a Markdown page. Keys follow
// Hugo's names so Hugo content moves over without edits.
type FrontMatter struct {
	Title       string
	Description string
	Date        time.Time
	Lastmod     time.Time
	Draft       bool
	Weight      int
	Tags        []string
	Aliases     []string
	Slug        string
	// Lines is the number of lines the front matter takes, delimiters
	// included: the body's first line is Lines+1 in the file.
	Lines int

	aliasPos []Pos // where each alias is written
	slugPos  Pos   // where the slug is written, when there is one
}

// Pos is a line and column in a file, from 1.
type Pos struct{ Line, Col int }

var frontMatterKeys = []string{"title", "description", "date", "lastmod", "draft", "weight", "tags", "aliases", "slug"}

// hugoKeys are Hugo front matter keys mutual accepts and ignores, so that
// Hugo content builds unchanged.
var hugoKeys = []string{"author", "authors", "categories", "keywords", "images", "summary", "toc",
	"type", "layout", "params", "series", "linkTitle", "publishDate", "expiryDate", "url", "menu",
	"showToc", "cascade", "build", "outputs", "resources", "markup", "headless", "isCJKLanguage"}

// ParseFrontMatter splits a Markdown file into its front matter and body.
// A file without front matter is an error: every page needs a title. The
// front matter is read by yamldoc, the one YAML reader, with its type
// rules.
func ParseFrontMatter(path string, src []byte) (FrontMatter, []byte, diag.List) {
	var fm FrontMatter
	var errs diag.List
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		src = src[3:]
	}
	// The opening delimiter is the file's first line: errors about it are
	// at 1:1, where it is or should be.
	if bytes.HasPrefix(src, []byte("+++")) {
		errs.Add(path, 1, 1, "TOML front matter is not supported: write YAML between --- lines")
		return fm, nil, errs
	}
	first, rest, _ := cutLine(src)
	if string(bytes.TrimRight(first, " \t\r")) != "---" {
		errs.Add(path, 1, 1, "missing front matter: start the file with a --- line, a title: line and another --- line")
		return fm, src, errs
	}
	var yamlSrc []byte
	body := rest
	lines := 1
	closed := false
	for len(body) > 0 {
		line, next, _ := cutLine(body)
		lines++
		if t := string(bytes.TrimRight(line, " \t\r")); t == "---" || t == "..." {
			yamlSrc = rest[:len(rest)-len(body)]
			body = next
			closed = true
			break
		}
		body = next
	}
	if !closed {
		errs.Add(path, 1, 1, "front matter is not closed: add a --- line after it")
		return fm, nil, errs
	}
	fm.Lines = lines
	root, perrs := yamldoc.Parse(yamlSrc, yamldoc.Options{Path: path, LineOffset: 1, MaxBytes: MaxPageSize})
	errs = append(errs, perrs...)
	if root == nil {
		if len(errs) == 0 {
			errs.Add(path, lines, 1, "front matter is empty: a page needs at least a title (add a line such as title: My page above this one)")
		}
		return fm, body, errs
	}
	d := yamldoc.Decoder{Path: path, Errs: &errs}
	for _, f := range d.Map(root, "front matter", frontMatterKeys, hugoKeys) {
		switch f.Key.Value {
		case "title":
			fm.Title, _ = d.Text(f)
		case "description":
			fm.Description, _ = d.Text(f)
		case "date":
			fm.Date, _ = d.Date(f)
		case "lastmod":
			fm.Lastmod, _ = d.Date(f)
		case "draft":
			fm.Draft, _ = d.Bool(f)
		case "weight":
			fm.Weight, _ = d.Int(f)
		case "tags":
			fm.Tags = d.Texts(f)
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
		}
	}
	if root.Kind == yamldoc.Map && fm.Title == "" {
		if f, ok := d.Pairs(root, "front matter").Get("title"); ok {
			d.Errorf(f.Value, "the title is empty: write the page's title after title:")
		} else {
			d.Errorf(root, "missing title: add a line such as title: My page to the front matter")
		}
	}
	return fm, body, errs
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
