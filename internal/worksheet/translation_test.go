package worksheet

import (
	"strings"
	"testing"

	"mutual/internal/score"
)

// original is a worksheet with every kind of thing a translation must keep:
// minutes, a declared scale, areas, sections with each question type,
// weights, a reverse flag, an alert, checklist boxes and result bands.
const original = `title: Give and take
minutes: 5
scales:
  often:
    - {label: Never, value: 0}
    - {label: Always, value: 2}
    - {label: Does not apply, na: true}
areas:
  - {id: home, label: At home}
  - {id: talk, label: Talking}
sections:
  - title: First
    questions:
      - {id: listen, type: pair, area: talk, give: I listen., receive: They listen., scale: often}
      - {id: chores, type: rating, side: give, area: home, text: I cook., scale: frequency, weight: 2}
      - {id: safe, type: rating, side: receive, text: I feel safe., scale: agreement, alert: [0, 1], reverse: true}
  - title: Second
    questions:
      - id: helped
        type: checklist
        text: This week I
        options:
          - {id: cooked, label: cooked, side: give}
          - {id: asked, label: asked for help, side: receive, weight: 2}
      - {id: notes, type: reflection, text: Anything else}
results:
  - {title: You give more, balance: [-100, -1]}
  - {title: Even, balance: [0, 100]}
  - {title: Anything}
`

// spanish is original with every text translated and nothing else.
var spanish = strings.NewReplacer(
	"Give and take", "Dar y recibir", "Never", "Nunca", "Always", "Siempre", "Does not apply", "No se aplica",
	"At home", "En casa", "Talking", "Hablar", "First", "Primero", "Second", "Segundo",
	"I listen.", "Escucho.", "They listen.", "Me escuchan.", "I cook.", "Cocino.", "I feel safe.", "Me siento seguro.",
	"This week I", "Esta semana", "label: cooked", "label: cociné", "asked for help", "pedí ayuda",
	"Anything else", "Algo más", "You give more", "Usted da más", "title: Even", "title: Parejo", "title: Anything", "title: Cualquiera",
).Replace(original)

func parseOK(t *testing.T, name, src string) *Worksheet {
	t.Helper()
	w, errs := Parse(name, []byte(src))
	if len(errs) > 0 {
		t.Fatalf("%s does not parse:\n%v", name, errs)
	}
	return w
}

// TestTranslate: a translation that changes only texts passes, and takes
// the original's fingerprints, so that it scores, saves and shares as the
// original does.
func TestTranslate(t *testing.T) {
	orig := parseOK(t, "content/worksheets/give.yaml", original)
	tr := parseOK(t, "content/worksheets/give.es.yaml", spanish)
	got, errs := Translate(orig, tr)
	if len(errs) > 0 {
		t.Fatalf("a faithful translation was refused:\n%v", errs)
	}
	if got.Title != "Dar y recibir" || got.Slug != orig.Slug || got.LegacyFingerprint != orig.LegacyFingerprint {
		t.Errorf("translation: title %q slug %q legacy %q; want the Spanish title and the original's slug %q and legacy fingerprint %q",
			got.Title, got.Slug, got.LegacyFingerprint, orig.Slug, orig.LegacyFingerprint)
	}
	if tr.Sections[0].Questions[0].Fingerprint == orig.Sections[0].Questions[0].Fingerprint {
		t.Fatal("the test needs a translation whose own fingerprints differ")
	}
	for i, s := range got.Sections {
		for j, q := range s.Questions {
			if o := orig.Sections[i].Questions[j]; q.Fingerprint != o.Fingerprint {
				t.Errorf("question %s: fingerprint %s, the original's is %s", q.ID, q.Fingerprint, o.Fingerprint)
			}
		}
	}
	mo, mt := orig.Model(), got.Model()
	if score.Fingerprint(mo) != score.Fingerprint(mt) {
		t.Errorf("scoring fingerprint %s, the original's is %s", score.Fingerprint(mt), score.Fingerprint(mo))
	}
	if tr.Sections[0].Questions[0].Fingerprint == got.Sections[0].Questions[0].Fingerprint {
		t.Error("Translate changed the translation it was given")
	}
}

// TestTranslateMismatch: every difference that would make a translation
// score differently is an error at its line in the translation, naming
// the original's place.
func TestTranslateMismatch(t *testing.T) {
	tests := []struct {
		name     string
		old, new string // one change to the Spanish file
		want     []string
	}{
		{"minutes", "minutes: 5", "minutes: 6", []string{`give.es.yaml:2:10: minutes: 6 here, 5 in the original (content/worksheets/give.yaml:2:10); a translation changes only texts`}},
		{"minutes removed", "minutes: 5\n", "", []string{`give.es.yaml:1:1: minutes: none here, 5 in the original`}},
		{"scale values", "{label: Siempre, value: 2}", "{label: Siempre, value: 3}", []string{`give.es.yaml:4:3: scale "often": values 0, 3, does not apply here, 0, 2, does not apply in the original (content/worksheets/give.yaml:4:3)`}},
		{"scale not applicable dropped", "    - {label: No se aplica, na: true}\n", "", []string{`scale "often": values 0, 2 here, 0, 2, does not apply in the original`}},
		{"scale renamed (everywhere)", "often", "usual", []string{
			`give.es.yaml:4:3: scale "usual" is not in the original`,
			`the original's scale "often" (content/worksheets/give.yaml:4:3) is missing here`}},
		{"area renamed (everywhere)", "home", "casa", []string{
			`area "casa" is not in the original`, `the original's area "home" (content/worksheets/give.yaml:9:5) is missing here`}},
		{"area order", "  - {id: home, label: En casa}\n  - {id: talk, label: Hablar}", "  - {id: talk, label: Hablar}\n  - {id: home, label: En casa}", []string{
			`give.es.yaml:9:5: area "talk" comes where the original has area "home" (content/worksheets/give.yaml:9:5): keep the original's order, home, talk`}},
		{"question type", "type: rating, side: give", "type: lean", []string{`question "chores": type lean here, rating in the original`}},
		{"side", "side: give, area: home", "side: receive, area: home", []string{`question "chores": side receive here, give in the original`}},
		{"area of a question", "side: give, area: home", "side: give, area: talk", []string{`question "chores": area "talk" here, "home" in the original`}},
		{"built-in scale", "scale: frequency, weight: 2", "scale: agreement, weight: 2", []string{`question "chores": scale agreement here, frequency in the original`}},
		{"weight", "scale: frequency, weight: 2", "scale: frequency, weight: 3", []string{`give.es.yaml:15:101: question "chores": weight 3 here, 2 in the original`}},
		{"reverse", "reverse: true", "reverse: false", []string{`question "safe": reverse false here, true in the original`}},
		{"alert", "alert: [0, 1]", "alert: [0, 2]", []string{`question "safe": alert [0, 2] here, [0, 1] in the original`}},
		{"question id", "{id: notes, type: reflection", "{id: notas, type: reflection", []string{
			`question "notas" is not in the original (did you mean "notes"?)`, `the original's question "notes" (content/worksheets/give.yaml:25:9) is missing here`}},
		{"question moved between sections", "      - {id: notes, type: reflection, text: Algo más}\n", "", []string{`the original's question "notes"`}},
		{"question order", "      - {id: listen, type: pair, area: talk, give: Escucho., receive: Me escuchan., scale: often}\n      - {id: chores, type: rating, side: give, area: home, text: Cocino., scale: frequency, weight: 2}",
			"      - {id: chores, type: rating, side: give, area: home, text: Cocino., scale: frequency, weight: 2}\n      - {id: listen, type: pair, area: talk, give: Escucho., receive: Me escuchan., scale: often}", []string{
				`question "chores" comes where the original has question "listen"`}},
		{"box ids", "{id: asked, label: pedí ayuda", "{id: pedi, label: pedí ayuda", []string{`question "helped": boxes cooked, pedi here, cooked, asked in the original`}},
		{"box side", "{id: cooked, label: cociné, side: give}", "{id: cooked, label: cociné, side: receive}", []string{`give.es.yaml:23:13: question "helped", box "cooked": side "receive" here, "give" in the original (content/worksheets/give.yaml:23:13)`}},
		{"box weight", "side: receive, weight: 2}", "side: receive, weight: 1}", []string{`question "helped", box "asked": weight 1 here, 2 in the original`}},
		{"band range", "balance: [-100, -1]", "balance: [-100, -2]", []string{`band 1: balance [-100, -2] here, [-100, -1] in the original`}},
		{"band removed", "  - {title: Parejo, balance: [0, 100]}\n", "", []string{`2 result bands here, 3 in the original`}},
		{"sections", "  - title: Segundo\n", "  - title: Segundo\n    intro: Más.\n", nil}, // an intro is text
	}
	orig := parseOK(t, "content/worksheets/give.yaml", original)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(spanish, tt.old) {
				t.Fatalf("the Spanish file has no %q", tt.old)
			}
			n := 1
			if strings.Contains(tt.name, "everywhere") {
				n = -1
			}
			tr := parseOK(t, "content/worksheets/give.es.yaml", strings.Replace(spanish, tt.old, tt.new, n))
			_, errs := Translate(orig, tr)
			got := errs.Error()
			if len(tt.want) == 0 && len(errs) > 0 {
				t.Fatalf("refused:\n%s", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("errors lack %q:\n%s", w, got)
				}
			}
			for _, e := range errs {
				if e.Path != "content/worksheets/give.es.yaml" || e.Line == 0 {
					t.Errorf("error not at a line of the translation: %v", e)
				}
			}
		})
	}
}

// FuzzTranslate: any two worksheets that parse can be compared without a
// panic; a worksheet compared with itself has no difference.
func FuzzTranslate(f *testing.F) {
	f.Add(original, spanish)
	f.Add(original, strings.Replace(spanish, "weight: 2", "weight: 5", 1))
	f.Add("title: A\nsections: [{title: S, questions: [{id: n, type: reflection, text: T}]}]\n", original)
	f.Fuzz(func(t *testing.T, a, b string) {
		orig, errs := Parse("a.yaml", []byte(a))
		if len(errs) > 0 {
			return
		}
		if _, errs := Translate(orig, orig); len(errs) > 0 {
			t.Errorf("a worksheet differs from itself:\n%v", errs)
		}
		tr, errs := Parse("b.yaml", []byte(b))
		if len(errs) > 0 {
			return
		}
		got, errs := Translate(orig, tr)
		if len(errs) == 0 && got.Model() != nil && orig.Model() != nil {
			if score.Fingerprint(got.Model()) != score.Fingerprint(orig.Model()) {
				t.Errorf("an accepted translation scores differently")
			}
		}
	})
}
