package site

import (
	"cmp"
	"slices"

	"mutual/internal/content"
)

// menuPages are the pages whose front matter puts them in the main menu
// (menu: main) of language l: the default language's own. Another
// language's are its own pages' (translations and pages only it has);
// when it shows the site's menu (shared: no menu of its own in site.yaml)
// also the default language's page entries, each as its version in l
// (its translation, titled by its own link title, or the original shown
// untranslated), unless that version has an entry of its own.
func menuPages(m *content.Model, l *language, shared bool) []content.MenuPage {
	t := m.Trees[l.index]
	if l.index == 0 || !shared {
		return t.Menu
	}
	own := map[*content.Node]bool{}
	for _, mp := range t.Menu {
		own[mp.Node] = true
	}
	var out []content.MenuPage
	for _, mp := range m.Trees[0].Menu {
		x := m.Versions(mp.Node)[l.index]
		if x == nil || own[x] {
			continue
		}
		e := mp
		e.Node = x
		if !x.Fallback {
			e.Name = "" // the translation's link title, not the original's entry name
		}
		out = append(out, e)
	}
	return append(out, t.Menu...)
}

// withPageMenus adds to the menu of site.yaml (items, with their weights)
// the pages whose front matter puts them in the main menu (pages, see
// menuPages), named by their entry's name or link title, and orders the
// whole menu by weight: weighted entries first, lowest first, then the
// others in the order written (site.yaml's, then the pages').
func withPageMenus(items []MenuItem, weights []int, pages []content.MenuPage, res *content.Resolver) []MenuItem {
	if len(pages) == 0 {
		return items
	}
	type entry struct {
		item   MenuItem
		weight int
	}
	var all []entry
	for i, it := range items {
		all = append(all, entry{it, weights[i]})
	}
	for _, mp := range pages {
		name := mp.Name
		if name == "" {
			name = mp.Node.Linked()
		}
		all = append(all, entry{MenuItem{Name: name, URL: res.BasePath + mp.Node.Href}, mp.Weight})
	}
	slices.SortStableFunc(all, func(a, b entry) int {
		if (a.weight == 0) != (b.weight == 0) {
			if a.weight != 0 {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.weight, b.weight)
	})
	out := make([]MenuItem, len(all))
	for i, e := range all {
		out[i] = e.item
	}
	return out
}
