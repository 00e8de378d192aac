package i18n

import (
	"testing"
	"time"
)

func TestFormatNumber(t *testing.T) {
	tests := []struct{ lang, n, want string }{
		{"en", "3", "3"},
		{"en", "1234", "1,234"},
		{"en", "1234567.5", "1,234,567.5"},
		{"de", "1234567.5", "1.234.567,5"},
		{"de", "1.50", "1,50"},
		{"es", "1234", "1234"}, // Spanish groups from five digits
		{"es", "12345", "12.345"},
		{"fr", "1234", "1\u202f234"},
		{"fr", "1.5", "1,5"},
		{"pt", "1234", "1.234"},
		{"pt-BR", "1234", "1.234"},
		{"pt-PT", "1234", "1234"},
		{"pt-PT", "12345", "12\u00a0345"},
		{"ru", "1234", "1\u00a0234"},
		{"pl", "1234", "1234"},
		{"ar", "1234.5", "1,234.5"},
		{"he", "100", "100"},
		{"xx", "1234567.5", "1234567.5"}, // unknown: plain digits
		{"en", "-1234", "-1,234"},
		{"en", "100000", "100,000"},
	}
	for _, tt := range tests {
		n, err := ParseNumber(tt.n)
		if err != nil {
			t.Fatal(err)
		}
		if got := FormatNumber(MustCode(tt.lang), n); got != tt.want {
			t.Errorf("%s: FormatNumber(%s) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	march14 := time.Date(2026, time.March, 14, 23, 30, 0, 0, time.UTC)
	may1 := time.Date(2026, time.May, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		lang string
		t    time.Time
		want string
	}{
		{"en", march14, "14 March 2026"},
		{"en", may1, "1 May 2026"},
		{"en-US", march14, "14 March 2026"},
		{"de", march14, "14. März 2026"},
		{"de", may1, "1. Mai 2026"},
		{"es", march14, "14 de marzo de 2026"},
		{"fr", march14, "14 mars 2026"},
		{"fr", may1, "1er mai 2026"},
		{"pt", march14, "14 de março de 2026"},
		{"pt-BR", may1, "1 de maio de 2026"},
		{"it", march14, "14 marzo 2026"},
		{"nl", march14, "14 maart 2026"},
		{"sv", march14, "14 mars 2026"},
		{"pl", march14, "14 marca 2026"},
		{"ru", march14, "14 марта 2026 г."},
		{"uk", march14, "14 березня 2026 р."},
		{"ar", march14, "14 مارس 2026"},
		{"he", march14, "14 במרץ 2026"},
		{"ja", march14, "2026年3月14日"},
		{"zh", march14, "2026年3月14日"},
		{"ko", march14, "2026년 3월 14일"},
		{"xx", march14, "2026-03-14"}, // unknown: ISO 8601
		{"tr", may1, "2026-05-01"},
		// The date is the time's own, whatever its zone: 23:30 in UTC-5 on
		// the 14th stays the 14th.
		{"en", time.Date(2026, time.March, 14, 23, 30, 0, 0, time.FixedZone("x", -5*3600)), "14 March 2026"},
	}
	for _, tt := range tests {
		if got := FormatDate(MustCode(tt.lang), tt.t); got != tt.want {
			t.Errorf("%s: FormatDate = %q, want %q", tt.lang, got, tt.want)
		}
	}
}

// TestEveryMonth: every language with month names has twelve of them,
// none empty, so no month prints blank.
func TestEveryMonth(t *testing.T) {
	for code, f := range dateFormats {
		for m := time.January; m <= time.December; m++ {
			got := FormatDate(code, time.Date(2026, m, 20, 0, 0, 0, 0, time.UTC))
			if f.months != nil && f.months[m-1] == "" {
				t.Errorf("%s: month %d has no name: %q", code, m, got)
			}
		}
	}
}
