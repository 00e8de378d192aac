package markdown

import (
	"math"
	"sort"
	"testing"

	"github.com/alecthomas/chroma/v2"
)

// luminance is the WCAG relative luminance of c.
func luminance(c chroma.Colour) float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.Red()) + 0.7152*ch(c.Green()) + 0.0722*ch(c.Blue())
}

func contrast(a, b chroma.Colour) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// TestHighlightContrast holds both code styles to WCAG AA (4.5:1) for every
// token colour that can appear in the output, against the style's
// background (or the token's own).
func TestHighlightContrast(t *testing.T) {
	for _, style := range []*chroma.Style{lightStyle, darkStyle} {
		bg := style.Get(chroma.Background)
		var types []int
		for tt := range chroma.StandardTypes {
			types = append(types, int(tt))
		}
		sort.Ints(types)
		for _, ti := range types {
			tt := chroma.TokenType(ti)
			if tt < 0 || tt == chroma.TextWhitespace || tt == chroma.Background {
				continue // layout classes and invisible whitespace
			}
			e := style.Get(tt)
			if !e.Colour.IsSet() {
				continue
			}
			back := bg.Background
			if e.Background.IsSet() {
				back = e.Background
			}
			if r := contrast(e.Colour, back); r < 4.5 {
				t.Errorf("%s: %s %s on %s has contrast %.2f, want 4.5", style.Name, tt, e.Colour, back, r)
			}
		}
	}
}
