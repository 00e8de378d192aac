package i18n

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestFiles follows one Files through the loads of a site rebuilt after
// edits: a file with the same bytes is taken from the last load (the same
// catalog), an edited one is parsed again, a file with errors reports them
// every time, and a file left out of one load is forgotten.
func TestFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"i18n/en.yaml": {Data: []byte("a: A\n")},
		"i18n/de.yaml": {Data: []byte("a: A-DE\n")},
	}
	var f Files
	load := func() Layer {
		t.Helper()
		l, err := f.LoadLayer(fsys, "i18n", "i18n")
		if err != nil {
			t.Fatal(err)
		}
		f.Done()
		return l
	}
	first := load()
	second := load()
	for _, code := range []Code{"en", "de"} {
		if first[code] != second[code] {
			t.Errorf("%s: parsed again with the same bytes", code)
		}
	}

	fsys["i18n/de.yaml"] = &fstest.MapFile{Data: []byte("a: A-DE2\n")}
	third := load()
	if third["en"] != first["en"] {
		t.Error("en: parsed again though only de.yaml changed")
	}
	if third["de"] == first["de"] || third["de"].Messages["a"] == nil {
		t.Fatalf("de: edit not seen: %+v", third["de"])
	}
	if got, err := third["de"].Messages["a"].Format("de", nil, nil); err != nil || got != "A-DE2" {
		t.Errorf("de a = %q, want A-DE2", got)
	}

	// A broken file reports its error on every load, and its fixed
	// version is read again.
	fsys["i18n/de.yaml"] = &fstest.MapFile{Data: []byte("a: {\n")}
	for range 2 {
		if _, err := f.LoadLayer(fsys, "i18n", "i18n"); err == nil {
			t.Fatal("broken de.yaml: no error")
		}
		f.Done()
	}

	// en.yaml left out of a load (its folder gone) is forgotten.
	delete(fsys, "i18n/en.yaml")
	delete(fsys, "i18n/de.yaml")
	load()
	fsys["i18n/en.yaml"] = &fstest.MapFile{Data: []byte("a: A\n")}
	if again := load(); again["en"] == first["en"] {
		t.Error("en: kept past a load that did not read it")
	}

	// A nil Files parses every time.
	var none *Files
	a, _ := none.LoadLayer(fsys, "i18n", "i18n")
	b, _ := none.LoadLayer(fsys, "i18n", "i18n")
	if a["en"] == b["en"] {
		t.Error("nil Files kept a catalog")
	}
}

// TestLoadLayerUnreadable: a translation file mutual may not read is
// reported in the words of every other such file.
func TestLoadLayerUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file whatever its permissions")
	}
	for _, tt := range []struct{ file, want string }{
		{"de.yaml", "i18n/de.yaml: cannot read: the file's permissions do not let mutual read it (give read permission to the user who runs mutual)"},
	} {
		dir := t.TempDir()
		p := filepath.Join(dir, "i18n", tt.file)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("a: b\n"), 0); err != nil {
			t.Fatal(err)
		}
		_, err := LoadLayer(os.DirFS(dir), "i18n", "i18n")
		if err == nil || err.Error() != tt.want {
			t.Errorf("error %v, want %s", err, tt.want)
		}
	}
}
