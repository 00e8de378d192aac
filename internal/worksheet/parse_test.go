package worksheet

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mutual/internal/diag"
	"mutual/internal/score"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sitePath is the site-relative path errors name for a test file.
func sitePath(file string) string {
	return "content/worksheets/" + filepath.Base(file)
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func glob(t testing.TB, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %s (%v)", pattern, err)
	}
	return files
}

// TestErrors holds every validation error, one case per file in
// testdata/errors, each with its messages in a golden .err file.
func TestErrors(t *testing.T) {
	for _, file := range glob(t, "testdata/errors/*.yaml") {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, errs := Parse(sitePath(file), src)
			if len(errs) == 0 {
				t.Fatal("no errors")
			}
			checkPositions(t, src, errs)
			golden(t, strings.TrimSuffix(file, ".yaml")+".err", []byte(errs.Error()+"\n"))
		})
	}
}

func checkPositions(t testing.TB, src []byte, errs diag.List) {
	t.Helper()
	lines := bytes.Count(src, []byte("\n")) + 1
	for _, e := range errs {
		if e.Line < 0 || e.Line > lines || e.Col < 0 || e.Line > 0 && e.Col < 1 || e.Line == 0 && e.Col != 0 {
			t.Errorf("error outside the file (%d lines): %v", lines, e)
		}
		if e.Msg == "" || strings.ToLower(e.Msg[:1]) != e.Msg[:1] {
			t.Errorf("message must start lowercase: %v", e)
		}
	}
}

func TestGood(t *testing.T) {
	for _, file := range glob(t, "testdata/good/*.yaml") {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			w, errs := Parse(sitePath(file), src)
			if len(errs) > 0 {
				t.Fatalf("unexpected errors:\n%v", errs)
			}
			checkModel(t, w.Model())
			if len(w.LegacyFingerprint) != 12 {
				t.Errorf("legacy fingerprint %q is not 12 hex digits", w.LegacyFingerprint)
			}
			for _, s := range w.Sections {
				for _, q := range s.Questions {
					if len(q.Fingerprint) != 10 {
						t.Errorf("question %s: fingerprint %q is not 10 hex digits", q.ID, q.Fingerprint)
					}
				}
			}
		})
	}
}

// checkModel holds a valid worksheet's model to what the scorer accepts:
// score's invariants, and values JavaScript holds exactly.
func checkModel(t testing.TB, m *score.Model) {
	t.Helper()
	if err := m.Validate(); err != nil {
		t.Error(err)
	}
	for _, it := range m.Items {
		if it.Min < -score.MaxValue || it.Max > score.MaxValue {
			t.Errorf("item %+v: values beyond ±%d", it, score.MaxValue)
		}
	}
}

func TestParseFull(t *testing.T) {
	src, err := os.ReadFile("testdata/good/full.yaml")
	if err != nil {
		t.Fatal(err)
	}
	w, errs := Parse("content/worksheets/full.yaml", src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if w.Slug != "full" || w.Title != "Give and take" || w.Minutes != 10 || len(w.Tags) != 2 {
		t.Errorf("header: %+v", w)
	}
	// The intro is a block scalar: its text starts on the line after "|",
	// at its indentation.
	if w.Intro.Line != 8 || w.Intro.Col != 3 {
		t.Errorf("intro at %d:%d, want 8:3", w.Intro.Line, w.Intro.Col)
	}
	q := w.Sections[0].Questions[0]
	if q.Help.Line != 29 || q.Help.Col != 16 { // after the opening quote
		t.Errorf("help at %d:%d, want 29:16", q.Help.Line, q.Help.Col)
	}
	if a := w.Areas[0]; a.See == nil || *a.See != (Link{"../guides/listening.md", 17, 52}) {
		t.Errorf("area see = %+v", a.See)
	}
	if b := w.Results[2]; len(b.See) != 1 || b.See[0] != (Link{"../guides/giving.md", 73, 10}) {
		t.Errorf("band see = %+v", b.See)
	}
	m := w.Model()
	var keys []string
	for _, it := range m.Items {
		keys = append(keys, it.Key+":"+string(it.Side))
	}
	want := "listening.give:give listening.receive:receive accept-help:receive errands.give:give errands.receive:receive keep-score:give safe-to-say-no:receive"
	if got := strings.Join(keys, " "); got != want {
		t.Errorf("items\n got %s\nwant %s", got, want)
	}
	if it := m.Items[3]; it.Min != 0 || it.Max != 2 || it.Weight != 1.5 || it.Area != "practical" {
		t.Errorf("errands.give = %+v", it)
	}
	if it := m.Items[6]; it.Alert == nil || *it.Alert != (score.Range{0, 1}) {
		t.Errorf("safe-to-say-no = %+v", it)
	}
}

// TestLegacyFingerprint checks that the whole-worksheet fingerprint
// answers used to be saved under stays what it was: a page can only find
// those answers by it.
func TestLegacyFingerprint(t *testing.T) {
	src := `title: T
sections:
  - title: S
    questions:
      - {id: a, type: rating, side: give, text: A, scale: agreement}
      - {id: b, type: reflection, text: B}
`
	w, errs := Parse("content/worksheets/t.yaml", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// The value the earlier code computed for this worksheet.
	if want := "ac9afab99d5f"; w.LegacyFingerprint != want {
		t.Errorf("legacy fingerprint %s, want %s", w.LegacyFingerprint, want)
	}
}

// TestFingerprint checks that a question's fingerprint changes exactly when
// a saved answer would mean something else: its own id, type, side, texts,
// scale or options, and never with another question or with what does not
// change an answer's meaning.
func TestFingerprint(t *testing.T) {
	base := `title: T
scales:
  s: [{label: N, value: 0}, {label: Y, value: 1}]
sections:
  - title: S
    questions:
      - {id: a, type: rating, side: give, text: A, scale: agreement, weight: 1, area: x}
      - {id: p, type: pair, give: G, receive: R, scale: s}
      - {id: c, type: checklist, text: C, options: [{id: o, label: O, side: give}]}
      - {id: l, type: lean, text: L, scale: [{label: Me, value: -1}, {value: 0}, {label: Them, value: 1}]}
      - {id: b, type: reflection, text: B}
areas: [{id: x, label: X}, {id: y, label: Y}]
results: [{title: All}]
`
	fps := func(src string) map[string]string {
		t.Helper()
		w, errs := Parse("content/worksheets/t.yaml", []byte(src))
		if len(errs) > 0 {
			t.Fatalf("%v\n%s", errs, src)
		}
		m := map[string]string{}
		for _, s := range w.Sections {
			for _, q := range s.Questions {
				m[q.ID] = q.Fingerprint
			}
		}
		return m
	}
	want := fps(base)
	for _, tc := range []struct {
		name, old, new string
		changed        string // the question whose fingerprint changes, "" for none
	}{
		{"text", "text: A,", "text: Another text,", "a"},
		{"side", "side: give", "side: receive", "a"},
		{"scale id", "scale: agreement", "scale: agreement-na", "a"},
		{"weight", "weight: 1", "weight: 3", ""},
		{"area", "area: x}", "area: y}", ""},
		{"help", "scale: agreement,", "help: Some help, scale: agreement,", ""},
		{"section title", "title: S", "title: Other", ""},
		{"declared scale label", "{label: Y, value: 1}", "{label: Yes, value: 1}", "p"},
		{"declared scale value", "{label: Y, value: 1}", "{label: Y, value: 2}", "p"},
		{"give text", "give: G", "give: Given", "p"},
		{"option label", "label: O,", "label: Other,", "c"},
		{"option side", "side: give}]", "side: receive}]", "c"},
		{"option weight", "side: give}]", "side: give, weight: 2}]", ""},
		{"none label", "options: [", "none_label: Nothing, options: [", "c"},
		{"middle label", "{value: 0}", "{label: Even, value: 0}", "l"},
		{"does not apply", "{label: Them, value: 1}]", "{label: Them, value: 1}, {label: NA, na: true}]", "l"},
		{"reverse", "text: L,", "text: L, reverse: true,", ""},
		{"reflection text", "text: B}", "text: B2}", "b"},
		{"order", "      - {id: b, type: reflection, text: B}\n", "", ""},
	} {
		changed := strings.Replace(base, tc.old, tc.new, 1)
		if tc.name == "order" {
			changed = strings.Replace(changed, "      - {id: a,", "      - {id: b, type: reflection, text: B}\n      - {id: a,", 1)
		}
		if changed == base {
			t.Fatalf("%s: the case changes nothing", tc.name)
		}
		got := fps(changed)
		for id, fp := range want {
			if (got[id] != fp) != (id == tc.changed) {
				t.Errorf("%s: question %s: fingerprint %s, before %s; want changed only for %q", tc.name, id, got[id], fp, tc.changed)
			}
		}
	}
}

// FuzzParse checks that Parse never panics, positions every error inside
// the file, and yields a scorable model whenever it reports no error.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"testdata/errors/*.yaml", "testdata/good/*.yaml"} {
		for _, file := range glob(f, pattern) {
			src, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		w, errs := Parse("content/worksheets/fuzz.yaml", src)
		checkPositions(t, src, errs)
		if len(errs) == 0 {
			checkModel(t, w.Model())
		}
	})
}
