package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRunUsage(t *testing.T) {
	good := writeSite(t, map[string]string{
		"content/site.yaml":   "title: T\nbaseURL: https://example.org/\n",
		"content/guides/a.md": "---\ntitle: A\ndraft: true\n---\nA.\n",
		"content/guides/b.md": "---\ntitle: B\n---\nB.\n",
	})
	bad := writeSite(t, map[string]string{
		"content/site.yaml":   "title: T\nbaseURL: https://example.org/\n",
		"content/guides/a.md": "---\ntitle: A\n---\nSee [b](bb.md).\n",
		"content/guides/b.md": "---\ntitel: B\n---\n",
	})
	hugoTOML := writeSite(t, map[string]string{"hugo.toml": "title = \"T\"\n", "content/posts/a.md": "---\ntitle: A\n---\n"})
	hugoConfig := writeSite(t, map[string]string{"config.yaml": "title: T\n", "content/_index.md": "---\ntitle: A\n---\n"})
	hugoSplit := writeSite(t, map[string]string{"config/_default/hugo.toml": "title = \"T\"\n"})
	zola := writeSite(t, map[string]string{"config.toml": "base_url = \"https://example.org\"\n", "templates/index.html": "x"})
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring
		stderr     string // substring
		noStdout   bool
		wantOutput string // a file that must exist afterwards
	}{
		{"no command", nil, 2, "", "Usage:", true, ""},
		{"unknown command", []string{"bild"}, 2, "", `unknown command "bild" (did you mean "build"?)`, true, ""},
		{"unknown command, no hint", []string{"publish"}, 2, "", "unknown command \"publish\"\n", true, ""},
		{"help", []string{"--help"}, 0, "Commands:", "", false, ""},
		// Word flags are written with two dashes, in the usage as in the README.
		{"build help", []string{"build", "-h"}, 0, "\n  --base-url URL\n", "", false, ""},
		{"build help, letter flags", []string{"build", "--help"}, 0, "\n  -o folder\n", "", false, ""},
		// A mistake on the command line: one line saying what, then the usage; exit 2.
		{"build bad flag", []string{"build", "--nope"}, 2, "", "mutual build: unknown flag --nope; the flags of mutual build are below\n\nUsage: mutual build", true, ""},
		{"build misspelled flag", []string{"build", "--draft"}, 2, "", "mutual build: unknown flag --draft (did you mean --drafts?)", true, ""},
		// Hugo's, Zola's and Eleventy's names for a flag point to mutual's.
		{"build other tool's flag", []string{"build", "--destination", "x"}, 2, "", "mutual build: unknown flag --destination (mutual's is -o); the flags", true, ""},
		{"build other tool's letter", []string{"build", "-d", "x"}, 2, "", "unknown flag -d (mutual's is -o)", true, ""},
		// Hugo's -D is --buildDrafts, not its -d (destination).
		{"build Hugo's drafts letter", []string{"build", "-D"}, 2, "", "unknown flag -D (mutual's is --drafts)", true, ""},
		{"build Hugo's future letter", []string{"build", "-F"}, 2, "", "unknown flag -F (mutual's is --future)", true, ""},
		{"build Hugo's expired letter", []string{"build", "-E"}, 2, "", "unknown flag -E (mutual's is --expired)", true, ""},
		{"build Hugo's base URL", []string{"build", "--baseURL", "x"}, 2, "", "unknown flag --baseURL (mutual's is --base-url)", true, ""},
		{"check has no output flag", []string{"check", "--out", "x"}, 2, "", "mutual check: unknown flag --out; the flags", true, ""},
		// Hugo's flags for what mutual always does say so.
		{"build Hugo's minify", []string{"build", "--minify"}, 2, "", "mutual build: unknown flag --minify (mutual always publishes stylesheets and scripts compacted); the flags", true, ""},
		{"build Hugo's clean", []string{"build", "--cleanDestinationDir"}, 2, "", "unknown flag --cleanDestinationDir (every build replaces the output folder it built, and refuses one that holds files it did not write); the flags", true, ""},
		{"build Hugo's watch", []string{"build", "-w"}, 2, "", "unknown flag -w (mutual serve watches the site and rebuilds it on every save); the flags", true, ""},
		{"serve Hugo's watch", []string{"serve", "--watch"}, 2, "", "mutual serve: unknown flag --watch (mutual serve always watches); the flags", true, ""},
		// Hugo's kinds for new say what mutual does instead.
		{"new Hugo's site", []string{"new", "site", "mysite"}, 2, "", "mutual new: unknown kind \"site\" (mutual init mysite starts a new site): want guide", true, ""},
		{"new Hugo's content", []string{"new", "content", "posts/a.md"}, 2, "", "unknown kind \"content\" (a page is a guide: mutual new guide posts/a.md): want", true, ""},
		{"new Hugo's theme", []string{"new", "theme", "calm"}, 2, "", "unknown kind \"theme\" (a theme of your own is a folder themes/calm/ whose theme.yaml says extends: default, as mutual init makes one; mutual new layout NAME copies a layout into it): want", true, ""},
		{"new misspelt kind", []string{"new", "guid", "a.md"}, 2, "", "unknown kind \"guid\" (did you mean \"guide\"?): want", true, ""},
		// One letter is one edit from any other: no spelling hint for it.
		{"build unknown letter", []string{"build", "-x"}, 2, "", "mutual build: unknown flag -x; the flags", true, ""},
		{"build single-dash word flag", []string{"build", "-base-url", "https://x.org/", "-nope"}, 2, "", "unknown flag --nope", true, ""},
		{"build flag without value", []string{"build", "-o"}, 2, "", "mutual build: -o needs a value\n\nUsage:", true, ""},
		{"check bad flag value", []string{"check", "--drafts=maybe"}, 2, "", `mutual check: --drafts "maybe": not a valid value`, true, ""},
		{"build extra arg", []string{"build", "-s", good, "extra"}, 2, "", `unexpected argument "extra"`, true, ""},
		{"version", []string{"version"}, 0, "mutual 0.", "", false, ""},
		{"build", []string{"build", "-s", good, "-o", filepath.Join(good, "out")}, 0, "built 3 pages, 1 sections", "", false, "out/guides/b/index.html"},
		{"build drafts", []string{"build", "-s", good, "-o", filepath.Join(good, "out2"), "--drafts", "--base-url", "https://example.com/sub/"}, 0, "built 4 pages", "", false, "out2/guides/a/index.html"},
		{"build errors", []string{"build", "-s", bad}, 1, "", "content/guides/a.md:4:5: link to missing file \"bb.md\" (did you mean \"b.md\"?)\ncontent/guides/b.md:2:1: unknown key \"titel\"", true, ""},
		// What became of the output: nothing was there, or it was kept.
		{"build errors, no output before", []string{"build", "-s", bad}, 1, "", "mutual: 2 errors; nothing was written\n", true, ""},
		{"build errors, output kept", []string{"build", "-s", bad, "-o", filepath.Join(good, "out")}, 1, "", "mutual: 2 errors; the previous output was left as it was\n", true, ""},
		// A bad or empty --base-url is a usage error for every command
		// that takes it: an empty $DEPLOY_URL must not deploy site.yaml's.
		{"bad base url", []string{"build", "-s", good, "--base-url", "example.org/x"}, 2, "", "mutual build: --base-url \"example.org/x\": must be an absolute http or https URL such as https://example.org/\n\nUsage: mutual build", true, ""},
		{"empty base url", []string{"build", "-s", good, "--base-url", ""}, 2, "", "mutual build: --base-url \"\": the URL is empty: give the site's address, such as https://example.org/, or leave --base-url out to use baseURL of content/site.yaml\n\nUsage: mutual build", true, ""},
		{"empty base url, =", []string{"build", "-s", good, "--base-url="}, 2, "", "mutual build: --base-url \"\": the URL is empty", true, ""},
		{"base url with a query", []string{"build", "-s", good, "--base-url", "https://example.org/?a=1"}, 2, "", "mutual build: --base-url \"https://example.org/?a=1\": must not have a query or fragment: write \"https://example.org/\"\n\nUsage: mutual build", true, ""},
		{"base url with a dot-dot part", []string{"build", "-s", good, "--base-url", "https://example.org/../x/"}, 2, "", "mutual build: --base-url \"https://example.org/../x/\": its path \"/../x/\" has an empty, \".\" or \"..\" part: write \"https://example.org/x/\"\n\nUsage: mutual build", true, ""},
		{"check bad base url", []string{"check", "-s", good, "--base-url", "example.org/x"}, 2, "", "mutual check: --base-url \"example.org/x\": must be an absolute http or https URL such as https://example.org/\n\nUsage: mutual check", true, ""},
		{"check empty base url", []string{"check", "-s", good, "--base-url", ""}, 2, "", "mutual check: --base-url \"\": the URL is empty", true, ""},
		{"serve bad base url", []string{"serve", "-s", good, "--base-url", "example.org/x"}, 2, "", "mutual serve: --base-url \"example.org/x\": must be an absolute http or https URL such as https://example.org/\n\nUsage: mutual serve", true, ""},
		{"serve empty base url", []string{"serve", "-s", good, "--base-url", " "}, 2, "", "mutual serve: --base-url \" \": the URL is empty", true, ""},
		{"no site", []string{"build", "-s", t.TempDir()}, 1, "", "no site here", true, ""},
		// A Hugo site's folder (someone trying mutual on theirs) is pointed
		// to mutual import hugo, by every command that reads a site; a
		// Zola site's config.toml (beside templates/) is not.
		{"Hugo site, build", []string{"build", "-s", hugoTOML}, 1, "", "does not exist; " + hugoTOML + " holds a Hugo site (hugo.toml): make a mutual site of it in a new folder with mutual import hugo " + hugoTOML + " NEWDIR, then build that one\n", true, ""},
		{"Hugo site, check", []string{"check", "-s", hugoConfig}, 1, "", hugoConfig + " holds a Hugo site (config.yaml): make a mutual site of it", true, ""},
		{"Hugo site, split configuration", []string{"check", "-s", hugoSplit}, 1, "", hugoSplit + " holds a Hugo site (config/_default): make", true, ""},
		{"Hugo site, serve", []string{"serve", "-s", hugoTOML, "--port", "0"}, 1, "", "mutual serve: no site here: " + filepath.Join(hugoTOML, "content", "site.yaml") + " does not exist; " + hugoTOML + " holds a Hugo site (hugo.toml): make", true, ""},
		{"Zola site", []string{"build", "-s", zola}, 1, "", "does not exist (use -s DIR to pick a site folder, or mutual init DIR to start one)", true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q lacks %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderr)
			}
			if tt.noStdout && stdout.Len() > 0 {
				t.Errorf("unexpected stdout %q", stdout.String())
			}
			if tt.wantOutput != "" {
				dir := good
				if _, err := os.Stat(filepath.Join(dir, tt.wantOutput)); err != nil {
					t.Errorf("missing output: %v", err)
				}
			}
		})
	}
}

// TestBuildKeepsForeignFiles: `mutual build`, then `echo example.org >
// public/CNAME`, then `mutual build` again: the second build refuses, exit
// 1, leaving CNAME, and says how to go on; moved into static/, CNAME is
// published by every build.
func TestBuildKeepsForeignFiles(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/site.yaml":   "title: T\nbaseURL: https://example.org/\n",
		"content/guides/a.md": "---\ntitle: A\n---\nA.\n",
	})
	t.Chdir(dir)
	cname := filepath.Join("public", "CNAME")
	for _, step := range []struct {
		name   string
		before func()
		code   int
		stderr string
	}{
		{"first build", func() {}, 0, ""},
		{"a CNAME by hand", func() { os.WriteFile(cname, []byte("example.org\n"), 0o644) }, 1,
			"mutual: refusing to replace public: public/CNAME was not written by mutual, and a build replaces the whole folder: move it into the site's static/ folder so that every build publishes it, or delete it\n"},
		{"moved into static/", func() {
			os.Mkdir("static", 0o755)
			os.Rename(cname, filepath.Join("static", "CNAME"))
		}, 0, ""},
		{"built again", func() {}, 0, ""},
	} {
		step.before()
		var stdout, stderr bytes.Buffer
		if code := run([]string{"build"}, &stdout, &stderr); code != step.code || stderr.String() != step.stderr {
			t.Fatalf("%s: exit %d, stderr %q; want %d, %q", step.name, code, stderr.String(), step.code, step.stderr)
		}
		if step.name != "first build" {
			if got, _ := os.ReadFile(cname); string(got) != "example.org\n" {
				t.Errorf("%s: public/CNAME = %q", step.name, got)
			}
		}
	}
}
