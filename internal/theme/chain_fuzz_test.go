package theme

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzThemeYAML: whatever a counselor writes in a theme's theme.yaml,
// LoadChain comes back (no panic, no hang) with errors that name a file:
// the theme.yaml at a line, or the site.yaml that names the theme.
func FuzzThemeYAML(f *testing.F) {
	for _, seed := range []string{
		"extends: default\n",
		"name: brand\ndescription: Ours.\nextends: default\n",
		"extends: mine\n",
		"extends: nowhere\n",
		"extends: [default]\n",
		"extends: ../../etc\n",
		"colours:\n  accent: \"#7a1fa2\"\nColors: {bg: white}\nfont: Georgia\nlicense: MIT\nlayout: wide\n",
		"extnds: default\n",
		"\ufeffextends: default\r\n",
		"- a\n- b\n",
		"extends: &a default\nname: *a\n",
		"extends: \"\\xff\"\n",
		"{",
		"",
	} {
		f.Add(seed)
	}
	dir := f.TempDir()
	theme := filepath.Join(dir, "themes", "mine")
	if err := os.MkdirAll(theme, 0o755); err != nil {
		f.Fatal(err)
	}
	file := filepath.Join(theme, "theme.yaml")
	f.Fuzz(func(t *testing.T, src string) {
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, errs := LoadChain(dir, "mine", "content/site.yaml", 3, 8)
		for _, e := range errs {
			switch {
			case e.Path == "content/site.yaml":
			case e.Path == "themes/mine/theme.yaml":
				if e.Line <= 0 && !strings.Contains(e.Msg, "KB") {
					t.Errorf("an error in theme.yaml without its line: %v", e)
				}
			default:
				t.Errorf("an error at a file the input is not: %v", e)
			}
			if e.Msg == "" {
				t.Errorf("an error without words: %v", e)
			}
		}
	})
}
