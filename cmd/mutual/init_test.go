package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// init, new and check end to end, on a temp folder, through run.
func TestInitNewCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "our-site")
	steps := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"init", []string{"init", dir}, 0, "created a new site in " + dir, ""},
		{"init again", []string{"init", dir}, 1, "", "is not empty"},
		{"init no dir", []string{"init"}, 2, "", "want exactly one folder"},
		{"init help", []string{"init", "-h"}, 0, "Usage: mutual init DIR", ""},
		{"check new site", []string{"check", "-s", dir}, 0, "no problems found", ""},
		{"new guide", []string{"new", "-s", dir, "guide", "guides/listening.md"}, 0, "created ", ""},
		{"new guide, flags after", []string{"new", "guide", "guides/at-work/help.md", "-s", dir}, 0, "help.md", ""},
		{"new worksheet", []string{"new", "worksheet", "worksheets/weekly.yaml", "-s", dir}, 0, "weekly.yaml", ""},
		{"new guide exists", []string{"new", "-s", dir, "guide", "guides/listening.md"}, 1, "", "already exists: not overwriting it"},
		{"new guide escapes", []string{"new", "-s", dir, "guide", "../x.md"}, 1, "", "leaves content/"},
		{"new guide wrong ext", []string{"new", "-s", dir, "guide", "guides/x.yaml"}, 1, "", "a guide file ends in .md"},
		{"new worksheet outside worksheets", []string{"new", "-s", dir, "worksheet", "guides/x.yaml"}, 1, "", "worksheets live in content/worksheets/"},
		{"new unknown kind", []string{"new", "-s", dir, "blog", "x.md"}, 2, "", `unknown kind "blog": want guide, worksheet, translation or layout`},
		{"new misspelt kind", []string{"new", "-s", dir, "guid", "x.md"}, 2, "", `unknown kind "guid" (did you mean "guide"?): want guide, worksheet, translation or layout`},
		{"new translation, one language", []string{"new", "-s", dir, "translation", "es", "guides/listening.md"}, 1, "", "the site has one language"},
		{"new translation without a code", []string{"new", "-s", dir, "translation", "guides/listening.md"}, 2, "", "want a language code and the path of the original"},
		{"new missing path", []string{"new", "-s", dir, "guide"}, 2, "", "want a kind"},
		{"new worksheet, a name cut at its space", []string{"new", "-s", dir, "worksheet", "worksheets/Check", "In.yaml"}, 2, "", `mutual new worksheet: one path, and here are 2: "worksheets/Check" "In.yaml"; a name with spaces goes in quotes: mutual new worksheet "worksheets/Check In.yaml"`},
		{"new help", []string{"new", "--help"}, 0, "guide|worksheet PATH", ""},
		{"new help names translation", []string{"new", "--help"}, 0, "translation CODE PATH", ""},
		{"new layout", []string{"new", "-s", dir, "layout", "page.html"}, 0, filepath.Join("themes", "brand", "layouts", "page.html") + ": edit it", ""},
		{"new partial", []string{"new", "-s", dir, "layout", "partials/footer.html"}, 0, filepath.Join("layouts", "partials", "footer.html"), ""},
		{"new layout exists", []string{"new", "-s", dir, "layout", "page.html"}, 1, "", "page.html already exists: not overwriting it"},
		{"new layout unknown", []string{"new", "-s", dir, "layout", "pgae.html"}, 1, "", `the default theme has no layout "pgae.html" (did you mean "page.html"?): the names are 404.html, base.html,`},
		{"new layout a partial's short name", []string{"new", "-s", dir, "layout", "toc.html"}, 1, "", `(did you mean "partials/toc.html"?)`},
		{"new layout without a name", []string{"new", "-s", dir, "layout"}, 2, "", "name the layout to copy: the names are 404.html"},
		{"new help names layout", []string{"new", "--help"}, 0, "mutual new layout partials/footer.html", ""},
		{"check with starters", []string{"check", "-s", dir}, 0, "no problems found", ""},
		{"check extra arg", []string{"check", "-s", dir, "x"}, 2, "", `unexpected argument "x"`},
		{"check bad flag", []string{"check", "--nope"}, 2, "", "mutual check: unknown flag --nope"},
		{"build", []string{"build", "-s", dir}, 0, "built ", ""},
	}
	for _, st := range steps {
		var stdout, stderr bytes.Buffer
		code := run(st.args, &stdout, &stderr)
		if code != st.code || !strings.Contains(stdout.String(), st.stdout) || !strings.Contains(stderr.String(), st.stderr) {
			t.Fatalf("%s: mutual %s = %d\nstdout: %s\nstderr: %s\nwant %d, stdout with %q, stderr with %q",
				st.name, strings.Join(st.args, " "), code, stdout.String(), stderr.String(), st.code, st.stdout, st.stderr)
		}
		if strings.HasSuffix(st.name, "help") && stderr.Len() > 0 {
			t.Errorf("%s: help also went to stderr: %q", st.name, stderr.String())
		}
	}
	for _, f := range []string{"public/guides/listening/index.html", "public/guides/at-work/help/index.html", "public/worksheets/weekly/index.html"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("after build: %v", err)
		}
	}

	// Break the site: check prints every error and exits 1, writing nothing.
	bad := filepath.Join(dir, "content", "guides", "listening.md")
	src, _ := os.ReadFile(bad)
	os.WriteFile(bad, append(src, []byte("\nSee [nowhere](nowhere.md).\n")...), 0o644)
	ws := filepath.Join(dir, "content", "worksheets", "weekly.yaml")
	wsrc, _ := os.ReadFile(ws)
	os.WriteFile(ws, bytes.Replace(wsrc, []byte("\ntitle:"), []byte("\ntitel:"), 1), 0o644)
	os.RemoveAll(filepath.Join(dir, "public"))
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "-s", dir}, &stdout, &stderr); code != 1 {
		t.Fatalf("check on a broken site = %d\n%s", code, stderr.String())
	}
	for _, want := range []string{
		"content/guides/listening.md:",
		`link to missing file "nowhere.md"`,
		`content/worksheets/weekly.yaml:6:1: unknown key "titel" in worksheet (did you mean "title"?)`,
		"problems found",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("check output lacks %q:\n%s", want, stderr.String())
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("check wrote public/")
	}
}

// TestCheckContrast: following the starter custom.css wrongly (an accent
// in the plain :root, which the dark scheme takes too) is a warning from
// check at the declaration, with the ratio; the starter's own blocks are
// fine.
func TestCheckContrast(t *testing.T) {
	tests := []struct {
		name, from, to, want string
	}{
		{"the light block", "/* --accent: #0b6b61;        links, buttons, highlights */", "--accent: #7a1fa2;", ""},
		{"the plain :root", "/* --radius: 0.625rem;       corner rounding */", "--accent: #7a1fa2;",
			"themes/brand/static/css/custom.css:16:3: warning: --accent #7a1fa2 on --bg #141a1b has a contrast of 2.1:1 in the dark scheme"},
		{"the dark block", "/* --accent: #5cc8b9; */", "--accent: #7a1fa2;",
			"themes/brand/static/css/custom.css:34:5: warning: --accent #7a1fa2 on --bg #141a1b has a contrast of 2.1:1 in the dark scheme, and text needs 4.5:1 or more to be read by everyone: pick a lighter colour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			var stdout, stderr bytes.Buffer
			if code := run([]string{"init", dir}, &stdout, &stderr); code != 0 {
				t.Fatal(stderr.String())
			}
			css := filepath.Join(dir, "themes", "brand", "static", "css", "custom.css")
			src, _ := os.ReadFile(css)
			changed := strings.Replace(string(src), tt.from, tt.to, 1)
			if changed == string(src) {
				t.Fatalf("custom.css has no %q", tt.from)
			}
			os.WriteFile(css, []byte(changed), 0o644)
			stdout.Reset()
			stderr.Reset()
			if code := run([]string{"check", "-s", dir}, &stdout, &stderr); code != 0 {
				t.Fatalf("check = %d: %s", code, stderr.String())
			}
			if tt.want == "" && stderr.Len() > 0 || !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("check's warnings:\n%s\nwant one with %q", stderr.String(), tt.want)
			}
		})
	}
}
