package content

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		want      FrontMatter
		body      string
		errs      string
	}{
		{"full", "---\ntitle: T\ndescription: D\ndate: 2026-01-02\nlastmod: 2026-02-03T04:05:06Z\ndraft: true\nweight: 3\ntags: [a, b]\naliases: /old/\nslug: s-1\n---\nBody\n",
			FrontMatter{Title: "T", Description: "D", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Lastmod: time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC), Draft: true, Weight: 3, Tags: []string{"a", "b"}, Aliases: []string{"/old/"}, Slug: "s-1", Lines: 11, Format: "yaml",
				aliasPos: []Pos{{9, 10}}, tagPos: []Pos{{8, 8}, {8, 11}}, slugPos: Pos{10, 7}}, "Body\n", ""},
		{"unknown keys are params", "---\ntitle: T\ncategories: [x]\nAuthor: me\nparams: {bookFlatSection: true}\n---\n", FrontMatter{Title: "T", Lines: 6, Format: "yaml",
			Params: map[string]any{"categories": []any{"x"}, "author": "me", "bookflatsection": true}}, "", ""},
		{"toml", "+++\ntitle = 'T'\nweight = 2\nlinkTitle = \"Short\"\ntags = ['a']\n[params]\nicon = \"x\"\n+++\nBody\n", FrontMatter{Title: "T", Weight: 2, LinkTitle: "Short", Tags: []string{"a"}, tagPos: []Pos{{5, 9}}, Lines: 8, Format: "toml",
			Params: map[string]any{"icon": "x"}}, "Body\n", ""},
		{"json", "{\n  \"title\": \"T\",\n  \"weight\": 4,\n  \"custom\": 1\n}\nBody\n", FrontMatter{Title: "T", Weight: 4, Lines: 5, Format: "json", Params: map[string]any{"custom": 1}}, "Body\n", ""},
		{"no front matter", "# Hello\n", FrontMatter{}, "# Hello\n", ""},
		{"a shortcode first is no JSON", "{{< hint >}}x{{< /hint >}}\n", FrontMatter{}, "{{< hint >}}x{{< /hint >}}\n", ""},
		{"hugo's keys", "---\ntitle: T\nurl: /x/y/\nlayout: wide\ntype: docs\nsummary: S\nheadless: true\nmenu: main\n---\n",
			FrontMatter{Title: "T", URL: "/x/y/", Layout: "wide", Type: "docs", Summary: "S", Headless: true, Menu: &PageMenu{}, Lines: 9, Format: "yaml",
				urlPos: Pos{3, 6}, layoutPos: Pos{4, 9}, summaryPos: Pos{6, 10}}, "", ""},
		{"menu with weight", "---\ntitle: T\nmenu:\n  main:\n    weight: 5\n    name: Help\n  footer: {}\n---\n",
			FrontMatter{Title: "T", Menu: &PageMenu{Name: "Help", Weight: 5}, Lines: 8, Format: "yaml"}, "", ""},
		{"crlf", "---\r\ntitle: T\r\n---\r\nB\r\n", FrontMatter{Title: "T", Lines: 3, Format: "yaml"}, "B\r\n", ""},
		{"bom", "\xef\xbb\xbf---\ntitle: T\n---\n", FrontMatter{Title: "T", Lines: 3, Format: "yaml"}, "", ""},
		{"utf-16 (Notepad's Unicode)", "\xff\xfe-\x00-\x00-\x00\r\x00\n\x00", FrontMatter{}, "", "p.md:1:1: the file is saved as UTF-16 text; save it as UTF-8"},
		{"utf-16 big endian", "\xfe\xff\x00#\x00 \x00T", FrontMatter{}, "", "p.md:1:1: the file is saved as UTF-16 text; save it as UTF-8"},
		// Blank lines above front matter are skipped, as Hugo skips them;
		// lines are counted from the top of the file.
		{"blank lines above", "\n  \n---\ntitle: T\nslug: s\n---\nBody\n", FrontMatter{Title: "T", Slug: "s", Lines: 6, Format: "yaml", slugPos: Pos{5, 7}}, "Body\n", ""},
		{"blank lines above toml", "\r\n+++\ntitle = 'T'\n+++\n", FrontMatter{Title: "T", Lines: 4, Format: "toml"}, "", ""},
		{"blank lines above json", "\n{\n  \"title\": \"T\"\n}\nBody\n", FrontMatter{Title: "T", Lines: 4, Format: "json"}, "Body\n", ""},
		{"blank lines above a page", "\n\n# Hello\n", FrontMatter{}, "\n\n# Hello\n", ""},
		{"blank lines above a longer rule", "\n----\n\nText\n", FrontMatter{}, "\n----\n\nText\n", ""},
		{"blank lines above an indented rule", "\n  ---\n\nText\n", FrontMatter{}, "\n  ---\n\nText\n", ""},
		{"an error below blank lines", "\n\n---\ntitle: T\ndescripton: x\n---\n", FrontMatter{}, "", `p.md:5:1: unknown key "descripton" in front matter (did you mean "description"?); a parameter of your own with this name goes under params:`},
		{"unclosed below blank lines", "\n---\ntitle: T\n", FrontMatter{}, "", "p.md:2:1: front matter is not closed: add a --- line after it"},
		{"json error below blank lines", "\n\n{\"title\": \"T\"} body\n", FrontMatter{}, "", `p.md:3:15: the JSON front matter ends with its "}": start the page's text on the next line`},
		// One set of type rules with worksheets (package yamldoc): a field's
		// type decides how a value is read, not how it looks.
		{"a number is a title", "---\ntitle: 2024\n---\n", FrontMatter{Title: "2024", Lines: 3, Format: "yaml"}, "", ""},
		{"a quoted weight", "---\ntitle: T\nweight: \"3\"\n---\n", FrontMatter{Title: "T", Weight: 3, Lines: 4, Format: "yaml"}, "", ""},
		{"one tag", "---\ntitle: T\ntags: family\n---\n", FrontMatter{Title: "T", Tags: []string{"family"}, tagPos: []Pos{{3, 7}}, Lines: 4, Format: "yaml"}, "", ""},
		{"aliases, each positioned", "---\ntitle: T\naliases:\n  - /a/\n  - /b/\n---\n",
			FrontMatter{Title: "T", Aliases: []string{"/a/", "/b/"}, Lines: 6, Format: "yaml", aliasPos: []Pos{{4, 5}, {5, 5}}}, "", ""},
		// Errors, each at the position of what is wrong.
		{"unknown key", "---\ntitle: T\ndescripton: x\n---\n", FrontMatter{Title: "T", Lines: 4}, "", `p.md:3:1: unknown key "descripton" in front matter (did you mean "description"?); a parameter of your own with this name goes under params:`},
		{"a typo of a Hugo key", "+++\ntitle = \"T\"\nlinktitel = \"x\"\n+++\n", FrontMatter{}, "", `p.md:3:1: unknown key "linktitel" in front matter (did you mean "linkTitle"?); a parameter of your own with this name goes under params:`},
		{"bad layout", "---\ntitle: T\nlayout: ../x\n---\n", FrontMatter{}, "", `p.md:3:9: layout "../x" may only hold letters, digits, '-' and '_': it names a layout file`},
		{"unclosed toml", "+++\ntitle = \"T\"\n", FrontMatter{}, "", "p.md:1:1: front matter is not closed: add a +++ line after it"},
		{"text after json", "{\"title\": \"T\"} body\n", FrontMatter{}, "", `p.md:1:15: the JSON front matter ends with its "}": start the page's text on the next line`},
		{"shortcode in title", "---\ntitle: \"{{< x >}}\"\n---\n", FrontMatter{}, "", "p.md:2:8: title holds a shortcode, which front matter does not run: write the text itself"},
		{"bad slug", "---\ntitle: T\nslug: a/b\n---\n", FrontMatter{}, "", `p.md:3:7: slug "a/b" may only hold letters, digits, '-' and '_'`},
		{"duplicate key", "---\ntitle: T\ntitle: U\n---\n", FrontMatter{}, "", `p.md:3:1: duplicate key "title" (first at line 2)`},
		{"not a mapping", "---\n- a\n---\n", FrontMatter{}, "", "p.md:2:1: front matter must be key: value pairs, not a list"},
		// A page without a title takes one from its heading or name
		// (PageTitle): no error here.
		{"missing title", "---\ndescription: D\n---\n", FrontMatter{Description: "D", Lines: 3, Format: "yaml"}, "", ""},
		{"empty front matter", "---\n# nothing\n---\nBody\n", FrontMatter{Lines: 3, Format: "yaml"}, "Body\n", ""},
		{"yes is not a boolean", "---\ntitle: T\ndraft: yes\n---\n", FrontMatter{}, "", `p.md:3:8: draft must be true or false, not "yes"`},
		{"a syntax error at its line, in plain words", "---\ntitle: T\ndescription: D\n tags: [a]\n---\n", FrontMatter{}, "", "p.md:4:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, body, errs := ParseFrontMatter("p.md", []byte(tt.src))
			if got := errs.Error(); got != tt.errs && !(strings.HasSuffix(tt.errs, ":") && strings.HasPrefix(got, tt.errs)) {
				t.Fatalf("errors:\n got %s\nwant %s", got, tt.errs)
			}
			if tt.errs != "" {
				return
			}
			if string(body) != tt.body {
				t.Errorf("body %q, want %q", body, tt.body)
			}
			if fmt.Sprint(fm.Tags, fm.tagPos, fm.Aliases, fm.aliasPos) != fmt.Sprint(tt.want.Tags, tt.want.tagPos, tt.want.Aliases, tt.want.aliasPos) {
				t.Errorf("tags, aliases and their positions %v %v %v %v, want %v %v %v %v", fm.Tags, fm.tagPos, fm.Aliases, fm.aliasPos, tt.want.Tags, tt.want.tagPos, tt.want.Aliases, tt.want.aliasPos)
			}
			fm.Tags, tt.want.Tags, fm.Aliases, tt.want.Aliases, fm.aliasPos, tt.want.aliasPos, fm.tagPos, tt.want.tagPos = nil, nil, nil, nil, nil, nil, nil, nil
			if !fm.Date.Equal(tt.want.Date) || !fm.Lastmod.Equal(tt.want.Lastmod) {
				t.Errorf("dates %v %v, want %v %v", fm.Date, fm.Lastmod, tt.want.Date, tt.want.Lastmod)
			}
			fm.Date, fm.Lastmod, tt.want.Date, tt.want.Lastmod = time.Time{}, time.Time{}, time.Time{}, time.Time{}
			if fmt.Sprint(fm.Menu) != fmt.Sprint(tt.want.Menu) && (fm.Menu == nil || tt.want.Menu == nil || *fm.Menu != *tt.want.Menu) {
				t.Errorf("menu %+v, want %+v", fm.Menu, tt.want.Menu)
			}
			fm.Menu, tt.want.Menu = nil, nil
			if fmt.Sprintf("%+v", fm) != fmt.Sprintf("%+v", tt.want) {
				t.Errorf("got %+v, want %+v", fm, tt.want)
			}
		})
	}
}

// TestFrontMatterSyntaxErrors holds syntax errors in front matter to
// yamldoc's rules: at the line of the mistake (counted from the top of the
// file), in words a writer understands, never the parser's own.
func TestFrontMatterSyntaxErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"indented key", "---\ntitle: T\ndescription: D\n tags: [a]\n---\n", `p.md:4:2: this line is indented more than line 3 above it: line up "tags" with "description"`},
		{"unclosed quote", "---\ntitle: \"T\ndate: 2026-01-01\n---\n", "p.md:2:8: the quote opened here is never closed"},
		{"colon in a value", "---\ntitle: Note: this\n---\n", `p.md:2:8: a text holding ": " must be in quotes: write it as title: "Note: this"`},
		{"tab", "---\ntitle: T\n\tweight: 1\n---\n", "p.md:3:1: this line is indented with a tab; indent with spaces only"},
	}
	jargon := []string{"mapping values are not allowed", "did not find expected", "found character", "scalar", "could not find", "yaml:"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, errs := ParseFrontMatter("p.md", []byte(tt.src))
			if len(errs) != 1 || errs[0].Error() != tt.want {
				t.Fatalf("got %v\nwant %s", errs, tt.want)
			}
			for _, j := range jargon {
				if strings.Contains(errs[0].Msg, j) {
					t.Errorf("%q holds the parser's jargon %q", errs[0].Msg, j)
				}
			}
		})
	}
}

func TestParseConfig(t *testing.T) {
	cfg, errs := ParseConfig([]byte("title: T\nbaseURL: https://example.org/help\ntheme: mine\nmenu:\n  - {name: A, url: /a/}\nhelp: |\n    Call.\nmarkdown: {unsafe: true}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if cfg.BaseURL != "https://example.org/help/" || cfg.BasePath() != "/help/" || cfg.Origin() != "https://example.org" {
		t.Errorf("base %q %q %q", cfg.BaseURL, cfg.BasePath(), cfg.Origin())
	}
	if !cfg.TrustHTML || cfg.Help != "Call.\n" || len(cfg.Menu) != 1 || cfg.Menu[0].Line != 5 || cfg.Menu[0].Col != 20 {
		t.Errorf("got %+v", cfg)
	}
	// Positions come from the nodes: the help text's first line and its
	// indentation, the theme's name.
	if cfg.HelpLine != 7 || cfg.HelpCol != 5 || cfg.HelpIndent != 4 || cfg.ThemeLine != 3 || cfg.ThemeCol != 8 {
		t.Errorf("positions: help %d:%d indent %d, theme %d:%d", cfg.HelpLine, cfg.HelpCol, cfg.HelpIndent, cfg.ThemeLine, cfg.ThemeCol)
	}
	cfg, _ = ParseConfig([]byte("title: T\nbaseURL: https://example.org/\n"))
	if cfg.Language != "en" || cfg.Theme != "default" {
		t.Errorf("defaults %q %q", cfg.Language, cfg.Theme)
	}
	cfg, _ = ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nhelp: \"Call [us](x.md).\"\n"))
	if cfg.HelpLine != 3 || cfg.HelpCol != 8 || cfg.HelpIndent != 0 {
		t.Errorf("quoted help at %d:%d indent %d, want 3:8 (inside the quote)", cfg.HelpLine, cfg.HelpCol, cfg.HelpIndent)
	}
}

// TestConfigErrors holds site.yaml's errors: each at its position, taken
// from the YAML nodes.
func TestConfigErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "", "content/site.yaml: site.yaml is empty: it needs at least title and baseURL"},
		{"comments only", "# a site\n", "content/site.yaml: site.yaml is empty: it needs at least title and baseURL"},
		{"no title", "\nbaseURL: https://example.org/\n", "content/site.yaml:2:1: site.yaml needs a title: add a line such as title: My site"},
		{"duplicate key", "title: T\nbaseURL: https://example.org/\ntitle: U\n", `content/site.yaml:3:1: duplicate key "title" (first at line 1)`},
		{"unknown key", "title: T\nbaseURL: https://example.org/\nthem: x\n", `content/site.yaml:3:1: unknown key "them" in site.yaml (did you mean "theme"?)`},
		{"bad base URL", "title: T\nbaseURL: example.org\n", `content/site.yaml:2:10: baseURL must be an absolute http or https URL such as https://example.org/, not "example.org"`},
		{"menu not a list", "title: T\nbaseURL: https://example.org/\nmenu: guides\n", "content/site.yaml:3:7: menu must be a list of entries with name and url"},
		{"menu entry without url", "title: T\nbaseURL: https://example.org/\nmenu:\n  - name: A\n", "content/site.yaml:4:5: a menu entry needs a name and a url"},
		{"trustHTML yes", "title: T\nbaseURL: https://example.org/\ntrustHTML: yes\n", `content/site.yaml:3:12: trustHTML must be true or false, not "yes"`},
		{"syntax error", "title: T\nbaseURL: https://example.org/\n  menu: x\n", "content/site.yaml:3:3: "},
		{"paginate negative", "title: T\nbaseURL: https://example.org/\npaginate: -5\n", "content/site.yaml:3:11: paginate must be how many entries a page of a list shows, such as 20 (or 0 to list them all on one page), not -5"},
		{"paginate words", "title: T\nbaseURL: https://example.org/\npaginate: ten\n", `content/site.yaml:3:11: paginate must be a whole number such as 3, not "ten"`},
		{"Zola's paginate_by", "title: T\nbaseURL: https://example.org/\npaginate_by: 10\n", `content/site.yaml:3:1: unknown key "paginate_by" in site.yaml (mutual's is "paginate": paginate: 20)`},
		{"Hugo's pagination", "title: T\nbaseURL: https://example.org/\npagination: {pagerSize: 10}\n", `content/site.yaml:3:1: unknown key "pagination" in site.yaml (mutual's is "paginate", the number of entries a page of a list shows: paginate: 20)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := ParseConfig([]byte(tt.src))
			got := errs.Error()
			if got != tt.want && !(strings.HasSuffix(tt.want, ": ") && strings.HasPrefix(got, tt.want)) {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// FuzzFrontMatter checks that any input parses without panicking, that
// every error points inside the file, and that the body is a suffix of it.
func FuzzFrontMatter(f *testing.F) {
	f.Add("---\ntitle: T\ndate: 2026-01-02\ntags: [a]\n---\nBody\n")
	f.Add("---\ntitle: [\n---\n")
	f.Add("+++\n")
	f.Add("+++\ntitle = 'T'\n[params]\nx = 1\n+++\n")
	f.Add("{\"title\": \"T\", \"menu\": {\"main\": {\"weight\": 2}}}\nB")
	f.Add("---\ntitle: Guides\npaginate: 10\n---\n")
	f.Add("---\n- x\n---\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, src string) {
		fm, body, errs := ParseFrontMatter("p.md", []byte(src))
		lines := strings.Count(src, "\n") + 1
		for _, e := range errs {
			if e.Line < 0 || e.Line > lines+1 {
				t.Errorf("error outside the file (%d lines): %v", lines, e)
			}
		}
		// Always the end of the file, errors or not: Source.Markdown
		// reads a body back from where it begins.
		if !strings.HasSuffix(src, string(body)) {
			t.Errorf("body is not the end of the file")
		}
		if len(errs) == 0 {
			if fm.Format == "" && string(body) != strings.TrimPrefix(src, "\xef\xbb\xbf") {
				t.Errorf("no front matter, but the body is not the file")
			}
		}
	})
}

// FuzzConfig checks that any site.yaml parses without panicking and that a
// config without errors has what a build needs.
func FuzzConfig(f *testing.F) {
	f.Add("title: T\nbaseURL: https://example.org/\n")
	f.Add("titel: T\nbaseURL: ftp://x\nmenu: [{name: a}]\n")
	f.Add("help: |\n  x\nmarkdown: {unsafe: yes}\n")
	f.Add("title: T\nbaseURL: https://example.org/\npaginate: 20\n")
	f.Add("title: T\nbaseURL: https://example.org/\nlanguage: en\nlanguages:\n  - {code: en, name: English}\n  - code: ar\n    name: x\n    dir: rtl\n    menu: [{name: a, url: /a/}]\n    help: |\n      Call.\n")
	f.Fuzz(func(t *testing.T, src string) {
		cfg, errs := ParseConfig([]byte(src))
		if len(errs) == 0 {
			if cfg.Title == "" || !strings.HasSuffix(cfg.BasePath(), "/") {
				t.Errorf("valid config without title or base path: %+v", cfg)
			}
			// The default language is the first of languages, and every
			// other one has a folder of its own.
			seen := map[string]bool{}
			for i, l := range cfg.Languages {
				if i == 0 && (l.Code != cfg.Lang || cfg.Prefix(0) != "") {
					t.Errorf("default language %q, languages start with %q", cfg.Lang, l.Code)
				}
				if i > 0 && (cfg.Prefix(i) == "" || seen[cfg.Prefix(i)]) {
					t.Errorf("language %d has folder %q", i, cfg.Prefix(i))
				}
				seen[cfg.Prefix(i)] = true
			}
		}
	})
}

func TestBaseURL(t *testing.T) {
	tests := []struct {
		raw, want, path, err string
	}{
		{"https://example.org", "https://example.org/", "/", ""},
		{"https://example.org/help", "https://example.org/help/", "/help/", ""},
		{"http://localhost:1313/a/b/", "http://localhost:1313/a/b/", "/a/b/", ""},
		{"https://example.org/my%20site/", "https://example.org/my%20site/", "/my%20site/", ""},
		{"https://example.org//x/", "", "", `baseURL's path "//x/" has an empty, "." or ".." part: write "https://example.org/x/" instead of "https://example.org//x/"`},
		{"https://example.org/a//b", "", "", `write "https://example.org/a/b/"`},
		{"https://example.org/a/../b/", "", "", `write "https://example.org/b/"`},
		{"https://example.org/./", "", "", `write "https://example.org/"`},
		{"https:///x/", "", "", "baseURL must be an absolute http or https URL"},
		{"ftp://example.org/", "", "", "baseURL must be an absolute http or https URL"},
		{"https://example.org/?q=1", "", "", "must not have a query or fragment"},
	}
	for _, tt := range tests {
		var c Config
		err := c.SetBaseURL(tt.raw)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Msg, tt.err) {
				t.Errorf("%s: got %v, want %q", tt.raw, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.raw, err)
			continue
		}
		if c.BaseURL != tt.want || c.BasePath() != tt.path {
			t.Errorf("%s: %q %q, want %q %q", tt.raw, c.BaseURL, c.BasePath(), tt.want, tt.path)
		}
	}
}

// FuzzBaseURL checks that an accepted base URL gives a base path that
// every site URL can start with: it starts and ends with "/", has no empty
// part (so no URL of the site is protocol-relative), and joined to the
// origin it parses back to the same host.
func FuzzBaseURL(f *testing.F) {
	for _, s := range []string{"https://example.org/", "https://example.org//x/", "http://a:1/b/../c", "https://x/%2F%2F/", "https://x/a b/", "https://[::1]:8/p"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		var c Config
		if err := c.SetBaseURL(raw); err != nil {
			return
		}
		p := c.BasePath()
		if !strings.HasPrefix(p, "/") || !strings.HasSuffix(p, "/") || strings.Contains(p, "//") {
			t.Fatalf("%q: base path %q", raw, p)
		}
		u, err := url.Parse(c.Origin() + p + "guides/a/")
		if err != nil || u.Host != c.base.Host {
			t.Fatalf("%q: %q does not parse back (%v)", raw, c.Origin()+p, err)
		}
	})
}
