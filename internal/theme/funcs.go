package theme

import (
	"fmt"
	"html/template"
	"maps"
	"slices"
	"strings"
	"time"

	"mutual/internal/diag"
)

// FuncEnv is what the template functions know of the site.
type FuncEnv struct {
	Assets   Assets
	BasePath string    // the base URL's path: "/" or "/help/"
	Origin   string    // the base URL's scheme and host: "https://example.org"
	Latest   time.Time // the newest date in the content, so that output depends on the input alone
}

// Funcs are the template functions every layout may use, besides the
// partials:
//
//	asset "css/main.css"   the fingerprinted URL of an asset (an error names a missing one, with a hint)
//	hasAsset "css/x.css"   whether there is such an asset
//	relURL "tags/"         a site path with the base path: "/help/tags/"
//	absURL "tags/"         the same, absolute: "https://example.org/help/tags/"
//	date .Date             "14 March 2026"
//	isodate .Date          "2026-03-14"
//	year                   the year of the newest date in the content (not of the build, so that output depends on the input alone)
//
// The caller adds the functions that know its page data (package site
// adds active).
func Funcs(env FuncEnv) template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) (string, error) {
			if u := env.Assets.URL(env.BasePath, name); u != "" {
				return u, nil
			}
			known := slices.Sorted(maps.Keys(env.Assets))
			return "", fmt.Errorf("no static file %q in the theme%s", name, diag.Hint(name, known))
		},
		"hasAsset": func(name string) bool { return env.Assets[strings.TrimPrefix(name, "/")] != nil },
		"relURL":   func(p string) string { return env.BasePath + strings.TrimPrefix(p, "/") },
		"absURL":   func(p string) string { return env.Origin + env.BasePath + strings.TrimPrefix(p, "/") },
		"date":     func(t time.Time) string { return t.Format("2 January 2006") },
		"isodate":  func(t time.Time) string { return t.Format("2006-01-02") },
		"year":     func() int { return env.Latest.Year() },
	}
}
