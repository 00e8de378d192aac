// Package worksheet owns worksheets: self-assessments written in YAML by
// counselors, checked at build time, and turned into an accessible form page
// scored in the browser.
//
// # Format
//
// A worksheet is one file, content/worksheets/<slug>.yaml; its page is
// /worksheets/<slug>/. Every build publishes the format's JSON Schema at
// /schema/worksheet.json (see Schema); editors that speak the YAML language
// server complete and check a worksheet as you type when its first line
// points there (or to a local copy, by a path relative to the file):
//
//	# yaml-language-server: $schema=https://example.org/schema/worksheet.json
//
// A complete example:
//
//	title: Give and take            # required
//	summary: A ten-minute check on one relationship.
//	minutes: 10                     # minutes it takes, shown on the page
//	tags: [friendship, romantic]
//	draft: false                    # true keeps it out of the site unless drafts are built
//	intro: |                        # Markdown
//	  Think of one person while you answer.
//	scales:                         # optional; see the built-in scales below
//	  often:
//	    - {label: Never, value: 0}
//	    - {label: Sometimes, value: 1}
//	    - {label: Often, value: 2}
//	  deal:                         # unlabeled middle options show their value
//	    - {label: I give far more, value: -3}
//	    - {value: -2}
//	    - {value: -1}
//	    - {label: Even, value: 0}
//	    - {value: 1}
//	    - {value: 2}
//	    - {label: I receive far more, value: 3}
//	    - {label: Does not apply, na: true}
//	areas:                          # optional; where reciprocity shows up
//	  - {id: emotional, label: Emotional support, see: ../guides/listening.md}
//	  - {id: practical, label: Practical help}
//	sections:                       # required, at least one question in all
//	  - title: Emotional support      # required: it is the fieldset's legend
//	    intro: Markdown
//	    questions:
//	      - id: listening           # required, [a-z0-9-]+, unique in the worksheet
//	        type: pair              # pair | rating | lean | checklist | reflection
//	        area: emotional
//	        give: I listen when they need to vent.
//	        receive: They listen when I need to vent.
//	        scale: frequency        # built-in id, an id from scales, or an inline option list
//	      - id: accept-help
//	        type: rating
//	        side: receive           # give | receive, required for a rating
//	        text: When they offer help, I accept it.
//	        scale: agreement-na
//	        weight: 2               # > 0, default 1
//	        reverse: false          # default false
//	        help: Markdown hint shown under the question
//	      - id: safe-to-say-no
//	        type: rating
//	        side: receive
//	        text: I feel safe telling them no.
//	        scale: agreement
//	        alert: [0, 1]           # an answer in this range shows the site's help block
//	      - id: better-deal
//	        type: lean              # felt balance: lowest value = I give more
//	        text: Considering what you put in and what you get out, who gets the better deal?
//	        scale: deal
//	      - id: this-week
//	        type: checklist
//	        area: practical
//	        text: Which of these happened this week?
//	        options:
//	          - {id: cooked, label: I cooked for them, side: give}
//	          - {id: was-driven, label: They drove me somewhere, side: receive, weight: 2}
//	          - {id: talked, label: We talked on the phone}   # no side: recorded, not scored
//	        none_label: None of these   # the last box's words (default "None of these")
//	      - id: one-gesture
//	        type: reflection        # free text, never scored, never shared
//	        text: One small gesture I could make this week.
//	results:                        # ordered; the first band that holds is shown
//	  - {balance: [-100, -16], title: You give more than you receive, body: Markdown, see: [../guides/receiving.md]}
//	  - {balance: [-15, 15], give: [60, 100], title: Balanced and engaged, body: Markdown}
//	  - {lean: [-100, -30], title: It feels one-sided, body: Markdown}
//	  - {title: Somewhere in between, body: Markdown}
//
// The built-in scales are frequency (Never 0, Rarely 1, Sometimes 2, Often 3,
// Almost always 4) and agreement (Strongly disagree 0, Disagree 1, Neutral 2,
// Agree 3, Strongly agree 4), and frequency-na and agreement-na: the same with
// "Does not apply" added at the end.
//
// A scale needs two options or more with a value: distinct whole numbers from
// -1000000 to 1000000. An option may leave its label out, except the first
// and the last option with a value (the ends say what the scale measures);
// the page then shows its value. One option of a scale may be
// {label: Does not apply, na: true}, with a label and no value: choosing it
// answers the question without scoring it (the radio's value is "na").
//
// A rating question is one scored item: its text, on its side. A pair question
// is two scored items on one scale: its give text on the give side (shown as
// "You") and its receive text on the receive side (shown as "Them"). A lean
// question places a felt balance on a scale that runs from giving more (its
// lowest value) to receiving more (its highest), such as -3..3 or 1..7. A
// checklist is a list of boxes: options {id, label, side, weight} with ids
// [a-z0-9-]+ unique in the question ("none" is reserved for the "None of
// these" box the page adds last); each option with a side is a scored item,
// 1 when ticked and 0 when not, counted once the checklist is answered (any
// box ticked). A reflection is a free-text box: never scored, it takes only
// id, type, text and help.
//
// # Rules
//
// The YAML is read by internal/yamldoc, mutual's one YAML reader, so a
// worksheet follows the same type rules as site.yaml and front matter: a
// field's type decides how a value is read, never how it looks (title:
// 2024 and label: 10 are texts, minutes: "10" is ten minutes, tags: family
// is a list of one), an empty value is a key not given, and syntax errors,
// duplicate keys ("first at line N"), aliases and a second document are
// reported in yamldoc's words at the line of the mistake.
//
// Parse reports every problem it finds as "path:line:col: message": unknown
// keys (with a "did you mean"), a missing title or sections, a worksheet
// without questions, a second YAML document in the file, missing, malformed
// or duplicate ids (questions, areas, scales, checklist options, and the
// reserved option id "none"), unknown types, sides or scales, undeclared
// areas, weights ≤ 0, scales with fewer than two options with a value or
// more than MaxOptions,
// duplicate or out-of-range values, unlabeled first or last options,
// "does not apply" options with a value or without a label, two of them in
// one scale, a pair without give or receive text, a question without its
// text, a rating without side, keys a type does not take, malformed alert
// ranges or ones that match no option, band ranges that are not two
// integers, lie outside -100..100 (balance, lean) or 0..100 (give, receive)
// or have min > max, bands without a title, bands that name a score the
// worksheet can never have (a give or balance range with no give item, a
// lean range with no lean question, ...), results that leave some
// reachable set of scores without a band, and bands that no reachable
// scores show: the bands above them hold for all their scores, or their
// ranges contradict each other.
//
// Which sets of scores are reachable follows from the questions: each rating
// can make its side's score non-empty, each side of a pair its own, a lean
// question the lean score, a checklist all the sides of its scored options
// at once; any combination of questions may be answered. For every
// reachable set (such as "receive alone" or "give, receive and lean"), every
// value of its scores (0..100, -100..100 for lean; balance = receive - give)
// must find a band, and an error names one that does not, such as
// "when a person answers no give question (give and balance have no value)
// and their receive score is 12, no band covers that". A last band with no
// ranges covers everything. A worksheet with give and receive questions
// needs results; others may leave them out and show their scores only. A
// worksheet of reflections alone has no scores at all and loads no scorer.
//
// `see` links (an area's, a band's) are resolved by the site through
// Env.Resolve when the page is built; a link that does not resolve is a
// build error at the link's position.
//
// # Scoring
//
// Model returns the worksheet as package score sees it: one item per rating
// and lean question (keyed by its id), two per pair ("id.give",
// "id.receive") and one per scored checklist option ("id.option"), weights
// (default 1), the smallest and largest value of each item's scale, whether
// it offers "does not apply", the alert ranges, the area ids and the bands.
// The page embeds it as JSON and the WebAssembly scorer applies the rules of
// package score to it.
//
// Each question has a Fingerprint: a short hash of that question alone (its
// id, type, side, texts, scale and checklist options), not of its weight,
// area, help or position. The page saves each answer in the browser with its
// question's fingerprint and restores it only while the fingerprint still
// matches, so a changed question never receives an answer given to its
// earlier wording, and the unchanged questions of a changed worksheet keep
// theirs. LegacyFingerprint is the whole-worksheet fingerprint that saved
// answers were keyed by before; the page reads answers saved that way once.
//
// The model also carries, per item whose scale has gaps or runs downwards,
// its option values, and a hash of the scored questions' fingerprints: the
// scoring fingerprint (score.Fingerprint, View.Fingerprint) then changes
// whenever an answer could mean something else. Share links carry it, and
// the page marks saved results and answer files with it.
//
// # Answer files
//
// File is the format of the answer file the page saves ("Save to a file")
// and opens again ("Open a file"), made and read in the browser: the
// worksheet's slug and scoring fingerprint, the answers per question with
// their question's fingerprint, the saved results and the kept
// comparisons. ReadFile checks a file as the page does; File.For applies
// the rule that restores saved answers after a worksheet change. The page
// follows this code; the browser tests hold it to it.
//
// # Trust model
//
// Worksheets come from counselors, the site's own writers: they are trusted
// to write content, not code. Texts are plain strings escaped by
// html/template; intros, help and band bodies are Markdown rendered by the
// site with raw HTML off. The page runs no inline script or style, and its
// Content-Security-Policy is the backstop. Answers never leave the browser
// except where the person sends them: the page makes no request once it has
// loaded; a share link carries scored answers in its fragment, which
// browsers never send to a server; an answer file is made in the page and
// saved where the person chooses. Share codes and answer files from others
// are untrusted input: refused unless every part checks.
package worksheet

import (
	"mutual/internal/score"
)

// Type is a question's kind.
type Type string

// The question types.
const (
	Pair       Type = "pair"
	Rating     Type = "rating"
	Lean       Type = "lean"
	Checklist  Type = "checklist"
	Reflection Type = "reflection"
)

// Worksheet is a parsed worksheet. After a Parse without errors it is valid:
// every reference resolves within the file, every scored question has a
// scale or options, and the results cover every reachable set of scores.
type Worksheet struct {
	Path    string // site-relative, e.g. "content/worksheets/give-and-take.yaml"
	Slug    string // file name without ".yaml" or ".yml"
	Title   string
	Summary string
	Minutes int
	Tags    []string
	// TagsAt is each of Tags with where it is written, for errors about
	// a tag (the site's tag pages are not the worksheet's concern).
	TagsAt []Text
	Draft  bool

	// LegacyFingerprint is 12 hex digits of a SHA-256 over the questions'
	// ids, types, sides and scale values: the key answers were saved under
	// before each question had its own fingerprint.
	LegacyFingerprint string

	Intro    Text
	Scales   []*Scale // declared in the file, in order (built-ins are not listed)
	Areas    []*Area
	Sections []*Section
	Results  []*Band

	at fieldPos // where its top-level keys are (see translation.go)
}

// Text is a string from the file with the position where its content
// starts (1-based), so Markdown errors inside it point into the file.
type Text struct {
	Src       string
	Line, Col int
	// Indent is the columns before the text's later lines in the file (a
	// text block's indentation; yamldoc.Node.TextIndent).
	Indent int
}

// Link is a `see` link as written (relative to the worksheet file) with its
// position in the file, for the site to resolve.
type Link struct {
	Dest      string
	Line, Col int
}

// Scale is a list of answer options. ID is "" for an inline scale.
type Scale struct {
	ID      string
	Options []Option

	at pos // where a declared scale's id is written
}

// Option is one answer of a scale: a value with an optional label, or the
// "does not apply" option (NA, with a label and no value).
type Option struct {
	Label string // "" for an unlabeled option, which shows its value
	Value int    // 0 for the NA option
	NA    bool
	// Key is the interface text that shows the option of a built-in
	// scale in the page's language ("scale.frequency.never"; see
	// Env.Text); "" for a scale the worksheet writes itself.
	Key string
}

// Min returns the smallest option value.
func (s *Scale) Min() int { return s.bound(func(a, b int) bool { return a < b }) }

// Max returns the largest option value.
func (s *Scale) Max() int { return s.bound(func(a, b int) bool { return a > b }) }

// HasNA reports whether the scale has a "does not apply" option.
func (s *Scale) HasNA() bool {
	for _, o := range s.Options {
		if o.NA {
			return true
		}
	}
	return false
}

func (s *Scale) bound(better func(a, b int) bool) int {
	v, first := 0, true
	for _, o := range s.Options {
		if !o.NA && (first || better(o.Value, v)) {
			v, first = o.Value, false
		}
	}
	return v
}

// Area is a part of a relationship where reciprocity shows up.
type Area struct {
	ID, Label string
	See       *Link // nil when the area links nowhere
	Line, Col int
}

// Section is a group of questions, shown as one fieldset.
type Section struct {
	Title     string
	Intro     Text
	Questions []*Question

	at pos
}

// Question is one question of any type. Fields that do not apply to its
// type are zero.
type Question struct {
	ID   string
	Type Type
	Area string // "" when none

	Text          string     // rating, lean, checklist, reflection
	Side          score.Side // rating (give or receive); lean questions have score.Lean
	Give, Receive string     // pair

	Scale   *Scale  // rating, pair, lean
	Weight  float64 // rating, pair, lean; 1 when not given
	Reverse bool
	Alert   *score.Range
	Help    Text

	Options   []CheckOption // checklist
	NoneLabel string        // checklist: the last box's words, "None of these" by default

	// Fingerprint is 10 hex digits of a SHA-256 over what a saved answer
	// means: the id, type, side, texts, scale and checklist options. A
	// translation's questions carry their original's (see Translate).
	Fingerprint string

	Line, Col int

	at          fieldPos // where its keys' values are
	noneDefault bool     // NoneLabel is the default, not written
}

// CheckOption is one box of a checklist.
type CheckOption struct {
	ID, Label string
	Side      score.Side // give or receive for a scored box; "" when only recorded
	Weight    float64    // scored boxes; 1 when not given

	at pos // where the box is written
}

// Scored reports whether the question produces scored items.
func (q *Question) Scored() bool {
	switch q.Type {
	case Pair, Rating, Lean:
		return true
	case Checklist:
		for _, o := range q.Options {
			if o.Side != "" {
				return true
			}
		}
	}
	return false
}

// Band is one entry of the results: shown when it is the first that holds
// (see package score).
type Band struct {
	Balance, Give, Receive, Lean *score.Range // nil when not named
	Title                        string
	Body                         Text
	See                          []Link
	Line, Col                    int

	at fieldPos
}

// MaxOptions is the most options with a value a scale may have, so that
// every answer fits in two characters of a share link (see
// score.MaxCodeOptions, which leaves room to spare).
const MaxOptions = 1000

// NoneOption is the id (and checkbox value) of a checklist's "None of
// these" box; no option may take it.
const NoneOption = "none"

// DefaultNoneLabel is the words of a checklist's last box.
const DefaultNoneLabel = "None of these"

// naOption is the "does not apply" option of the built-in -na scales.
var naOption = Option{Label: "Does not apply", NA: true, Key: "scale.not-applicable"}

// Builtin scales, by id.
var builtinScales = func() map[string]*Scale {
	// The English labels are part of each question's fingerprint, so
	// they never change; pages show them in their own language by Key.
	frequency := []Option{
		{Label: "Never", Value: 0, Key: "scale.frequency.never"},
		{Label: "Rarely", Value: 1, Key: "scale.frequency.rarely"},
		{Label: "Sometimes", Value: 2, Key: "scale.frequency.sometimes"},
		{Label: "Often", Value: 3, Key: "scale.frequency.often"},
		{Label: "Almost always", Value: 4, Key: "scale.frequency.almost-always"},
	}
	agreement := []Option{
		{Label: "Strongly disagree", Value: 0, Key: "scale.agreement.strongly-disagree"},
		{Label: "Disagree", Value: 1, Key: "scale.agreement.disagree"},
		{Label: "Neutral", Value: 2, Key: "scale.agreement.neutral"},
		{Label: "Agree", Value: 3, Key: "scale.agreement.agree"},
		{Label: "Strongly agree", Value: 4, Key: "scale.agreement.strongly-agree"},
	}
	return map[string]*Scale{
		"frequency":    {ID: "frequency", Options: frequency},
		"agreement":    {ID: "agreement", Options: agreement},
		"frequency-na": {ID: "frequency-na", Options: append(frequency[:len(frequency):len(frequency)], naOption)},
		"agreement-na": {ID: "agreement-na", Options: append(agreement[:len(agreement):len(agreement)], naOption)},
	}
}()

// builtinNames lists the built-in scale ids, sorted.
var builtinNames = []string{"agreement", "agreement-na", "frequency", "frequency-na"}

// Scores reports which scores the worksheet can have: give, receive and
// lean (balance needs both give and receive).
func (w *Worksheet) Scores() (give, receive, lean bool) {
	for _, u := range w.units() {
		give = give || u.give
		receive = receive || u.receive
		lean = lean || u.lean
	}
	return give, receive, lean
}

// Sides reports whether the worksheet has scored items on the give side and
// on the receive side. Only a worksheet with both has a balance.
func (w *Worksheet) Sides() (give, receive bool) {
	give, receive, _ = w.Scores()
	return give, receive
}

// unit is what answering one part of a question can make non-empty: a
// rating its side, each side of a pair its own, a lean question the lean
// score, a checklist every side of its scored options at once.
type unit struct{ give, receive, lean bool }

func (w *Worksheet) units() []unit {
	var us []unit
	for _, s := range w.Sections {
		for _, q := range s.Questions {
			switch q.Type {
			case Pair:
				us = append(us, unit{give: true}, unit{receive: true})
			case Rating:
				us = append(us, unit{give: q.Side == score.Give, receive: q.Side == score.Receive})
			case Lean:
				us = append(us, unit{lean: true})
			case Checklist:
				var u unit
				for _, o := range q.Options {
					u.give = u.give || o.Side == score.Give
					u.receive = u.receive || o.Side == score.Receive
				}
				if u.give || u.receive {
					us = append(us, u)
				}
			}
		}
	}
	return us
}
