package theme

import (
	"encoding/base64"
	"fmt"
	"html/template"
	"maps"
	"path"
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
//	assetData "favicon.svg"  a small image as a data: URL (at most MaxDataURLSize bytes), which the browser need not fetch;
//	                       the asset's URL for anything else
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
		"assetData": func(name string) (template.URL, error) {
			return dataURL(env.Assets, env.BasePath, name)
		},
		"relURL":   func(p string) string { return env.BasePath + strings.TrimPrefix(p, "/") },
		"absURL":   func(p string) string { return env.Origin + env.BasePath + strings.TrimPrefix(p, "/") },
		"date":     func(t time.Time) string { return t.Format("2 January 2006") },
		"isodate":  func(t time.Time) string { return t.Format("2006-01-02") },
		"year":     func() int { return env.Latest.Year() },
		"in":       in,
		"dataAttr": dataAttr,
	}
}

// MaxDataURLSize is the most an asset may hold for assetData: every page
// that links it carries it, a third larger.
const MaxDataURLSize = 4 << 10

// dataMediaTypes are the media types of the assets assetData knows.
var dataMediaTypes = map[string]string{".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".webp": "image/webp", ".gif": "image/gif"}

// dataURL is the asset name as a base64 data: URL when it is an image of
// at most MaxDataURLSize bytes, and else its URL under basePath.
func dataURL(as Assets, basePath, name string) (template.URL, error) {
	a := as[strings.TrimPrefix(name, "/")]
	if a == nil {
		return "", fmt.Errorf("no static file %q in the theme%s", name, diag.Hint(name, slices.Sorted(maps.Keys(as))))
	}
	mt, ok := dataMediaTypes[strings.ToLower(path.Ext(a.Name))]
	if !ok || len(a.Data) > MaxDataURLSize {
		return template.URL(as.URL(basePath, name)), nil
	}
	// A data: URL's body is percent-decoded before it is base64-decoded:
	// %2B rather than "+", which html/template would write as &#43;.
	b64 := strings.ReplaceAll(base64.StdEncoding.EncodeToString(a.Data), "+", "%2B")
	return template.URL("data:" + mt + ";base64," + b64), nil
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
