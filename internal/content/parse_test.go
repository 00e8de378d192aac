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
			FrontMatter{Title: "T", Description: "D", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Lastmod: time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC), Draft: true, Weight: 3, Tags: []string{"a", "b"}, Aliases: []string{"/old/"}, Slug: "s-1", Lines: 11}, "Body\n", ""},
		{"hugo keys pass", "---\ntitle: T\ncategories: [x]\nauthor: me\n---\n", FrontMatter{Title: "T", Lines: 5}, "", ""},
		{"crlf", "---\r\ntitle: T\r\n---\r\nB\r\n", FrontMatter{Title: "T", Lines: 3}, "B\r\n", ""},
		{"bom", "\xef\xbb\xbf---\ntitle: T\n---\n", FrontMatter{Title: "T", Lines: 3}, "", ""},
		{"unknown key", "---\ntitle: T\ndescripton: x\n---\n", FrontMatter{Title: "T", Lines: 4}, "", `p.md:3:1: unknown key "descripton" in front matter (did you mean "description"?)`},
		{"bad slug", "---\ntitle: T\nslug: a/b\n---\n", FrontMatter{Title: "T", Slug: "a/b", Lines: 4}, "", `p.md:3:7: slug "a/b" may only hold letters, digits, '-' and '_'`},
		{"duplicate key", "---\ntitle: T\ntitle: U\n---\n", FrontMatter{}, "", `p.md:3:1: duplicate key "title"`},
		{"not a mapping", "---\n- a\n---\n", FrontMatter{Lines: 3}, "", "p.md:2:1: front matter must be a mapping of keys to values"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, body, errs := ParseFrontMatter("p.md", []byte(tt.src))
			if got := errs.Error(); got != tt.errs {
				t.Fatalf("errors:\n got %s\nwant %s", got, tt.errs)
			}
			if tt.errs != "" {
				return
			}
			if string(body) != tt.body {
				t.Errorf("body %q, want %q", body, tt.body)
			}
			if g, w := strings.Join(fm.Tags, ","), strings.Join(tt.want.Tags, ","); g != w {
				t.Errorf("tags %q, want %q", g, w)
			}
			fm.Tags, tt.want.Tags = nil, nil
			if g, w := strings.Join(fm.Aliases, ","), strings.Join(tt.want.Aliases, ","); g != w {
				t.Errorf("aliases %q, want %q", g, w)
			}
			if len(fm.aliasPos) != len(fm.Aliases) {
				t.Errorf("%d alias positions for %d aliases", len(fm.aliasPos), len(fm.Aliases))
			}
			fm.Aliases, tt.want.Aliases, fm.aliasPos = nil, nil, nil
			if !fm.Date.Equal(tt.want.Date) || !fm.Lastmod.Equal(tt.want.Lastmod) {
				t.Errorf("dates %v %v, want %v %v", fm.Date, fm.Lastmod, tt.want.Date, tt.want.Lastmod)
			}
			fm.Date, fm.Lastmod, tt.want.Date, tt.want.Lastmod = time.Time{}, time.Time{}, time.Time{}, time.Time{}
			if fmt.Sprintf("%+v", fm) != fmt.Sprintf("%+v", tt.want) {
				t.Errorf("got %+v, want %+v", fm, tt.want)
			}
		})
	}
}

func TestParseConfig(t *testing.T) {
	cfg, errs := ParseConfig([]byte("title: T\nbaseURL: https://example.org/help\nmenu:\n  - {name: A, url: /a/}\nhelp: |\n  Call.\nmarkdown: {unsafe: true}\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if cfg.BaseURL != "https://example.org/help/" || cfg.BasePath() != "/help/" || cfg.Origin() != "https://example.org" {
		t.Errorf("base %q %q %q", cfg.BaseURL, cfg.BasePath(), cfg.Origin())
	}
	if !cfg.TrustHTML || cfg.Help != "Call.\n" || cfg.HelpLine != 6 || len(cfg.Menu) != 1 || cfg.Menu[0].Line != 4 {
		t.Errorf("got %+v", cfg)
	}
	if cfg.Language != "en" || cfg.Theme != "default" {
		t.Errorf("defaults %q %q", cfg.Language, cfg.Theme)
	}
}

// FuzzFrontMatter checks that any input parses without panicking, that
// every error points inside the file, and that the body is a suffix of it.
func FuzzFrontMatter(f *testing.F) {
	f.Add("---\ntitle: T\ndate: 2026-01-02\ntags: [a]\n---\nBody\n")
	f.Add("---\ntitle: [\n---\n")
	f.Add("+++\n")
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
		if len(errs) == 0 {
			if !strings.HasSuffix(src, string(body)) {
				t.Errorf("body is not the end of the file")
			}
			if fm.Title == "" {
				t.Errorf("no error and no title")
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
	f.Fuzz(func(t *testing.T, src string) {
		cfg, errs := ParseConfig([]byte(src))
		if len(errs) == 0 {
			if cfg.Title == "" || !strings.HasSuffix(cfg.BasePath(), "/") {
				t.Errorf("valid config without title or base path: %+v", cfg)
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
