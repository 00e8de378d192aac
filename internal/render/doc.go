// Package render makes the bytes of a build's outputs from the model: a
// page's Markdown body (Body, kept between builds in Bodies), a
// worksheet's view (Worksheet), the ready-made HTML pages carry (MetaTags,
// TableOfContents, TOCNav, Pager, TimeTag, StyleLinks, HeadLinks: each
// what the default theme's template for it wrote, byte for byte, escaped as
// html/template escapes the same values in the same places; the words
// they show come escaped by html/template itself, NewPagerTexts and
// NewTOCTexts), and the files mutual writes itself: redirects for
// aliases (Redirect), the sitemap, the Atom feed of the guides and
// robots.txt. Package site assembles each page's data from these and runs
// its layout (package theme).
//
// Bodies are rendered by package markdown, with links resolved by
// content.Resolver and errors positioned at the file's own lines (front
// matter included). A page whose Markdown holds "{{<" or "{{%" has its
// Hugo shortcodes run first (Shortcodes: the theme chain's
// layouts/shortcodes/ with package shortcode, and the functions ref,
// relref, resolveLink, resolveImage, highlight and markdownify); other
// pages take the plain path and pay nothing for it. Everything here is deterministic: the same model gives
// the same bytes.
//
// The pages mutual writes itself carry the same Content-Security-Policy as
// the default theme's pages (CSP): scripts and styles only from the site's
// own files, none inline.
package render
