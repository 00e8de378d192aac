package i18n

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// numberFormat is how a language writes a number: the group separator
// (every three digits), the decimal separator, and the fewest digits the
// integer part needs before it is grouped at all (2 means "1234" but
// "12.345", as Spanish, Italian, Polish and European Portuguese write).
type numberFormat struct {
	group, decimal string
	minGroup       int
}

const (
	nbsp       = "\u00a0" // no-break space
	narrowNbsp = "\u202f" // narrow no-break space, French's group separator
)

// numberFormats follow CLDR 48 in the Latin digits 0-9 (mutual writes no
// other digits: a Persian site gets 0-9 too).
var numberFormats = map[Code]numberFormat{
	"en": {",", ".", 1}, "he": {",", ".", 1}, "ar": {",", ".", 1}, "ur": {",", ".", 1},
	"ja": {",", ".", 1}, "zh": {",", ".", 1}, "ko": {",", ".", 1},
	"de": {".", ",", 1}, "nl": {".", ",", 1}, "pt": {".", ",", 1},
	"es": {".", ",", 2}, "it": {".", ",", 2},
	"fr": {narrowNbsp, ",", 1}, "ru": {nbsp, ",", 1}, "uk": {nbsp, ",", 1}, "sv": {nbsp, ",", 1},
	"pl": {nbsp, ",", 2}, "pt-PT": {nbsp, ",", 2},
}

func numberFormatFor(c Code) (numberFormat, bool) {
	for _, p := range c.Chain() {
		if f, ok := numberFormats[p]; ok {
			return f, true
		}
	}
	return numberFormat{"", ".", 1}, false
}

func hasNumbers(c Code) bool { _, ok := numberFormatFor(c); return ok }

// FormatNumber writes n as language c does: "1,234.5" in English,
// "1.234,5" in German, "1 234,5" in French (narrow no-break spaces),
// "1234" but "12.345" in Spanish. A language mutual does not know gets
// plain digits and a point.
func FormatNumber(c Code, n Number) string {
	f, _ := numberFormatFor(c)
	ints := n.ints
	if ints == "" {
		ints = "0"
	}
	var b strings.Builder
	if n.neg {
		b.WriteByte('-')
	}
	if f.group != "" && len(ints) > 3 && len(ints) >= 3+f.minGroup {
		first := len(ints) % 3
		if first == 0 {
			first = 3
		}
		b.WriteString(ints[:first])
		for i := first; i < len(ints); i += 3 {
			b.WriteString(f.group)
			b.WriteString(ints[i : i+3])
		}
	} else {
		b.WriteString(ints)
	}
	if n.frac != "" {
		b.WriteString(f.decimal)
		b.WriteString(n.frac)
	}
	return b.String()
}

// dateFormat is how one language writes a long date: a layout in which D
// is the day, MMMM the month's name, M its number and Y the year, all else
// literal; first, when set, replaces the day number 1.
type dateFormat struct {
	layout string
	months *[12]string
	first  string
}

func (f dateFormat) format(t time.Time) string {
	var b strings.Builder
	for l := f.layout; l != ""; {
		switch {
		case strings.HasPrefix(l, "MMMM"):
			b.WriteString(f.months[t.Month()-1])
			l = l[4:]
		case l[0] == 'M':
			b.WriteString(strconv.Itoa(int(t.Month())))
			l = l[1:]
		case l[0] == 'D':
			if t.Day() == 1 && f.first != "" {
				b.WriteString(f.first)
			} else {
				b.WriteString(strconv.Itoa(t.Day()))
			}
			l = l[1:]
		case l[0] == 'Y':
			b.WriteString(strconv.Itoa(t.Year()))
			l = l[1:]
		default:
			_, size := utf8.DecodeRuneInString(l)
			b.WriteString(l[:size])
			l = l[size:]
		}
	}
	return b.String()
}

func monthsOf(list string) [12]string {
	var m [12]string
	copy(m[:], strings.Split(list, " "))
	return m
}

var (
	monthsEN = monthsOf("January February March April May June July August September October November December")
	monthsDE = monthsOf("Januar Februar März April Mai Juni Juli August September Oktober November Dezember")
	monthsES = monthsOf("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre")
	monthsFR = monthsOf("janvier février mars avril mai juin juillet août septembre octobre novembre décembre")
	monthsPT = monthsOf("janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro")
	monthsIT = monthsOf("gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre")
	monthsNL = monthsOf("januari februari maart april mei juni juli augustus september oktober november december")
	// Arabic has several sets of month names; these are CLDR's for ar
	// (Egypt and the Gulf). The Levant's ("آذار") are not offered.
	monthsAR = monthsOf("يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر")
	monthsHE = monthsOf("ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר")
	// Russian, Ukrainian and Polish name the month in the genitive after a day.
	monthsRU = monthsOf("января февраля марта апреля мая июня июля августа сентября октября ноября декабря")
	monthsPL = monthsOf("stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia")
	monthsUK = monthsOf("січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня")
	monthsSV = monthsOf("januari februari mars april maj juni juli augusti september oktober november december")
)

// dateFormats hold one long, numeric-day date per language, with the
// month spelt out. English is day-month-year ("14 March 2026"), as the
// default theme has always written it and as most of the English-speaking
// world outside the United States reads it. French writes the first of a
// month as an ordinal, "1er mars 2026", as French typography does (CLDR
// writes "1 mars"). Hebrew joins the month to its preposition ("במרץ").
var dateFormats = map[Code]dateFormat{
	"en": {layout: "D MMMM Y", months: &monthsEN},
	"de": {layout: "D. MMMM Y", months: &monthsDE},
	"es": {layout: "D de MMMM de Y", months: &monthsES},
	"fr": {layout: "D MMMM Y", months: &monthsFR, first: "1er"},
	"pt": {layout: "D de MMMM de Y", months: &monthsPT},
	"it": {layout: "D MMMM Y", months: &monthsIT},
	"nl": {layout: "D MMMM Y", months: &monthsNL},
	"sv": {layout: "D MMMM Y", months: &monthsSV},
	"pl": {layout: "D MMMM Y", months: &monthsPL},
	"ru": {layout: "D MMMM Y г.", months: &monthsRU},
	"uk": {layout: "D MMMM Y р.", months: &monthsUK},
	"ar": {layout: "D MMMM Y", months: &monthsAR},
	"he": {layout: "D בMMMM Y", months: &monthsHE},
	"ja": {layout: "Y年M月D日"},
	"zh": {layout: "Y年M月D日"},
	"ko": {layout: "Y년 M월 D일"},
}

func dateFormatFor(c Code) (dateFormat, bool) {
	for _, p := range c.Chain() {
		if f, ok := dateFormats[p]; ok {
			return f, true
		}
	}
	return dateFormat{}, false
}

func hasDates(c Code) bool { _, ok := dateFormatFor(c); return ok }

// FormatDate writes the date of t (its own year, month and day, whatever
// its time zone) as language c does:
//
//	en  14 March 2026        de  14. März 2026       es  14 de marzo de 2026
//	fr  14 mars 2026         fr  1er mars 2026       pt  14 de março de 2026
//	it  14 marzo 2026        nl  14 maart 2026       pl  14 marca 2026
//	ru  14 марта 2026 г.     he  14 במרץ 2026        ar  14 مارس 2026
//	ja  2026年3月14日
//
// A regional code uses its language's format (pt-BR as pt). A language
// mutual does not know gets ISO 8601, "2026-03-14", which every reader
// can decode.
func FormatDate(c Code, t time.Time) string {
	if f, ok := dateFormatFor(c); ok {
		return f.format(t)
	}
	return t.Format("2006-01-02")
}
