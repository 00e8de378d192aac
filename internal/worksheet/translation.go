package worksheet

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"mutual/internal/diag"
	"mutual/internal/score"
)

// Translations
//
// A worksheet in another language (give-and-take.de.yaml beside
// give-and-take.yaml, see the site's languages) translates its texts and
// nothing else: Translate holds it to its original, so that a translation
// can never score differently. What must be the same: the minutes, the
// declared scales' values (and "does not apply"), the areas and their
// order, the sections and the questions in each, in order, and of each
// question its type, side, area, scale (a built-in scale by its id, any
// other by its values), weight, reverse flag, alert and checklist boxes
// (ids, sides, weights), and the results' bands, in order, with their
// ranges. Titles, intros, question texts, option labels, help, "see"
// links, tags and the draft flag may differ.
//
// The translation then takes its original's fingerprints: each question's
// (by which the page saves its answer) and the legacy one, and its slug.
// Its scoring fingerprint (score.Fingerprint of the model, which holds a
// hash of the questions' fingerprints and no text) is therefore the
// original's, so answers saved on the page in one language come back on
// the page in the other, share links and answer files work across
// languages, and a change of the original's wording (which changes its
// fingerprints) counts as a change in every language.

// pos is a line and column in the worksheet file.
type pos struct{ line, col int }

// fieldPos holds where each key of a mapping has its value.
type fieldPos map[string]pos

func positions(fields map[string]field) fieldPos {
	out := make(fieldPos, len(fields))
	for k, f := range fields {
		out[k] = pos{f.val.Line, f.val.Col}
	}
	return out
}

// get is the position of key, or else of the mapping itself (under key
// "" or the fallback given).
func (fp fieldPos) get(key string, fallback pos) pos {
	if p, ok := fp[key]; ok {
		return p
	}
	return fallback
}

// WithSlug returns a copy of w with another slug: a worksheet written in
// another language's folder or file name (give-and-take.de.yaml) keeps the
// slug of the page it makes (give-and-take).
func (w *Worksheet) WithSlug(slug string) *Worksheet {
	c := *w
	c.Slug = slug
	c.LegacyFingerprint = c.legacyFingerprint()
	return &c
}

// Translate holds tr, a translation of orig, to it (see the comment at the
// top of this file) and returns the worksheet the translation's page
// shows: tr with orig's slug and fingerprints. Every difference is an
// error at its line in tr, naming where the original has it. Call it on
// two worksheets parsed without errors; tr itself is not changed.
func Translate(orig, tr *Worksheet) (*Worksheet, diag.List) {
	c := &translationCheck{orig: orig, tr: tr}
	c.compare()
	out := *tr
	out.Slug = orig.Slug
	out.LegacyFingerprint = orig.LegacyFingerprint
	byID := map[string]*Question{}
	for _, s := range orig.Sections {
		for _, q := range s.Questions {
			byID[q.ID] = q
		}
	}
	out.Sections = make([]*Section, len(tr.Sections))
	for i, s := range tr.Sections {
		cs := *s
		cs.Questions = make([]*Question, len(s.Questions))
		for j, q := range s.Questions {
			cq := *q
			if o := byID[q.ID]; o != nil {
				cq.Fingerprint = o.Fingerprint
			}
			cs.Questions[j] = &cq
		}
		out.Sections[i] = &cs
	}
	c.errs.Sort()
	return &out, c.errs
}

type translationCheck struct {
	orig, tr *Worksheet
	errs     diag.List
}

// errorf reports a difference at p in the translation.
func (c *translationCheck) errorf(p pos, format string, args ...any) {
	c.errs.Add(c.tr.Path, p.line, p.col, format, args...)
}

// there names a place in the original.
func (c *translationCheck) there(p pos) string {
	if p.line == 0 {
		return c.orig.Path
	}
	return fmt.Sprintf("%s:%d:%d", c.orig.Path, p.line, p.col)
}

// root is the translation's top, for what has no place of its own.
func (c *translationCheck) root() pos { return c.tr.at.get("worksheet", pos{1, 1}) }

const onlyTexts = "a translation changes only texts"

func (c *translationCheck) compare() {
	o, t := c.orig, c.tr
	if o.Minutes != t.Minutes {
		c.errorf(t.at.get("minutes", c.root()), "minutes: %s here, %s in the original (%s); %s", minutes(t.Minutes), minutes(o.Minutes), c.there(o.at.get("minutes", o.at["worksheet"])), onlyTexts)
	}
	c.scales()
	c.areas()
	c.sections()
	c.results()
}

func minutes(m int) string {
	if m == 0 {
		return "none"
	}
	return strconv.Itoa(m)
}

// scales compares the declared scales: the same ids, each with the same
// values.
func (c *translationCheck) scales() {
	o, t := c.orig, c.tr
	byID := map[string]*Scale{}
	for _, s := range o.Scales {
		byID[s.ID] = s
	}
	have := map[string]bool{}
	for _, s := range t.Scales {
		have[s.ID] = true
		os := byID[s.ID]
		if os == nil {
			c.errorf(s.at, "scale %q is not in the original%s; %s", s.ID, diag.Hint(s.ID, slices.Sorted(maps.Keys(byID))), onlyTexts)
			continue
		}
		if a, b := values(s), values(os); a != b {
			c.errorf(s.at, "scale %q: values %s here, %s in the original (%s); %s", s.ID, a, b, c.there(os.at), onlyTexts)
		}
	}
	for _, s := range o.Scales {
		if !have[s.ID] {
			c.errorf(t.at.get("scales", c.root()), "the original's scale %q (%s) is missing here; %s", s.ID, c.there(s.at), onlyTexts)
		}
	}
}

// values describes a scale's answers: "0, 1, 2, does not apply".
func values(s *Scale) string {
	var parts []string
	for _, o := range s.Options {
		if o.NA {
			parts = append(parts, "does not apply")
		} else {
			parts = append(parts, strconv.Itoa(o.Value))
		}
	}
	return strings.Join(parts, ", ")
}

func (c *translationCheck) areas() {
	o, t := c.orig, c.tr
	origAt := map[string]pos{}
	var origIDs []string
	for _, a := range o.Areas {
		origAt[a.ID] = pos{a.Line, a.Col}
		origIDs = append(origIDs, a.ID)
	}
	var common []string
	have := map[string]bool{}
	for _, a := range t.Areas {
		have[a.ID] = true
		if _, ok := origAt[a.ID]; !ok {
			c.errorf(pos{a.Line, a.Col}, "area %q is not in the original%s; %s", a.ID, diag.Hint(a.ID, origIDs), onlyTexts)
			continue
		}
		common = append(common, a.ID)
	}
	var want []string
	for _, a := range o.Areas {
		if !have[a.ID] {
			c.errorf(t.at.get("areas", c.root()), "the original's area %q (%s) is missing here; %s", a.ID, c.there(origAt[a.ID]), onlyTexts)
			continue
		}
		want = append(want, a.ID)
	}
	for i := range common {
		if common[i] != want[i] {
			var at pos
			for _, a := range t.Areas {
				if a.ID == common[i] {
					at = pos{a.Line, a.Col}
				}
			}
			c.errorf(at, "area %q comes where the original has area %q (%s): keep the original's order, %s", common[i], want[i], c.there(origAt[want[i]]), strings.Join(want, ", "))
			break
		}
	}
}

// located is a question with its section's number, from 1.
type located struct {
	q       *Question
	section int
}

func locate(w *Worksheet) ([]located, map[string]located) {
	var list []located
	byID := map[string]located{}
	for i, s := range w.Sections {
		for _, q := range s.Questions {
			l := located{q, i + 1}
			list = append(list, l)
			byID[q.ID] = l
		}
	}
	return list, byID
}

func (c *translationCheck) sections() {
	o, t := c.orig, c.tr
	if len(o.Sections) != len(t.Sections) {
		c.errorf(t.at.get("sections", c.root()), "%d sections here, %d in the original (%s); %s", len(t.Sections), len(o.Sections), c.there(o.at.get("sections", o.at["worksheet"])), onlyTexts)
	}
	origList, origByID := locate(o)
	trList, trByID := locate(t)
	var origIDs []string
	for _, l := range origList {
		origIDs = append(origIDs, l.q.ID)
	}
	var common []located
	for _, l := range trList {
		ol, ok := origByID[l.q.ID]
		if !ok {
			c.errorf(pos{l.q.Line, l.q.Col}, "question %q is not in the original%s; %s", l.q.ID, diag.Hint(l.q.ID, origIDs), onlyTexts)
			continue
		}
		common = append(common, l)
		if ol.section != l.section {
			c.errorf(pos{l.q.Line, l.q.Col}, "question %q is in section %d here, in section %d in the original (%s); %s", l.q.ID, l.section, ol.section, c.there(pos{ol.q.Line, ol.q.Col}), onlyTexts)
		}
		c.question(l.q, ol.q)
	}
	var want []located
	for _, l := range origList {
		if _, ok := trByID[l.q.ID]; !ok {
			at := c.root()
			if l.section <= len(t.Sections) {
				at = t.Sections[l.section-1].at
			}
			c.errorf(at, "the original's question %q (%s) is missing here; %s", l.q.ID, c.there(pos{l.q.Line, l.q.Col}), onlyTexts)
			continue
		}
		want = append(want, l)
	}
	for i := range common {
		if common[i].q.ID != want[i].q.ID {
			q := common[i].q
			c.errorf(pos{q.Line, q.Col}, "question %q comes where the original has question %q (%s): keep the original's order", q.ID, want[i].q.ID, c.there(pos{want[i].q.Line, want[i].q.Col}))
			break
		}
	}
}

// question compares one question with its original.
func (c *translationCheck) question(q, oq *Question) {
	here := pos{q.Line, q.Col}
	at := func(key string) pos { return q.at.get(key, here) }
	there := func(key string) string { return c.there(oq.at.get(key, pos{oq.Line, oq.Col})) }
	differ := func(key, a, b string) {
		c.errorf(at(key), "question %q: %s %s here, %s in the original (%s); %s", q.ID, key, a, b, there(key), onlyTexts)
	}
	if q.Type != oq.Type {
		differ("type", string(q.Type), string(oq.Type))
		return // the rest follows from the type
	}
	if q.Type == Rating && q.Side != oq.Side {
		differ("side", string(q.Side), string(oq.Side))
	}
	if q.Area != oq.Area {
		differ("area", orNone(q.Area), orNone(oq.Area))
	}
	if q.Scale != nil && oq.Scale != nil {
		if a, b := scaleIdentity(q.Scale), scaleIdentity(oq.Scale); a != b {
			differ("scale", a, b)
		}
	}
	if q.Weight != oq.Weight {
		differ("weight", weightText(q.Weight), weightText(oq.Weight))
	}
	if q.Reverse != oq.Reverse {
		differ("reverse", strconv.FormatBool(q.Reverse), strconv.FormatBool(oq.Reverse))
	}
	if a, b := rangeText(q.Alert), rangeText(oq.Alert); a != b {
		differ("alert", a, b)
	}
	if q.Type == Checklist {
		c.boxes(q, oq)
	}
}

// boxes compares a checklist's boxes: the same ids, in order, each with
// the same side and weight.
func (c *translationCheck) boxes(q, oq *Question) {
	ids := func(opts []CheckOption) string {
		var s []string
		for _, o := range opts {
			s = append(s, o.ID)
		}
		return strings.Join(s, ", ")
	}
	if a, b := ids(q.Options), ids(oq.Options); a != b {
		c.errorf(q.at.get("options", pos{q.Line, q.Col}), "question %q: boxes %s here, %s in the original (%s); %s", q.ID, a, b, c.there(oq.at.get("options", pos{oq.Line, oq.Col})), onlyTexts)
		return
	}
	for i, o := range q.Options {
		oo := oq.Options[i]
		if o.Side != oo.Side {
			c.errorf(o.at, "question %q, box %q: side %s here, %s in the original (%s); %s", q.ID, o.ID, orNone(string(o.Side)), orNone(string(oo.Side)), c.there(oo.at), onlyTexts)
		}
		if o.Weight != oo.Weight {
			c.errorf(o.at, "question %q, box %q: weight %s here, %s in the original (%s); %s", q.ID, o.ID, weightText(o.Weight), weightText(oo.Weight), c.there(oo.at), onlyTexts)
		}
	}
}

func (c *translationCheck) results() {
	o, t := c.orig, c.tr
	if len(o.Results) != len(t.Results) {
		c.errorf(t.at.get("results", c.root()), "%d result bands here, %d in the original (%s); %s", len(t.Results), len(o.Results), c.there(o.at.get("results", o.at["worksheet"])), onlyTexts)
	}
	for i := 0; i < len(o.Results) && i < len(t.Results); i++ {
		b, ob := t.Results[i], o.Results[i]
		for _, r := range []struct {
			key  string
			a, b *score.Range
		}{{"balance", b.Balance, ob.Balance}, {"give", b.Give, ob.Give}, {"receive", b.Receive, ob.Receive}, {"lean", b.Lean, ob.Lean}} {
			if x, y := rangeText(r.a), rangeText(r.b); x != y {
				c.errorf(b.at.get(r.key, pos{b.Line, b.Col}), "band %d: %s %s here, %s in the original (%s); %s", i+1, r.key, x, y, c.there(ob.at.get(r.key, pos{ob.Line, ob.Col})), onlyTexts)
			}
		}
	}
}

// scaleIdentity is what makes a question's scale score as it does: a
// built-in scale's id, else its values.
func scaleIdentity(s *Scale) string {
	if builtinScales[s.ID] == s {
		return s.ID
	}
	return "with values " + values(s)
}

func rangeText(r *score.Range) string {
	if r == nil {
		return "none"
	}
	return fmt.Sprintf("[%d, %d]", r[0], r[1])
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return strconv.Quote(s)
}

func weightText(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
