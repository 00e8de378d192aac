// Package score owns the scoring rules of worksheets: how answers become
// give, receive, balance and lean scores, per area, which result band is
// shown and whether the safety notice is raised; how two people's answers
// compare; and the share codes that carry one person's answers in a link.
//
// It is the one source of truth for those numbers and codes. The same code runs natively
// (in the site's tests) and in the browser, compiled to WebAssembly by
// cmd/scorer, so both always agree to the digit. To keep that module small the
// package uses the standard library sparingly: no fmt, no encoding/json, no
// reflect. The JSON tags below describe the model as the worksheet page embeds
// it (written by package worksheet with encoding/json, read field by field by
// the WebAssembly adapter); they import nothing.
//
// # Items
//
// A model is a list of scored items. Each has a side, which says what score
// it feeds:
//
//   - give and receive items: a rating question, one side of a pair question,
//     or a scored option of a checklist;
//   - lean items: a "felt balance" question, on a scale that runs from giving
//     more (its smallest value) to receiving more (its largest).
//
// An item of a checklist (Checklist is the checklist's question id) is a box
// worth 1 when ticked and 0 when not, on a scale from Min 0 to Max 1. An item
// with NA has a "does not apply" option on its scale.
//
// # Answers
//
// Answers maps keys to values. A scale item's answer is the value of the
// chosen option under the item's Key, or NA for "does not apply". A checklist
// is answered by Answers[Checklist] == 1 (any of its boxes is ticked, "None of
// these" and options that are not scored included); a scored box is ticked
// when Answers[Key] == 1. A ticked box also makes its checklist answered.
//
// # The rules
//
// Compute applies these rules, the ones the worksheet reference states:
//
//   - An answered give or receive item with value v on a scale from m to M
//     (its Min and Max, M > m) scores n = (v - m) / (M - m); a Reverse item
//     scores 1 - n. A box of a checklist scores 1 when ticked and 0 when not,
//     and counts as answered only once its checklist is answered.
//   - The score of a side (give or receive) over a set of items is
//     100 × Σ(weight·n) / Σweight over the answered items of that side in the
//     set, rounded half away from zero (62.5 gives 63). It is empty when none
//     of them is answered. The whole worksheet is one set; each area is one.
//   - Balance is receive - give, of the two rounded scores, from -100 to 100;
//     negative means giving more. It is empty when either side is empty.
//   - An answered lean item with value v scores t = (2v - m - M) / (M - m),
//     from -1 to 1; a Reverse item scores -t. Lean is
//     100 × Σ(weight·t) / Σweight over the answered lean items, rounded half
//     away from zero (-62.5 gives -63), from -100 to 100, empty when none is
//     answered. Negative means the person feels they give more, like balance.
//   - "Does not apply" (NA, on an item whose scale offers it) counts as
//     answered, never scores and never raises the alert.
//   - The band is the first of Model.Bands that holds: a band with ranges
//     holds when every score it names (balance, give, receive, lean) is not
//     empty and lies in its range; a band with no ranges holds once at least
//     one of give, receive and lean is not empty. Band is -1 when none holds.
//   - No band holds before enough is answered: at least half, rounded up,
//     of the items of each side (give, receive, lean) that has items, "does
//     not apply" counting as answered. Until then Band is -1 and Needed is
//     how many more answers that takes (the sum over the sides of what
//     each lacks); the scores themselves are computed as above.
//   - The safety alert is raised when any answered item with an Alert range
//     holds a value inside it (for a pair, either side: each side is an item).
//   - Each area of Model.Areas gets give, receive, balance and lean over its
//     items. The biggest gap is the area whose balance has the largest
//     absolute value among the areas with a balance; ties go to the first in
//     Areas order. A gap of 0 is still the biggest when every balanced area is
//     at 0; Gap is -1 only when no area has a balance.
//   - Answered and Total count scored items: a pair question is two items, a
//     checklist one per scored option; "does not apply" is answered.
//
// Answers are trusted no further than the model: an answer outside its
// item's [Min, Max] (or NA for an item without that option) is treated as
// unanswered (it neither scores, nor counts as answered, nor raises the
// alert), and answers for unknown keys are ignored. Items that break the
// model's invariants (an unknown side, a weight that is not a finite number
// > 0, Max <= Min, a checklist box whose scale is not 0..1) are ignored by
// Compute and reported by Validate; package worksheet never produces them.
//
// An item's Values, when given, list its scale's option values: an answer
// that is none of them is unanswered too.
//
// # Comparing two people
//
// Compare sets the answers of two people to the same worksheet, about the
// same relationship, side by side, from the side of the one looking ("me";
// the other is "them"). Both get their Result as above. The two perception
// gaps use the rounded scores, so they match the numbers shown:
//
//   - gap-give = their receive - my give: below 0, what I give lands as
//     less than I think;
//   - gap-receive = my receive - their give: below 0, I feel I get less than
//     they think they give;
//
// each empty when either of its scores is, from -100 to 100. Each area gets
// the same two gaps over its items. Areas are ordered by their larger
// absolute gap, largest first; areas without either gap come last; ties
// keep the areas' order. Seen from the other side the gaps swap: my
// gap-give is their gap-receive.
//
// # Share codes
//
// A share code carries one person's answers in a link. EncodeCode makes it,
// DecodeCode reads it back, and a code DecodeCode accepts encodes back to
// itself. It is made of characters of the URL-safe base64 alphabet
// (A-Z a-z 0-9 - _), so a link needs no escaping, and holds, in order:
//
//   - the format version, one character: "1";
//   - a tag of the worksheet's slug, two characters (12 bits of its 64-bit
//     FNV-1a hash), so a code for another worksheet is told apart;
//   - the worksheet's scoring Fingerprint, seven characters;
//   - one number per scored item, in model order, unanswered and "does not
//     apply" included: 0 unanswered, 1 "does not apply", 2 + i the i-th
//     option of its scale (in Values order, else counting up from Min; for
//     a checklist box, 2 not ticked and 3 ticked, once its checklist is
//     answered). An item whose scale has at most 62 options takes one
//     character, others two (at most MaxCodeOptions options);
//   - a checksum, six characters: 36 bits of the FNV-1a hash of everything
//     before it.
//
// So a code is at most 2 characters per item plus 16. It carries nothing
// else: no reflection, no checklist option that is not scored, no name,
// no date. A code is refused, with a CodeProblem, when it is empty or has
// other characters (not a code), starts with a later version, is cut short,
// has been altered (checksum, or numbers no answer gives), or was made for
// another worksheet or another version of this one (another fingerprint).
//
// # Exact halves
//
// Scores are computed with integers whenever the weights are decimals of at
// most nine fractional digits (1, 2, 0.5, 1.25, 0.1): the weight 0.1 counts as
// exactly 1/10, so a true half such as 62.5 is seen as one and rounds up, on
// every platform. Other weights (1/3 written out to seventeen digits) and
// sums too large for 64-bit integers fall back to float64 arithmetic written
// so that native Go and WebAssembly give the same bits.
package score

import "math"

// Side says which score an item feeds.
type Side string

// The sides: what a person gives, what they receive, and how they feel the
// balance leans.
const (
	Give    Side = "give"
	Receive Side = "receive"
	Lean    Side = "lean"
)

// NA is the answer "does not apply". It is no value of any scale: package
// worksheet keeps option values within ±MaxValue.
const NA = math.MinInt64

// MaxValue bounds the option values of a worksheet's scales (and so the
// Min and Max of its items): they stay whole numbers that JavaScript holds
// exactly, far from NA.
const MaxValue = 1_000_000

// Range is an inclusive integer range [min, max].
type Range [2]int

// Contains reports whether v lies in r.
func (r Range) Contains(v int) bool { return r[0] <= v && v <= r[1] }

// Item is one scored answer: a rating or lean question, one side of a pair,
// or one scored option of a checklist.
type Item struct {
	// Key names the answer: the question id, "id.give" / "id.receive" for
	// the two halves of a pair question, "id.option" for a checklist box.
	Key     string  `json:"key"`
	Side    Side    `json:"side"`
	Area    string  `json:"area,omitempty"` // "" when the question has no area
	Weight  float64 `json:"weight"`         // > 0
	Reverse bool    `json:"reverse,omitempty"`
	Min     int     `json:"min"` // smallest option value of the item's scale
	Max     int     `json:"max"` // largest option value; Max > Min
	Alert   *Range  `json:"alert,omitempty"`
	// NA is true when the item's scale has a "does not apply" option.
	NA bool `json:"na,omitempty"`
	// Checklist is the id of the checklist question a box belongs to; ""
	// for every other item. A box has Min 0 and Max 1 and no alert.
	Checklist string `json:"checklist,omitempty"`
	// Values lists the option values of the item's scale in the scale's
	// order ("does not apply" aside) when they are not simply every whole
	// number from Min to Max, upwards; nil means they are. An answer that is
	// not one of them is unanswered. Share codes number an item's options
	// in this order. A checklist box has none.
	Values []int `json:"values,omitempty"`
}

// Band is one entry of a worksheet's results; nil ranges are not named.
type Band struct {
	Balance *Range `json:"balance,omitempty"`
	Give    *Range `json:"give,omitempty"`
	Receive *Range `json:"receive,omitempty"`
	Lean    *Range `json:"lean,omitempty"`
}

// Model is everything scoring needs to know about a worksheet.
type Model struct {
	Items []Item   `json:"items"`
	Areas []string `json:"areas"` // area ids in declaration order
	Bands []Band   `json:"bands"`
	// Wording stands for the words of the scored questions: package
	// worksheet puts a hash of their fingerprints here, so that a reworded
	// question gives the worksheet another Fingerprint. Scoring ignores it.
	Wording string `json:"wording,omitempty"`
}

// Answers maps a key to an answer (see the package doc). A missing key is
// an unanswered item.
type Answers map[string]int
