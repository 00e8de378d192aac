package render

import (
	"strings"
	"testing"

	"mutual/internal/content"
	"mutual/internal/markdown"
	"mutual/internal/theme"
)

// fuzzSite is a small site's model and the default theme's shortcodes,
// as a build makes them.
func fuzzSite(t testing.TB) (*markdown.Markdown, *content.Resolver, *Shortcodes) {
	srcs := []*content.Source{
		{Rel: "_index.md", Kind: content.IndexSource, FrontMatter: content.FrontMatter{Title: "Home"}},
		{Rel: "guides/listening.md", Kind: content.PageSource, FrontMatter: content.FrontMatter{Title: "Listening"}},
		{Rel: "guides/img.png", Kind: content.FileSource},
	}
	m, errs := content.NewModel(srcs, nil, content.ModelOptions{SiteTitle: "T", LowercaseURLs: true})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	chain, errs := theme.LoadChain(t.TempDir(), "default", "content/site.yaml", 1, 1)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	files, errs := ShortcodeFiles(chain)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	md := markdown.New(markdown.Options{})
	res := &content.Resolver{Model: m, BasePath: "/"}
	site := &ShortcodeSite{Title: "T", Params: map[string]any{"org": "Mutual"}}
	sc, errs := NewShortcodes(files, "default", md, res, "https://example.org", site, func(string) error { return nil })
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return md, res, sc
}

// FuzzBody renders any page as a build does, shortcodes and all: no
// panic, every error inside the file (after its front matter), and no
// placeholder of a call left in the HTML.
func FuzzBody(f *testing.F) {
	for _, s := range []string{
		"{{< hint warning >}}**Careful** with [listening](listening.md).{{< /hint >}}\n",
		"{{% notice tip %}}\n- a\n- b\n{{% /notice %}}\n\n## Title {#id .c}\n",
		"[a]({{< ref \"listening.md#x\" >}}) {{< param org >}} {{< figure src=\"img.png\" >}}\n",
		"{{< tabs \"t\" >}}{{< tab \"A\" >}}a{{< /tab >}}{{< /tabs >}}\n> [!NOTE]\n> n\n",
		"{{< details \"x\" >}}{{% expand \"y\" %}}z{{% /expand %}}{{< /details >}}",
		"{{</* hint */>}} {{< hnit >}} {{< hint",
	} {
		f.Add(s, 3)
	}
	md, res, sc := fuzzSite(f)
	f.Fuzz(func(t *testing.T, body string, lines int) {
		lines = max(0, lines%100)
		s := &content.Source{Rel: "guides/page.md", Kind: content.PageSource, Body: []byte(body),
			Shortcodes: content.HasShortcode(body)}
		s.FrontMatter.Lines = lines
		pg := NewShortcodePage(s, sc.site)
		b := NewBody(md, s, res, "k", BodyEnv{Shortcodes: sc, Page: pg})
		last := lines + strings.Count(body, "\n") + 1
		for _, e := range append(b.Errs, b.Warns...) {
			if e.Line != 0 && (e.Line <= lines || e.Line > last || e.Col < 1) {
				t.Errorf("error outside the page's text (lines %d to %d): %v", lines+1, last, e)
			}
		}
		if strings.Contains(string(b.HTML), "MUTUALSC") && !strings.Contains(body, "MUTUALSC") {
			t.Errorf("a placeholder is left in the HTML: %s", b.HTML)
		}
	})
}
