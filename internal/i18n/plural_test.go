package i18n

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestPluralEdges: the categories of the numbers where languages part
// ways, written out by hand from the CLDR rules.
func TestPluralEdges(t *testing.T) {
	numbers := []string{"0", "1", "2", "5", "11", "21", "101", "1.5", "1000000"}
	tests := []struct {
		lang string
		want string // one category per number, space separated
	}{
		{"en", "other one other other other other other other other"},
		{"de", "other one other other other other other other other"},
		{"nl", "other one other other other other other other other"},
		{"it", "other one other other other other other other many"},
		{"es", "other one other other other other other other many"},
		{"fr", "one one other other other other other one many"},
		{"pt", "one one other other other other other one many"},
		{"pt-BR", "one one other other other other other one many"},
		{"pt-PT", "other one other other other other other other many"},
		{"ar", "zero one two few many many other other other"},
		{"he", "other one two other other other other other other"},
		{"ru", "many one few many many one one other many"},
		{"uk", "many one few many many one one other many"},
		{"pl", "many one few many many many many other many"},
		{"fa", "one one other other other other other other other"},
		{"ja", "other other other other other other other other other"},
		{"xx", "other one other other other other other other other"}, // unknown: English's rule
	}
	for _, tt := range tests {
		want := strings.Fields(tt.want)
		for i, s := range numbers {
			n, err := ParseNumber(s)
			if err != nil {
				t.Fatal(err)
			}
			if got := Plural(MustCode(tt.lang), n).String(); got != want[i] {
				t.Errorf("%s: Plural(%s) = %s, want %s", tt.lang, s, got, want[i])
			}
		}
	}
}

// TestPluralMatchesCLDR compares every rule with ICU's on 158 numbers,
// integers and decimals with trailing zeros. testdata/plurals-cldr.txt was
// written by Node's Intl.PluralRules (ICU 78.2, CLDR 48): for each number
// s with v fraction digits, new Intl.PluralRules(lang,
// {minimumFractionDigits: v, maximumFractionDigits: v}).select(Number(s)).
func TestPluralMatchesCLDR(t *testing.T) {
	f, err := os.Open("testdata/plurals-cldr.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var numbers []string
	langs := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if fields[0] == "numbers" {
			numbers = fields[1:]
			continue
		}
		lang := MustCode(fields[0])
		if len(fields)-1 != len(numbers) {
			t.Fatalf("%s: %d categories for %d numbers", lang, len(fields)-1, len(numbers))
		}
		langs++
		seen := map[Category]bool{}
		for i, s := range numbers {
			n, err := ParseNumber(s)
			if err != nil {
				t.Fatal(err)
			}
			got := Plural(lang, n)
			seen[got] = true
			if got.String() != fields[i+1] {
				t.Errorf("%s: Plural(%s) = %s, ICU says %s", lang, s, got, fields[i+1])
			}
		}
		// Categories lists exactly the categories the numbers reach.
		var reached []Category
		for c := Category(0); c < numCategories; c++ {
			if seen[c] {
				reached = append(reached, c)
			}
		}
		if got := Categories(lang); !slices.Equal(got, reached) {
			t.Errorf("%s: Categories = %v, the numbers reach %v", lang, got, reached)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if langs < 19 || len(numbers) < 150 {
		t.Fatalf("read %d languages and %d numbers", langs, len(numbers))
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{in: "0", want: "0"},
		{in: "007", want: "7"},
		{in: "1.50", want: "1.50"},
		{in: "-2", want: "-2"},
		{in: "-0.0", want: "0.0"},
		{in: "123456789012345678901234", want: "123456789012345678901234"},
		{in: "", err: `"" is not a number`},
		{in: "1.", err: `"1." is not a number`},
		{in: ".5", err: `".5" is not a number`},
		{in: "1e3", err: `"1e3" is not a number`},
		{in: "1,5", err: `"1,5" is not a number`},
		{in: "--1", err: `"--1" is not a number`},
	}
	for _, tt := range tests {
		n, err := ParseNumber(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseNumber(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || n.String() != tt.want {
			t.Errorf("ParseNumber(%q) = %q, %v; want %q", tt.in, n.String(), err, tt.want)
		}
	}
}

func TestNumberOf(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{3, "3"}, {int8(-4), "-4"}, {int64(1) << 62, "4611686018427387904"}, {uint32(7), "7"},
		{uint64(18446744073709551615), "18446744073709551615"},
		{1.5, "1.5"}, {2.0, "2"}, {float32(0.25), "0.25"}, {"1.0", "1.0"},
	}
	for _, tt := range tests {
		n, err := NumberOf(tt.in)
		if err != nil || n.String() != tt.want {
			t.Errorf("NumberOf(%v) = %q, %v; want %q", tt.in, n.String(), err, tt.want)
		}
	}
	for _, bad := range []any{nil, true, "three", []int{1}} {
		if _, err := NumberOf(bad); err == nil {
			t.Errorf("NumberOf(%v) accepted", bad)
		}
	}
}

// TestHugeNumbers: beyond 18 digits the rules still see the right last
// digits and know the number is not small.
func TestHugeNumbers(t *testing.T) {
	tests := []struct{ lang, n, want string }{
		{"ru", "100000000000000000000021", "one"},
		{"ru", "100000000000000000000012", "many"},
		{"en", "100000000000000000000001", "other"},
		{"fr", "100000000000000000000001", "other"},
		{"fr", "100000000000000000000000", "many"},
		{"ar", "100000000000000000000003", "few"},
	}
	for _, tt := range tests {
		n, _ := ParseNumber(tt.n)
		if got := Plural(MustCode(tt.lang), n).String(); got != tt.want {
			t.Errorf("%s: Plural(%s) = %s, want %s", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestExample(t *testing.T) {
	tests := []struct {
		lang string
		cat  Category
		n    int64
		ok   bool
	}{
		{"en", One, 1, true}, {"en", Other, 0, true}, {"fr", Many, 1000000, true},
		{"ar", Few, 3, true}, {"ar", Many, 11, true}, {"ar", Other, 100, true},
		{"ru", Other, 0, false}, {"pl", Many, 0, true}, {"de", Few, 0, false},
	}
	for _, tt := range tests {
		n, ok := Example(MustCode(tt.lang), tt.cat)
		if n != tt.n || ok != tt.ok {
			t.Errorf("Example(%s, %s) = %d, %v; want %d, %v", tt.lang, tt.cat, n, ok, tt.n, tt.ok)
		}
	}
}

func TestKnown(t *testing.T) {
	for _, c := range []string{"en", "de", "es", "fr", "pt", "pt-BR", "pt-PT", "it", "nl", "ar", "he", "ru", "pl", "ja"} {
		if !Known(MustCode(c)) {
			t.Errorf("%s should be known", c)
		}
	}
	for _, c := range []string{"xx", "tr", "fa"} { // fa: plural rules, but no dates or numbers
		if Known(MustCode(c)) {
			t.Errorf("%s should not be known", c)
		}
	}
}

// FuzzParseNumber: a number that parses writes itself back in a form that
// parses to the same number, and every language gives it a category it
// declares.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"0", "1.50", "-2", "1000000", "123456789012345678901234.5", "1.", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumber(s)
		if err != nil {
			return
		}
		again, err := ParseNumber(n.String())
		if err != nil || again != n {
			t.Fatalf("%q -> %q -> %v, %v", s, n.String(), again, err)
		}
		for code := range pluralRules {
			if c := Plural(code, n); !slices.Contains(Categories(code), c) {
				t.Fatalf("%s: Plural(%s) = %s, not among %v", code, s, c, Categories(code))
			}
			_ = FormatNumber(code, n)
		}
	})
}
