package worksheet

import (
	"strings"
	"testing"
)

// TestCoverage checks the band-coverage rule on worksheets whose sets of
// reachable scores differ: a set no answers can reach needs no band, and
// every set some answers reach does.
func TestCoverage(t *testing.T) {
	const balanceOnly = `results:
  - {balance: [-100, 0], title: Give more}
  - {balance: [1, 100], title: Receive more}
`
	for _, tc := range []struct {
		name, questions, results string
		want                     string // "" for no error, else a part of the message
	}{
		{
			name:      "a checklist scores give and receive at once: neither alone is reachable",
			questions: `{id: c, type: checklist, text: C, options: [{id: a, label: A, side: give}, {id: b, label: B, side: receive}]}`,
			results:   balanceOnly,
		},
		{
			name: "a receive rating makes receive alone reachable",
			questions: `{id: c, type: checklist, text: C, options: [{id: a, label: A, side: give}, {id: b, label: B, side: receive}]}
      - {id: r, type: rating, side: receive, text: R, scale: agreement}`,
			results: balanceOnly,
			want:    "results: when a person answers no give question (give and balance have no value) and their receive score is 0, no band covers that",
		},
		{
			name:      "the two sides of a pair are answered apart: give alone is reachable",
			questions: `{id: p, type: pair, give: G, receive: R, scale: frequency}`,
			results:   balanceOnly,
			want:      "results: when a person answers no receive question (receive and balance have no value) and their give score is 0, no band covers that",
		},
		{
			name:      "a receive-only worksheet needs bands on receive only",
			questions: `{id: r, type: rating, side: receive, text: R, scale: agreement}`,
			results: `results:
  - {receive: [0, 49], title: Low}
  - {receive: [50, 100], title: High}
`,
		},
		{
			name:      "a gap in a receive-only worksheet",
			questions: `{id: r, type: rating, side: receive, text: R, scale: agreement}`,
			results: `results:
  - {receive: [0, 49], title: Low}
  - {receive: [51, 100], title: High}
`,
			want: "results: when a person's receive score is 50, no band covers that",
		},
		{
			name: "lean and give: every mix is reachable, lean ranges cover lean",
			questions: `{id: l, type: lean, text: L, scale: [{label: Me, value: -1}, {label: Even, value: 0}, {label: Them, value: 1}]}
      - {id: g, type: rating, side: give, text: G, scale: agreement}`,
			results: `results:
  - {lean: [-100, -1], title: Leaning to giving}
  - {lean: [0, 100], title: Even or leaning to receiving}
  - {give: [0, 100], title: Give alone}
`,
		},
		{
			name: "a lean gap is named by its lowest value",
			questions: `{id: l, type: lean, text: L, scale: [{label: Me, value: -1}, {label: Even, value: 0}, {label: Them, value: 1}]}
      - {id: g, type: rating, side: give, text: G, scale: agreement}`,
			results: `results:
  - {lean: [-100, -1], title: Leaning to giving}
  - {lean: [1, 100], title: Leaning to receiving}
  - {give: [0, 100], title: Give}
`,
			want: "results: when a person answers no give question (give has no value) and their lean score is 0, no band covers that",
		},
		{
			name:      "a checklist without scored options reaches nothing",
			questions: `{id: c, type: checklist, text: C, options: [{id: a, label: A}]}`,
			results:   "results:\n  - {title: Never needed}\n",
		},
		{
			name:      "without results a worksheet shows scores only, unless it has both sides",
			questions: `{id: r, type: rating, side: receive, text: R, scale: agreement}`,
		},
		{
			name:      "a worksheet with both sides needs results",
			questions: `{id: p, type: pair, give: G, receive: R, scale: frequency}`,
			want:      "missing results",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "title: T\nsections:\n  - title: S\n    questions:\n      - " + tc.questions + "\n" + tc.results
			_, errs := Parse("content/worksheets/t.yaml", []byte(src))
			got := errs.Error()
			switch {
			case tc.want == "" && len(errs) > 0:
				t.Errorf("unexpected errors:\n%s\n%s", got, src)
			case tc.want != "" && !strings.Contains(got, tc.want):
				t.Errorf("errors\n%s\nwant one with %q\n%s", got, tc.want, src)
			}
		})
	}
}

// TestParseFile checks what the file itself decides: the slug, and that a
// second YAML document is an error at its "---" line, while a stray "---"
// with nothing after it is not.
func TestParseFile(t *testing.T) {
	const one = "title: T\nsections:\n  - title: S\n    questions:\n      - {id: a, type: reflection, text: A}\n"
	for _, tc := range []struct {
		path, src, slug, err string
	}{
		{"content/worksheets/w.yaml", one, "w", ""},
		{"content/worksheets/w.yml", one, "w", ""},
		{"content/worksheets/w.yaml", "---\n" + one, "w", ""},
		{"content/worksheets/w.yaml", one + "---\n", "w", ""},
		{"content/worksheets/w.yaml", one + "--- # the end\n", "w", ""},
		{"content/worksheets/w.yaml", one + "...\n", "w", ""},
		{"content/worksheets/w.yaml", one + "---\ntitle: U\n", "w", "content/worksheets/w.yaml:6:1: a second document starts here"},
		{"content/worksheets/w.yaml", one + "\n---\n\n[b]\n", "w", "content/worksheets/w.yaml:7:1: a second document starts here"},
		{"content/worksheets/w.yaml", one + "---\n[\n", "w", "content/worksheets/w.yaml:6:1: a second document starts here"},
	} {
		w, errs := Parse(tc.path, []byte(tc.src))
		if w.Slug != tc.slug {
			t.Errorf("%s: slug %q, want %q", tc.path, w.Slug, tc.slug)
		}
		got := errs.Error()
		if (tc.err == "") != (len(errs) == 0) || !strings.HasPrefix(got, tc.err) {
			t.Errorf("%q: errors %q, want %q", tc.src, got, tc.err)
		}
	}
}
