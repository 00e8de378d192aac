package site

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"path"
	"strconv"
	"time"

	"mutual/internal/content"
	"mutual/internal/theme"
)

// The memo layer: what each output of a build depends on, in one place.
// A rebuild keeps an output when the key of what it depends on is the one
// the previous build wrote it with, and renders it again otherwise:
//
//	output                     depends on
//	a page                     the site (below), its source's bytes, its own card, and the
//	                           cards of the pages it shows (pageData records them)
//	a worksheet page           the same, and every page's card (its "see" links show other
//	                           pages' titles)
//	a page's Markdown body     its bytes and what links resolve against: every source's path
//	                           and kind, every page's URL, the pages left out, the base path,
//	                           trustHTML and the output paths of the theme's files; with
//	                           shortcodes, also every page's card and the site (templates,
//	                           site.yaml)
//	sitemap, feed, robots.txt, every page's card and the site
//	redirects
//	an asset                   its bytes (a fingerprinted name carries their hash)
//	a content file             its size and time
//
// The site is everything every page may show: mutual's version, the
// options (drafts, scripts), site.yaml's bytes, every layout's bytes, every
// asset's name and output path, what bodies depend on, the newest date
// of the content ("year", the feed), and the pages in the menu.
//
// A page's card is everything another output may show of it, and the one
// list of page fields the memo knows (card): a page that gains a field
// other pages show adds it there, and nowhere else. When no card and
// nothing of the site changed, only pages whose own file changed can have
// new output, and the others are kept without assembling their data.
//
// Keys live only in memory, for the lifetime of one Builder, so a fast
// seeded hash is enough: they are compared, never stored or shown.
//
// A one-off build (Builder.caching: not Watch, the Builder's first build)
// computes no keys at all: nothing would ever compare them. Its memo is
// nil, whose methods give the empty key without hashing anything, and it
// leaves no manifest or memo behind, so that the Builder's next build, if
// any, is a full one. (keyer is the exception: on a nil memo it panics,
// so that a key made without asking whether there is a memo cannot go
// unnoticed; TestOneOffComputesNoKeys.)
type memo struct {
	seed  maphash.Seed
	site  string // what every page depends on
	body  string // what a Markdown body depends on besides its bytes
	cards string // the site and every page's card
	// fingerprints is the key of the fingerprinted output paths of the
	// theme's files (css/main.0123456789.css): a body that may link to
	// one depends on it too (bodyKey), as names records for each source.
	fingerprints string
	names        map[*content.Source]bool
	// css and other split the inputs into stylesheets and everything
	// else, for Stats.CSSOnly.
	css, other string
}

// memoInputs are the inputs of one build the memo reads.
type memoInputs struct {
	version   string
	config    []byte // site.yaml as read
	drafts    bool
	future    bool
	expired   bool
	scripts   []string
	cfg       *content.Config
	sources   []*content.Source
	model     *content.Model
	templates []byte // theme.Templates.Hash
	i18n      []byte // the interface translations read (theme.Chain.Translations)
	assets    theme.Assets
	latest    time.Time // content.Model.Newest
	// names is the previous build's memo.names, whose answers hold for
	// the sources this build reuses (nil for none).
	names map[*content.Source]bool
}

func newMemo(seed maphash.Seed, in memoInputs) *memo {
	m := &memo{seed: seed}
	body := m.keyer()
	body.str(in.cfg.BasePath())
	body.str(in.cfg.Origin()) // links carry their full address for print (data-url)
	body.bool(in.cfg.TrustHTML)
	for _, s := range in.sources {
		body.str(s.Rel)
		body.int(int64(s.Kind))
	}
	for _, rel := range sortedKeys(in.model.Unpublished) {
		body.str(rel + ":" + in.model.Unpublished[rel])
	}
	for _, n := range in.model.Nodes {
		body.str(n.URL)
	}
	// A link may name a file of the theme by its output path (an image
	// of its static/ folder): it resolves while the file is there. A
	// stylesheet's or script's output path carries a hash of its bytes,
	// which every edit of it changes: only the bodies that may name one
	// depend on them, so that a stylesheet edited renders no body again.
	fp := m.keyer()
	for _, name := range in.assets.Names() {
		if out := in.assets[name].Out; out != name {
			fp.str(out)
		} else {
			body.str(out)
		}
	}
	m.body = body.sum()
	m.fingerprints = fp.sum()
	m.names = make(map[*content.Source]bool, len(in.sources))
	for _, s := range in.sources {
		named, ok := in.names[s]
		if !ok {
			named = mayNameFingerprinted(s)
		}
		m.names[s] = named
	}

	site := m.keyer()
	site.str(in.version)
	site.bool(in.drafts)
	site.bool(in.future)
	site.bool(in.expired)
	site.int(int64(len(in.scripts)))
	for _, s := range in.scripts {
		site.str(s)
	}
	site.bytes(in.config)
	site.bytes(in.templates)
	site.bytes(in.i18n)
	for _, name := range in.assets.Names() {
		site.str(name)
		site.str(in.assets[name].Out)
	}
	site.str(m.body)
	site.time(in.latest)
	// The menu, on every page, holds the pages of front matter menus, in
	// every language.
	for _, t := range in.model.Trees {
		for _, mp := range t.Menu {
			site.str(mp.Name)
			site.int(int64(mp.Weight))
			site.str(mp.Node.URL)
			site.str(mp.Node.Linked())
			if t.Index == 0 && len(in.model.Trees) > 1 {
				// Languages that share the site's menu show its versions.
				for _, x := range in.model.Versions(mp.Node) {
					if x != nil {
						site.str(x.URL)
						site.str(x.Linked())
					}
				}
			}
		}
	}
	m.site = site.sum()

	cards := m.keyer()
	cards.str(m.site)
	for _, n := range in.model.Nodes {
		card(cards, n)
	}
	m.cards = cards.sum()

	css, other := m.keyer(), m.keyer()
	for _, name := range in.assets.Names() {
		k := other
		if path.Ext(name) == ".css" {
			k = css
		}
		k.str(name)
		k.str(in.assets[name].Out)
	}
	other.bytes(in.templates)
	other.bytes(in.i18n)
	for _, s := range in.sources {
		other.str(s.Rel)
		other.int(s.Size)
		other.time(s.Mod)
		other.int(int64(s.Sum))
	}
	other.bytes(in.config)
	other.bool(in.drafts)
	other.bool(in.future)
	other.bool(in.expired)
	for _, s := range in.scripts {
		other.str(s)
	}
	m.css, m.other = css.sum(), other.sum()
	return m
}

// card writes what other outputs may show of a page: its address, whether
// it is shown in a language without a translation of it (Node.Fallback),
// kind, title, link title, description, summary, dates, weight (its place
// in lists), minutes, tags
// (as named and linked on every page), aliases, a worksheet's see: links
// (the guides they lead to list it), how many pages its
// list has (a section's pages, a tag's pages), and where it is in a list
// cut into pages.
func card(k *keyer, n *content.Node) {
	k.str(n.URL)
	k.bool(n.Fallback)
	k.str(n.Kind)
	k.str(n.Title)
	k.str(n.LinkTitle)
	k.str(n.Description)
	k.str(n.Summary)
	k.time(n.Date)
	k.time(n.Lastmod)
	k.int(int64(n.Weight))
	k.int(int64(n.Minutes))
	k.int(int64(len(n.Tags)))
	for _, t := range n.Tags {
		k.str(t.Name)
		k.str(t.Slug)
	}
	k.int(int64(len(n.Aliases)))
	for _, a := range n.Aliases {
		k.str(a.URL)
	}
	if n.Kind == "worksheet" && n.Worksheet != nil {
		// The guides it sends readers to list it.
		links := seeLinks(n.Worksheet)
		k.int(int64(len(links)))
		for _, l := range links {
			k.str(l.Dest)
		}
	}
	k.int(int64(n.PageNum))
	k.int(int64(n.PageCount))
	k.int(int64(n.PageSize))
	switch {
	case n.Kind == "section" || n.Kind == "home":
		k.int(int64(len(n.Section.Pages)))
	case n.Kind == "tag":
		k.int(int64(len(n.Tag.Nodes)))
	}
}

// siteKey is the key of what every page depends on.
func (m *memo) siteKey() string {
	if m == nil {
		return ""
	}
	return m.site
}

// bodyKey is the key of the Markdown body of s.
func (m *memo) bodyKey(s *content.Source) string {
	if m == nil {
		return ""
	}
	k := m.keyer()
	k.int(int64(s.Sum))
	k.str(m.body)
	if named, ok := m.names[s]; named || !ok {
		k.str(m.fingerprints)
	}
	if s.Shortcodes {
		// Shortcodes run templates and show other pages and the site.
		k.str(m.cards)
	}
	return k.sum()
}

// mayNameFingerprinted reports whether the Markdown of s may hold a link
// to a fingerprinted output path (see theme.NewAsset): it names a .css,
// .js or .wasm file somewhere. A source whose Markdown was let go
// (content.Source.Unload) may. A source is read once: the answer holds
// while the next builds reuse it (memo.names).
func mayNameFingerprinted(s *content.Source) bool {
	if s.Dropped {
		return true
	}
	return bytes.Contains(s.Body, []byte(".css")) || bytes.Contains(s.Body, []byte(".js")) || bytes.Contains(s.Body, []byte(".wasm"))
}

// pageKey is the key of n's page, which shows the pages shown.
func (m *memo) pageKey(n *content.Node, shown []*content.Node) string {
	if m == nil {
		return ""
	}
	k := m.keyer()
	k.str(m.site)
	if n.Src != nil {
		k.int(int64(n.Src.Sum))
	}
	if n.Kind == "worksheet" || n.Src != nil && n.Src.Shortcodes {
		k.str(m.cards)
	}
	card(k, n)
	k.int(int64(len(shown)))
	for _, s := range shown {
		card(k, s)
	}
	return k.sum()
}

// bytesKey is the key of an output given as bytes: their hash.
func (m *memo) bytesKey(data []byte) string {
	if m == nil {
		return ""
	}
	k := m.keyer()
	k.bytes(data)
	return k.sum()
}

// fileKey is the key of a content file copied as it is.
func (m *memo) fileKey(s *content.Source) string {
	if m == nil {
		return ""
	}
	return "file:" + strconv.FormatInt(s.Size, 10) + ":" + strconv.FormatInt(s.Mod.UnixNano(), 10)
}

func (m *memo) keyer() *keyer {
	k := &keyer{}
	k.h.SetSeed(m.seed)
	return k
}

// keyer writes values into a key unambiguously: texts end with a NUL,
// byte strings are length-prefixed.
type keyer struct {
	h   maphash.Hash
	buf [8]byte
}

func (k *keyer) str(s string) {
	k.h.WriteString(s)
	k.h.WriteByte(0)
}

func (k *keyer) bytes(b []byte) {
	k.int(int64(len(b)))
	k.h.Write(b)
}

func (k *keyer) int(i int64) {
	binary.LittleEndian.PutUint64(k.buf[:], uint64(i))
	k.h.Write(k.buf[:])
}

func (k *keyer) bool(b bool) {
	if b {
		k.int(1)
	} else {
		k.int(0)
	}
}

func (k *keyer) time(t time.Time) {
	k.int(t.Unix())
	k.int(int64(t.Nanosecond()))
}

func (k *keyer) sum() string { return strconv.FormatUint(k.h.Sum64(), 36) }
