package theme

import (
	"bytes"
	"slices"
	"strings"

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
	if ts != nil && (typ != "" || layout != "") {
		for _, key := range []string{typ + "/" + layout, typ + "/" + kind, layout} {
			if strings.HasPrefix(key, "/") || strings.HasSuffix(key, "/") || key == "" {
				continue
			}
			if t := ts.kinds[key]; t != nil {
				return ts.execute(w, t, data)
			}
		}
	}
	return ts.Execute(w, kind, data)
}
