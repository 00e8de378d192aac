package site

import (
	"html/template"
	"os"
	"slices"
	"strings"
	"sync"

	"mutual/internal/render"
	"mutual/internal/theme"
)

// withoutHack reports whether MUTUAL_BENCH_WITHOUT, a comma-separated
// list of names that make bench sets, names the performance hack name:
// the build then runs without it, so that the bench can measure what it
// saves (package bench; a hack that saves less than 5% of the build's wall
// time goes). The natives below are the hack "natives".
func withoutHack(name string) bool {
	return slices.Contains(strings.Split(os.Getenv("MUTUAL_BENCH_WITHOUT"), ","), name)
}

// natives are the default theme's partials that run in Go where a site's
// theme chain has them as they are built in (theme.Native): the tag
// lists and list entries, each rendered once per distinct list or entry
// but thousands of times in a large site, a dozen template actions each.
// fb: with the T of a page the language shows untranslated, as the set
// the natives are for.
func (l *language) natives(fb bool) map[string]theme.Native {
	t := l.t
	if fb {
		t = l.tOnFallback
	}
	text := func(key string, args ...any) (string, bool) {
		v, err := t(key, args...)
		if err != nil {
			return "", false // the template says the error where it is
		}
		return render.InText(v), true
	}
	// T "tags" only once a list is rendered: a chain whose tags.html is
	// its own never asks for the key.
	label := sync.OnceValue(func() string { return render.InAttr(l.plainOr(t, "tags")) })
	return map[string]theme.Native{
		"partials/tags.html": func(ctx any, _ theme.Partials) (template.HTML, bool) {
			links, ok := ctx.([]Link)
			if !ok {
				return "", false
			}
			return render.TagList(len(links), func(i int) (string, string, string) {
				return links[i].Title, links[i].URL, links[i].Lang
			}, label()), true
		},
		"partials/entry.html": func(ctx any, p theme.Partials) (template.HTML, bool) {
			e, ok := ctx.(Entry)
			if !ok {
				return "", false
			}
			it := render.EntryItem{Kind: e.Kind, URL: e.URL, Title: e.Title, Lang: e.Lang, Description: e.Summary,
				Worksheet: e.Kind == "worksheet", TimeTag: e.TimeTag, HasTags: len(e.Tags) > 0}
			if it.Description == "" {
				it.Description = e.Description
			}
			if e.LangName != "" {
				if it.LangNote, ok = text("entry.fallback", "language", e.LangName); !ok {
					return "", false
				}
			}
			if it.Worksheet {
				if it.Badge, ok = text("entry.worksheet"); !ok {
					return "", false
				}
				if e.Minutes != 0 {
					if it.Minutes, ok = text("minutes", e.Minutes); !ok {
						return "", false
					}
				}
			}
			if it.Worksheet || it.TimeTag != "" || it.HasTags {
				tags, err := p.PartialCached("tags.html", e.Tags, e.Tags)
				if err != nil {
					return "", false
				}
				it.Tags = tags
			}
			return render.Entry(it), true
		},
	}
}

// plainOr is T's text for key without arguments, or the key itself when
// T fails (it does not, without arguments).
func (l *language) plainOr(t func(string, ...any) (any, error), key string) any {
	if v, err := t(key); err == nil {
		return v
	}
	return key
}
