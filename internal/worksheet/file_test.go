package worksheet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"mutual/internal/score"
)

func intp(v int) *int { return &v }

// fullFile uses every part of the format.
func fullFile() *File {
	return &File{
		Worksheet:   "give-and-take",
		Title:       "Give and take",
		Fingerprint: "4d6evOS",
		Saved:       "2026-03-14",
		Answers: Records{
			"listening": {Fingerprint: "0a1b2c3d4e", Values: map[string]Answer{"listening.give": {Text: "3"}, "listening.receive": {Text: "na"}}},
			"this-week": {Fingerprint: "abcdef0123", Values: map[string]Answer{"this-week": {List: []string{"cooked", "none"}, IsList: true}}},
			"nothing":   {Fingerprint: "abcdef0124", Values: map[string]Answer{"nothing": {List: []string{}, IsList: true}}},
			"note":      {Fingerprint: "9999999999", Values: map[string]Answer{"note": {Text: "Call \"Sam\" on Sunday — then <rest>.\n\tÇa va?"}}},
		},
		Snapshots: []Snapshot{
			{Date: "2026-03-01", Fingerprint: "4d6evOS", Scores: Scores{Answered: 12, Total: 40, Give: intp(63), Receive: intp(50), Balance: intp(-13)},
				Answers: Records{"listening": {Fingerprint: "0a1b2c3d4e", Values: map[string]Answer{"listening.give": {Text: "4"}}}}},
			{Date: "2025-12-31", Fingerprint: "zzzzzz_", Scores: Scores{Total: 3, Lean: intp(-100)}, Answers: Records{}},
		},
		Comparisons: []Comparison{{Code: "1k4Q_AptPgGABAAAADCfdgrsq", Kept: "2026-03-10"}},
	}
}

func TestFileRoundTrip(t *testing.T) {
	for name, f := range map[string]*File{
		"everything": fullFile(),
		"empty":      {Worksheet: "w", Fingerprint: "AAAAAAA", Saved: "2026-01-01"},
	} {
		t.Run(name, func(t *testing.T) {
			data, err := f.Marshal()
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadFile(data)
			if err != nil {
				t.Fatalf("ReadFile(Marshal) = %v\n%s", err, data)
			}
			want := *f
			want.Format, want.Version = FileFormat, FileVersion
			if want.Answers == nil {
				want.Answers = Records{}
			}
			if want.Snapshots == nil {
				want.Snapshots = []Snapshot{}
			}
			if want.Comparisons == nil {
				want.Comparisons = []Comparison{}
			}
			if !reflect.DeepEqual(got, &want) {
				t.Errorf("read back\n%+v\nwant\n%+v", got, &want)
			}
			again, err := got.Marshal()
			if err != nil || !bytes.Equal(again, data) {
				t.Errorf("written again:\n%s\nfirst:\n%s", again, data)
			}
		})
	}
	// The documented example reads.
	data, _ := fullFile().Marshal()
	for _, want := range []string{`"format": "mutual-answers"`, `"version": 1`, `"worksheet": "give-and-take"`, `"fingerprint": "4d6evOS"`,
		`"this-week": [`, `"balance": -13`, `"lean": null`, `"kept": "2026-03-10"`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the file lacks %s:\n%s", want, data)
		}
	}
}

func TestReadFileRefused(t *testing.T) {
	good, err := fullFile().Marshal()
	if err != nil {
		t.Fatal(err)
	}
	edit := func(old, new string) string {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("the file has no %q", old)
		}
		return strings.Replace(string(good), old, new, 1)
	}
	tests := []struct {
		name, data string
		want       FileProblem
	}{
		{"not JSON", "hello", NotAnswers},
		{"cut short", string(good[:len(good)/2]), NotAnswers},
		{"a list", "[1, 2]", NotAnswers},
		{"another format", edit(`"mutual-answers"`, `"something-else"`), NotAnswers},
		{"no format", `{"version": 1}`, NotAnswers},
		{"not UTF-8", edit("Ça", "\xc3\x28a"), NotAnswers},
		{"a later version", edit(`"version": 1`, `"version": 2`), NewerFile},
		{"version 0", edit(`"version": 1`, `"version": 0`), DamagedFile},
		{"no version", edit(`"version": 1,`, ``), DamagedFile},
		{"a bad slug", edit(`"worksheet": "give-and-take"`, `"worksheet": "../etc"`), DamagedFile},
		{"a bad date", edit(`"saved": "2026-03-14"`, `"saved": "2026-13-14"`), DamagedFile},
		{"a bad fingerprint", edit(`"fingerprint": "4d6evOS"`, `"fingerprint": "4d6ev"`), DamagedFile},
		{"a bad question id", edit(`"listening": {`, `"Listening": {`), DamagedFile},
		{"a bad question fingerprint", edit(`"0a1b2c3d4e"`, `"0A1B2C3D4E"`), DamagedFile},
		{"a bad input name", edit(`"listening.give": "3"`, `"listening.other": "3"`), DamagedFile},
		{"a number for an answer", edit(`"listening.give": "3"`, `"listening.give": 3`), DamagedFile},
		{"no values", edit(`"values": {
        "nothing": []
      }`, `"values": null`), DamagedFile},
		{"a text too long", edit(`"Call \"Sam\"`, `"`+strings.Repeat("x", MaxTextLen)+`Call \"Sam\"`), DamagedFile},
		{"a bad box", edit(`"cooked"`, `"<b>"`), DamagedFile},
		{"scores out of range", edit(`"balance": -13`, `"balance": -130`), DamagedFile},
		{"more answered than total", edit(`"answered": 12`, `"answered": 41`), DamagedFile},
		{"a bad code", edit(`"1k4Q_AptPgGABAAAADCfdgrsq"`, `"1k4Q/Apt"`), DamagedFile},
		{"a snapshot without date", edit(`"date": "2026-03-01",`, ``), DamagedFile},
		{"too large", string(good) + strings.Repeat(" ", MaxFileSize), DamagedFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ReadFile([]byte(tt.data))
			fe, ok := err.(*FileError)
			if !ok || fe.Problem != tt.want {
				t.Errorf("ReadFile = %v, %v; want problem %q", f, err, tt.want)
			}
		})
	}
}

// TestFileFor: opening a file restores the answers whose question is
// unchanged, counts the changed ones that held an answer, and refuses a
// file of another worksheet.
func TestFileFor(t *testing.T) {
	w, errs := Parse("content/worksheets/w.yaml", []byte(`title: W
sections:
  - title: S
    questions:
      - {id: a, type: rating, side: give, text: I help them., scale: agreement}
      - {id: b, type: rating, side: receive, text: They help me., scale: agreement}
      - {id: c, type: rating, side: receive, text: They thank me., scale: agreement}
      - {id: r, type: reflection, text: A note}
results:
  - {title: Any}
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	fp := func(id string) string {
		for _, q := range w.Sections[0].Questions {
			if q.ID == id {
				return q.Fingerprint
			}
		}
		t.Fatalf("no question %s", id)
		return ""
	}
	f := &File{Worksheet: "w", Answers: Records{
		"a":    {Fingerprint: fp("a"), Values: map[string]Answer{"a": {Text: "3"}}},
		"b":    {Fingerprint: "0000000000", Values: map[string]Answer{"b": {Text: "1"}}},    // changed since
		"c":    {Fingerprint: "0000000000", Values: map[string]Answer{"c": {Text: ""}}},     // changed, but empty
		"gone": {Fingerprint: "0000000000", Values: map[string]Answer{"gone": {Text: "2"}}}, // no longer there
		"r":    {Fingerprint: fp("r"), Values: map[string]Answer{"r": {Text: "kept"}}},
	}}
	restored, changed, err := f.For(w)
	if err != nil {
		t.Fatal(err)
	}
	if changed != 1 {
		t.Errorf("changed = %d, want 1 (b)", changed)
	}
	if len(restored) != 2 || restored["a"].Values["a"].Text != "3" || restored["r"].Values["r"].Text != "kept" {
		t.Errorf("restored %+v, want a and r", restored)
	}
	f.Worksheet = "other"
	if _, _, err := f.For(w); err == nil || err.(*FileError).Problem != OtherWorksheetFile {
		t.Errorf("a file of another worksheet: %v", err)
	}
}

// FuzzReadFile: ReadFile never panics, and a file it accepts writes back
// to a file that reads the same.
func FuzzReadFile(f *testing.F) {
	// Small seeds: the fuzzer minimizes each new input it finds, which
	// takes long on large ones.
	f.Add([]byte(`{"format":"mutual-answers","version":1,"worksheet":"w","fingerprint":"AAAAAAA","saved":"2026-01-01",` +
		`"answers":{"a":{"fingerprint":"0123456789","values":{"a":"3","a.give":["x","none"]}}},` +
		`"snapshots":[{"date":"2026-01-02","fingerprint":"AAAAAAB","scores":{"answered":1,"total":2,"give":5,"receive":null,"balance":null,"lean":-3},"answers":{}}],` +
		`"comparisons":[{"code":"1AB","kept":"2026-01-03"}]}`))
	f.Add([]byte(`{"format":"mutual-answers","version":1,"worksheet":"w","fingerprint":"AAAAAAA","saved":"2026-01-01"}`))
	f.Add([]byte(`{"format":"mutual-answers","version":1,"answers":{"a":{"fingerprint":"0123456789","values":{"a":["x"]}}}}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ReadFile(data)
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("ReadFile failed with %T %v", err, err)
			}
			return
		}
		out, err := file.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		again, err := ReadFile(out)
		if err != nil {
			t.Fatalf("an accepted file written back is refused: %v\n%s", err, out)
		}
		if out2, _ := again.Marshal(); !bytes.Equal(out, out2) {
			t.Fatalf("written twice differs:\n%s\n%s", out, out2)
		}
	})
}

// TestModelValues: the model lists a scale's values only when they have
// gaps or run downwards, and rewording a question changes the scoring
// fingerprint while a new weight does not.
func TestModelValues(t *testing.T) {
	src := `title: V
scales:
  gaps: [{label: None, value: 0}, {value: 5}, {label: Lots, value: 10}]
  down: [{label: High, value: 2}, {value: 1}, {label: Low, value: 0}]
  plain: [{label: Low, value: -1}, {value: 0}, {label: High, value: 1}]
sections:
  - title: S
    questions:
      - {id: a, type: rating, side: give, text: A., scale: gaps}
      - {id: b, type: rating, side: give, text: B., scale: down}
      - {id: c, type: rating, side: give, text: C., scale: plain, weight: 1}
results:
  - {title: Any}
`
	m := parseModel(t, src)
	want := [][]int{{0, 5, 10}, {2, 1, 0}, nil}
	for i, it := range m.Items {
		if !reflect.DeepEqual(it.Values, want[i]) {
			t.Errorf("item %s: values %v, want %v", it.Key, it.Values, want[i])
		}
	}
	fp := score.Fingerprint(m)
	if got := score.Fingerprint(parseModel(t, strings.Replace(src, "weight: 1", "weight: 3", 1))); got != fp {
		t.Errorf("a new weight changed the fingerprint")
	}
	if got := score.Fingerprint(parseModel(t, strings.Replace(src, "text: C.", "text: See.", 1))); got == fp {
		t.Errorf("a reworded question kept the fingerprint")
	}
	if got := score.Fingerprint(parseModel(t, strings.Replace(src, "text: C., scale: plain", "text: C., scale: plain, help: Hint", 1))); got != fp {
		t.Errorf("a help text changed the fingerprint")
	}
}

func parseModel(t *testing.T, src string) *score.Model {
	t.Helper()
	w, errs := Parse("content/worksheets/v.yaml", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return w.Model()
}
