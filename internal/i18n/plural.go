package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Category is a CLDR plural category: the form of a word a number needs.
type Category uint8

// The six CLDR categories, in CLDR's order. Every language has Other.
const (
	Zero Category = iota
	One
	Two
	Few
	Many
	Other
	numCategories
)

var categoryNames = [numCategories]string{"zero", "one", "two", "few", "many", "other"}

func (c Category) String() string {
	if c < numCategories {
		return categoryNames[c]
	}
	return fmt.Sprintf("Category(%d)", uint8(c))
}

// ParseCategory reads a category name as translation files write it.
func ParseCategory(s string) (Category, bool) {
	for i, n := range categoryNames {
		if n == s {
			return Category(i), true
		}
	}
	return 0, false
}

// Number is a count as it is written: its digits decide both its plural
// category and how it is shown. "1" and "1.0" are different numbers to
// CLDR: in English the first is "1 minute", the second "1.0 minutes".
type Number struct {
	neg  bool
	ints string // integer digits without leading zeros; "0" for zero
	frac string // the visible fraction digits, trailing zeros kept
}

// ParseNumber reads a decimal number: an optional minus sign, digits, and
// optionally a point and more digits ("3", "1.50", "-2"). No exponents,
// no grouping separators.
func ParseNumber(s string) (Number, error) {
	var n Number
	body := s
	if strings.HasPrefix(body, "-") {
		n.neg = true
		body = body[1:]
	}
	ints, frac, hasPoint := strings.Cut(body, ".")
	if !isDigits(ints) || hasPoint && !isDigits(frac) {
		return Number{}, fmt.Errorf("%q is not a number", s)
	}
	ints = strings.TrimLeft(ints, "0")
	if ints == "" {
		ints = "0"
	}
	n.ints, n.frac = ints, frac
	if n.ints == "0" && strings.Trim(n.frac, "0") == "" {
		n.neg = false // no negative zero
	}
	return n, nil
}

// NumberOf converts what a template passes as a count: any Go integer,
// a float (written in the shortest form that reads back the same, so 1.5
// is "1.5" and 2.0 is "2"), a Number, or a string ParseNumber accepts.
func NumberOf(v any) (Number, error) {
	switch x := v.(type) {
	case Number:
		return x, nil
	case int:
		return ParseNumber(strconv.FormatInt(int64(x), 10))
	case int8:
		return ParseNumber(strconv.FormatInt(int64(x), 10))
	case int16:
		return ParseNumber(strconv.FormatInt(int64(x), 10))
	case int32:
		return ParseNumber(strconv.FormatInt(int64(x), 10))
	case int64:
		return ParseNumber(strconv.FormatInt(x, 10))
	case uint:
		return ParseNumber(strconv.FormatUint(uint64(x), 10))
	case uint8:
		return ParseNumber(strconv.FormatUint(uint64(x), 10))
	case uint16:
		return ParseNumber(strconv.FormatUint(uint64(x), 10))
	case uint32:
		return ParseNumber(strconv.FormatUint(uint64(x), 10))
	case uint64:
		return ParseNumber(strconv.FormatUint(x, 10))
	case float32:
		return floatNumber(float64(x), 32)
	case float64:
		return floatNumber(x, 64)
	case string:
		return ParseNumber(x)
	}
	return Number{}, fmt.Errorf("%v (%T) is not a number", v, v)
}

func floatNumber(f float64, bits int) (Number, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return Number{}, fmt.Errorf("%v is not a number that can be counted", f)
	}
	return ParseNumber(strconv.FormatFloat(f, 'f', -1, bits))
}

// String is the number in plain digits, as it was written.
func (n Number) String() string {
	var b strings.Builder
	if n.neg {
		b.WriteByte('-')
	}
	if n.ints == "" {
		b.WriteByte('0')
	}
	b.WriteString(n.ints)
	if n.frac != "" {
		b.WriteByte('.')
		b.WriteString(n.frac)
	}
	return b.String()
}

// operands are CLDR's plural operands of a number: n its absolute value,
// i its integer digits, v the count of visible fraction digits, f those
// digits as a number, t the same without trailing zeros. The compact
// exponent e is always 0: mutual never writes "1.2M". Integers beyond 18
// digits keep their last 18 digits in i, with big set: every rule compares
// i with small numbers or takes it modulo a power of ten, so that is exact.
type operands struct {
	i   int64
	big bool // i lost leading digits; i itself is only good modulo 10^18
	v   int
	f   int64
	t   int64
}

func (n Number) operands() operands {
	var o operands
	ints := n.ints
	if ints == "" {
		ints = "0"
	}
	if len(ints) > 18 {
		o.big = true
		ints = ints[len(ints)-18:]
	}
	o.i, _ = strconv.ParseInt(ints, 10, 64)
	o.v = len(n.frac)
	frac := n.frac
	if len(frac) > 18 {
		frac = frac[:18]
	}
	o.f, _ = strconv.ParseInt("0"+frac, 10, 64)
	trimmed := strings.TrimRight(frac, "0")
	o.t, _ = strconv.ParseInt("0"+trimmed, 10, 64)
	return o
}

// iIs reports whether the integer digits are exactly k.
func (o operands) iIs(k int64) bool { return !o.big && o.i == k }

// iIn reports whether the integer digits lie in lo..hi.
func (o operands) iIn(lo, hi int64) bool { return !o.big && o.i >= lo && o.i <= hi }

// nIs reports whether the number equals the integer k (1.0 counts, 1.5 not).
func (o operands) nIs(k int64) bool { return o.t == 0 && o.iIs(k) }

// mod is i modulo m, for m a power of ten up to 10^18.
func (o operands) mod(m int64) int64 { return o.i % m }

// nModIn reports whether n is an integer whose remainder by m lies in lo..hi.
func (o operands) nModIn(m, lo, hi int64) bool {
	r := o.mod(m)
	return o.t == 0 && r >= lo && r <= hi
}

// millions is the "many" rule French, Spanish, Italian and Portuguese share
// since CLDR 42: a whole, non-zero number of millions ("un million de
// pages", "1 000 000 de pages").
func (o operands) millions() bool {
	return o.v == 0 && !(o.iIs(0)) && o.mod(1000000) == 0
}

// A pluralRule picks a number's category in one language.
type pluralRule struct {
	categories []Category // the categories the language uses, Other last
	pick       func(o operands) Category
}

var (
	ruleOneIV = pluralRule{[]Category{One, Other}, func(o operands) Category {
		if o.iIs(1) && o.v == 0 {
			return One
		}
		return Other
	}}
	ruleOther = pluralRule{[]Category{Other}, func(operands) Category { return Other }}
	ruleRU    = pluralRule{[]Category{One, Few, Many, Other}, func(o operands) Category {
		i10, i100 := o.mod(10), o.mod(100)
		switch {
		case o.v != 0:
			return Other
		case i10 == 1 && i100 != 11:
			return One
		case i10 >= 2 && i10 <= 4 && !(i100 >= 12 && i100 <= 14):
			return Few
		default: // i % 10 = 0, 5..9, or i % 100 = 11..14
			return Many
		}
	}}
)

// pluralRules holds CLDR 48's cardinal rules for the languages mutual
// knows. A code without its own entry uses its parent's ("pt-BR" uses
// "pt"); see rulesFor.
var pluralRules = map[Code]pluralRule{
	// one: i = 1 and v = 0
	"en": ruleOneIV, "de": ruleOneIV, "nl": ruleOneIV, "sv": ruleOneIV, "ur": ruleOneIV,
	// one: i = 1 and v = 0; many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0
	"it": {[]Category{One, Many, Other}, func(o operands) Category {
		if o.iIs(1) && o.v == 0 {
			return One
		}
		if o.millions() {
			return Many
		}
		return Other
	}},
	"pt-PT": {[]Category{One, Many, Other}, func(o operands) Category {
		if o.iIs(1) && o.v == 0 {
			return One
		}
		if o.millions() {
			return Many
		}
		return Other
	}},
	// one: n = 1; many: the millions rule
	"es": {[]Category{One, Many, Other}, func(o operands) Category {
		if o.nIs(1) {
			return One
		}
		if o.millions() {
			return Many
		}
		return Other
	}},
	// one: i = 0,1; many: the millions rule
	"fr": {[]Category{One, Many, Other}, func(o operands) Category {
		if o.iIn(0, 1) {
			return One
		}
		if o.millions() {
			return Many
		}
		return Other
	}},
	// one: i = 0..1; many: the millions rule
	"pt": {[]Category{One, Many, Other}, func(o operands) Category {
		if o.iIn(0, 1) {
			return One
		}
		if o.millions() {
			return Many
		}
		return Other
	}},
	// zero: n = 0; one: n = 1; two: n = 2; few: n % 100 = 3..10; many: n % 100 = 11..99
	"ar": {[]Category{Zero, One, Two, Few, Many, Other}, func(o operands) Category {
		switch {
		case o.nIs(0):
			return Zero
		case o.nIs(1):
			return One
		case o.nIs(2):
			return Two
		case o.nModIn(100, 3, 10):
			return Few
		case o.nModIn(100, 11, 99):
			return Many
		}
		return Other
	}},
	// one: i = 1 and v = 0 or i = 0 and v != 0; two: i = 2 and v = 0
	"he": {[]Category{One, Two, Other}, func(o operands) Category {
		switch {
		case o.iIs(1) && o.v == 0, o.iIs(0) && o.v != 0:
			return One
		case o.iIs(2) && o.v == 0:
			return Two
		}
		return Other
	}},
	"ru": ruleRU, "uk": ruleRU,
	// one: i = 1 and v = 0; few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14;
	// many: v = 0 and (i != 1 and i % 10 = 0..1 or i % 10 = 5..9 or i % 100 = 12..14)
	"pl": {[]Category{One, Few, Many, Other}, func(o operands) Category {
		i10, i100 := o.mod(10), o.mod(100)
		switch {
		case o.v != 0:
			return Other
		case o.iIs(1):
			return One
		case i10 >= 2 && i10 <= 4 && !(i100 >= 12 && i100 <= 14):
			return Few
		default:
			return Many
		}
	}},
	// one: i = 0 or n = 1
	"fa": {[]Category{One, Other}, func(o operands) Category {
		if o.iIs(0) || o.nIs(1) {
			return One
		}
		return Other
	}},
	"ja": ruleOther, "zh": ruleOther, "ko": ruleOther,
}

// rulesFor finds the rules of a code or of its nearest parent, and falls
// back to English's one/other rule for a language mutual does not know.
func rulesFor(c Code) (pluralRule, bool) {
	for _, p := range c.Chain() {
		if r, ok := pluralRules[p]; ok {
			return r, true
		}
	}
	return ruleOneIV, false
}

// Plural is the category of n in language c.
func Plural(c Code, n Number) Category {
	r, _ := rulesFor(c)
	return r.pick(n.operands())
}

// Categories are the categories language c uses, in CLDR order, Other last.
// A translation of a message with plural forms gives exactly these.
func Categories(c Code) []Category {
	r, _ := rulesFor(c)
	return append([]Category(nil), r.categories...)
}

// Known reports whether mutual has the plural rules, number format and
// date format of language c (or of a parent of it). For other languages
// plurals follow English (one for exactly 1, other for the rest), numbers
// are plain digits and dates ISO 8601; a site may want to say so.
func Known(c Code) bool {
	_, ok := rulesFor(c)
	return ok && hasDates(c) && hasNumbers(c)
}

// Example is a small whole number that falls into category cat in
// language c, for messages that tell a translator when a form is used;
// ok is false when only fractions do (Russian's other).
func Example(c Code, cat Category) (n int64, ok bool) {
	r, _ := rulesFor(c)
	for k := int64(0); k <= 200; k++ {
		num, _ := ParseNumber(strconv.FormatInt(k, 10))
		if r.pick(num.operands()) == cat {
			return k, true
		}
	}
	if r.pick(Number{ints: "1000000"}.operands()) == cat {
		return 1000000, true
	}
	return 0, false
}
