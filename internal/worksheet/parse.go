package worksheet

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"mutual/internal/diag"
	"mutual/internal/score"
	"mutual/internal/yamldoc"
)

// Keys allowed in each mapping of the format, in the order the manual lists them.
var (
	worksheetKeys = []string{"title", "summary", "minutes", "tags", "draft", "intro", "scales", "areas", "sections", "results"}
	optionKeys    = []string{"label", "value", "na"}
	checkKeys     = []string{"id", "label", "side", "weight"}
	areaKeys      = []string{"id", "label", "see"}
	sectionKeys   = []string{"title", "intro", "questions"}
	questionKeys  = []string{"id", "type", "area", "side", "text", "give", "receive", "scale", "weight", "reverse", "alert", "options", "none_label", "help"}
	bandKeys      = []string{"balance", "give", "receive", "lean", "title", "body", "see"}

	// keysFor lists the question keys each type takes.
	keysFor = map[Type][]string{
		Pair:       {"id", "type", "area", "give", "receive", "scale", "weight", "reverse", "alert", "help"},
		Rating:     {"id", "type", "area", "side", "text", "scale", "weight", "reverse", "alert", "help"},
		Lean:       {"id", "type", "area", "text", "scale", "weight", "reverse", "alert", "help"},
		Checklist:  {"id", "type", "area", "text", "options", "none_label", "help"},
		Reflection: {"id", "type", "text", "help"},
	}
	types     = []string{string(Pair), string(Rating), string(Lean), string(Checklist), string(Reflection)}
	typesText = "pair, rating, lean, checklist or reflection"
	sides     = []string{string(score.Give), string(score.Receive)}
)

var idPattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// Parse reads the worksheet at path (site-relative, used in errors and for
// the slug) from src and validates it. It returns the worksheet even when
// there are errors, as far as it could be read, so callers can show what
// they have; with errors it must not be published.
//
// The YAML is read by internal/yamldoc, the one YAML reader: its type rules
// (a field's type decides how a value is read, so title: 2024 is a text
// and minutes: "10" a number; an empty value is a key not given; one value
// where a list is expected is a list of one) and its wording of syntax
// errors, duplicate keys, aliases and second documents.
func Parse(filePath string, src []byte) (*Worksheet, diag.List) {
	slug := path.Base(filePath)
	slug = strings.TrimSuffix(strings.TrimSuffix(slug, ".yaml"), ".yml")
	w := &Worksheet{Path: filePath, Slug: slug}
	root, errs := yamldoc.Parse(src, yamldoc.Options{Path: filePath})
	p := &parser{path: filePath, errs: errs}
	p.d = yamldoc.Decoder{Path: filePath, Errs: &p.errs}
	if root == nil {
		if len(p.errs) == 0 {
			p.errs.Add(filePath, 0, 0, "this worksheet is empty: it needs a title and sections")
		}
		p.errs.Sort()
		return w, p.errs
	}
	p.worksheet(w, root)
	w.LegacyFingerprint = w.legacyFingerprint()
	p.errs.Sort()
	return w, p.errs
}

type parser struct {
	path string
	errs diag.List
	d    yamldoc.Decoder // reads values into errs
	// brokenScales are the declared scales whose errors are reported
	// where they are declared: a question on one is not told again that
	// the scale is unknown.
	brokenScales map[string]bool
	// areasMisspelt: the worksheet has no areas: but a key that is a
	// misspelling of it.
	areasMisspelt bool
	// scalesMisspelt and resultsMisspelt: the same for scales: and
	// results:.
	scalesMisspelt, resultsMisspelt bool
}

// misspelt reports whether the mapping root, read into fields, lacks key
// but has another key that is a misspelling of it (reported already).
func misspelt(root *yamldoc.Node, fields map[string]field, key string) bool {
	for i := 0; i < len(root.Content); i += 2 {
		if k := root.Content[i]; fields[k.Value].key == nil && diag.Suggest(k.Value, []string{key}) != "" {
			return true
		}
	}
	return false
}

func (p *parser) errorf(n *yamldoc.Node, format string, args ...any) {
	p.errs.Add(p.path, n.Line, n.Col, format, args...)
}

// field is one key: value of a mapping.
type field struct{ key, val *yamldoc.Node }

func (f field) yaml() yamldoc.Field { return yamldoc.Field{Key: f.key, Value: f.val} }

// mapping checks that n is a mapping with only the allowed keys and
// returns its fields by key; what names the mapping in errors. A key with
// an empty value is left out, as if not given (yamldoc's rule): a
// required one is then reported missing. (Duplicate keys are reported by
// yamldoc.Parse, and left out of the tree.)
func (p *parser) mapping(n *yamldoc.Node, what string, allowed []string) map[string]field {
	fields := map[string]field{}
	switch n.Kind {
	case yamldoc.Refused:
		return fields
	case yamldoc.Null:
		p.errorf(n, "%s must be key: value pairs, not empty", what)
		return fields
	}
	for _, f := range p.d.Map(n, what, allowed, nil) {
		if f.Value.Kind != yamldoc.Null {
			fields[f.Key.Value] = field{f.Key, f.Value}
		}
	}
	return fields
}

// str reads a text value: any single value, as written.
func (p *parser) str(f field) (string, bool) { return p.d.Text(f.yaml()) }

// text reads a required, non-empty string; what names its owner.
func (p *parser) text(fields map[string]field, key string, owner *yamldoc.Node, what string) string {
	f, ok := fields[key]
	if !ok {
		if key == "give" || key == "receive" {
			key += " text"
		}
		p.errorf(owner, "%s has no %s", what, key)
		return ""
	}
	s, ok := p.str(f)
	if ok && strings.TrimSpace(s) == "" {
		p.errorf(f.val, "%s has an empty %s", what, key)
	}
	return s
}

// markdown reads an optional Markdown string and where its text starts.
func (p *parser) markdown(fields map[string]field, key string) Text {
	f, ok := fields[key]
	if !ok {
		return Text{}
	}
	s, ok := p.str(f)
	if !ok {
		return Text{}
	}
	line, col := f.val.TextPos()
	return Text{Src: s, Line: line, Col: col, Indent: f.val.TextIndent()}
}

// integer reads a whole number.
func (p *parser) integer(f field) (int, bool) { return p.d.Int(f.yaml()) }

// boolean reads true or false.
func (p *parser) boolean(f field) bool {
	b, _ := p.d.Bool(f.yaml())
	return b
}

// isBool reports whether f holds true or false, without reporting anything.
func isBool(f field) bool {
	switch f.val.Value {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return f.val.Kind == yamldoc.Scalar
	}
	return false
}

// list returns the entries of a list, or nil after reporting msg. one
// says whether a single value is a list of one (tags: family), as
// yamldoc's type rules have it for lists of values; lists of blocks
// (sections, questions) must be lists.
func (p *parser) list(f field, msg string, one bool) []*yamldoc.Node {
	switch f.val.Kind {
	case yamldoc.List:
		return f.val.Content
	case yamldoc.Scalar:
		if one {
			return []*yamldoc.Node{f.val}
		}
	case yamldoc.Null, yamldoc.Refused:
		return nil
	}
	p.errorf(f.val, "%s", msg)
	return nil
}

// id reads and checks an id.
func (p *parser) id(fields map[string]field, owner *yamldoc.Node, what string) (string, *yamldoc.Node) {
	f, ok := fields["id"]
	if !ok {
		p.errorf(owner, "%s has no id", what)
		return "", nil
	}
	s, ok := p.str(f)
	if !ok {
		return "", nil
	}
	if !idPattern.MatchString(s) {
		p.errorf(f.val, "bad %s id %q: use lowercase letters, digits and \"-\"", what, s)
		return "", nil
	}
	return s, f.val
}

func (p *parser) worksheet(w *Worksheet, root *yamldoc.Node) {
	fields := p.mapping(root, "worksheet", worksheetKeys)
	if root.Kind != yamldoc.Map {
		return
	}
	w.at = positions(fields)
	w.at["worksheet"] = pos{root.Line, root.Col}
	if _, ok := fields["title"]; !ok {
		p.errorf(root, "missing title")
	} else {
		w.Title = p.text(fields, "title", root, "worksheet")
	}
	if f, ok := fields["summary"]; ok {
		w.Summary, _ = p.str(f)
	}
	if f, ok := fields["minutes"]; ok {
		if v, ok := p.integer(f); ok {
			if v < 1 {
				p.errorf(f.val, "minutes must be at least 1, got %d", v)
			}
			w.Minutes = v
		}
	}
	if f, ok := fields["tags"]; ok {
		var nodes []*yamldoc.Node
		w.Tags, nodes = p.d.TextNodes(f.yaml())
		for i, n := range nodes {
			w.TagsAt = append(w.TagsAt, Text{Src: w.Tags[i], Line: n.Line, Col: n.Col})
		}
	}
	if f, ok := fields["draft"]; ok {
		w.Draft = p.boolean(f)
	}
	w.Intro = p.markdown(fields, "intro")

	scales := map[string]*Scale{}
	if f, ok := fields["scales"]; ok {
		p.scales(w, f, scales)
	} else {
		p.scalesMisspelt = misspelt(root, fields, "scales")
	}
	areas := map[string]*Area{}
	if f, ok := fields["areas"]; ok {
		p.areas(w, f, areas)
	} else {
		// A misspelt areas: key is reported as such; the questions'
		// areas are then not said to be undeclared as well.
		p.areasMisspelt = misspelt(root, fields, "areas")
	}
	if f, ok := fields["sections"]; ok {
		p.sections(w, f, scales, areas)
	} else {
		p.errorf(root, "missing sections")
	}

	var results *field
	before := len(p.errs)
	if f, ok := fields["results"]; ok {
		results = &f
		p.results(w, f)
	} else {
		p.resultsMisspelt = misspelt(root, fields, "results")
	}
	if len(p.errs) == before { // a band with errors would distort coverage
		p.coverage(w, root, results)
	}
}

func (p *parser) scales(w *Worksheet, f field, scales map[string]*Scale) {
	if f.val.Kind != yamldoc.Map {
		if f.val.Kind == yamldoc.List {
			p.errorf(f.val, "scales are named, not listed: write each scale's id, then its options under it, such as often: [{label: Never, value: 0}, {label: Often, value: 2}]")
			return
		}
		p.errorf(f.val, "scales must be scale ids, each with its options, such as often: [{label: Never, value: 0}, {label: Often, value: 2}]")
		return
	}
	for _, sf := range p.d.Pairs(f.val, "scales") {
		k, v := sf.Key, sf.Value
		id := k.Value
		switch {
		case !idPattern.MatchString(id):
			p.errorf(k, "bad scale id %q: use lowercase letters, digits and \"-\"", id)
			p.scaleBroken(id)
			continue
		case builtinScales[id] != nil:
			p.errorf(k, "scale %q is built in; choose another id", id)
			continue
		}
		s := p.options(v, fmt.Sprintf("scale %q", id))
		if s != nil {
			s.ID = id
			s.at = pos{k.Line, k.Col}
			scales[id] = s
			w.Scales = append(w.Scales, s)
		} else {
			p.scaleBroken(id)
		}
	}
}

func (p *parser) scaleBroken(id string) {
	if p.brokenScales == nil {
		p.brokenScales = map[string]bool{}
	}
	p.brokenScales[id] = true
}

// options reads a list of options; what names the scale in errors.
func (p *parser) options(n *yamldoc.Node, what string) *Scale {
	if n.Kind != yamldoc.List {
		if n.Kind != yamldoc.Refused {
			p.errorf(n, "%s must be a list of options like {label: Never, value: 0}", what)
		}
		return nil
	}
	s := &Scale{}
	ok := true
	seen := map[int]int{}
	naLine := 0
	var valued []*yamldoc.Node // the option nodes with a value, in order
	for i, o := range n.Content {
		if o.Kind == yamldoc.Scalar {
			// [Never, Sometimes, Often]: each needs its value.
			p.errorf(o, "a scale option is a label and a value, such as {label: %s, value: %d}, not %q alone", o.Value, i, o.Value)
			ok = false
			continue
		}
		fields := p.mapping(o, "scale option", optionKeys)
		if o.Kind != yamldoc.Map {
			ok = false
			continue
		}
		nf, hasNA := fields["na"]
		isNA := hasNA && p.boolean(nf)
		if hasNA && !isBool(nf) {
			ok = false // reported by boolean
			continue
		}
		if isNA {
			label := p.text(fields, "label", o, `"does not apply" option`)
			if vf, has := fields["value"]; has {
				p.errorf(vf.key, `a "does not apply" option has no value: remove value, or na to make it a scored option`)
				ok = false
			}
			if naLine > 0 {
				p.errorf(nf.key, `%s has a second "does not apply" option (first at line %d); keep one`, what, naLine)
				ok = false
				continue
			}
			naLine = nf.key.Line
			s.Options = append(s.Options, Option{Label: label, NA: true})
			continue
		}
		var label string
		if _, has := fields["label"]; has {
			label = p.text(fields, "label", o, "option")
			if label == "" {
				ok = false // reported as an empty label
			}
		}
		vf, has := fields["value"]
		if !has {
			p.errorf(o, "option has no value")
			ok = false
			continue
		}
		v, good := p.integer(vf)
		if !good {
			ok = false
			continue
		}
		if v < -score.MaxValue || v > score.MaxValue {
			p.errorf(vf.val, "value %d is out of range: use a whole number from %d to %d", v, -score.MaxValue, score.MaxValue)
			ok = false
			continue
		}
		if line, dup := seen[v]; dup {
			p.errorf(vf.val, "duplicate value %d in %s (first at line %d)", v, what, line)
			ok = false
			continue
		}
		seen[v] = vf.val.Line
		valued = append(valued, o)
		s.Options = append(s.Options, Option{Label: label, Value: v})
	}
	if len(n.Content) < 2 {
		p.errorf(n, "%s needs at least two options", what)
		return nil
	}
	if !ok {
		return nil
	}
	if len(valued) < 2 {
		p.errorf(n, "%s needs at least two options with a value", what)
		return nil
	}
	if len(valued) > MaxOptions {
		// Reported once, here; the scale stays usable so that the questions
		// on it report nothing more.
		p.errorf(valued[MaxOptions], "%s has %d options with a value: a scale holds at most %d, so that every answer fits in a share link", what, len(valued), MaxOptions)
	}
	// The ends say what the scale measures: they need words.
	first, last := -1, -1
	for j, o := range s.Options {
		if !o.NA {
			if first < 0 {
				first = j
			}
			last = j
		}
	}
	for _, end := range []struct {
		j    int
		node *yamldoc.Node
		name string
	}{{first, valued[0], "first"}, {last, valued[len(valued)-1], "last"}} {
		if s.Options[end.j].Label == "" {
			p.errorf(end.node, "the %s option of %s needs a label: only the options between the ends may go without one", end.name, strings.Replace(what, "inline scale", "the inline scale", 1))
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return s
}

func (p *parser) areas(w *Worksheet, f field, areas map[string]*Area) {
	for _, n := range p.list(f, "areas must be a list like [{id: practical, label: Practical help}]", false) {
		fields := p.mapping(n, "area", areaKeys)
		if n.Kind != yamldoc.Map {
			continue
		}
		id, idNode := p.id(fields, n, "area")
		a := &Area{ID: id, Line: n.Line, Col: n.Col}
		a.Label = p.text(fields, "label", n, areaName(id))
		if sf, ok := fields["see"]; ok {
			if l, ok := p.link(sf, sf.val); ok {
				a.See = &l
			}
		}
		if id == "" {
			continue
		}
		if prev, dup := areas[id]; dup {
			p.errorf(idNode, "duplicate area id %q (first at line %d)", id, prev.Line)
			continue
		}
		areas[id] = a
		w.Areas = append(w.Areas, a)
	}
}

func areaName(id string) string {
	if id == "" {
		return "area"
	}
	return fmt.Sprintf("area %q", id)
}

// link reads one `see` link from n (a string).
func (p *parser) link(f field, n *yamldoc.Node) (Link, bool) {
	s, ok := p.str(field{f.key, n})
	if !ok {
		return Link{}, false
	}
	if strings.TrimSpace(s) == "" {
		p.errorf(n, "see link is empty")
		return Link{}, false
	}
	line, col := n.TextPos()
	return Link{Dest: s, Line: line, Col: col}, true
}

func (p *parser) sections(w *Worksheet, f field, scales map[string]*Scale, areas map[string]*Area) {
	list := p.list(f, "sections must be a list of sections, each with a title and questions", false)
	if f.val.Kind != yamldoc.List {
		return
	}
	seen := map[string]int{}
	for i, n := range list {
		fields := p.mapping(n, "section", sectionKeys)
		if n.Kind != yamldoc.Map {
			continue
		}
		s := &Section{at: pos{n.Line, n.Col}}
		what := fmt.Sprintf("section %d", i+1)
		s.Title = p.text(fields, "title", n, what)
		if s.Title != "" {
			what = fmt.Sprintf("section %q", s.Title)
		}
		s.Intro = p.markdown(fields, "intro")
		qf, ok := fields["questions"]
		if !ok {
			p.errorf(n, "%s has no questions", what)
		} else {
			qs := p.list(qf, "questions must be a list of questions", false)
			if qf.val.Kind == yamldoc.List && len(qs) == 0 {
				p.errorf(qf.key, "%s has no questions", what)
			}
			for _, qn := range qs {
				if q := p.question(qn, scales, areas, seen); q != nil {
					s.Questions = append(s.Questions, q)
				}
			}
		}
		w.Sections = append(w.Sections, s)
	}
	if len(list) == 0 {
		p.errorf(f.key, "worksheet has no questions; add a section with questions")
	}
}

func (p *parser) question(n *yamldoc.Node, scales map[string]*Scale, areas map[string]*Area, seen map[string]int) *Question {
	fields := p.mapping(n, questionName(n), questionKeys)
	if n.Kind != yamldoc.Map {
		return nil
	}
	q := &Question{Line: n.Line, Col: n.Col, Weight: 1, at: positions(fields)}
	id, idNode := p.id(fields, n, "question")
	q.ID = id
	what := "question"
	if id != "" {
		what = fmt.Sprintf("question %q", id)
		if line, dup := seen[id]; dup {
			p.errorf(idNode, "duplicate question id %q (first at line %d)", id, line)
		} else {
			seen[id] = idNode.Line
		}
	}

	tf, ok := fields["type"]
	if !ok {
		p.errorf(n, "%s has no type (%s)", what, typesText)
		return nil
	}
	t, ok := p.str(tf)
	if !ok {
		return nil
	}
	if !slices.Contains(types, t) {
		p.errorf(tf.val, "unknown question type %q%s", t, hintOr(t, types, typesText))
		return nil
	}
	q.Type = Type(t)
	for k, f := range fields {
		if !slices.Contains(keysFor[q.Type], k) {
			p.errorf(f.key, "%s question %s takes no %q%s", q.Type, quoteOr(id), k, why(q.Type, k))
		}
	}
	defer func() { q.Fingerprint = q.fingerprint() }()

	switch q.Type {
	case Pair:
		q.Give = p.text(fields, "give", n, what)
		q.Receive = p.text(fields, "receive", n, what)
	case Rating:
		q.Text = p.text(fields, "text", n, what)
		if sf, ok := fields["side"]; !ok {
			p.errorf(n, "%s has no side (give or receive)", what)
		} else if s, ok := p.str(sf); ok {
			if slices.Contains(sides, s) {
				q.Side = score.Side(s)
			} else {
				p.errorf(sf.val, "unknown side %q%s", s, hintOr(s, sides, "give or receive"))
			}
		}
	case Lean:
		q.Text = p.text(fields, "text", n, what)
		q.Side = score.Lean
	case Checklist:
		q.Text = p.text(fields, "text", n, what)
		q.NoneLabel, q.noneDefault = DefaultNoneLabel, true
		if _, ok := fields["none_label"]; ok {
			q.NoneLabel, q.noneDefault = p.text(fields, "none_label", n, what), false
		}
		if f, ok := fields["options"]; !ok {
			p.errorf(n, "%s has no options: list the boxes, like [{id: cooked, label: I cooked for them, side: give}]", what)
		} else {
			q.Options = p.checkOptions(f, what)
		}
		q.Area = p.area(fields, areas)
		q.Help = p.markdown(fields, "help")
		return q
	case Reflection:
		q.Text = p.text(fields, "text", n, what)
		q.Help = p.markdown(fields, "help")
		return q
	}

	q.Area = p.area(fields, areas)
	if sf, ok := fields["scale"]; !ok {
		p.errorf(n, "%s has no scale (%s, a scale id or a list of options)", what, strings.Join(builtinNames, ", "))
	} else {
		q.Scale = p.scaleRef(sf, scales)
	}
	if wf, ok := fields["weight"]; ok {
		q.Weight = p.weight(wf)
	}
	if rf, ok := fields["reverse"]; ok {
		q.Reverse = p.boolean(rf)
	}
	if af, ok := fields["alert"]; ok {
		if r, ok := p.rng(af, "alert", -1<<31, 1<<31-1); ok {
			if q.Scale != nil && !matchesOption(q.Scale, r) {
				p.errorf(af.val, "alert [%d, %d] matches no option of %s", r[0], r[1], scaleName(q.Scale))
			}
			q.Alert = &r
		}
	}
	q.Help = p.markdown(fields, "help")
	return q
}

// area reads a question's area, which must be declared.
func (p *parser) area(fields map[string]field, areas map[string]*Area) string {
	af, ok := fields["area"]
	if !ok {
		return ""
	}
	a, ok := p.str(af)
	if !ok {
		return ""
	}
	if areas[a] != nil {
		return a
	}
	declared := make([]string, 0, len(areas))
	for id := range areas {
		declared = append(declared, id)
	}
	slices.Sort(declared)
	if len(declared) == 0 {
		if p.areasMisspelt {
			return ""
		}
		p.errorf(af.val, "area %q is not declared; list it under areas", a)
	} else {
		p.errorf(af.val, "area %q is not declared%s", a, diag.Hint(a, declared))
	}
	return ""
}

// checkOptions reads the boxes of a checklist.
func (p *parser) checkOptions(f field, what string) []CheckOption {
	list := p.list(f, "options must be a list of boxes, like [{id: cooked, label: I cooked for them, side: give}]", false)
	if f.val.Kind == yamldoc.List && len(list) == 0 {
		p.errorf(f.key, "%s has no options", what)
	}
	var opts []CheckOption
	seen := map[string]int{}
	for _, n := range list {
		if n.Kind == yamldoc.Scalar {
			p.errorf(n, "a checklist option is an id and a label, such as {id: %s, label: %s}, not %q alone", slugOf(n.Value), n.Value, n.Value)
			continue
		}
		fields := p.mapping(n, "checklist option", checkKeys)
		if n.Kind != yamldoc.Map {
			continue
		}
		id, idNode := p.id(fields, n, "option")
		o := CheckOption{ID: id, Weight: 1, at: pos{n.Line, n.Col}}
		o.Label = p.text(fields, "label", n, optionName(id))
		if sf, ok := fields["side"]; ok {
			if s, ok := p.str(sf); ok {
				if slices.Contains(sides, s) {
					o.Side = score.Side(s)
				} else {
					p.errorf(sf.val, "unknown side %q%s", s, hintOr(s, sides, "give or receive"))
				}
			}
		}
		if wf, ok := fields["weight"]; ok {
			o.Weight = p.weight(wf)
			if _, scored := fields["side"]; !scored {
				p.errorf(wf.key, "%s has a weight but no side: only a box with a side is scored", optionName(id))
			}
		}
		switch {
		case id == "":
			continue
		case id == NoneOption:
			p.errorf(idNode, "option id %q is reserved for the %q box the page adds; choose another id", id, DefaultNoneLabel)
			continue
		}
		if line, dup := seen[id]; dup {
			p.errorf(idNode, "duplicate option id %q in %s (first at line %d)", id, what, line)
			continue
		}
		seen[id] = idNode.Line
		opts = append(opts, o)
	}
	return opts
}

func optionName(id string) string {
	if id == "" {
		return "option"
	}
	return fmt.Sprintf("option %q", id)
}

// questionName names a question by its id, if it has a plain one, before
// the id is checked.
func questionName(n *yamldoc.Node) string {
	if n.Kind == yamldoc.Map {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "id" && v.Kind == yamldoc.Scalar && idPattern.MatchString(v.Value) {
				return fmt.Sprintf("question %q", v.Value)
			}
		}
	}
	return "question"
}

func hintOr(word string, candidates []string, list string) string {
	if h := diag.Hint(word, candidates); h != "" {
		return h
	}
	return " (use " + list + ")"
}

func quoteOr(id string) string {
	if id == "" {
		return "without id"
	}
	return strconv.Quote(id)
}

// why explains a key a question type does not take.
func why(t Type, key string) string {
	switch {
	case t == Reflection:
		return " (reflections are never scored)"
	case t == Pair && (key == "text" || key == "side"):
		return " (a pair has give and receive texts)"
	case t == Rating && (key == "give" || key == "receive"):
		return " (a rating has one text and a side)"
	case t == Lean && key == "side":
		return " (a lean question runs from giving more, its lowest value, to receiving more, its highest)"
	case t == Lean && (key == "give" || key == "receive"):
		return " (a lean question has one text)"
	case t == Checklist && (key == "scale" || key == "side" || key == "weight" || key == "reverse"):
		return " (a checklist's options are its answers, each with its own side and weight)"
	case key == "options" || key == "none_label":
		return " (only a checklist has options)"
	}
	return ""
}

func scaleName(s *Scale) string {
	if s.ID == "" {
		return "its scale"
	}
	return fmt.Sprintf("scale %q", s.ID)
}

func matchesOption(s *Scale, r score.Range) bool {
	for _, o := range s.Options {
		if !o.NA && r.Contains(o.Value) {
			return true
		}
	}
	return false
}

// scaleRef reads a question's scale: an id or an inline option list.
func (p *parser) scaleRef(f field, scales map[string]*Scale) *Scale {
	if f.val.Kind == yamldoc.List {
		return p.options(f.val, "inline scale")
	}
	if f.val.Kind != yamldoc.Scalar {
		if f.val.Kind != yamldoc.Refused {
			p.errorf(f.val, "scale must be a scale id or a list of options")
		}
		return nil
	}
	id, ok := p.str(f)
	if !ok {
		return nil
	}
	if s := builtinScales[id]; s != nil {
		return s
	}
	if s := scales[id]; s != nil {
		return s
	}
	if p.brokenScales[id] || p.scalesMisspelt {
		return nil
	}
	known := slices.Clone(builtinNames)
	for _, s := range scales {
		known = append(known, s.ID)
	}
	for id := range p.brokenScales {
		known = append(known, id)
	}
	slices.Sort(known)
	hint := diag.Hint(id, known)
	if hint == "" {
		// A translated id ("acuerdo") is like no scale: name them all.
		hint = ": the scales are " + strings.Join(known[:len(known)-1], ", ") + " and " + known[len(known)-1] + ", or a list of options (a translation keeps the original's scale ids)"
	}
	p.errorf(f.val, "unknown scale %q%s", id, hint)
	return nil
}

func (p *parser) weight(f field) float64 {
	v, ok := p.d.Number(f.yaml())
	if !ok {
		return 1
	}
	switch {
	case !(v > 0):
		p.errorf(f.val, "weight must be a number greater than 0, not %q", f.val.Value)
		return 1
	case v > 1e6:
		p.errorf(f.val, "weight %s is too large: use a number up to 1000000", f.val.Value)
		return 1
	}
	return v
}

// wholeNumber reports whether n is a whole number written in digits, with
// an optional sign, as yamldoc's Int reads them.
func wholeNumber(n *yamldoc.Node) bool {
	if n.Kind != yamldoc.Scalar || n.Value == "" {
		return false
	}
	v := strings.TrimLeft(n.Value, "+-")
	return len(n.Value)-len(v) <= 1 && v != "" && strings.Trim(v, "0123456789") == ""
}

// rng reads an inclusive range [min, max] within lo..hi.
func (p *parser) rng(f field, what string, lo, hi int) (score.Range, bool) {
	n := f.val
	var r score.Range
	if n.Kind != yamldoc.List || len(n.Content) != 2 || !wholeNumber(n.Content[0]) || !wholeNumber(n.Content[1]) {
		p.errorf(n, "%s must be two whole numbers [min, max]", what)
		return r, false
	}
	for i := range r {
		v, err := strconv.Atoi(n.Content[i].Value)
		if err != nil {
			p.errorf(n.Content[i], "%s bound %s is out of range", what, n.Content[i].Value)
			return r, false
		}
		r[i] = v
	}
	ok := true
	if r[0] < lo || r[1] > hi || r[0] > hi || r[1] < lo {
		p.errorf(n, "%s [%d, %d] goes outside %d..%d", what, r[0], r[1], lo, hi)
		ok = false
	}
	if r[0] > r[1] {
		p.errorf(n, "%s [%d, %d] has min greater than max", what, r[0], r[1])
		ok = false
	}
	return r, ok
}

func (p *parser) results(w *Worksheet, f field) {
	give, receive, lean := w.Scores()
	// Without questions (no sections, or a misspelt sections: key, which
	// is reported already) no score exists: that is not the bands' fault.
	asked := false
	for _, s := range w.Sections {
		asked = asked || len(s.Questions) > 0
	}
	for i, n := range p.list(f, "results must be a list of bands, each with a title", false) {
		fields := p.mapping(n, "band", bandKeys)
		if n.Kind != yamldoc.Map {
			continue
		}
		b := &Band{Line: n.Line, Col: n.Col, at: positions(fields)}
		b.Title = p.text(fields, "title", n, fmt.Sprintf("band %d", i+1))
		name := fmt.Sprintf("band %d", i+1)
		if b.Title != "" {
			name = fmt.Sprintf("band %q", b.Title)
		}
		b.Body = p.markdown(fields, "body")
		for _, r := range []struct {
			key    string
			lo, hi int
			dst    **score.Range
			has    bool
			why    string
		}{
			{"balance", -100, 100, &b.Balance, give && receive, "a balance needs questions on both what you give and what you receive"},
			{"give", 0, 100, &b.Give, give, "no question scores what you give"},
			{"receive", 0, 100, &b.Receive, receive, "no question scores what you receive"},
			{"lean", -100, 100, &b.Lean, lean, "there is no lean question"},
		} {
			rf, ok := fields[r.key]
			if !ok {
				continue
			}
			if v, ok := p.rng(rf, r.key+" range", r.lo, r.hi); ok {
				*r.dst = &v
			}
			if !r.has && asked {
				p.errorf(rf.key, "%s can never be shown: it has a %s range, but this worksheet never has a %s score (%s); remove the range", name, r.key, r.key, r.why)
			}
		}
		if sf, ok := fields["see"]; ok {
			for _, ln := range p.list(sf, "see must be a link or a list of links", true) {
				if l, ok := p.link(sf, ln); ok {
					b.See = append(b.See, l)
				}
			}
		}
		w.Results = append(w.Results, b)
	}
}

// coverage checks that every reachable set of scores finds a band (see the
// package doc).
func (p *parser) coverage(w *Worksheet, root *yamldoc.Node, results *field) {
	give, receive := w.Sides()
	if results == nil {
		if give && receive && !p.resultsMisspelt {
			p.errorf(root, "missing results: a worksheet with give and receive questions needs bands; add at least a band with no ranges")
		}
		return
	}
	if msg := w.uncovered(); msg != "" {
		p.errorf(results.key, "results: %s, no band covers that; add a band for it, or end with a band that has no ranges", msg)
		return
	}
	if len(p.errs) > 0 || len(w.reachable()) == 0 {
		// Other mistakes (a missing sections:) may be why no score
		// reaches a band; a worksheet without scores shows none.
		return
	}
	bands, holdsSome := w.unshown()
	for k, i := range bands {
		b := w.Results[i]
		n := &yamldoc.Node{Line: b.Line, Col: b.Col}
		if holdsSome[k] {
			p.errorf(n, "band %q can never be shown: the bands above it already hold for every score it covers (the first band that holds is shown); move it up, or narrow the ranges above it", b.Title)
		} else {
			p.errorf(n, "band %q can never be shown: no answers give scores in all its ranges at once; widen or remove one of them", b.Title)
		}
	}
}

// scoreSet is a set of scores that can be non-empty together.
type scoreSet struct{ give, receive, lean bool }

// reachable returns every set of scores that some answers make non-empty
// (the empty set aside): the unions of any of the worksheet's units, the
// largest first.
func (w *Worksheet) reachable() []scoreSet {
	found := map[scoreSet]bool{{}: true}
	for _, u := range w.units() {
		for s := range maps.Clone(found) {
			found[scoreSet{s.give || u.give, s.receive || u.receive, s.lean || u.lean}] = true
		}
	}
	var sets []scoreSet
	for _, s := range [...]scoreSet{
		{true, true, true}, {true, true, false}, {true, false, true}, {false, true, true},
		{true, false, false}, {false, true, false}, {false, false, true},
	} {
		if found[s] {
			sets = append(sets, s)
		}
	}
	return sets
}

// uncovered describes the first set of score values, in the order of
// reachable and from the lowest values up, that no band holds for, such as
// "receive 12 with give and balance empty"; "" when every one finds a band.
func (w *Worksheet) uncovered() string {
	m := w.Model()
	hasGive, hasReceive, hasLean := w.Scores()
	msg := ""
	w.eachScores(m, func(g, r, bal, l score.Score) bool {
		if score.Pick(m.Bands, g, r, bal, l) < 0 {
			msg = describe(hasGive, hasReceive, hasLean, g, r, bal, l)
			return false
		}
		return true
	})
	return msg
}

// unshown lists the bands that no reachable scores show, each with
// whether some reachable scores meet its ranges (so the bands before it
// take all of them) or none do (its ranges contradict each other, such
// as balance [50, 100] with give [60, 100]).
func (w *Worksheet) unshown() (bands []int, holdsSome []bool) {
	m := w.Model()
	shown := make([]bool, len(m.Bands))
	holds := make([]bool, len(m.Bands))
	w.eachScores(m, func(g, r, bal, l score.Score) bool {
		if i := score.Pick(m.Bands, g, r, bal, l); i >= 0 {
			shown[i] = true
		}
		for j := range m.Bands {
			if !holds[j] && score.Pick(m.Bands[j:j+1], g, r, bal, l) == 0 {
				holds[j] = true
			}
		}
		return true
	})
	for i := range m.Bands {
		if !shown[i] {
			bands = append(bands, i)
			holdsSome = append(holdsSome, holds[i])
		}
	}
	return bands, holdsSome
}

// eachScores calls fn with every reachable set of score values, in the
// order of reachable and from the lowest values up, until fn returns
// false.
func (w *Worksheet) eachScores(m *score.Model, fn func(give, receive, balance, lean score.Score) bool) {
	// Lean takes part in no sum with the other scores, so one value per
	// stretch between the ends of the bands' lean ranges stands for all.
	leans := []int{-100}
	for _, b := range m.Bands {
		if b.Lean != nil {
			leans = append(leans, b.Lean[0], b.Lean[1]+1)
		}
	}
	slices.Sort(leans)
	leans = slices.Compact(leans)
	leans = slices.DeleteFunc(leans, func(v int) bool { return v < -100 || v > 100 })

	values := func(on bool, lo, hi int) []score.Score {
		if !on {
			return []score.Score{{}}
		}
		var vs []score.Score
		for v := lo; v <= hi; v++ {
			vs = append(vs, score.Score{Value: v, Valid: true})
		}
		return vs
	}
	for _, set := range w.reachable() {
		lean := []score.Score{{}}
		if set.lean {
			lean = lean[:0]
			for _, v := range leans {
				lean = append(lean, score.Score{Value: v, Valid: true})
			}
		}
		for _, g := range values(set.give, 0, 100) {
			for _, r := range values(set.receive, 0, 100) {
				bal := score.Score{}
				if g.Valid && r.Valid {
					bal = score.Score{Value: r.Value - g.Value, Valid: true}
				}
				for _, l := range lean {
					if !fn(g, r, bal, l) {
						return
					}
				}
			}
		}
	}
}

// describe says, in a counselor's words, which answers give a set of
// score values: the sides a person answered no question of, whose scores
// (and balance) then have no value, and the values of the others.
//
//	when a person's give score is 50, receive score 0 and balance -50
//	when a person answers no give question (give and balance have no value) and their receive score is 12
func describe(hasGive, hasReceive, hasLean bool, give, receive, balance, lean score.Score) string {
	var set, empty, unanswered []string
	for _, s := range []struct {
		name, score string
		has         bool
		side        bool // answered by questions of its own; balance is not
		s           score.Score
	}{
		{"give", "give score", hasGive, true, give}, {"receive", "receive score", hasReceive, true, receive},
		{"balance", "balance", hasGive && hasReceive, false, balance}, {"lean", "lean score", hasLean, true, lean},
	} {
		switch {
		case s.s.Valid:
			if len(set) == 0 {
				set = append(set, s.score+" is "+strconv.Itoa(s.s.Value))
			} else {
				set = append(set, s.score+" "+strconv.Itoa(s.s.Value))
			}
		case s.has:
			empty = append(empty, s.name)
			if s.side {
				unanswered = append(unanswered, s.name)
			}
		}
	}
	if len(empty) == 0 {
		return "when a person's " + andList(set)
	}
	have := "has"
	if len(empty) > 1 {
		have = "have"
	}
	msg := fmt.Sprintf("when a person answers no %s question (%s %s no value)", orList(unanswered), andList(empty), have)
	if len(set) > 0 {
		msg += " and their " + andList(set)
	}
	return msg
}

// orList joins words as "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// andList joins words as "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// slugOf is text as an id: lowercase letters and digits, the rest one
// "-" ("I cooked!" is "i-cooked"); "option" when nothing is left.
func slugOf(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "option"
	}
	return b.String()
}
