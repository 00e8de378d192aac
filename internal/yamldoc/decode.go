package yamldoc

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"mutual/internal/diag"
)

// Decoder reads fields out of a tree with the package's type rules,
// reporting each problem at the node that has it. It holds no state but
// where errors go, so one Decoder serves a whole file.
type Decoder struct {
	Path string     // names the file in errors
	Errs *diag.List // where errors are added
}

// Errorf reports a problem at n.
func (d *Decoder) Errorf(n *Node, format string, args ...any) {
	d.Errs.Add(d.Path, n.Line, n.Col, format, args...)
}

// Field is one key: value pair of a Map, or one entry of a list read
// through Field.Entry.
type Field struct {
	Key   *Node
	Value *Node
	entry bool
}

// Name is how messages call the field: its key, or "each entry of" it.
func (f Field) Name() string {
	if f.entry {
		return "each entry of " + f.Key.Value
	}
	return f.Key.Value
}

// Entry is the field for one entry of f's list, named in messages as
// "each entry of <key>".
func (f Field) Entry(item *Node) Field {
	return Field{Key: f.Key, Value: item, entry: true}
}

// Fields are a Map's pairs in the order written.
type Fields []Field

// Get returns the field with key, if there is one.
func (fs Fields) Get(key string) (Field, bool) {
	for _, f := range fs {
		if f.Key.Value == key {
			return f, true
		}
	}
	return Field{}, false
}

// Map returns the pairs of n whose keys are known, in the order written.
// An unknown key is reported with a "did you mean" hint from known; an
// ignored key (one another tool uses, say) is skipped silently. what names
// the block in messages ("front matter", "menu entry"). An empty value
// gives no pairs and no error; a value that is not key: value pairs is an
// error.
func (d *Decoder) Map(n *Node, what string, known, ignored []string) Fields {
	var out Fields
	for _, f := range d.Pairs(n, what) {
		switch key := f.Key.Value; {
		case slices.Contains(known, key):
			out = append(out, f)
		case slices.Contains(ignored, key):
		default:
			d.Errorf(f.Key, "unknown key %q in %s%s", key, what, diag.Hint(key, known))
		}
	}
	return out
}

// Others reports each key of the map n that another tool uses (Hugo's,
// Zola's: a writer moving a site over) with what mutual takes instead.
// others maps such a key, in lower case, to the end of the message, such
// as ` (mutual's is "language")`; a key of known is never one of them. It
// returns the keys it reported, for Map's ignored list, so that none is
// reported twice.
func (d *Decoder) Others(n *Node, what string, known []string, others map[string]string) []string {
	if n == nil || n.Kind != Map {
		return nil
	}
	var out []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		advice, ok := others[strings.ToLower(k.Value)]
		if !ok || slices.Contains(known, k.Value) || slices.Contains(out, k.Value) {
			continue
		}
		d.Errorf(k, "unknown key %q in %s%s", k.Value, what, advice)
		out = append(out, k.Value)
	}
	return out
}

// Pairs returns every pair of n, whatever its key: for blocks whose keys
// are names the writer chooses, like a worksheet's scales.
func (d *Decoder) Pairs(n *Node, what string) Fields {
	switch n.Kind {
	case Null, Refused:
		return nil
	case Map:
	default:
		d.Errorf(n, "%s must be key: value pairs, not %s", what, describe(n))
		return nil
	}
	out := make(Fields, 0, len(n.Content)/2)
	var seen map[string]*Node // for long blocks only: a short one is searched
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		first, dup := seen[k.Value]
		if seen == nil {
			var f Field
			f, dup = out.Get(k.Value)
			first = f.Key
		}
		if dup {
			// Parse drops these; a tree built by a caller may hold them.
			d.Errorf(k, "duplicate key %q (first at line %d)", k.Value, first.Line)
			continue
		}
		out = append(out, Field{Key: k, Value: v})
		if len(out) == 16 {
			seen = map[string]*Node{}
			for _, f := range out {
				seen[f.Key.Value] = f.Key
			}
		} else if seen != nil {
			seen[k.Value] = k
		}
	}
	return out
}

// scalar returns f's value if it is a Scalar, reporting anything else but
// an empty or refused value as not being what want describes.
func (d *Decoder) scalar(f Field, want string) (*Node, bool) {
	switch f.Value.Kind {
	case Scalar:
		return f.Value, true
	case Null, Refused:
		return nil, false
	}
	d.Errorf(f.Value, "%s must be %s, not %s", f.Name(), want, describe(f.Value))
	return nil, false
}

// Text reads f as text: any single value, exactly as written (quotes
// removed), so `title: 2024` is the text "2024" and `label: 1.50` keeps
// its zero. It reports false, with no error, for an empty value.
func (d *Decoder) Text(f Field) (string, bool) {
	n, ok := d.scalar(f, "text")
	if !ok {
		return "", false
	}
	return n.Value, true
}

var (
	intRE    = regexp.MustCompile(`^[-+]?[0-9]+$`)
	numberRE = regexp.MustCompile(`^[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?$`)
)

// Int reads f as a whole number written in digits, with an optional sign:
// 3, -2, "3". Quotes do not matter.
func (d *Decoder) Int(f Field) (int, bool) {
	n, ok := d.scalar(f, "a whole number such as 3")
	if !ok {
		return 0, false
	}
	if !intRE.MatchString(n.Value) {
		d.Errorf(n, "%s must be a whole number such as 3, not %q", f.Name(), n.Value)
		return 0, false
	}
	v, err := strconv.Atoi(n.Value)
	if err != nil {
		d.Errorf(n, "%s %s is too large", f.Name(), n.Value)
		return 0, false
	}
	return v, true
}

// Number reads f as a decimal number: 2, 1.5, -0.25, 1e3. Quotes do not
// matter; YAML's .inf and .nan are not numbers here.
func (d *Decoder) Number(f Field) (float64, bool) {
	n, ok := d.scalar(f, "a number such as 1.5")
	if !ok {
		return 0, false
	}
	if !numberRE.MatchString(n.Value) {
		d.Errorf(n, "%s must be a number such as 1.5, not %q", f.Name(), n.Value)
		return 0, false
	}
	v, err := strconv.ParseFloat(n.Value, 64)
	if err != nil || math.IsInf(v, 0) {
		d.Errorf(n, "%s %s is too large", f.Name(), n.Value)
		return 0, false
	}
	return v, true
}

// Bool reads f as true or false (also True, TRUE, False, FALSE). Other
// words YAML 1.1 took for booleans, like yes and on, are refused rather
// than guessed.
func (d *Decoder) Bool(f Field) (bool, bool) {
	n, ok := d.scalar(f, "true or false")
	if !ok {
		return false, false
	}
	switch n.Value {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	d.Errorf(n, "%s must be true or false, not %q", f.Name(), n.Value)
	return false, false
}

// dateLayouts are the forms Date accepts, in the order tried.
var dateLayouts = []string{
	time.RFC3339,          // 2026-03-14T10:00:00Z, 2026-03-14T10:00:00+01:00
	"2006-01-02T15:04:05", // local time
	"2006-01-02 15:04:05",
	"2006-01-02",
	// Hugo's other forms with a numeric offset or none (those of
	// spf13/cast, which Hugo reads dates with): pages that came to Hugo
	// from Jekyll or WordPress keep Jekyll's 2026-03-14 10:00:00 +0100.
	// Hugo's forms with a zone's name (MST) are left out: Go reads an
	// unknown name as UTC, which would move such a date silently.
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -07:00",
	"2006-01-02T15:04:05-0700",
	"2006-01-02 15:04:05Z07:00",
	"02 Jan 2006",
	time.RFC1123Z, // Mon, 02 Jan 2006 15:04:05 -0700, as feeds write dates
	time.RFC822Z,
}

// ParseDate reads s as Date does, quotes removed: false when it is none
// of the forms Date accepts.
func ParseDate(s string) (time.Time, bool) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Date reads f as a date, or a date and time: 2026-03-14,
// 2026-03-14T10:00:00Z (or with an offset such as +01:00),
// 2026-03-14T10:00:00 or 2026-03-14 10:00:00, and the other forms Hugo
// reads with a numeric offset (2026-03-14 10:00:00 +0100, 14 Mar 2026,
// Sat, 14 Mar 2026 10:00:00 +0100). Quotes do not matter. A time without
// a zone is UTC.
func (d *Decoder) Date(f Field) (time.Time, bool) {
	n, ok := d.scalar(f, "a date such as 2026-03-14")
	if !ok {
		return time.Time{}, false
	}
	if t, ok := ParseDate(n.Value); ok {
		return t, true
	}
	d.Errorf(n, "%s must be a date such as 2026-03-14 or 2026-03-14T10:00:00Z, not %q", f.Name(), n.Value)
	return time.Time{}, false
}

// List returns the entries of f's list. A single value where a list is
// expected is a list of one entry (tags: family); an empty value is an
// empty list. Key: value pairs are an error.
func (d *Decoder) List(f Field) []*Node {
	switch f.Value.Kind {
	case List:
		return f.Value.Content
	case Scalar:
		return []*Node{f.Value}
	case Null, Refused:
		return nil
	}
	d.Errorf(f.Value, "%s must be a list, not %s", f.Name(), describe(f.Value))
	return nil
}

// Texts reads f as a list of texts (or one text, as a list of one).
// Entries that are not text are reported and left out. One plain text
// with commas in it (tags: family, care) is a list written the wrong way
// and an error with the list to write; quoted (tags: "family, care") or
// in a list (tags: ["family, care"]) it is one entry, as written.
func (d *Decoder) Texts(f Field) []string {
	out, _ := d.TextNodes(f)
	return out
}

// TextNodes is Texts with the node each text is read from, for where it
// is written.
func (d *Decoder) TextNodes(f Field) ([]string, []*Node) {
	if v := f.Value; v.Kind == Scalar && v.Style == Plain && strings.Contains(v.Value, ",") {
		var parts []string
		for _, p := range strings.Split(v.Value, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) > 1 {
			d.Errorf(v, "%s %q is one text with commas in it; for several, write a list: [%s]", f.Name(), v.Value, strings.Join(parts, ", "))
			return nil, nil
		}
	}
	var out []string
	var nodes []*Node
	for _, item := range d.List(f) {
		if s, ok := d.Text(f.Entry(item)); ok {
			out = append(out, s)
			nodes = append(nodes, item)
		}
	}
	return out, nodes
}

// OneOf reads f as one of choices, reporting another word with a hint.
func (d *Decoder) OneOf(f Field, choices []string) (string, bool) {
	s, ok := d.Text(f)
	if !ok {
		return "", false
	}
	if !slices.Contains(choices, s) {
		hint := diag.Hint(s, choices)
		if hint == "" {
			hint = fmt.Sprintf(" (use %s)", or(choices))
		}
		d.Errorf(f.Value, "unknown %s %q%s", f.Name(), s, hint)
		return "", false
	}
	return s, true
}

// or lists choices as "a, b or c".
func or(choices []string) string {
	switch len(choices) {
	case 0:
		return ""
	case 1:
		return choices[0]
	}
	s := choices[0]
	for _, c := range choices[1 : len(choices)-1] {
		s += ", " + c
	}
	return s + " or " + choices[len(choices)-1]
}
