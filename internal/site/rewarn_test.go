package site

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestRebuildKeepsWarnings: a rebuild after an edit reports the warnings
// a full build of the same files reports, those of the pages it keeps
// included: a Markdown link a page or a worksheet shows as written, a key
// a layout asks T for that no translation has.
func TestRebuildKeepsWarnings(t *testing.T) {
	dir := minimalSite(t)
	writeFile(t, dir, "content/site.yaml", "title: T\nbaseURL: https://example.org/\ntheme: t\n")
	writeFile(t, dir, "themes/t/theme.yaml", "extends: default\n")
	writeFile(t, dir, "themes/t/layouts/page.html", `{{define "main"}}<p>{{T "pager.nxt"}}</p>{{.Content}}{{end}}`)
	writeFile(t, dir, "content/guides/c.md", "---\ntitle: C\n---\nSee ![a photo](my photo.png).\n")
	writeFile(t, dir, "content/worksheets/w.yaml", "title: W\nintro: See ![a photo](my photo.png).\nsections:\n  - title: S\n    questions:\n      - {id: n, type: reflection, text: Notes}\n")
	b := New(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out"), Watch: true})
	if _, err := b.Build(); err != nil {
		t.Fatal(err)
	}
	full := b.Warnings().Error()
	if full == "" {
		t.Fatal("the site has no warnings to keep")
	}
	for i, edit := range []string{"Hello again.\n", "Hello once more.\n"} {
		writeFile(t, dir, "content/_index.md", "---\ntitle: Home\n---\n"+edit)
		if _, err := b.Build(); err != nil {
			t.Fatal(err)
		}
		if got := b.Warnings().Error(); got != full {
			t.Errorf("rebuild %d: warnings\n%s\nwant those of the full build:\n%s", i+1, got, full)
		}
	}
}

// TestSheetMemoRetain: retain keeps the pages named and forgets the rest.
func TestSheetMemoRetain(t *testing.T) {
	for _, tt := range []struct {
		name string
		have []string
		keep []string
		want []string
	}{
		{"empty memo", nil, []string{"worksheets/a/index.html"}, nil},
		{"all kept", []string{"worksheets/a/index.html", "worksheets/b/index.html"}, []string{"worksheets/a/index.html", "worksheets/b/index.html"}, []string{"worksheets/a/index.html", "worksheets/b/index.html"}},
		{"one gone", []string{"worksheets/a/index.html", "worksheets/b/index.html"}, []string{"worksheets/b/index.html"}, []string{"worksheets/b/index.html"}},
		{"none left", []string{"worksheets/a/index.html", "es/worksheets/a/index.html"}, nil, nil},
		{"a new page is not added", []string{"worksheets/a/index.html"}, []string{"worksheets/a/index.html", "worksheets/c/index.html"}, []string{"worksheets/a/index.html"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var m sheetMemo
			for _, out := range tt.have {
				m.put(out, sheetReport{})
			}
			keep := map[string]bool{}
			for _, out := range tt.keep {
				keep[out] = true
			}
			m.retain(keep)
			if got := slices.Sorted(maps.Keys(m.byOut)); !slices.Equal(got, tt.want) {
				t.Errorf("after retain: %q, want %q", got, tt.want)
			}
		})
	}
}

// TestRebuildForgetsWorksheets: a rebuild forgets what a worksheet gone
// since (removed, renamed) reported, so a long serve does not hold every
// worksheet it ever built.
func TestRebuildForgetsWorksheets(t *testing.T) {
	dir := minimalSite(t)
	sheet := "title: W\nsections:\n  - title: S\n    questions:\n      - {id: n, type: reflection, text: Notes}\n"
	b := New(Options{Dir: dir, Out: filepath.Join(t.TempDir(), "out"), Watch: true})
	for i, step := range []struct {
		write, remove []string // worksheets, by name in content/worksheets
		want          []string // the memo's pages after the build
	}{
		{write: []string{"a", "b"}, want: []string{"worksheets/a/index.html", "worksheets/b/index.html"}},
		{remove: []string{"b"}, want: []string{"worksheets/a/index.html"}},
		{write: []string{"c"}, remove: []string{"a"}, want: []string{"worksheets/c/index.html"}}, // renamed
		{write: []string{"b"}, want: []string{"worksheets/b/index.html", "worksheets/c/index.html"}},
		{remove: []string{"b", "c"}, want: nil},
	} {
		var changed []string
		for _, name := range step.write {
			writeFile(t, dir, "content/worksheets/"+name+".yaml", sheet)
			changed = append(changed, filepath.Join(dir, "content", "worksheets", name+".yaml"))
		}
		for _, name := range step.remove {
			p := filepath.Join(dir, "content", "worksheets", name+".yaml")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			changed = append(changed, p)
		}
		if i > 0 {
			b.Changed(changed) // as serve tells it
		}
		if _, err := b.Build(); err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		if got := slices.Sorted(maps.Keys(b.sheets.byOut)); !slices.Equal(got, step.want) {
			t.Errorf("build %d: the memo holds %q, want %q", i, got, step.want)
		}
	}
}
