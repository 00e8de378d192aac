package score

import (
	"strings"
	"testing"
)

// codeModel has every kind of item a code carries: pairs on 0..4, a rating
// whose scale has "does not apply", a lean item on -3..3, a scale written
// out of order with gaps (Values), a 100-option scale (two characters) and
// the boxes of a checklist.
var codeModel = &Model{
	Items: []Item{
		freq("listen.give", Give, "emotional"),
		freq("listen.receive", Receive, "emotional"),
		with(freq("ask", Receive, "practical"), func(it *Item) { it.NA = true }),
		with(lean("deal", -3, 3, ""), func(it *Item) { it.NA = true }),
		{Key: "odd", Side: Give, Weight: 1, Min: 0, Max: 10, Values: []int{10, 5, 0}},
		{Key: "wide", Side: Receive, Weight: 1, Min: 1, Max: 100},
		box("week", "cooked", Give, 1),
		box("week", "drove", Receive, 2),
	},
	Areas:   []string{"emotional", "practical"},
	Wording: "w1",
}

// forge builds a code from a version, a tag, a fingerprint and item
// characters, with a checksum that matches: what a person who read this
// file could make by hand.
func forge(version byte, worksheet, fp, items string) string {
	b := []byte{version}
	b = appendBits(b, fnv1a(worksheet), tagLen)
	b = append(b, fp...)
	b = append(b, items...)
	return string(appendBits(b, fnv1a(string(b)), sumLen))
}

func TestCodeRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		a    Answers
		// want are the answers the code holds, when they differ from a
		// (answers Compute ignores are not carried).
		want Answers
	}{
		{"nothing", Answers{}, nil},
		{"every item", Answers{"listen.give": 4, "listen.receive": 0, "ask": 2, "deal": -3, "odd": 5, "wide": 100, "week": 1, "week.drove": 1},
			Answers{"listen.give": 4, "listen.receive": 0, "ask": 2, "deal": -3, "odd": 5, "wide": 100, "week": 1, "week.drove": 1}},
		{"does not apply", Answers{"ask": NA, "deal": NA}, nil},
		{"a ticked box answers its checklist", Answers{"week.cooked": 1}, Answers{"week": 1, "week.cooked": 1}},
		{"a checklist answered with nothing scored ticked", Answers{"week": 1}, nil},
		{"ignored answers are not carried", Answers{"listen.give": 5, "odd": 3, "listen.receive": NA, "other": 2, "wide": 0},
			Answers{}},
		{"ends of scales", Answers{"odd": 10, "wide": 1, "deal": 3}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, err := EncodeCode(codeModel, "give-and-take", tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if len(code) > 2*len(codeModel.Items)+16 {
				t.Errorf("code %q is %d characters long, more than 2 per item plus 16", code, len(code))
			}
			if want := CodeOverhead + len(codeModel.Items) + 1; len(code) != want { // "wide" takes two
				t.Errorf("code %q is %d characters long, want %d", code, len(code), want)
			}
			for _, c := range []byte(code) {
				if !strings.ContainsRune(alphabet, rune(c)) {
					t.Errorf("code %q has %q, which is not URL-safe base64", code, c)
				}
			}
			got, err := DecodeCode(codeModel, "give-and-take", code)
			if err != nil {
				t.Fatalf("DecodeCode(%q): %v", code, err)
			}
			want := tt.want
			if want == nil {
				want = tt.a
			}
			if !sameAnswers(got, want) {
				t.Errorf("decoded %v, want %v", got, want)
			}
			if r, w := Compute(codeModel, got), Compute(codeModel, tt.a); !equal(r, w) {
				t.Errorf("the decoded answers score %+v, the original %+v", r, w)
			}
			if again, _ := EncodeCode(codeModel, "give-and-take", got); again != code {
				t.Errorf("encoded again: %q, first %q", again, code)
			}
		})
	}
}

func sameAnswers(a, b Answers) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestCodeRefused holds every kind of bad code to the problem it must
// report, and shows that no refused code yields answers.
func TestCodeRefused(t *testing.T) {
	good, err := EncodeCode(codeModel, "give-and-take", Answers{"listen.give": 3, "ask": NA, "week.cooked": 1})
	if err != nil {
		t.Fatal(err)
	}
	fp := Fingerprint(codeModel)
	items := good[1+tagLen+FingerprintLen : len(good)-sumLen]
	changed := func(i int) string {
		b := []byte(good)
		b[i] = alphabet[(digit(b[i])+1)%64]
		return string(b)
	}
	reworded := *codeModel
	reworded.Wording = "w2"
	rescaled := *codeModel
	rescaled.Items = append([]Item(nil), codeModel.Items...)
	rescaled.Items[0].Max = 6
	grown := *codeModel
	grown.Items = append(append([]Item(nil), codeModel.Items...), freq("extra", Give, ""))
	fromGrown, _ := EncodeCode(&grown, "give-and-take", Answers{})
	fromRescaled, _ := EncodeCode(&rescaled, "give-and-take", Answers{"listen.give": 6})
	fromReworded, _ := EncodeCode(&reworded, "give-and-take", Answers{})
	fromOther, _ := EncodeCode(codeModel, "weekly-gestures", Answers{"listen.give": 3})

	tests := []struct {
		name, code string
		want       CodeProblem
	}{
		{"empty", "", NotACode},
		{"words", "hello world", NotACode},
		{"a URL", "https://example.org/", NotACode},
		{"percent-escaped", "1%41%42", NotACode},
		{"padding", good + "=", NotACode},
		{"another version letter", "x" + good[1:], NotACode},
		{"a later format", "2" + good[1:], NewerCode},
		{"version only", "1", Truncated},
		{"cut inside the fingerprint", good[:6], Truncated},
		{"cut before the checksum ends", good[:len(good)-1], Truncated},
		{"cut inside the answers", good[:len(good)-sumLen-2], Truncated},
		{"one character more", good + "A", Altered},
		{"an answer changed", changed(1 + tagLen + FingerprintLen), Altered},
		{"the checksum changed", changed(len(good) - 1), Altered},
		{"the fingerprint changed", changed(1 + tagLen), Altered},
		{"two characters swapped", good[:11] + good[12:13] + good[11:12] + good[13:], Altered},
		{"another worksheet", fromOther, OtherWorksheet},
		{"a question added since", fromGrown, OtherVersion},
		{"a scale changed since", fromRescaled, OtherVersion},
		{"a question reworded since", fromReworded, OtherVersion},
		{"forged: an option past the end", forge('1', "give-and-take", fp, "H"+items[1:]), Altered},
		{"forged: does not apply where there is none", forge('1', "give-and-take", fp, "B"+items[1:]), Altered},
		{"forged: a checklist half answered", forge('1', "give-and-take", fp, items[:len(items)-2]+"DA"), Altered},
		{"forged: a box with does not apply", forge('1', "give-and-take", fp, items[:len(items)-2]+"BB"), Altered},
		{"forged: too short", forge('1', "give-and-take", fp, items[1:]), Altered},
		{"forged: too long", forge('1', "give-and-take", fp, items+"A"), Altered},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := DecodeCode(codeModel, "give-and-take", tt.code)
			ce, ok := err.(*CodeError)
			if !ok || ce.Problem != tt.want {
				t.Fatalf("DecodeCode(%q) = %v, %v; want problem %q", tt.code, a, err, tt.want)
			}
			if a != nil {
				t.Errorf("a refused code gave answers %v", a)
			}
		})
	}
	// The forged cases are refused for their numbers, not their checksum:
	// the same items with the good start decode.
	if _, err := DecodeCode(codeModel, "give-and-take", forge('1', "give-and-take", fp, items)); err != nil {
		t.Errorf("forge does not rebuild the good code: %v", err)
	}
	if _, err := DecodeCode(&Model{Items: []Item{{Key: "a"}}}, "x", good); err == nil || isCodeError(err) {
		t.Errorf("an invalid model gives %v, want its Validate error", err)
	}
}

// TestFingerprint: what changes the meaning of an answer changes the
// fingerprint; what only changes how it scores does not.
func TestFingerprint(t *testing.T) {
	base := Fingerprint(codeModel)
	if len(base) != FingerprintLen {
		t.Fatalf("Fingerprint = %q, want %d characters", base, FingerprintLen)
	}
	// A golden value: changing how fingerprints are made orphans every
	// link and file people hold, so it must be a deliberate change.
	if want := Fingerprint(pairModel); want != "4d6evOS" {
		t.Errorf("Fingerprint(pairModel) = %q, the format fixed %q", want, "4d6evOS")
	}
	edit := func(f func(m *Model)) string {
		m := *codeModel
		m.Items = make([]Item, len(codeModel.Items))
		for i, it := range codeModel.Items {
			it.Values = append([]int(nil), it.Values...)
			m.Items[i] = it
		}
		f(&m)
		return Fingerprint(&m)
	}
	same := map[string]string{
		"weights":                      edit(func(m *Model) { m.Items[0].Weight = 3 }),
		"areas":                        edit(func(m *Model) { m.Items[0].Area = "practical"; m.Areas = nil }),
		"alerts":                       edit(func(m *Model) { m.Items[0].Alert = rng(0, 1) }),
		"reverse":                      edit(func(m *Model) { m.Items[0].Reverse = true }),
		"bands":                        edit(func(m *Model) { m.Bands = []Band{{}} }),
		"consecutive values spelt out": edit(func(m *Model) { m.Items[0].Values = []int{0, 1, 2, 3, 4} }),
	}
	for what, fp := range same {
		if fp != base {
			t.Errorf("changing the %s changed the fingerprint", what)
		}
	}
	differ := map[string]string{
		"a key":          edit(func(m *Model) { m.Items[2].Key = "ask-more" }),
		"a side":         edit(func(m *Model) { m.Items[2].Side = Give }),
		"a scale":        edit(func(m *Model) { m.Items[0].Max = 5 }),
		"option order":   edit(func(m *Model) { m.Items[4].Values = []int{0, 5, 10} }),
		"does not apply": edit(func(m *Model) { m.Items[0].NA = true }),
		"the wording":    edit(func(m *Model) { m.Wording = "w2" }),
		"item order":     edit(func(m *Model) { m.Items[0], m.Items[1] = m.Items[1], m.Items[0] }),
		"a checklist":    edit(func(m *Model) { m.Items[7].Checklist = "other" }),
		"an item less":   edit(func(m *Model) { m.Items = m.Items[1:] }),
	}
	for what, fp := range differ {
		if fp == base {
			t.Errorf("changing %s kept the fingerprint %q", what, fp)
		}
	}
}

func TestCodeTooManyOptions(t *testing.T) {
	m := &Model{Items: []Item{{Key: "a", Side: Give, Weight: 1, Max: MaxCodeOptions - 1}}}
	code, err := EncodeCode(m, "w", Answers{"a": MaxCodeOptions - 1})
	if err != nil || len(code) != CodeOverhead+2 {
		t.Fatalf("a scale of MaxCodeOptions options: %q, %v", code, err)
	}
	if a, err := DecodeCode(m, "w", code); err != nil || a["a"] != MaxCodeOptions-1 {
		t.Errorf("decoded %v, %v", a, err)
	}
	m.Items[0].Max++
	if _, err := EncodeCode(m, "w", Answers{}); err == nil {
		t.Errorf("a scale of MaxCodeOptions+1 options encodes")
	}
	if _, err := DecodeCode(m, "w", code); err == nil {
		t.Errorf("a scale of MaxCodeOptions+1 options decodes")
	}
}

// codeModels are the models FuzzDecodeCode picks from.
var codeModels = []*Model{codeModel, pairModel, {Items: []Item{}}, {Items: []Item{{Key: "w", Side: Give, Weight: 1, Min: -50, Max: 50}}}}

// FuzzDecodeCode feeds the decoder any string: it never panics, refuses
// with a *CodeError, and every code it accepts encodes back to itself.
func FuzzDecodeCode(f *testing.F) {
	for i, m := range codeModels {
		for _, a := range []Answers{{}, {"listen.give": 2, "ask": NA, "week": 1, "week.drove": 1, "w": 50}} {
			code, err := EncodeCode(m, "ws", a)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(byte(i), "ws", code)
			f.Add(byte(i), "other", code)
			f.Add(byte(i), "ws", code[:len(code)-3])
		}
	}
	f.Add(byte(0), "ws", "not a code")
	f.Fuzz(func(t *testing.T, pick byte, worksheet, code string) {
		m := codeModels[int(pick)%len(codeModels)]
		a, err := DecodeCode(m, worksheet, code)
		if err != nil {
			if _, ok := err.(*CodeError); !ok {
				t.Fatalf("DecodeCode(%q) failed with %v, not a *CodeError", code, err)
			}
			return
		}
		again, err := EncodeCode(m, worksheet, a)
		if err != nil || again != code {
			t.Fatalf("DecodeCode(%q) = %v, which encodes to %q, %v", code, a, again, err)
		}
	})
}

// FuzzCodeRoundTrip encodes the answers of any model the scoring fuzzer
// builds: the code decodes to answers that score the same, and encode to
// the same code.
func FuzzCodeRoundTrip(f *testing.F) {
	f.Add([]byte{3, 4, 0, 0, 2, 3, 1, 1, 3, 1, 1})
	f.Add([]byte{2, 5, 129, 1, 4, 0, 5, 2, 2, 2, 1, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1})
	f.Add([]byte{3, 6, 1, 2, 2, 0, 3, 2, 5, 12, 1, 1, 1, 3, 1, 0, 2, 7, 1, 1, 99, 1, 200, 1, 40, 1, 60})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, a, _ := decode(data)
		code, err := EncodeCode(m, "ws", a)
		if err != nil {
			if m.Validate() == nil && codeLength(m) >= 0 {
				t.Fatalf("a valid model does not encode: %v", err)
			}
			return
		}
		if len(code) > 2*len(m.Items)+16 {
			t.Errorf("code of %d characters for %d items", len(code), len(m.Items))
		}
		b, err := DecodeCode(m, "ws", code)
		if err != nil {
			t.Fatalf("DecodeCode(EncodeCode) = %v", err)
		}
		if r, w := Compute(m, b), Compute(m, a); !equal(r, w) {
			t.Errorf("decoded answers %v score %+v; the original %v score %+v", b, r, a, w)
		}
		if again, _ := EncodeCode(m, "ws", b); again != code {
			t.Errorf("encoded again %q, first %q", again, code)
		}
	})
}

func isCodeError(err error) bool {
	_, ok := err.(*CodeError)
	return ok
}
