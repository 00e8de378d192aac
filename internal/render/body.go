package render

import (
	"bytes"
	"html/template"
	"sync"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/markdown"
)

// Body is a page's Markdown rendered, with what the build learns from it.
// A Body is made once and then only read, so it may be kept between builds
// (Bodies) and shared by goroutines.
type Body struct {
	Key      string // the memo key it was rendered for
	HTML     template.HTML
	Headings []markdown.Heading
	IDs      map[string]bool   // the headings' ids
	Links    []content.LinkRef // its links to headings, for content.CheckAnchors
	Errs     diag.List
	Warns    diag.List // problems that do not fail the build
}

// BodyEnv is what a page's body may need besides its Markdown: the
// shortcodes (nil: none run) and the page they see, and the check of
// images' origins (nil: every one is accepted).
type BodyEnv struct {
	Shortcodes *Shortcodes
	Page       *ShortcodePage
	Image      func(dest string) error
}

// NewBody renders the Markdown of s, a page, resolving its links with res
// (read again from its file when the build unloaded it: Source.Markdown).
// A page with shortcodes ({{< >}}, {{% %}}) has them run first, with env.
func NewBody(md *markdown.Markdown, s *content.Source, res *content.Resolver, key string, env BodyEnv) *Body {
	b := &Body{Key: key}
	src, err := s.Markdown()
	if err != nil {
		b.Errs.Add(s.Path(), 0, 0, "%v", err)
		return b
	}
	if s.Shortcodes && env.Shortcodes != nil {
		env.Shortcodes.render(b, md, s, src, res, env.Page)
	} else {
		buf := getBuffer()
		defer putBuffer(buf)
		r, err := md.Render(buf, src, markdown.Context{
			Path:       s.Path(),
			LineOffset: s.FrontMatter.Lines,
			Resolve:    res.Func(s.Rel, s.Path(), &b.Links),
			Image:      env.Image,
			Origin:     res.Origin,
		})
		if err != nil {
			b.Errs.Add(s.Path(), 0, 0, "cannot render: %v", err)
		}
		b.Errs = append(b.Errs, r.Errors...)
		b.Warns = r.Warnings
		b.Headings = r.Headings
		b.HTML = template.HTML(buf.String())
	}
	b.IDs = make(map[string]bool, len(b.Headings))
	for _, h := range b.Headings {
		b.IDs[h.ID] = true
	}
	return b
}

// Bodies keep rendered bodies between builds, by content path, so that a
// rebuild renders again only the bodies whose key changed.
type Bodies struct {
	mu sync.RWMutex
	m  map[string]*Body
}

// Get returns the body of rel rendered for key, or nil.
func (c *Bodies) Get(rel, key string) *Body {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if b := c.m[rel]; b != nil && b.Key == key {
		return b
	}
	return nil
}

// Put keeps b as the body of rel.
func (c *Bodies) Put(rel string, b *Body) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]*Body{}
	}
	c.m[rel] = b
}

// Reset forgets every body.
func (c *Bodies) Reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m = nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// getBuffer is an empty buffer from a pool; putBuffer gives it back.
func getBuffer() *bytes.Buffer {
	b := bufPool.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

func putBuffer(b *bytes.Buffer) {
	if b.Cap() < 1<<20 {
		bufPool.Put(b)
	}
}

// Markdown renders a text of a file that is not a page (the site's help in
// site.yaml), at line:col of file (content-relative rel, site-relative
// path), its later lines indented by indent columns.
func Markdown(md *markdown.Markdown, src, rel, path string, line, col, indent int, res *content.Resolver) (template.HTML, []content.LinkRef, diag.List, diag.List) {
	buf := getBuffer()
	defer putBuffer(buf)
	var links []content.LinkRef
	r, err := md.Render(buf, []byte(src), markdown.Context{
		Path: path, LineOffset: line - 1, ColOffset: col - 1, Indent: indent,
		Resolve: res.Func(rel, path, &links),
		Origin:  res.Origin,
	})
	errs := r.Errors
	if err != nil {
		errs.Add(path, line, col, "cannot render: %v", err)
	}
	return template.HTML(buf.String()), links, errs, r.Warnings
}
