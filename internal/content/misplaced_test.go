package content

import (
	"os"
	"path/filepath"
	"testing"
)

// TestMisplacedFiles: Markdown under another extension and a worksheet
// outside content/worksheets/ are warnings (they are published as files);
// other files, pages and worksheets in their place are not.
func TestMisplacedFiles(t *testing.T) {
	const sheet = "title: W\nsections:\n  - title: S\n    questions:\n      - {id: a, type: reflection, text: A}\n"
	tests := []struct {
		rel, body string
		kind      Kind
		want      string
	}{
		{"guides/notes.markdown", "# Notes\n", FileSource,
			"content/guides/notes.markdown: this file is published as it is, not as a page: a page's file name ends in .md (rename it notes.md)"},
		{"guides/Notes.MDOWN", "# Notes\n", FileSource,
			"content/guides/Notes.MDOWN: this file is published as it is, not as a page: a page's file name ends in .md (rename it Notes.md)"},
		{"worksheet/check.yaml", sheet, FileSource,
			"content/worksheet/check.yaml: this looks like a worksheet, but only content/worksheets/ holds worksheets: it is published as a file as it is; move it into content/worksheets/ to make it a worksheet page"},
		{"guides/data.yml", "sections: 3\nitems: [a, b]\n", FileSource, ""},
		{"guides/data.yaml", "name: x\n", FileSource, ""},
		{"guides/photo.jpg", "jpg", FileSource, ""},
		{"worksheets/check.yaml", sheet, WorksheetSource, ""},
		{"guides/a.md", "# A\n", PageSource, ""},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		p := filepath.Join(dir, "content", filepath.FromSlash(tt.rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		got := MisplacedFiles([]*Source{{Rel: tt.rel, Kind: tt.kind}}, dir).Error()
		if got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.rel, got, tt.want)
		}
	}
}
