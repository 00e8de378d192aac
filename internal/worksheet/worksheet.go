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
//	scales:                         # optional; frequency and agreement are built in
//	  often:
//	    - {label: Never, value: 0}
//	    - {label: Sometimes, value: 1}
//	    - {label: Often, value: 2}
//	areas:                          # optional; where reciprocity shows up
//	  - {id: emotional, label: Emotional support, see: ../guides/listening.md}
//	  - {id: practical, label: Practical help}
//	sections:                       # required, at least one question in all
//	  - title: Emotional support      # required: it is the fieldset's legend
//	    intro: Markdown
//	    questions:
//	      - id: listening           # required, [a-z0-9-]+, unique in the worksheet
//	        type: pair              # pair | rating | reflection
//	        area: emotional
//	        give: I listen when they need to vent.
//	        receive: They listen when I need to vent.
//	        scale: frequency        # built-in id, an id from scales, or an inline option list
//	      - id: accept-help
//	        type: rating
//	        side: receive           # give | receive, required for a rating
//	        text: When they offer help, I accept it.
//	        scale: agreement
//	        weight: 2               # > 0, default 1
//	        reverse: false          # default false
//	        help: Markdown hint shown under the question
//	      - id: safe-to-say-no
//	        type: rating
//	        side: receive
//	        text: I feel safe telling them no.
//	        scale: agreement
//	        alert: [0, 1]           # an answer in this range shows the site's help block
//	      - id: one-gesture
//	        type: reflection        # free text, never scored, never shared
//	        text: One small gesture I could make this week.
//	results:                        # ordered; the first band whose ranges all hold is shown
//	  - {balance: [-100, -16], title: You give more than you receive, body: Markdown, see: [../guides/receiving.md]}
//	  - {balance: [-15, 15], give: [60, 100], title: Balanced and engaged, body: Markdown}
//	  - {title: Somewhere in between, body: Markdown}
//
// The built-in scales are frequency (Never 0, Rarely 1, Sometimes 2, Often 3,
// Almost always 4) and agreement (Strongly disagree 0, Disagree 1, Neutral 2,
// Agree 3, Strongly agree 4). A scale needs two options or more, each with a
// label and a distinct integer value.
//
// A rating question is one scored item: its text, on its side. A pair question
// is two scored items on one scale: its give text on the give side (shown as
// "You") and its receive text on the receive side (shown as "Them"). A
// reflection is a free-text box: never scored, it takes only id, type, text
// and help.
//
// # Rules
//
// Parse reports every problem it finds as "path:line:col: message": unknown
// keys (with a "did you mean"), a missing title or sections, a worksheet
// without questions, missing, malformed or duplicate ids (questions, areas,
// scales), unknown types, sides or scales, undeclared areas, weights ≤ 0,
// scales with fewer than two options or duplicate values, options without a
// label, a pair without give or receive text, a rating or reflection without
// text, a rating without side, a reflection with scoring keys, malformed
// alert ranges or ones that match no option, band ranges that are not two
// integers, lie outside -100..100 (balance) or 0..100 (give, receive) or have
// min > max, bands without a title, and results that leave some (give,
// receive) pair without a band. Every integer pair in 0..100 × 0..100 is
// checked (balance = receive - give), and one uncovered pair is named; a last
// band with no ranges covers everything.
//
// A worksheet with no give item or no receive item has no balance: it is
// valid, its page shows the scores only, and its bands are never chosen (so
// they need not cover anything). A worksheet of reflections alone has no
// scores at all and loads no scorer.
//
// `see` links (an area's, a band's) are resolved by the site through
// Env.Resolve when the page is built; a link that does not resolve is a
// build error at the link's position.
//
// # Scoring
//
// Model returns the worksheet as package score sees it: one item per rating
// question (keyed by its id) and two per pair ("id.give", "id.receive"),
// weights (default 1), the smallest and largest value of each item's scale,
// the alert ranges, the area ids and the bands. The page embeds it as JSON
// and the WebAssembly scorer applies the rules of package score to it.
//
// Fingerprint is a short hash of what decides where an answer lands: the
// questions' ids, types and sides and their scales' option values. The page
// saves answers in the browser under the slug and the fingerprint, so a
// changed worksheet never restores old answers into the wrong questions.
//
// # Trust model
//
// Worksheets come from counselors, the site's own writers: they are trusted
// to write content, not code. Texts are plain strings escaped by
// html/template; intros, help and band bodies are Markdown rendered by the
// site with raw HTML off. The page runs no inline script or style, and its
// Content-Security-Policy is the backstop. Answers never leave the browser:
// the page makes no request once it has loaded.
package worksheet

import (
	"mutual/internal/score"
)

// Type is a question's kind.
type Type string

// The three question types.
const (
	Pair       Type = "pair"
	Rating     Type = "rating"
	Reflection Type = "reflection"
)

// Worksheet is a parsed worksheet. After a Parse without errors it is valid:
// every reference resolves within the file, every scored question has a
// scale, and the results cover every reachable score.
type Worksheet struct {
	Path    string // site-relative, e.g. "content/worksheets/give-and-take.yaml"
	Slug    string // file name without ".yaml"
	Title   string
	Summary string
	Minutes int
	Tags    []string
	Draft   bool

	// Fingerprint is 12 hex digits of a SHA-256 over the questions' ids,
	// types, sides and scale values; it changes whenever a saved answer
	// could land in the wrong question.
	Fingerprint string

	Intro    Text
	Scales   []*Scale // declared in the file, in order (built-ins are not listed)
	Areas    []*Area
	Sections []*Section
	Results  []*Band
}

// Text is a string from the file with the position where its content
// starts (1-based), so Markdown errors inside it point into the file.
type Text struct {
	Src       string
	Line, Col int
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
}

// Option is one answer of a scale.
type Option struct {
	Label string
	Value int
}

// Min returns the smallest option value.
func (s *Scale) Min() int { return s.bound(func(a, b int) bool { return a < b }) }

// Max returns the largest option value.
func (s *Scale) Max() int { return s.bound(func(a, b int) bool { return a > b }) }

func (s *Scale) bound(better func(a, b int) bool) int {
	if len(s.Options) == 0 {
		return 0
	}
	v := s.Options[0].Value
	for _, o := range s.Options[1:] {
		if better(o.Value, v) {
			v = o.Value
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
}

// Question is one question of any type. Fields that do not apply to its
// type are zero.
type Question struct {
	ID   string
	Type Type
	Area string // "" when none

	Text          string     // rating, reflection
	Side          score.Side // rating
	Give, Receive string     // pair

	Scale   *Scale  // rating, pair
	Weight  float64 // rating, pair; 1 when not given
	Reverse bool
	Alert   *score.Range
	Help    Text

	Line, Col int
}

// Scored reports whether the question produces scored items.
func (q *Question) Scored() bool { return q.Type == Pair || q.Type == Rating }

// Band is one entry of the results: shown when all its ranges hold.
type Band struct {
	Balance, Give, Receive *score.Range // nil matches anything
	Title                  string
	Body                   Text
	See                    []Link
	Line, Col              int
}

// Builtin scales, by id.
var builtinScales = map[string]*Scale{
	"frequency": {ID: "frequency", Options: []Option{
		{"Never", 0}, {"Rarely", 1}, {"Sometimes", 2}, {"Often", 3}, {"Almost always", 4},
	}},
	"agreement": {ID: "agreement", Options: []Option{
		{"Strongly disagree", 0}, {"Disagree", 1}, {"Neutral", 2}, {"Agree", 3}, {"Strongly agree", 4},
	}},
}

// Sides reports whether the worksheet has scored items on the give side and
// on the receive side. Only a worksheet with both has a balance and bands.
func (w *Worksheet) Sides() (give, receive bool) {
	for _, s := range w.Sections {
		for _, q := range s.Questions {
			switch {
			case q.Type == Pair:
				give, receive = true, true
			case q.Type == Rating && q.Side == score.Give:
				give = true
			case q.Type == Rating && q.Side == score.Receive:
				receive = true
			}
		}
	}
	return give, receive
}
