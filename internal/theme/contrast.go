package theme

import (
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"

	"mutual/internal/diag"
)

// Contrast checks the colours a theme's static/css/custom.css gives the
// default theme's custom properties (the file base.html loads last, which
// `mutual init` writes commented out). A colour the default theme writes
// text, links or the accent in (--fg, --muted, --accent, --accent-hover,
// --give, --receive) must stand out at 4.5:1 or more (WCAG 2 AA for text)
// from the backgrounds it is written on (--bg, --surface), and the
// button text --accent-fg from --accent, in the light scheme and in the
// dark one: a property set in a plain :root rule applies to both, which
// is how an accent picked on a light page ends at 2:1 on the dark one.
//
// The values are what the browser would use: the stylesheet's (main.css
// of the chain) for each scheme, then custom.css's :root rules in order,
// those inside @media (prefers-color-scheme: dark) or (light) for that
// scheme only. A colour written as #rgb, #rrggbb (#rgba and #rrggbbaa when
// opaque), rgb()/rgba() with an opaque alpha or a colour name (purple) is
// measured; anything else (var(), color-mix(), a transparent colour, a rule under another
// media query) is skipped, since it cannot be judged without a browser.
// Each pair that fails is a warning at the custom.css declaration that
// made it (the colour's, else the background's), with the ratio measured.
func (c Chain) Contrast() diag.List {
	custom, path, ok := c.cssFile("static/css/custom.css")
	if !ok {
		return nil
	}
	base, _, _ := c.cssFile("static/css/main.css")
	baseDecls, customDecls := rootDecls(base), rootDecls(custom)
	var schemes [2]map[string]cssValue // light, dark
	for i := range schemes {
		schemes[i] = map[string]cssValue{}
		for _, d := range baseDecls {
			if d.scheme < 0 || d.scheme == i {
				schemes[i][d.name] = cssValue{value: d.value}
			}
		}
		for _, d := range customDecls {
			if d.scheme < 0 || d.scheme == i {
				schemes[i][d.name] = cssValue{value: d.value, at: &d}
			}
		}
	}
	var warns diag.List
	seen := map[string]bool{}
	for i, vals := range schemes {
		scheme := [2]string{"light", "dark"}[i]
		for _, p := range contrastPairs {
			fg, bg := vals[p.fg], vals[p.bg]
			if fg.at == nil && bg.at == nil {
				continue // the theme's own colours, checked where they are written
			}
			fc, ok1 := parseColor(fg.value)
			bc, ok2 := parseColor(bg.value)
			if !ok1 || !ok2 {
				continue
			}
			r := contrastRatio(fc, bc)
			if r >= contrastGoal {
				continue
			}
			at := fg.at
			if at == nil {
				at = bg.at
			}
			key := fmt.Sprintf("%d:%d:%s", at.line, at.col, scheme)
			if seen[key] {
				continue // one warning a declaration and scheme: its worst pair
			}
			seen[key] = true
			var fix string
			switch {
			case at.scheme < 0:
				fix = fmt.Sprintf("this :root rule applies to both schemes: give the %s scheme a value of its own inside @media (prefers-color-scheme: %s) { :root { … } }", scheme, scheme)
			case at == fg.at && p.fg != "--accent-fg":
				fix = fmt.Sprintf("pick a %s colour", [2]string{"darker", "lighter"}[i])
			default:
				fix = "pick colours further apart"
			}
			warns.Add(path, at.line, at.col, "%s %s on %s %s has a contrast of %.1f:1 in the %s scheme, and text needs 4.5:1 or more to be read by everyone: %s",
				p.fg, fg.value, p.bg, bg.value, math.Floor(r*10)/10, scheme, fix)
		}
	}
	warns.Sort()
	return warns
}

// contrastGoal is WCAG 2's AA ratio for text.
const contrastGoal = 4.5

// contrastPairs are the colours the default theme writes text in, each
// with a background it writes it on.
var contrastPairs = []struct{ fg, bg string }{
	{"--fg", "--bg"}, {"--fg", "--surface"},
	{"--muted", "--bg"}, {"--muted", "--surface"},
	{"--accent", "--bg"}, {"--accent", "--surface"},
	{"--accent-hover", "--bg"}, {"--accent-hover", "--surface"},
	{"--give", "--bg"}, {"--give", "--surface"},
	{"--receive", "--bg"}, {"--receive", "--surface"},
	{"--accent-fg", "--accent"},
}

// cssValue is a custom property's value in one scheme, and the custom.css
// declaration that set it (nil for the theme's own).
type cssValue struct {
	value string
	at    *cssDecl
}

// cssFile reads rel from the first theme of the chain that has it.
func (c Chain) cssFile(rel string) (src, path string, ok bool) {
	for i := range c {
		t := &c[i]
		st, err := fs.Stat(t.FS, rel)
		if err != nil {
			continue
		}
		if st.IsDir() || st.Size() > MaxStaticSize || t.linkError(rel) != nil {
			return "", "", false // the assets report it
		}
		b, err := fs.ReadFile(t.FS, rel)
		if err != nil {
			return "", "", false
		}
		return string(diag.TrimBOM(b)), t.Dir + "/" + rel, true
	}
	return "", "", false
}

// cssDecl is a custom property set in a :root rule.
type cssDecl struct {
	name, value string
	line, col   int
	scheme      int // -1 both, 0 light, 1 dark
}

// rootDecls reads the custom properties set in the :root rules of src,
// at the top level or inside @media (prefers-color-scheme: …), in order.
// Rules under other media queries, and every other rule, are skipped.
func rootDecls(src string) []cssDecl {
	// Comments become spaces, so that offsets (and lines) stay true.
	s := blankComments(src)
	var out []cssDecl
	var rules func(from, to, scheme int)
	rules = func(from, to, scheme int) {
		for i := from; i < to; {
			open := strings.IndexAny(s[i:to], "{;}")
			if open < 0 {
				return
			}
			open += i
			if s[open] != '{' {
				i = open + 1 // an @import; or a stray }
				continue
			}
			end := matchBrace(s, open, to)
			prelude := strings.ToLower(strings.Join(strings.Fields(s[i:open]), ""))
			switch {
			case strings.HasPrefix(prelude, "@media"):
				if sc, ok := mediaScheme(prelude); ok && scheme < 0 {
					rules(open+1, end, sc)
				}
			case prelude == ":root" || prelude == "html" || prelude == ":root,html" || prelude == "html,:root":
				out = append(out, declarations(s, open+1, end, scheme)...)
			}
			i = end + 1
		}
	}
	rules(0, len(s), -1)
	return out
}

// mediaScheme reads a media query (spaces removed, lowercase) that holds
// only a colour scheme: 0 light, 1 dark.
func mediaScheme(q string) (int, bool) {
	q = strings.TrimPrefix(q, "@media")
	q = strings.TrimPrefix(q, "screenand")
	q = strings.TrimPrefix(q, "alland")
	switch q {
	case "(prefers-color-scheme:light)":
		return 0, true
	case "(prefers-color-scheme:dark)":
		return 1, true
	}
	return 0, false
}

// matchBrace is the offset of the "}" closing the "{" at open, or to.
func matchBrace(s string, open, to int) int {
	depth := 0
	for i := open; i < to; i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return to
}

// declarations reads the "--name: value" declarations of s[from:to].
func declarations(s string, from, to, scheme int) []cssDecl {
	var out []cssDecl
	for i := from; i < to; {
		end := strings.IndexByte(s[i:to], ';')
		if end < 0 {
			end = to
		} else {
			end += i
		}
		decl := s[i:end]
		name, value, ok := strings.Cut(decl, ":")
		if n := strings.TrimSpace(name); ok && strings.HasPrefix(n, "--") {
			at := i + strings.Index(decl, n)
			line := strings.Count(s[:at], "\n") + 1
			col := at - (strings.LastIndexByte(s[:at], '\n') + 1) + 1
			value = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(value), "!important"))
			out = append(out, cssDecl{name: n, value: value, line: line, col: col, scheme: scheme})
		}
		i = end + 1
	}
	return out
}

// parseColor reads an opaque colour written as a name (purple), #rgb,
// #rgba, #rrggbb, #rrggbbaa, rgb() or rgba(), in 0..255 per channel.
func parseColor(v string) ([3]float64, bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if hex, ok := namedColors[v]; ok {
		v = hex
	}
	if h, ok := strings.CutPrefix(v, "#"); ok {
		switch len(h) {
		case 3, 4:
			if len(h) == 4 && h[3] != 'f' {
				return [3]float64{}, false
			}
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		case 6:
		case 8:
			if h[6:] != "ff" {
				return [3]float64{}, false
			}
			h = h[:6]
		default:
			return [3]float64{}, false
		}
		n, err := strconv.ParseUint(h, 16, 32)
		if err != nil {
			return [3]float64{}, false
		}
		return [3]float64{float64(n >> 16), float64(n >> 8 & 0xff), float64(n & 0xff)}, true
	}
	var args string
	for _, f := range []string{"rgb(", "rgba("} {
		if a, ok := strings.CutPrefix(v, f); ok && strings.HasSuffix(a, ")") {
			args = strings.TrimSuffix(a, ")")
		}
	}
	if args == "" {
		return [3]float64{}, false
	}
	var alpha string
	if a, b, ok := strings.Cut(args, "/"); ok {
		args, alpha = a, b
	}
	parts := strings.Fields(strings.ReplaceAll(args, ",", " "))
	if len(parts) == 4 && alpha == "" {
		parts, alpha = parts[:3], parts[3]
	}
	if len(parts) != 3 {
		return [3]float64{}, false
	}
	if alpha = strings.TrimSpace(alpha); alpha != "" && alpha != "1" && alpha != "100%" && alpha != "1.0" {
		return [3]float64{}, false
	}
	var c [3]float64
	for i, p := range parts {
		pct := strings.HasSuffix(p, "%")
		n, err := strconv.ParseFloat(strings.TrimSuffix(p, "%"), 64)
		if err != nil {
			return [3]float64{}, false
		}
		if pct {
			n = n * 255 / 100
		}
		c[i] = math.Max(0, math.Min(255, n))
	}
	return c, true
}

// contrastRatio is WCAG 2's contrast ratio of two colours.
func contrastRatio(a, b [3]float64) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is WCAG 2's relative luminance.
func luminance(c [3]float64) float64 {
	var l [3]float64
	for i, v := range c {
		v /= 255
		if v <= 0.04045 {
			l[i] = v / 12.92
		} else {
			l[i] = math.Pow((v+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}
