// Package score owns the scoring rules of worksheets: how answers become
// give, receive and balance scores, per area, which result band is shown and
// whether the safety notice is raised.
//
// It is the one source of truth for those numbers. The same code runs natively
// (in the site's tests) and in the browser, compiled to WebAssembly by
// cmd/scorer, so both always agree to the digit. To keep that module small the
// package uses the standard library sparingly: no fmt, no encoding/json, no
// reflect. The JSON tags below describe the model as the worksheet page embeds
// it (written by package worksheet with encoding/json, read field by field by
// the WebAssembly adapter); they import nothing.
//
// # The rules
//
// Compute applies these rules, the ones the worksheet reference states:
//
//   - An answered item with value v on a scale from m to M (its Min and Max,
//     M > m) scores n = (v - m) / (M - m); a Reverse item scores 1 - n.
//   - The score of a side (give or receive) over a set of items is
//     100 × Σ(weight·n) / Σweight over the answered items of that side in the
//     set, rounded half away from zero (62.5 gives 63). It is empty when none
//     of them is answered. The whole worksheet is one set; each area is one.
//   - Balance is receive - give, of the two rounded scores, from -100 to 100;
//     negative means giving more. It is empty when either side is empty.
//   - The band is the first of Model.Bands whose ranges all contain the
//     balance, give and receive scores (a nil range matches anything). It is
//     chosen only when the balance is not empty; otherwise Band is -1.
//   - The safety alert is raised when any answered item with an Alert range
//     holds a value inside it (for a pair, either side: each side is an item).
//   - Each area of Model.Areas gets give, receive and balance over its items.
//     The biggest gap is the area whose balance has the largest absolute value
//     among the areas with a balance; ties go to the first in Areas order. A
//     gap of 0 is still the biggest when every balanced area is at 0; Gap is
//     -1 only when no area has a balance.
//   - Answered and Total count scored items; a pair question is two items.
//
// Answers are trusted no further than the model: an answer outside its
// item's [Min, Max] is treated as unanswered (it neither scores, nor counts
// as answered, nor raises the alert), and answers for unknown keys are
// ignored. Items that break the model's invariants (an unknown side, a weight
// that is not a finite number > 0, Max <= Min) are ignored by Compute and
// reported by Validate; package worksheet never produces them.
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

// Side says whether an item measures what a person gives or receives.
type Side string

// The two sides of reciprocity.
const (
	Give    Side = "give"
	Receive Side = "receive"
)

// Range is an inclusive integer range [min, max].
type Range [2]int

// Contains reports whether v lies in r.
func (r Range) Contains(v int) bool { return r[0] <= v && v <= r[1] }

// Item is one scored answer: a rating question, or one side of a pair.
type Item struct {
	// Key names the answer: the question id, or "id.give" / "id.receive"
	// for the two halves of a pair question.
	Key     string  `json:"key"`
	Side    Side    `json:"side"`
	Area    string  `json:"area,omitempty"` // "" when the question has no area
	Weight  float64 `json:"weight"`         // > 0
	Reverse bool    `json:"reverse,omitempty"`
	Min     int     `json:"min"` // smallest option value of the item's scale
	Max     int     `json:"max"` // largest option value; Max > Min
	Alert   *Range  `json:"alert,omitempty"`
}

// Band is one entry of a worksheet's results; nil ranges match anything.
type Band struct {
	Balance *Range `json:"balance,omitempty"`
	Give    *Range `json:"give,omitempty"`
	Receive *Range `json:"receive,omitempty"`
}

// Model is everything scoring needs to know about a worksheet.
type Model struct {
	Items []Item   `json:"items"`
	Areas []string `json:"areas"` // area ids in declaration order
	Bands []Band   `json:"bands"`
}

// Answers maps an item's Key to the chosen option value. A missing key is an
// unanswered item.
type Answers map[string]int
