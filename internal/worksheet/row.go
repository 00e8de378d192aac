package worksheet

import "strings"

// Whether a scale shows as one row of choices is decided when the page is
// built, so the page never shifts once it has loaded: a scale of at most
// seven options (besides "does not apply", which stands apart) makes a row
// when its labels fit side by side, each label wrapping at its spaces and
// never inside a word. The figures follow the default theme's
// worksheet rules (in main.css):
//
//   - the narrowest row: 320 px, less the page's 20 px margins, the
//     question card's 8 px padding and 1 px border and a pair row's 3 px
//     rule and 8 px indent, is 251 px, and 291 px on a 360 px screen; the
//     budgets keep a few px of that in reserve;
//   - a column is as wide as the longest word of its label at 12 px (0.75rem)
//     or the 24 px of its radio, whichever is wider, and columns keep at
//     least rowGap px apart.
//
// A scale whose labels fit at 320 px is a row from there up; one that fits
// only from 360 px stacks its options below that (StackNarrow); others
// always stack. A row whose labels also fit unwrapped, one line each, at
// 360 px keeps them on one line from there up (Flat): a row one line
// shorter.
//
// Words are measured with the advance widths of DejaVu Sans, the font
// Debian's chromium shows for system-ui, which is wider than the system
// fonts of phones (Roboto, San Francisco): a label that fits here fits
// there. A Latin letter with an accent is as wide as the letter without it
// (as DejaVu Sans draws them: "é" as "e"); other characters outside ASCII
// count as one em.
const (
	rowMaxOptions = 7
	budget320     = 247.0 // px
	budget360     = 287.0 // px
	rowGap        = 6.0   // px
	rowFontSize   = 12.0  // px
	rowMinColumn  = 24.0  // px
)

// dejaVuSans holds the advance widths of DejaVu Sans for ASCII 32..126, in
// thousandths of an em (measured in chromium with canvas measureText).
var dejaVuSans = [95]int16{
	318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337,
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
	1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787,
	603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500,
	500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
	635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
}

// wordWidth is the width of a word at rowFontSize, in px.
func wordWidth(word string) float64 {
	em := 0
	for _, r := range word {
		if b, ok := unaccented[r]; ok {
			r = b
		}
		if r >= 32 && r <= 126 {
			em += int(dejaVuSans[r-32])
		} else {
			em += 1000
		}
	}
	return float64(em) * rowFontSize / 1000
}

// unaccented maps the accented Latin letters of the languages the default
// theme speaks (and their neighbours) to the letter they are drawn on.
var unaccented = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "àáâãäåāă", 'A': "ÀÁÂÃÄÅĀĂ", 'c': "çćč", 'C': "ÇĆČ", 'e': "èéêëēěę", 'E': "ÈÉÊËĒĚĘ",
		'i': "ìíîïī", 'I': "ÌÍÎÏĪ", 'n': "ñńň", 'N': "ÑŃŇ", 'o': "òóôõöøō", 'O': "ÒÓÔÕÖØŌ",
		'u': "ùúûüūů", 'U': "ÙÚÛÜŪŮ", 'y': "ýÿ", 'Y': "Ý", 's': "śšş", 'S': "ŚŠŞ", 'z': "źżž", 'Z': "ŹŻŽ",
		'l': "ł", 'L': "Ł", 'r': "ř", 'R': "Ř", 'd': "ď", 't': "ť",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()

// rowLayout is how a scale's options are laid out: see the top of this
// file.
type rowLayout struct{ row, stackNarrow, flat bool }

// fitsRow decides the layout of options (those with a value, in order).
func fitsRow(options []Option) rowLayout {
	if len(options) > rowMaxOptions {
		return rowLayout{}
	}
	wrapped := rowGap * float64(len(options)-1)
	unwrapped := wrapped
	for _, o := range options {
		text := o.Label
		if text == "" {
			text = number(o.Value)
		}
		col := rowMinColumn
		for _, w := range strings.Fields(text) {
			col = max(col, wordWidth(w))
		}
		wrapped += col
		unwrapped += max(rowMinColumn, wordWidth(text))
	}
	if wrapped > budget360 {
		return rowLayout{}
	}
	return rowLayout{row: true, stackNarrow: wrapped > budget320, flat: unwrapped <= budget360}
}
