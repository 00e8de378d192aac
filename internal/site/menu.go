package site

import (
	"cmp"
	"slices"

	"mutual/internal/content"
)

// withPageMenus adds to the menu of site.yaml (items, with their weights)
// the pages whose front matter puts them in the main menu (menu: main),
// named by their entry's name or link title, and orders the whole menu by
// weight: weighted entries first, lowest first, then the others in the
// order written (site.yaml's, then the pages').
func withPageMenus(items []MenuItem, weights []int, res *content.Resolver) []MenuItem {
	if len(res.Model.Menu) == 0 {
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
	for _, mp := range res.Model.Menu {
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
