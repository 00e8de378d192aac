package theme

import (
	"bytes"
	"html/template"
	"slices"
	"strings"
	"text/template/parse"

	"mutual/internal/diag"
)

// extraLayout reports whether name (a file under layouts/) is a layout a
// page may choose by its type or layout, and its key: "docs/page.html" is
// "docs/page", "wide.html" is "wide". base.html, partials, shortcodes and
// the kinds' own layouts are not.
func extraLayout(name string) (string, bool) {
	if !strings.HasSuffix(name, ".html") || name == "base.html" ||
		strings.HasPrefix(name, "partials/") || strings.HasPrefix(name, "shortcodes/") || strings.HasPrefix(name, "_") {
		return "", false
	}
	key := strings.TrimSuffix(name, ".html")
	if slices.Contains(layoutKinds, key) {
		return "", false
	}
	return key, true
}

// ExecuteLayout renders data with the layout a page of kind chooses by its
// type (its front matter's type:, or else its section's top folder) and
// its layout: layouts/TYPE/LAYOUT.html, layouts/TYPE/KIND.html,
// layouts/LAYOUT.html, then the kind's own layouts/KIND.html, the first
// the theme chain has, as Hugo looks them up.
func (ts *Templates) ExecuteLayout(w *bytes.Buffer, kind, typ, layout string, data any) *diag.Error {
	if t, key := ts.layoutRoot(kind, typ, layout); t != nil && key != kind {
		return ts.execute(w, t, data)
	}
	return ts.Execute(w, kind, data)
}

// layoutRoot is the template set ExecuteLayout runs for a page of kind,
// typ and layout, and the key it has it under; nil when the chain has
// none.
func (ts *Templates) layoutRoot(kind, typ, layout string) (*template.Template, string) {
	if ts == nil {
		return nil, ""
	}
	if typ != "" || layout != "" {
		for _, key := range []string{typ + "/" + layout, typ + "/" + kind, layout} {
			if strings.HasPrefix(key, "/") || strings.HasSuffix(key, "/") || key == "" {
				continue
			}
			if t := ts.kinds[key]; t != nil {
				return t, key
			}
		}
	}
	return ts.kinds[kind], kind
}

// ReadsPage reports whether the layout a page of kind, typ and layout gets
// (as ExecuteLayout chooses it), with the templates and partials it runs
// with the page, reads the page's field (.Paginator, $.Paginator, or a
// variable set to the page): a layout that never reads it cannot show
// what it holds. It also returns the layout's file, as messages name it:
// "themes/mine/layouts/section.html".
func (ts *Templates) ReadsPage(kind, typ, layout, field string) (bool, string) {
	root, key := ts.layoutRoot(kind, typ, layout)
	if root == nil {
		return false, ""
	}
	found := false
	eachTemplate(root, "base.html", func(name string, tree *parse.Tree, enter func(string)) {
		pipe := func(p *parse.PipeNode, env pageEnv) {
			if p == nil {
				return
			}
			walkCommands(p, func(c *parse.CommandNode) {
				for _, a := range c.Args {
					if f := env.read(a); len(f) > 0 && f[0] == field {
						found = true
					}
				}
				if id, ok := c.Args[0].(*parse.IdentifierNode); ok && len(c.Args) >= 3 && env.isPage(c.Args[2]) &&
					(id.Ident == "partial" || id.Ident == "partialCached") {
					if s, ok := c.Args[1].(*parse.StringNode); ok {
						enter(partialName(s.Text))
					}
				}
			})
			env.declare(p)
		}
		pageWalk{action: pipe, pipe: pipe, page: enter}.list(tree.Root, pageEntry())
	})
	if p := ts.sources[key+".html"]; p != "" {
		return found, p
	}
	return found, "layouts/" + key + ".html"
}
