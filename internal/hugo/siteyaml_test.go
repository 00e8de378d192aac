package hugo

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"mutual/internal/content"
	"mutual/internal/yamldoc"
)

// checkSiteYAML reads back the site.yaml written for cfg: mutual's config
// reader must find the same title, description, baseURL, language, theme,
// lowercaseURLs and menu, and no error, and the params Hugo's file gave
// (yamldoc.Value, the rule the site engine reads params with). hugoParams
// is yamldoc's tree of the Hugo file's params, or nil.
func checkSiteYAML(t *testing.T, cfg siteConfig, out []byte, hugoParams *yamldoc.Node) {
	t.Helper()
	got, errs := content.ParseConfig(out)
	if len(errs) > 0 {
		t.Fatalf("site.yaml does not read back: %v\n%s", errs, out)
	}
	if got.Title != cfg.Title || got.Description != cfg.Description || got.BaseURL != cfg.BaseURL || got.Theme != cfg.Theme {
		t.Fatalf("site.yaml reads back as %q %q %q %q, want %q %q %q %q\n%s", got.Title, got.Description, got.BaseURL, got.Theme, cfg.Title, cfg.Description, cfg.BaseURL, cfg.Theme, out)
	}
	if cfg.Language != "" && !strings.EqualFold(got.Language, cfg.Language) { // codes have no case
		t.Fatalf("language %q, want %q", got.Language, cfg.Language)
	}
	if got.LowercaseURLs == cfg.KeepCase {
		t.Fatalf("lowercaseURLs %v, want %v", got.LowercaseURLs, !cfg.KeepCase)
	}
	if len(got.Menu) != len(cfg.Menu) {
		t.Fatalf("menu of %d entries, want %d\n%s", len(got.Menu), len(cfg.Menu), out)
	}
	for i, m := range cfg.Menu {
		if got.Menu[i].Name != m.Name || got.Menu[i].URL != m.URL || got.Menu[i].Weight != m.Weight {
			t.Fatalf("menu entry %d is %q %q, want %q %q", i, got.Menu[i].Name, got.Menu[i].URL, m.Name, m.URL)
		}
	}
	if len(got.Languages) != len(cfg.Languages) {
		t.Fatalf("%d languages, want %d\n%s", len(got.Languages), len(cfg.Languages), out)
	}
	for i, l := range cfg.Languages {
		g := got.Languages[i]
		if !strings.EqualFold(string(g.Code), l.Code) || g.Name != l.Name || g.Title != l.Title || g.Description != l.Description || string(g.Dir) != l.Dir || len(g.Menu) != len(l.Menu) {
			t.Fatalf("language %d reads back as %q %q %q %q %q (%d menu entries), want %q %q %q %q %q (%d)\n%s", i,
				g.Code, g.Name, g.Title, g.Description, g.Dir, len(g.Menu), l.Code, l.Name, l.Title, l.Description, l.Dir, len(l.Menu), out)
		}
		for j, m := range l.Menu {
			if g.Menu[j].Name != m.Name || g.Menu[j].URL != m.URL || g.Menu[j].Weight != m.Weight {
				t.Fatalf("language %s: menu entry %d is %q %q, want %q %q", l.Code, j, g.Menu[j].Name, g.Menu[j].URL, m.Name, m.URL)
			}
		}
	}
	// The params the site engine reads (keys in lower case, as in Hugo)
	// are the values of Hugo's file, read by the same rule.
	var wantParams map[string]any
	if hugoParams != nil {
		wantParams, _ = yamldoc.Value(hugoParams, strings.ToLower).(map[string]any)
		if len(wantParams) == 0 {
			wantParams = nil
		}
	}
	if len(got.Params) == 0 {
		got.Params = nil
	}
	if !reflect.DeepEqual(got.Params, wantParams) {
		t.Fatalf("params read back as\n%#v\nwant\n%#v\n%s", got.Params, wantParams, out)
	}
}

// tomlParams is the params table of a TOML text as yamldoc reads it (the
// last key named params in any case, as the import takes it).
func tomlParams(t *testing.T, src string) *yamldoc.Node {
	root, errs := yamldoc.ParseTOML([]byte(src), yamldoc.Options{Path: "hugo.toml"})
	if len(errs) > 0 || root == nil {
		return nil
	}
	var params *yamldoc.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if strings.EqualFold(root.Content[i].Value, "params") { // Hugo's keys have no case
			params = root.Content[i+1]
		}
	}
	if params == nil || params.Kind != yamldoc.Map {
		return nil
	}
	return params
}

// TestSiteYAMLReadsBack writes configurations whose values need care:
// texts YAML would read otherwise, quotes, newlines, unusual keys.
func TestSiteYAMLReadsBack(t *testing.T) {
	tests := []struct{ name, toml string }{
		{"plain", `title = "Field notes"
baseURL = "https://example.org/"
disablePathToLower = true
[params]
a = "text"
n = 3
f = -1.5e3
b = false
d = 1979-05-27T07:32:00Z
`},
		{"texts that look like other things", `title = "true"
baseURL = "https://example.org/a b/"
[params]
yes = "yes"
num = "007"
neg = "-1"
hash = "a #b"
colon = "key: value"
lead = "- item"
star = "*x"
amp = "&x"
brace = "{x}"
empty = ""
spaces = "  padded  "
null = "null"
tilde = "~"
quote = 'say "hi"'
newline = "one\ntwo"
tab = "a\tb"
unicode = "café ☕"
`},
		{"keys", `title = "T"
baseURL = "https://example.org/"
[params]
"key with: colon" = 1
"#hash" = 2
"123" = 4
"-dash" = 5
"a b" = 6
`},
		{"nesting", `title = "T"
baseURL = "https://example.org/"
[params]
list = [1, "two", [3, 4], {five = 5}]
empty_list = []
empty_table = {}
[[params.people]]
name = "Ana"
[[params.people]]
name = "Bo"
roles = ["x"]
`},
		{"menu names", `title = "  spaced  "
description = "Has: colon"
baseURL = "https://example.org/"
[[menus.main]]
name = "Guides: all"
url = "/guides/"
[[menus.main]]
name = "#1"
url = "https://example.com/?a=1&b=2"
`},
		{"languages", `title = "T"
baseURL = "https://example.org/"
defaultContentLanguage = "DE"
[languages.de]
languageName = "Deutsch: ja"
weight = 2
[languages.en]
languageName = "English"
title = "#1 in English"
weight = 1
[languages.en.params]
description = "- a list? no"
[[languages.en.menus.main]]
name = "Guides: all"
url = "/guides/"
[languages.fa]
languageName = "فارسی"
languageDirection = "rtl"
[languages.xx]
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _, err := parseConfig("hugo.toml", []byte(tt.toml))
			if err != nil {
				t.Fatal(err)
			}
			c := convert(&hugoConfig{root: root, files: []string{"hugo.toml"}}, "Site", map[string]string{})
			checkSiteYAML(t, c.cfg, siteYAML(c.cfg, []string{"hugo.toml"}), tomlParams(t, tt.toml))
		})
	}
}

// FuzzSiteYAML: whatever a Hugo configuration holds, the site.yaml the
// import writes reads back to the same configuration and params.
func FuzzSiteYAML(f *testing.F) {
	f.Add("title = 'a'\nbaseURL = 'https://example.org/'\n[params]\nx = '1'\ny = [true, 'no']\n")
	f.Add("title = \"x: y\"\n[[menus.main]]\nname = '- a'\nurl = '/a/'\n[params.n]\n'k: v' = 1.5\n")
	f.Add("languageCode = 'fr'\n[params]\ns = \"\\u0000\\r\"\n")
	f.Add("[languages.en]\nlanguageName = 'E'\n[languages.de]\ntitle = ': x'\nlanguageDirection = 'rtl'\n[[languages.de.menus.main]]\nname = 'a'\nurl = '/a/'\n")
	f.Fuzz(func(t *testing.T, src string) {
		root, _, err := parseConfig("hugo.toml", []byte(src))
		if err != nil {
			return
		}
		c := convert(&hugoConfig{root: root, files: []string{"hugo.toml"}}, "Site", map[string]string{})
		out := siteYAML(c.cfg, []string{"hugo.toml"})
		// A title or menu mutual refuses (a control character, a bad
		// address) is the check's to report, not a reason to write a file
		// that does not parse: only compare what mutual accepts.
		if _, errs := content.ParseConfig(out); len(errs) > 0 {
			for _, e := range errs {
				if strings.Contains(e.Msg, "not valid") || strings.Contains(e.Msg, "duplicate") || strings.Contains(e.Msg, "indent") {
					t.Fatalf("site.yaml is not valid YAML: %v\n%s", errs, out)
				}
			}
			return
		}
		params := tomlParams(t, src)
		if oddKeys(params) {
			return // left out on purpose: see oddKeys
		}
		checkSiteYAML(t, c.cfg, out, params)
	})
}

// oddKeys reports keys that the import does not keep as written: two keys
// of one table that differ only in case (Hugo keeps one), and empty keys
// (left out and reported).
func oddKeys(n *yamldoc.Node) bool {
	if n == nil {
		return false
	}
	seen := map[string]bool{}
	for i, c := range n.Content {
		if n.Kind == yamldoc.Map && i%2 == 0 {
			k := strings.ToLower(c.Value)
			if seen[k] || k == "" {
				return true
			}
			seen[k] = true
			continue
		}
		if oddKeys(c) {
			return true
		}
	}
	return false
}

// TestConvertLanguages: the default language comes first whatever its
// weight, then Hugo's order (by weight, languages without one last, then
// by code); a language without languageName is named by mutual with a
// comment; the default's title and menu are the site's own.
func TestConvertLanguages(t *testing.T) {
	root, _, err := parseConfig("hugo.toml", []byte(`title = "Site"
defaultContentLanguage = "DE"
[languages.xx]
[languages.fa]
languageDirection = "rtl"
languageName = "فارسی"
[languages.en]
languageName = "English"
title = "In English"
description = "Said in English"
weight = 5
[languages.pt]
weight = 3
[languages.de]
languageName = "Deutsch"
title = "Auf Deutsch"
description = "Auf Deutsch gesagt"
weight = 9
`))
	if err != nil {
		t.Fatal(err)
	}
	c := convert(&hugoConfig{root: root, files: []string{"hugo.toml"}}, "Site", map[string]string{})
	var got []string
	for _, l := range c.cfg.Languages {
		got = append(got, l.Code+" "+l.Name+" "+l.Title+" "+l.Description+" "+l.Dir+" "+strconv.FormatBool(l.NameComment != ""))
	}
	want := []string{"de Deutsch    false", "pt Portuguese    true", "en English In English Said in English  false", "fa فارسی   rtl false", "xx xx    true"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("languages:\n%q\nwant\n%q", got, want)
	}
	if c.cfg.Description != "Auf Deutsch gesagt" {
		t.Errorf("description %q, want the default language's (languages.de.description)", c.cfg.Description)
	}
	for _, e := range c.ignored {
		if strings.Contains(e.Msg, "description") {
			t.Errorf("a language's description is named as not converted: %v", e)
		}
	}
	if c.cfg.Title != "Auf Deutsch" || c.cfg.Language != "" {
		t.Errorf("title %q and language %q, want the default language's title and no language: key", c.cfg.Title, c.cfg.Language)
	}
}

// TestLanguageCodeNamed: on a site with several languages, Hugo's
// languageCode (the site's, or a language's) that says more than the
// language's code is named in the report as not converted, at its place;
// one that is the code, in any case, and a site in one language (where it
// becomes language:) are not.
func TestLanguageCodeNamed(t *testing.T) {
	for _, tt := range []struct {
		name, config string
		want         []string // the report's notes about languageCode
		language     string   // site.yaml's language:
	}{
		{"one language", "languageCode = \"en-us\"\n", nil, "en-us"},
		{"the site's, with languages", "languageCode = \"en-us\"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n",
			[]string{`hugo.toml:1:1: languageCode "en-us": on a site with several languages, mutual marks each language's pages with the code that names its files (about.en.md), lang="en" here: the rest of "en-us" is left out`}, ""},
		{"each language's", "[languages.en]\nlanguageCode = \"en-GB\"\n[languages.de]\nlanguageCode = \"de-AT\"\n",
			[]string{
				`hugo.toml:2:1: languages.en.languageCode "en-GB": on a site with several languages, mutual marks each language's pages with the code that names its files (about.en.md), lang="en" here: the rest of "en-GB" is left out`,
				`hugo.toml:4:1: languages.de.languageCode "de-AT": on a site with several languages, mutual marks each language's pages with the code that names its files (about.de.md), lang="de" here: the rest of "de-AT" is left out`,
			}, ""},
		// The default language's own wins over the site's: named once.
		{"both", "languageCode = \"en-us\"\n[languages.en]\nlanguageCode = \"en-GB\"\n[languages.de]\n",
			[]string{`hugo.toml:3:1: languages.en.languageCode "en-GB": on a site with several languages, mutual marks each language's pages with the code that names its files (about.en.md), lang="en" here: the rest of "en-GB" is left out`}, ""},
		{"the code itself", "languageCode = \"EN\"\n[languages.en]\n[languages.de]\nlanguageCode = \"de\"\n", nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root, _, err := parseConfig("hugo.toml", []byte(tt.config))
			if err != nil {
				t.Fatal(err)
			}
			c := convert(&hugoConfig{root: root, files: []string{"hugo.toml"}}, "Site", map[string]string{})
			var got []string
			for _, e := range c.ignored {
				if strings.Contains(e.Msg, "languageCode") {
					got = append(got, e.Error())
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("notes:\n%q\nwant\n%q", got, tt.want)
			}
			if c.cfg.Language != tt.language {
				t.Errorf("language %q, want %q", c.cfg.Language, tt.language)
			}
		})
	}
}

// TestConvertPagination: Hugo's pagination.pagerSize (or its older
// paginate) becomes paginate:, a path other than page is named as not
// converted, and a size that is not a whole number is left out.
func TestConvertPagination(t *testing.T) {
	tests := []struct {
		name, toml string
		want       int
		used       string
		ignored    string
	}{
		{"none", "title = \"S\"\n", 0, "", ""},
		{"older paginate", "title = \"S\"\npaginate = 7\n", 7, "paginate", ""},
		{"pagerSize", "title = \"S\"\n[pagination]\npagerSize = 12\n", 12, "pagination.pagerSize as paginate", ""},
		{"pagerSize wins", "title = \"S\"\npaginate = 7\n[pagination]\npagerSize = 12\n", 12, "pagination.pagerSize as paginate", ""},
		{"another path", "title = \"S\"\n[pagination]\npagerSize = 5\npath = \"seite\"\n", 5, "pagination.pagerSize as paginate",
			"hugo.toml:4:1: pagination.path: the further pages of a list are at page/2/, page/3/... in mutual, not seite/2/: left out"},
		{"other keys", "title = \"S\"\n[pagination]\ndisableAliases = true\n", 0, "",
			"hugo.toml:3:1: pagination.disableAliases has no equivalent in mutual: left out"},
		{"the default language's", "title = \"S\"\n[pagination]\npagerSize = 4\n[languages.en]\nlanguageName = \"English\"\n[languages.en.pagination]\npagerSize = 7\n", 7, "pagination.pagerSize as paginate", ""},
		{"another language's", "title = \"S\"\n[languages.en]\nlanguageName = \"English\"\n[languages.de]\nlanguageName = \"Deutsch\"\n[languages.de.pagination]\npagerSize = 3\n", 0, "",
			"hugo.toml:6:15: languages.de.pagination: a mutual site's paginate is one for every language (the default language's); a section's _index.de.md may set its own"},
		{"not a number", "title = \"S\"\npaginate = \"ten\"\n", 0, "",
			`hugo.toml:2:12: paginate must be a whole number of entries such as 10, not "ten": left out`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _, err := parseConfig("hugo.toml", []byte(tt.toml))
			if err != nil {
				t.Fatal(err)
			}
			c := convert(&hugoConfig{root: root, files: []string{"hugo.toml"}}, "S", map[string]string{})
			if c.cfg.Paginate != tt.want {
				t.Errorf("paginate %d, want %d", c.cfg.Paginate, tt.want)
			}
			used := ""
			for _, u := range c.used {
				if strings.Contains(u, "paginate") {
					used = u
				}
			}
			if used != tt.used {
				t.Errorf("used %q, want %q", used, tt.used)
			}
			if got := c.ignored.Error(); got != tt.ignored {
				t.Errorf("not converted:\n%s\nwant\n%s", got, tt.ignored)
			}
			yaml := string(siteYAML(c.cfg, []string{"hugo.toml"}))
			if has := strings.Contains(yaml, "\npaginate: "); has != (tt.want > 0) {
				t.Errorf("site.yaml:\n%s", yaml)
			}
		})
	}
}
