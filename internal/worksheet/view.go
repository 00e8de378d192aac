package worksheet

import (
	"encoding/json"
	"html/template"
	"strconv"

	"mutual/internal/diag"
	"mutual/internal/score"
)

// Env is what the site gives a worksheet to become a page. Every field is
// required.
type Env struct {
	// Markdown renders a Markdown snippet that begins at line:col of the
	// worksheet file, its later lines indented by indent columns there (a
	// text block's); links inside are resolved and errors positioned by the
	// site.
	Markdown func(src string, line, col, indent int) (template.HTML, diag.List)
	// Resolve turns a `see` link (relative to the worksheet file) into a URL
	// and the target's title.
	Resolve func(l Link) (url, title string, err *diag.Error)
	// Help is the site's help block, rendered: the safety notice.
	Help template.HTML
	// Asset URLs (fingerprinted) the page loads.
	WasmURL, WasmExecURL, ScriptURL string
	// Text is the interface text of key in the page's language, for the
	// words the worksheet does not write itself: the built-in scales'
	// labels (Option.Key), the sides of a pair ("worksheet.side.give",
	// "worksheet.side.receive": "You" and "Them") and a checklist's last
	// box ("worksheet.none-of-these"). nil keeps them English.
	Text func(key string) string
}

// text is the interface text of key, or english when the site gives none.
func (env *Env) text(key, english string) string {
	if env.Text == nil || key == "" {
		return english
	}
	return env.Text(key)
}

// View is everything layouts/worksheet.html needs, as .Worksheet. Texts are
// plain strings (the template escapes them); Markdown is already rendered.
//
// Element ids are built so that they cannot collide with each other nor
// with heading ids from Markdown (which never hold "_"): a question's
// wrapper is "q-<id>", a radio group "q-<id>_<side>" for pairs or
// "q-<id>_answer" for ratings and lean questions, each radio "<group
// id>_<value>" ("<group id>_na" for "does not apply"), a checklist's group
// "q-<id>_answer" and each box "q-<id>_<option id>" ("q-<id>_none" for the
// last), a help text "q-<id>_help", a reflection's textarea "q-<id>_text".
type View struct {
	Slug, Title, Summary string
	Minutes              int
	Tags                 []string
	// LegacyKey is the localStorage key answers were saved under before
	// each question had its own fingerprint: "mutual:<slug>:<fingerprint>".
	LegacyKey string
	Intro     template.HTML

	Sections []SectionView
	Areas    []AreaView // in declaration order, the order of the model's areas
	Bands    []BandView // in results order; Index matches the scorer's band

	// HasScores is false for a worksheet of reflections alone: the page
	// then shows no results and loads no scorer.
	HasScores bool
	// HasGive, HasReceive and HasLean say which scores the worksheet can
	// have; HasBalance is both give and receive (and a biggest gap).
	HasGive, HasReceive, HasBalance, HasLean bool
	// AreaLean is true when a lean question has an area: the area table
	// then has a lean column. AreaColumns counts the table's columns.
	AreaLean    bool
	AreaColumns int
	// HasAlert is true when some question can raise the safety notice.
	HasAlert bool
	Total    int           // scored items (a pair counts as two, a checklist its scored options)
	Help     template.HTML // the safety notice (the site's help block)

	ModelJSON                       string // the score.Model as JSON, for data-model
	WasmURL, WasmExecURL, ScriptURL string

	// Fingerprint is the scoring fingerprint (score.Fingerprint of the
	// model): share codes carry it, and saved results and answer files are
	// marked with it, so that the page tells the answers given to an
	// earlier version of the worksheet apart.
	Fingerprint string
	// HasPairs is true when the worksheet has pair questions: a comparison
	// then sets both people's answers to each of them side by side.
	HasPairs bool
}

// SectionView is one fieldset of the form.
type SectionView struct {
	ID        string // "section-1", ...
	Title     string
	Intro     template.HTML
	Questions []QuestionView
}

// QuestionView is one question. A rating and a lean question have one radio
// group, a pair two (give, then receive), a checklist a group of boxes, a
// reflection a textarea.
type QuestionView struct {
	ID   string // the question id
	Type string // "pair", "rating", "lean", "checklist" or "reflection"
	// ElementID is the question wrapper's element id, "q-<id>".
	ElementID string
	// Fingerprint is the question's own (see Question.Fingerprint); the
	// page saves answers with it.
	Fingerprint string
	AreaID      string // "" when none
	AreaLabel   string
	Text        string // rating, lean, checklist and reflection: the question; pair: ""
	Help        template.HTML
	HelpID      string // element id of the help text; "" when there is none
	Groups      []GroupView

	// Checklist only: the boxes, "None of these" last.
	GroupID string // the checklist's fieldset
	Checks  []CheckView

	// Reflection only: the textarea's name (the question id) and id, and
	// the most characters it takes (its maxlength): MaxTextLen, what the
	// page restores and an answer file may hold, so that nothing typed is
	// saved only to be refused.
	Name, InputID string
	MaxLength     int
}

// GroupView is one radio group: a rating or lean question, or one side of a
// pair.
type GroupView struct {
	ID        string // element id of the group's fieldset
	Name      string // radio name and answer key: "accept-help", "listening.give"
	Side      string // "give", "receive" or "lean"
	SideLabel string // pairs: "You" (give) or "Them" (receive); others: ""
	Legend    string // the question text for this side
	HelpID    string // the question's help text, which describes the group; "" when none
	// Row is true for a scale of at most seven options whose labels fit
	// side by side on a phone: the page shows it as one row of choices.
	// StackNarrow is true when they fit from 360 px only (narrower screens
	// stack the options), Flat when they also fit on one line each from
	// 360 px up. Other scales stack their options. See row.go.
	Row, StackNarrow, Flat bool
	Options                []OptionView // the options with a value, in scale order
	NA                     *OptionView  // "does not apply", shown apart; nil when the scale has none
	// MinText and MaxText are the scale's end values as the page shows
	// them; Negative is true when MinText is below zero. Unlabeled options
	// say "3 of 7" (or "-1, on a scale from -3 to 3") to screen readers.
	MinText, MaxText string
	Negative         bool
}

// OptionView is one radio input with its label.
type OptionView struct {
	// ID is an element id a theme may give the input, "q-listening_give_3".
	// The default theme gives none: the label around each radio names it,
	// and 200 ids would cost "Give and take" 6 KB of its page budget.
	ID    string
	Label string // "" for an unlabeled option
	Text  string // what the page shows: the label, or the value (minus sign U+2212)
	Value string // the input's value: the option's value, or "na"
}

// CheckView is one checkbox of a checklist.
type CheckView struct {
	ID    string // element id, "q-this-week_cooked"
	Value string // the option id; "none" for the last box
	Label string
	None  bool // the "None of these" box
}

// AreaView is one area of the results.
type AreaView struct {
	ID, Label string
	// SeeURL and SeeTitle come from the area's `see` link; "" when none.
	SeeURL, SeeTitle string
}

// BandView is one result band: all are rendered (hidden), the script shows
// the chosen one.
type BandView struct {
	Index int
	Title string
	Body  template.HTML
	See   []LinkView
}

// LinkView is a resolved link.
type LinkView struct{ URL, Title string }

// View prepares the worksheet for its page: Markdown rendered at its file
// positions, links resolved, the model serialized. It reports the errors of
// env.Markdown and env.Resolve, and an alert with no help block to show.
func (w *Worksheet) View(env Env) (*View, diag.List) {
	var errs diag.List
	md := func(t Text) template.HTML {
		if t.Src == "" {
			return ""
		}
		h, e := env.Markdown(t.Src, t.Line, t.Col, t.Indent)
		errs = append(errs, e...)
		return h
	}
	resolve := func(l Link) LinkView {
		url, title, err := env.Resolve(l)
		if err != nil {
			errs = append(errs, err)
		}
		return LinkView{URL: url, Title: title}
	}

	give, receive, lean := w.Scores()
	m := w.Model()
	v := &View{
		Slug:        w.Slug,
		Title:       w.Title,
		Summary:     w.Summary,
		Minutes:     w.Minutes,
		Tags:        w.Tags,
		LegacyKey:   "mutual:" + w.Slug + ":" + w.LegacyFingerprint,
		Intro:       headingsFrom(md(w.Intro), 2),
		HasScores:   len(m.Items) > 0,
		HasGive:     give,
		HasReceive:  receive,
		HasBalance:  give && receive,
		HasLean:     lean,
		Total:       len(m.Items),
		Help:        env.Help,
		WasmURL:     env.WasmURL,
		WasmExecURL: env.WasmExecURL,
		ScriptURL:   env.ScriptURL,
	}
	for _, it := range m.Items {
		v.AreaLean = v.AreaLean || (it.Side == score.Lean && it.Area != "")
	}
	for _, on := range []bool{give, receive, give && receive, v.AreaLean} {
		if on {
			v.AreaColumns++
		}
	}
	js, err := json.Marshal(m)
	if err != nil { // a Model holds only ints, floats, strings and bools
		panic("worksheet: model does not encode: " + err.Error())
	}
	v.ModelJSON = string(js)
	v.Fingerprint = score.Fingerprint(m)

	labels := map[string]string{}
	for _, a := range w.Areas {
		av := AreaView{ID: a.ID, Label: a.Label}
		if a.See != nil {
			l := resolve(*a.See)
			av.SeeURL, av.SeeTitle = l.URL, l.Title
		}
		labels[a.ID] = a.Label
		v.Areas = append(v.Areas, av)
	}

	for i, s := range w.Sections {
		sv := SectionView{ID: "section-" + strconv.Itoa(i+1), Title: s.Title, Intro: headingsFrom(md(s.Intro), 2)}
		for _, q := range s.Questions {
			if q.Alert != nil && !v.HasAlert {
				v.HasAlert = true
				if env.Help == "" {
					errs.Add(w.Path, q.Line, q.Col, "question %q has an alert but the site has no help block to show; add help to site.yaml", q.ID)
				}
			}
			v.HasPairs = v.HasPairs || q.Type == Pair
			sv.Questions = append(sv.Questions, questionView(&env, q, labels, headingsFrom(md(q.Help), 3)))
		}
		v.Sections = append(v.Sections, sv)
	}

	for i, b := range w.Results {
		bv := BandView{Index: i, Title: b.Title, Body: headingsFrom(md(b.Body), 4)}
		for _, l := range b.See {
			bv.See = append(bv.See, resolve(l))
		}
		v.Bands = append(v.Bands, bv)
	}
	errs.Sort()
	return v, errs
}

func questionView(env *Env, q *Question, labels map[string]string, help template.HTML) QuestionView {
	el := "q-" + q.ID
	qv := QuestionView{
		ID:          q.ID,
		Type:        string(q.Type),
		ElementID:   el,
		Fingerprint: q.Fingerprint,
		AreaID:      q.Area,
		AreaLabel:   labels[q.Area],
		Help:        help,
	}
	if help != "" {
		qv.HelpID = el + "_help"
	}
	defer func() {
		for i := range qv.Groups {
			qv.Groups[i].HelpID = qv.HelpID
		}
	}()
	switch q.Type {
	case Rating, Lean:
		qv.Text = q.Text
		qv.Groups = []GroupView{group(env, q, el+"_answer", q.ID, q.Side, "", q.Text)}
	case Pair:
		qv.Groups = []GroupView{
			group(env, q, el+"_give", PairKey(q.ID, score.Give), score.Give, env.text("worksheet.side.give", "You"), q.Give),
			group(env, q, el+"_receive", PairKey(q.ID, score.Receive), score.Receive, env.text("worksheet.side.receive", "Them"), q.Receive),
		}
	case Checklist:
		qv.Text = q.Text
		qv.GroupID = el + "_answer"
		for _, o := range q.Options {
			qv.Checks = append(qv.Checks, CheckView{ID: el + "_" + o.ID, Value: o.ID, Label: o.Label})
		}
		none := q.NoneLabel
		if q.noneDefault {
			none = env.text("worksheet.none-of-these", DefaultNoneLabel)
		}
		qv.Checks = append(qv.Checks, CheckView{ID: el + "_" + NoneOption, Value: NoneOption, Label: none, None: true})
	case Reflection:
		qv.Text = q.Text
		qv.Name, qv.InputID, qv.MaxLength = q.ID, el+"_text", MaxTextLen
	}
	return qv
}

// group is the radio group of a question's scale.
func group(env *Env, q *Question, id, name string, side score.Side, sideLabel, legend string) GroupView {
	g := GroupView{ID: id, Name: name, Side: string(side), SideLabel: sideLabel, Legend: legend}
	if q.Scale == nil {
		return g
	}
	g.MinText, g.MaxText = number(q.Scale.Min()), number(q.Scale.Max())
	g.Negative = q.Scale.Min() < 0
	var valued []Option
	for _, o := range q.Scale.Options {
		o.Label = env.text(o.Key, o.Label)
		if o.NA {
			g.NA = &OptionView{ID: id + "_na", Label: o.Label, Text: o.Label, Value: "na"}
			continue
		}
		valued = append(valued, o)
		text := o.Label
		if text == "" {
			text = number(o.Value)
		}
		g.Options = append(g.Options, OptionView{ID: id + "_" + strconv.Itoa(o.Value), Label: o.Label, Text: text, Value: strconv.Itoa(o.Value)})
	}
	l := fitsRow(valued)
	g.Row, g.StackNarrow, g.Flat = l.row, l.stackNarrow, l.flat
	return g
}

// number writes a value as the page shows it, with a true minus sign.
func number(v int) string {
	if v < 0 {
		return "\u2212" + strconv.Itoa(-v)
	}
	return strconv.Itoa(v)
}

// Anchors are the element ids of the worksheet page that a link may
// point at, as View names them: each section's ("section-1") and each
// question's ("q-listening").
func (w *Worksheet) Anchors() map[string]bool {
	ids := map[string]bool{}
	for i, s := range w.Sections {
		ids["section-"+strconv.Itoa(i+1)] = true
		for _, q := range s.Questions {
			ids["q-"+q.ID] = true
		}
	}
	return ids
}
