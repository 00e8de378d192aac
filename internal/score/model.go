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
