package content

import (
	"bytes"
	"time"

	"gopkg.in/yaml.v3"

	"mutual/internal/diag"
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

	aliasPos [][2]int // file line and column of each alias
}

var frontMatterKeys = []string{"title", "description", "date", "lastmod", "draft", "weight", "tags", "aliases", "slug"}

// hugoKeys are Hugo front matter keys mutual accepts and ignores, so that
// Hugo content builds unchanged.
var hugoKeys = []string{"author", "authors", "categories", "keywords", "images", "summary", "toc",
	"type", "layout", "params", "series", "linkTitle", "publishDate", "expiryDate", "url", "menu",
	"showToc", "cascade", "build", "outputs", "resources", "markup", "headless", "isCJKLanguage"}

// ParseFrontMatter splits a Markdown file into its front matter and body.
// A file without front matter is an error: every page needs a title.
func ParseFrontMatter(path string, src []byte) (FrontMatter, []byte, diag.List) {
	var fm FrontMatter
	var errs diag.List
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		src = src[3:]
	}
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
	y := &yamlFile{path: path, lineOffset: 1, errs: &errs}
	root := y.parse(yamlSrc)
	if root == nil {
		if len(errs) == 0 {
			errs.Add(path, 1, 1, "front matter is empty: a page needs at least a title")
		}
		return fm, body, errs
	}
	y.fields(root, "front matter", frontMatterKeys, hugoKeys, func(key string, k, v *yaml.Node) {
		switch key {
		case "title":
			fm.Title = y.str(key, v)
		case "description":
			fm.Description = y.str(key, v)
		case "date":
			fm.Date = y.date(key, v)
		case "lastmod":
			fm.Lastmod = y.date(key, v)
		case "draft":
			fm.Draft = y.boolean(key, v)
		case "weight":
			fm.Weight = y.integer(key, v)
		case "tags":
			fm.Tags = y.strings(key, v)
		case "aliases":
			fm.Aliases = y.strings(key, v)
			if v.Kind == yaml.SequenceNode {
				for _, c := range v.Content {
					if c.Kind == yaml.ScalarNode {
						fm.aliasPos = append(fm.aliasPos, [2]int{c.Line + y.lineOffset, c.Column})
					}
				}
			} else if len(fm.Aliases) == 1 {
				fm.aliasPos = [][2]int{{v.Line + y.lineOffset, v.Column}}
			}
		case "slug":
			fm.Slug = y.str(key, v)
			if !ValidSlug(fm.Slug) {
				y.errorf(v, "slug %q may only hold letters, digits, '-' and '_'", fm.Slug)
			}
		}
	})
	if root.Kind == yaml.MappingNode && fm.Title == "" {
		errs.Add(path, 2, 1, "missing title: add a line such as title: My page to the front matter")
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
