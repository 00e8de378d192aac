package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mutual import hugo through run: the command line, the exit codes, where
// the report and the errors go.
func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "hugo-site")
	for name, data := range map[string]string{
		"hugo.toml":                     "title = 'Notes'\nbaseURL = 'https://example.org/'\n",
		"content/_index.md":             "---\ntitle: Home\n---\nHello.\n",
		"content/guides/a.md":           "---\ntitle: A\n---\nText.\n",
		"layouts/shortcodes/box.html":   "<div>{{ .Inner }}</div>\n",
		"../bad-site/hugo.toml":         "title = 'Bad'\nbaseURL = \n",
		"../bad-site/content/_index.md": "---\ntitle: Home\n---\n",
	} {
		p := filepath.Join(src, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(dir, "new-site")
	steps := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring
		stderr string // substring
	}{
		{"help", []string{"import", "-h"}, 0, "Usage: mutual import hugo SRC DEST", ""},
		{"no kind", []string{"import"}, 2, "", "want what to import from"},
		{"other kind", []string{"import", "jekyll", src, dest}, 2, "", `unknown kind of site "jekyll"`},
		{"one folder", []string{"import", "hugo", src}, 2, "", "want two folders"},
		{"three folders", []string{"import", "hugo", src, dest, dir}, 2, "", "want two folders"},
		{"bad flag", []string{"import", "--force", "hugo", src, dest}, 2, "", "unknown flag --force"},
		{"bad config", []string{"import", "hugo", filepath.Join(dir, "bad-site"), filepath.Join(dir, "bad-new")}, 1, "",
			"hugo.toml:2:11: "},
		{"import", []string{"import", "hugo", src, dest}, 0, "check: no problems found", ""},
		{"again", []string{"import", "hugo", src, dest}, 1, "", "is not empty"},
		{"build", []string{"build", "-s", dest}, 0, "built ", ""},
	}
	for _, st := range steps {
		var stdout, stderr bytes.Buffer
		code := run(st.args, &stdout, &stderr)
		if code != st.code || !strings.Contains(stdout.String(), st.stdout) || !strings.Contains(stderr.String(), st.stderr) {
			t.Fatalf("%s: mutual %s = %d\nstdout: %s\nstderr: %s\nwant %d, stdout with %q, stderr with %q",
				st.name, strings.Join(st.args, " "), code, stdout.String(), stderr.String(), st.code, st.stdout, st.stderr)
		}
		if st.name == "bad config" {
			if _, err := os.Stat(filepath.Join(dir, "bad-new")); err == nil {
				t.Errorf("a failed import wrote its folder")
			}
		}
	}
	for _, f := range []string{"public/guides/a/index.html", "themes/imported/layouts/shortcodes/box.html"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("after import and build: %v", err)
		}
	}
}
