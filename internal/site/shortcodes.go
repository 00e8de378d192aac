package site

import (
	"crypto/sha256"
	"fmt"

	"mutual/internal/content"
	"mutual/internal/diag"
	"mutual/internal/render"
	"mutual/internal/theme"
)

// shortcodes are the build's shortcodes: the theme chain's templates
// (layouts/shortcodes/, a child theme's first) with the site's functions.
// Only pages with "{{<" or "{{%" in their Markdown run them.
//
// The parsed templates are kept between builds while their files and the
// theme's name stay the same (a rebuild need not parse them again).
func (b *Builder) shortcodes(chain theme.Chain, cfg *content.Config, res *content.Resolver) (*render.Shortcodes, *render.ShortcodeSite, diag.List) {
	files, errs := render.ShortcodeFiles(chain)
	site := &render.ShortcodeSite{Title: cfg.Title, BaseURL: cfg.BaseURL, Language: cfg.Language, Params: cfg.Params}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", cfg.Theme)
	for _, f := range files {
		fmt.Fprintf(h, "%s\x00%s\x00%d\x00%s", f.Name, f.Path, len(f.Text), f.Text)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	if len(errs) == 0 && b.sc != nil && b.scKey == key {
		b.sc.Reuse(b.md, res, cfg.Origin(), site, imageCheck(cfg))
		return b.sc, site, nil
	}
	sc, serrs := render.NewShortcodes(files, cfg.Theme, b.md, res, cfg.Origin(), site, imageCheck(cfg))
	errs = append(errs, serrs...)
	b.sc, b.scKey = nil, [sha256.Size]byte{}
	if len(errs) == 0 {
		b.sc, b.scKey = sc, key
	}
	return sc, site, errs
}

// shortcodePage is what the shortcodes of n's page see of it: .Page.
func (w *world) shortcodePage(n *content.Node) *render.ShortcodePage {
	p := render.NewShortcodePage(n.Src, w.scSite)
	p.Kind, p.Title, p.LinkTitle, p.Description = n.Kind, n.Title, n.LinkTitle, n.Description
	p.URL = w.basePath + n.Href
	p.RelPermalink, p.Permalink = p.URL, w.permalink(p.URL)
	p.Date, p.Lastmod = n.Date, n.Lastmod
	p.Params = n.Params
	if (n.Kind == "section" || n.Kind == "home") && n.Section != nil {
		for _, s := range n.Section.Subs {
			p.Sections = append(p.Sections, render.ShortcodeEntry{Title: s.Node.Linked(), URL: w.basePath + s.Node.Href, Permalink: w.permalink(w.basePath + s.Node.Href), Description: s.Node.Description})
		}
		for _, x := range n.Section.Pages {
			p.Pages = append(p.Pages, render.ShortcodeEntry{Title: x.Linked(), URL: w.basePath + x.Href, Permalink: w.permalink(w.basePath + x.Href), Description: x.Description})
		}
	}
	return p
}
