package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLinksIntoUnreadableFolder: a folder of content/ or static/ whose
// permissions keep mutual out is one error at the folder; a link into it
// says it leads there, not that its file is missing (build.go passes the
// scan's folders to the model: content.UnreadableFolders). Skipped as
// root, who reads every folder; run it as another user.
func TestLinksIntoUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder whatever its permissions")
	}
	const cannot = "cannot read the folder: its permissions do not let mutual read it (give read and search permission to the user who runs mutual)"
	into := func(dest, dir string) string {
		return `content/guides/a.md:7:1: link to "` + dest + `", which leads into ` + dir + ", a folder mutual cannot read (see the error for that folder)"
	}
	tests := []struct {
		name, locked, link string
		want               []string
	}{
		{"a page by its file", "content/guides/private", "[p](private/p.md)", []string{
			into("private/p.md", "content/guides/private/"),
			"content/guides/private/: " + cannot,
		}},
		{"a page by its address", "content/guides/private", "[p](/guides/private/p/)", []string{
			into("/guides/private/p/", "content/guides/private/"),
			"content/guides/private/: " + cannot,
		}},
		{"a static file", "static/img", "![logo](/img/logo.png)", []string{
			into("/img/logo.png", "static/img/"),
			"static/img/: " + cannot,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := minimalSite(t)
			writeFile(t, dir, "content/guides/private/p.md", "---\ntitle: P\n---\n")
			writeFile(t, dir, "static/img/logo.png", "png\n")
			writeFile(t, dir, "content/guides/a.md", "---\ntitle: A\n---\n## One\n\nSee [b](b.md#two).\n"+tt.link+"\n")
			locked := filepath.Join(dir, filepath.FromSlash(tt.locked))
			if err := os.Chmod(locked, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(locked, 0o755) })
			_, err := New(Options{Dir: dir}).Build()
			if got, want := errText(err), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
