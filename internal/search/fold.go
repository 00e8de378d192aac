package search

import (
	"unicode"
	"unicode/utf8"
)

// Folding: a word is lowercased, then Latin letters with diacritics lose
// them ("Café" -> "cafe", "Straße" -> "strasse", "Œuvre" -> "oeuvre") and
// combining marks U+0300–U+036F are dropped ("cafe\u0301" -> "cafe").
// Letters of other scripts keep their marks: only their case is folded
// (Greek final sigma included). search.js carries the same table; the Node
// test compares the two over the whole Basic Multilingual Plane.

// latin1Fold maps U+00DF–U+00FF (lowercase Latin-1 Supplement letters) to
// their base letters; "" keeps the rune.
var latin1Fold = [...]string{
	"ss",                                    // ß U+00DF
	"a", "a", "a", "a", "a", "a", "ae", "c", // à á â ã ä å æ ç
	"e", "e", "e", "e", "i", "i", "i", "i", // è é ê ë ì í î ï
	"d", "n", "o", "o", "o", "o", "o", "", // ð ñ ò ó ô õ ö ÷
	"o", "u", "u", "u", "u", "y", "th", "y", // ø ù ú û ü ý þ ÿ
}

// extAFold is the base letter of each rune of Latin Extended-A
// (U+0100–U+017F), upper and lower case alike; the ligatures are
// exceptions below.
const extAFold = "aaaaaa" + // Ā ā Ă ă Ą ą
	"cccccccc" + // Ć ć Ĉ ĉ Ċ ċ Č č
	"dddd" + // Ď ď Đ đ
	"eeeeeeeeee" + // Ē ē Ĕ ĕ Ė ė Ę ę Ě ě
	"gggggggg" + // Ĝ ĝ Ğ ğ Ġ ġ Ģ ģ
	"hhhh" + // Ĥ ĥ Ħ ħ
	"iiiiiiiiii" + // Ĩ ĩ Ī ī Ĭ ĭ Į į İ ı
	"**" + // Ĳ ĳ: "ij"
	"jj" + // Ĵ ĵ
	"kkk" + // Ķ ķ ĸ
	"llllllllll" + // Ĺ ĺ Ļ ļ Ľ ľ Ŀ ŀ Ł ł
	"nnnnnnnnn" + // Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ
	"oooooo" + // Ō ō Ŏ ŏ Ő ő
	"**" + // Œ œ: "oe"
	"rrrrrr" + // Ŕ ŕ Ŗ ŗ Ř ř
	"ssssssss" + // Ś ś Ŝ ŝ Ş ş Š š
	"tttttt" + // Ţ ţ Ť ť Ŧ ŧ
	"uuuuuuuuuuuu" + // Ũ ũ Ū ū Ŭ ŭ Ů ů Ű ű Ų ų
	"ww" + // Ŵ ŵ
	"yyy" + // Ŷ ŷ Ÿ
	"zzzzzz" + // Ź ź Ż ż Ž ž
	"s" // ſ

// foldRune appends the folded form of r (already lowercased) to b.
func foldRune(b []byte, r rune) []byte {
	switch {
	case r < 0x80:
		return append(b, byte(r))
	case r >= 0xDF && r <= 0xFF:
		if s := latin1Fold[r-0xDF]; s != "" {
			return append(b, s...)
		}
	case r >= 0x100 && r <= 0x17F:
		switch r {
		case 0x132, 0x133:
			return append(b, "ij"...)
		case 0x152, 0x153:
			return append(b, "oe"...)
		}
		return append(b, extAFold[r-0x100])
	case r >= 0x300 && r <= 0x36F:
		return b // combining marks
	case r == 0xAA: // ª
		return append(b, 'a')
	case r == 0xBA: // º
		return append(b, 'o')
	case r == 0x2BC: // ʼ modifier letter apostrophe
		return b
	case r == 0x218 || r == 0x219: // Ș ș (Romanian)
		return append(b, 's')
	case r == 0x21A || r == 0x21B: // Ț ț
		return append(b, 't')
	case r == 0x3C2: // ς final sigma
		r = 0x3C3
	}
	return utf8.AppendRune(b, r)
}

// lower lowercases one rune as search.js does (String.prototype.toLowerCase
// on the rune alone): U+0130 İ becomes i (JavaScript gives i + U+0307, a
// combining mark that folding drops).
func lower(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

// Fold returns s lowercased and folded, rune by rune (no tokenizing).
func Fold(s string) string {
	return string(appendFold(nil, s))
}

func appendFold(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		b = foldRune(b, lower(r))
	}
	return b
}
