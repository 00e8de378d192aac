package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mutual/internal/site"
)

func init() {
	now = func() time.Time { return time.Date(2026, 3, 14, 10, 0, 0, 0, time.UTC) }
}

// build builds the site in dir into a temp folder and fails on any error.
func build(t *testing.T, dir string) *site.Stats {
	t.Helper()
	b := site.New(site.Options{Dir: dir, Out: filepath.Join(t.TempDir(), "public")})
	if err := b.Check(); err != nil {
		t.Fatalf("check:\n%v", err)
	}
	st, err := b.Build()
	if err != nil {
		t.Fatalf("build:\n%v", err)
	}
	return st
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestInitBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "family-support")
	if err := Init(dir); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{
		"content/site.yaml", "content/_index.md", "content/guides/_index.md",
		"content/guides/first-guide.md", "content/worksheets/_index.md",
		"content/worksheets/check-in.yaml", "themes/brand/theme.yaml",
		"themes/brand/static/css/custom.css", ".gitignore",
	} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	if cfg := read(t, filepath.Join(dir, "content/site.yaml")); !strings.Contains(cfg, "title: \"Family support\"\n") {
		t.Errorf("site.yaml title not from the folder name:\n%s", cfg)
	}
	// The key the warnings about raw HTML name (set trustHTML: true in
	// site.yaml), not its older name markdown.unsafe.
	if cfg := read(t, filepath.Join(dir, "content/site.yaml")); !strings.Contains(cfg, "\ntrustHTML: false\n") || strings.Contains(cfg, "markdown") {
		t.Errorf("site.yaml does not write trustHTML:\n%s", cfg)
	}
	b := site.New(site.Options{Dir: dir, Out: filepath.Join(t.TempDir(), "public")})
	st, err := b.Build()
	if err != nil {
		t.Fatalf("a new site does not build:\n%v", err)
	}
	if st.Pages < 5 {
		t.Errorf("built %d pages, want home, 2 sections, a guide and a worksheet at least", st.Pages)
	}
	out := b.Out()
	for _, f := range []string{"index.html", "guides/first-guide/index.html", "worksheets/check-in/index.html", "schema/worksheet.json"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("output lacks %s", f)
		}
	}
	// The brand stylesheet is linked from every page.
	home := read(t, filepath.Join(out, "index.html"))
	if !strings.Contains(home, "/css/custom.") {
		t.Errorf("home page does not link css/custom.css")
	}
	// The worksheet's schema line points at the schema a default build writes.
	ws := filepath.Join(dir, "content/worksheets/check-in.yaml")
	line, _, _ := strings.Cut(read(t, ws), "\n")
	schema := filepath.Join(filepath.Dir(ws), strings.TrimPrefix(line, "# yaml-language-server: $schema="))
	if want := filepath.Join(dir, "public", "schema", "worksheet.json"); schema != want {
		t.Errorf("schema line resolves to %s, want %s", schema, want)
	}
}

func TestInitRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	err := Init(dir)
	if err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Fatalf("Init on a non-empty folder = %v", err)
	}
	if got := read(t, filepath.Join(dir, "notes.txt")); got != "mine" {
		t.Errorf("existing file changed")
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
		t.Errorf("Init wrote into a non-empty folder")
	}
	// An empty existing folder is fine.
	if err := Init(t.TempDir()); err != nil {
		t.Fatalf("Init on an empty folder: %v", err)
	}
}

func TestNewGuideAndWorksheetBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := Init(dir); err != nil {
		t.Fatal(err)
	}
	g, err := NewGuide(dir, "guides/at-work/asking-for-help.md")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "content", "guides", "at-work", "asking-for-help.md"); g != want {
		t.Errorf("NewGuide wrote %s, want %s", g, want)
	}
	guide := read(t, g)
	for _, key := range []string{"title: \"Asking for help\"", "# description:", "date: 2026-03-14", "# lastmod:", "# draft:", "# weight:", "# tags:", "# aliases:", "# slug:"} {
		if !strings.Contains(guide, key) {
			t.Errorf("guide starter lacks %q", key)
		}
	}
	w, err := NewWorksheet(dir, "worksheets/team/weekly.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ws := read(t, w)
	if want := "# yaml-language-server: $schema=../../../public/schema/worksheet.json\n"; !strings.HasPrefix(ws, want) {
		t.Errorf("worksheet starts with %q, want %q", strings.SplitN(ws, "\n", 2)[0], want)
	}
	// .yml is read like .yaml, everywhere.
	y, err := NewWorksheet(dir, "worksheets/daily.yml")
	if err != nil {
		t.Fatal(err)
	}
	if ys := read(t, y); !strings.Contains(ys, `title: "Daily"`) {
		t.Errorf("a .yml worksheet starter is titled after its name without .yml:\n%s", ys)
	}
	st := build(t, dir)
	if st.Pages < 8 {
		t.Errorf("built %d pages", st.Pages)
	}
}

// The starters build in any site, not only in a new one: they link nothing
// that may be missing.
func TestStartersBuildInABareSite(t *testing.T) {
	dir := t.TempDir()
	mk := func(name, body string) {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	mk("content/site.yaml", "title: Bare\nbaseURL: https://example.org/\n")
	mk("content/_index.md", "---\ntitle: Home\n---\n")
	if _, err := NewGuide(dir, "notes.md"); err != nil {
		t.Fatal(err)
	}
	if _, err := NewWorksheet(dir, "worksheets/first.yaml"); err != nil {
		t.Fatal(err)
	}
	build(t, dir)
}

func TestNewRefusals(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "s")
	if err := Init(dir); err != nil {
		t.Fatal(err)
	}
	before := read(t, filepath.Join(dir, "content/guides/first-guide.md"))
	tests := []struct {
		kind, rel, want string
	}{
		{"guide", "guides/first-guide.md", "first-guide.md already exists: not overwriting it"},
		{"worksheet", "worksheets/check-in.yaml", "check-in.yaml already exists: not overwriting it"},
		{"guide", "", "missing path"},
		{"guide", "../escape.md", `path "../escape.md" leaves content/`},
		{"guide", "guides/../../escape.md", "leaves content/"},
		{"guide", "/tmp/x.md", "is absolute"},
		{"guide", "content/guides/x.md", `use "guides/x.md"`},
		{"guide", "guides/x.txt", `ends in .txt: a guide file ends in .md`},
		{"guide", "guides/x", "has no extension"},
		{"guide", "guides/.hidden.md", "hidden name"},
		{"worksheet", "worksheets/x.md", "a worksheet file ends in .yaml"},
		{"worksheet", "worksheets/x.json", "a worksheet file ends in .yaml"},
		{"worksheet", "site.yml", "content/site.yml is the site's configuration, not a worksheet"},
		{"worksheet", "guides/x.yaml", `worksheets live in content/worksheets/: use "worksheets/x.yaml"`},
		{"worksheet", "site.yaml", "content/site.yaml is the site's configuration, not a worksheet"},
	}
	for _, tt := range tests {
		var err error
		if tt.kind == "guide" {
			_, err = NewGuide(dir, tt.rel)
		} else {
			_, err = NewWorksheet(dir, tt.rel)
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("new %s %q: error %v, want one containing %q", tt.kind, tt.rel, err, tt.want)
		}
	}
	if read(t, filepath.Join(dir, "content/guides/first-guide.md")) != before {
		t.Error("an existing guide was changed")
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "escape.md")); err == nil {
		t.Error("a file was written outside content/")
	}
	// Not a site at all.
	if _, err := NewGuide(t.TempDir(), "guides/x.md"); err == nil || !strings.Contains(err.Error(), "has no content/ folder") {
		t.Errorf("NewGuide outside a site: %v", err)
	}
}

func TestTitleFromName(t *testing.T) {
	for in, want := range map[string]string{
		"asking-for-help": "Asking for help",
		"my_site":         "My site",
		"éclair":          "Éclair",
		"--":              "",
	} {
		if got := titleFromName(in); got != want {
			t.Errorf("titleFromName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNewRefusesLinksOutside: mutual new never writes through a symbolic
// link that leads out of the site folder, whatever part of the path it is;
// links inside the site are fine.
func TestNewRefusesLinksOutside(t *testing.T) {
	outside := t.TempDir()
	tests := []struct {
		name, link, to, path string
		want                 string // "" = written
	}{
		{"a section folder", "content/guides", outside, "guides/x.md", "content/guides is a symbolic link to " + outside + ", which is outside the site folder: mutual new does not write through it"},
		{"content itself", "content", outside, "guides/x.md", "content is a symbolic link to " + outside},
		{"the file, to nowhere", "content/guides/x.md", filepath.Join(outside, "new.md"), "guides/x.md", "content/guides/x.md is a symbolic link to " + filepath.Join(outside, "new.md")},
		{"a worksheet folder", "content/worksheets", outside, "worksheets/w.yaml", "content/worksheets is a symbolic link to " + outside},
		{"a folder inside", "content/guides", "other", "guides/x.md", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			if err := Init(dir); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(dir, filepath.FromSlash(tt.link))
			os.MkdirAll(filepath.Join(dir, "content", "other"), 0o755)
			if tt.link == "content" {
				os.Rename(link, filepath.Join(dir, "old-content"))
			} else {
				os.RemoveAll(link)
			}
			if err := os.Symlink(tt.to, link); err != nil {
				t.Fatal(err)
			}
			var err error
			if strings.HasSuffix(tt.path, ".yaml") {
				_, err = NewWorksheet(dir, tt.path)
			} else {
				_, err = NewGuide(dir, tt.path)
			}
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if _, err := os.Stat(filepath.Join(dir, "content", "other", "x.md")); err != nil {
					t.Error("not written through the link inside the site")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
			if ents, _ := os.ReadDir(outside); len(ents) > 0 {
				t.Errorf("wrote outside the site: %v", ents)
			}
		})
	}
}

func TestInitRefusesNoFolder(t *testing.T) {
	wd, _ := os.Getwd()
	for _, dir := range []string{"", " "} {
		if err := Init(dir); err == nil || !strings.Contains(err.Error(), "no folder given") {
			t.Errorf("Init(%q) = %v", dir, err)
		}
	}
	if _, err := os.Stat(filepath.Join(wd, "content")); err == nil {
		t.Error("Init wrote into the current folder")
	}
}
