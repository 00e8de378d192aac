package theme

import (
	"fmt"
	"html/template"
	"maps"
	"reflect"
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
//	dataAttr "data-model" .JSON  the attribute ` data-model='...'`, its value in single quotes, so that a value full
//	                       of double quotes (JSON) does not grow by four bytes a quote; only data- names
//	in SET ITEM            as in Hugo: whether the string SET holds ITEM (a string), or the list SET an element equal to ITEM:
//	                       {{if in .Content `class="chroma"`}} (a page with highlighted code)
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
		"in":       in,
		"dataAttr": dataAttr,
	}
}

// attrEscaper escapes an attribute value for single quotes.
var attrEscaper = strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;")

// dataAttr is the data attribute name=value for a tag, with a leading
// space: the value in single quotes, where the double quotes of JSON need
// no escape (html/template writes each as &#34;, five bytes for one). The
// name must be "data-" and lowercase letters, digits and '-'.
func dataAttr(name, value string) (template.HTMLAttr, error) {
	rest, ok := strings.CutPrefix(name, "data-")
	ok = ok && rest != ""
	for _, c := range rest {
		ok = ok && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')
	}
	if !ok {
		return "", fmt.Errorf("dataAttr: %q is not a data attribute's name (data- and lowercase letters, digits and '-')", name)
	}
	return template.HTMLAttr(" " + name + "='" + attrEscaper.Replace(value) + "'"), nil
}

// in reports, as Hugo's function of that name, whether set holds item: a
// string (or template.HTML and the like) as a part of it, a slice or an
// array as one of its elements. Any other set holds nothing.
func in(set, item any) bool {
	if set == nil {
		return false
	}
	v := reflect.ValueOf(set)
	switch v.Kind() {
	case reflect.String:
		it := reflect.ValueOf(item)
		return item != nil && it.Kind() == reflect.String && strings.Contains(v.String(), it.String())
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if reflect.DeepEqual(v.Index(i).Interface(), item) {
				return true
			}
		}
	}
	return false
}
