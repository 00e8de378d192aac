package i18n

import (
	"fmt"
	"strings"

	"mutual/internal/diag"
)

// Code is a language code in its canonical form: a BCP 47 language tag of
// a language, an optional script, an optional region and optional variants,
// such as "en", "pt-BR", "zh-Hant" or "sr-Latn-RS". Build one with
// ParseCode; the zero value means "no language".
type Code string

// ParseCode checks a language code and returns it in canonical case:
// language in lower case, script in title case, region in upper case
// ("PT-br" -> "pt-BR"). It accepts what BCP 47 calls a language tag without
// extensions: a language of 2 or 3 letters, then optionally a script of
// 4 letters, a region of 2 letters or 3 digits, and variants of 5 to 8
// letters or digits (or 4 starting with a digit). It does not check the
// subtags against the IANA registry, so "xx" passes; a site can name a
// language mutual knows nothing about, and gets neutral dates and English
// plural rules for it (see Known).
//
// The error is a sentence for a counselor, with a hint where one helps:
// "en_US" suggests "en-US", "english" suggests "en".
func ParseCode(s string) (Code, error) {
	if s == "" {
		return "", fmt.Errorf("the language code is empty: use a short code such as \"en\", \"de\" or \"pt-BR\"")
	}
	if strings.Contains(s, "_") {
		fixed := strings.ReplaceAll(s, "_", "-")
		if c, err := ParseCode(fixed); err == nil {
			return "", fmt.Errorf("%q is not a language code: subtags are joined by a hyphen, as in %q", s, string(c))
		}
	}
	parts := strings.Split(s, "-")
	out := make([]string, 0, len(parts))
	lang := parts[0]
	if !isAlpha(lang) || len(lang) < 2 || len(lang) > 3 {
		return "", badCode(s)
	}
	out = append(out, strings.ToLower(lang))
	i := 1
	if i < len(parts) && len(parts[i]) == 4 && isAlpha(parts[i]) {
		p := strings.ToLower(parts[i])
		out = append(out, strings.ToUpper(p[:1])+p[1:])
		i++
	}
	if i < len(parts) && (len(parts[i]) == 2 && isAlpha(parts[i]) || len(parts[i]) == 3 && isDigits(parts[i])) {
		out = append(out, strings.ToUpper(parts[i]))
		i++
	}
	for ; i < len(parts); i++ {
		p := parts[i]
		variant := isAlnum(p) && (len(p) >= 5 && len(p) <= 8 || len(p) == 4 && p[0] >= '0' && p[0] <= '9')
		if !variant {
			return "", badCode(s)
		}
		out = append(out, strings.ToLower(p))
	}
	return Code(strings.Join(out, "-")), nil
}

// badCode explains a malformed code, suggesting the code of a language
// written out by name ("german" -> "de").
func badCode(s string) error {
	if c, ok := codeByName[strings.ToLower(s)]; ok {
		return fmt.Errorf("%q is not a language code (did you mean %q?)", s, string(c))
	}
	return fmt.Errorf("%q is not a language code: use a two- or three-letter code, optionally with a region, such as \"en\", \"de\" or \"pt-BR\"", s)
}

// MustCode is ParseCode for codes written in Go source; it panics on a bad
// code, which is a bug in the program, never a user's error.
func MustCode(s string) Code {
	c, err := ParseCode(s)
	if err != nil {
		panic(err)
	}
	return c
}

// Base is the language subtag alone: "pt" for "pt-BR".
func (c Code) Base() Code {
	b, _, _ := strings.Cut(string(c), "-")
	return Code(b)
}

// Script is the script subtag, or "" when the code has none.
func (c Code) Script() string {
	parts := strings.Split(string(c), "-")
	if len(parts) > 1 && len(parts[1]) == 4 && isAlpha(parts[1]) {
		return parts[1]
	}
	return ""
}

// Chain is the code followed by its ever shorter parents: "zh-Hant-TW",
// "zh-Hant", "zh". Lookups that miss in a regional language try its parents
// before the site's default language.
func (c Code) Chain() []Code {
	if c == "" {
		return nil
	}
	var out []Code
	s := string(c)
	for {
		out = append(out, Code(s))
		i := strings.LastIndexByte(s, '-')
		if i < 0 {
			return out
		}
		s = s[:i]
	}
}

// EnglishName is the language's name in English for messages ("German"),
// or the code in quotes when mutual does not know it.
func (c Code) EnglishName() string {
	if n, ok := englishNames[c]; ok {
		return n
	}
	if n, ok := englishNames[c.Base()]; ok {
		return fmt.Sprintf("%s (%s)", n, string(c))
	}
	return fmt.Sprintf("language %q", string(c))
}

// Dir is a writing direction, the value of HTML's dir attribute.
type Dir string

// The two directions.
const (
	LTR Dir = "ltr"
	RTL Dir = "rtl"
)

// ParseDir checks a site's dir: setting.
func ParseDir(s string) (Dir, error) {
	switch Dir(s) {
	case LTR, RTL:
		return Dir(s), nil
	}
	return "", fmt.Errorf("dir must be \"ltr\" or \"rtl\", not %q%s", s, diag.Hint(s, []string{"ltr", "rtl"}))
}

// rtlScripts are the right-to-left scripts a code may name explicitly.
var rtlScripts = map[string]bool{"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true, "Adlm": true, "Rohg": true, "Mand": true, "Samr": true}

// rtlLanguages are the languages written right to left by default: Arabic,
// Hebrew, Persian, Urdu, and a few more in Arabic or Hebrew script.
var rtlLanguages = map[Code]bool{"ar": true, "he": true, "fa": true, "ur": true, "yi": true, "ps": true, "sd": true, "dv": true, "ckb": true, "ug": true}

// Direction is the language's default writing direction: a script subtag
// decides when there is one ("az-Arab" is rtl, "ku-Latn" ltr); otherwise
// ar, he, fa, ur, yi, ps, sd, dv, ckb and ug are rtl and every other
// language ltr. A site overrides it per language with dir: (see Language).
func (c Code) Direction() Dir {
	if s := c.Script(); s != "" {
		if rtlScripts[s] {
			return RTL
		}
		return LTR
	}
	if rtlLanguages[c.Base()] {
		return RTL
	}
	return LTR
}

// Language is one language of a site, as site.yaml declares it.
type Language struct {
	Code Code
	Name string // as the language switcher shows it, e.g. "Deutsch"
	Dir  Dir    // "" means Code.Direction()
}

// Direction is the site's dir: for the language, or its default.
func (l Language) Direction() Dir {
	if l.Dir != "" {
		return l.Dir
	}
	return l.Code.Direction()
}

var englishNames = map[Code]string{
	"ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fa": "Persian", "fr": "French",
	"he": "Hebrew", "it": "Italian", "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "pl": "Polish",
	"pt": "Portuguese", "pt-PT": "European Portuguese", "pt-BR": "Brazilian Portuguese", "ru": "Russian",
	"uk": "Ukrainian", "ur": "Urdu", "zh": "Chinese",
}

// codeByName maps language names, in English and in the language itself,
// to codes, for the hint of a misspelt code.
var codeByName = map[string]Code{
	"arabic": "ar", "german": "de", "deutsch": "de", "english": "en", "spanish": "es", "español": "es",
	"espanol": "es", "castellano": "es", "persian": "fa", "farsi": "fa", "french": "fr", "français": "fr",
	"francais": "fr", "hebrew": "he", "italian": "it", "italiano": "it", "japanese": "ja", "korean": "ko",
	"dutch": "nl", "nederlands": "nl", "polish": "pl", "polski": "pl", "portuguese": "pt",
	"português": "pt", "portugues": "pt", "russian": "ru", "ukrainian": "uk", "urdu": "ur", "chinese": "zh",
	"brazilian": "pt-BR",
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z') {
			return false
		}
	}
	return s != ""
}
