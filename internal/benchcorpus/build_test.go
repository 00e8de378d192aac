package benchcorpus

import (
	"path/filepath"
	"testing"

	"mutual/internal/site"
)

// The corpus builds with the real site package and its embedded theme.
func TestCorpusBuilds(t *testing.T) {
	dir := t.TempDir()
	const pages = 50
	if err := Write(dir, pages, 1); err != nil {
		t.Fatal(err)
	}
	stats, err := site.New(site.Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out")}).Build()
	if err != nil {
		t.Fatal(err)
	}
	// The guides, the home page and the Guides section with its sub-sections.
	if min := pages + 2 + Sections; stats.Pages < min {
		t.Errorf("built %d pages, want at least %d", stats.Pages, min)
	}
}
