package content

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPunycodeRFC3492 encodes the sample strings of RFC 3492, section 7.1.
// (I)'s encoding is written in lower case: the RFC's "D" is a case
// annotation, which an encoder of host names does not make.
func TestPunycodeRFC3492(t *testing.T) {
	for _, tt := range []struct{ name, in, want string }{
		{"(A) Arabic (Egyptian)", "\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F", "egbpdaj6bu4bxfgehfvwxn"},
		{"(B) Chinese (simplified)", "\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587", "ihqwcrb4cv8a8dqg056pqjye"},
		{"(C) Chinese (traditional)", "\u4ED6\u5011\u7232\u4EC0\u9EBD\u4E0D\u8AAA\u4E2D\u6587", "ihqwctvzc91f659drss3x8bo0yb"},
		{"(D) Czech", "Pro\u010Dprost\u011Bnemluv\u00ED\u010Desky", "Proprostnemluvesky-uyb24dma41a"},
		{"(E) Hebrew", "\u05DC\u05DE\u05D4\u05D4\u05DD\u05E4\u05E9\u05D5\u05D8\u05DC\u05D0\u05DE\u05D3\u05D1\u05E8\u05D9\u05DD\u05E2\u05D1\u05E8\u05D9\u05EA", "4dbcagdahymbxekheh6e0a7fei0b"},
		{"(F) Hindi (Devanagari)", "\u092F\u0939\u0932\u094B\u0917\u0939\u093F\u0928\u094D\u0926\u0940\u0915\u094D\u092F\u094B\u0902\u0928\u0939\u0940\u0902\u092C\u094B\u0932\u0938\u0915\u0924\u0947\u0939\u0948\u0902", "i1baa7eci9glrd9b2ae1bj0hfcgg6iyaf8o0a1dig0cd"},
		{"(G) Japanese (kanji and hiragana)", "\u306A\u305C\u307F\u3093\u306A\u65E5\u672C\u8A9E\u3092\u8A71\u3057\u3066\u304F\u308C\u306A\u3044\u306E\u304B", "n8jok5ay5dzabd5bym9f0cm5685rrjetr6pdxa"},
		{"(H) Korean (Hangul syllables)", "\uC138\uACC4\uC758\uBAA8\uB4E0\uC0AC\uB78C\uB4E4\uC774\uD55C\uAD6D\uC5B4\uB97C\uC774\uD574\uD55C\uB2E4\uBA74\uC5BC\uB9C8\uB098\uC88B\uC744\uAE4C", "989aomsvi5e83db1d2a355cv1e0vak1dwrv93d5xbh15a0dt30a5jpsd879ccm6fea98c"},
		{"(I) Russian (Cyrillic)", "\u043F\u043E\u0447\u0435\u043C\u0443\u0436\u0435\u043E\u043D\u0438\u043D\u0435\u0433\u043E\u0432\u043E\u0440\u044F\u0442\u043F\u043E\u0440\u0443\u0441\u0441\u043A\u0438", "b1abfaaepdrnnbgefbadotcwatmq2g4l"},
		{"(J) Spanish", "Porqu\u00E9nopuedensimplementehablarenEspa\u00F1ol", "PorqunopuedensimplementehablarenEspaol-fmd56a"},
		{"(K) Vietnamese", "T\u1EA1isaoh\u1ECDkh\u00F4ngth\u1EC3ch\u1EC9n\u00F3iti\u1EBFngVi\u1EC7t", "TisaohkhngthchnitingVit-kjcr8268qyxafd2f1b9g"},
		{"(L) 3<nen>B<gumi><kinpachi><sensei>", "3\u5E74B\u7D44\u91D1\u516B\u5148\u751F", "3B-ww4c5e180e575a65lsy2b"},
		{"(M) <amuro><namie>-with-SUPER-MONKEYS", "\u5B89\u5BA4\u5948\u7F8E\u6075-with-SUPER-MONKEYS", "-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n"},
		{"(N) Hello-Another-Way-<sorezore><no><basho>", "Hello-Another-Way-\u305D\u308C\u305E\u308C\u306E\u5834\u6240", "Hello-Another-Way--fc4qua05auwb3674vfr0b"},
		{"(O) <hitotsu><yane><no><shita>2", "\u3072\u3068\u3064\u5C4B\u6839\u306E\u4E0B2", "2-u9tlzr9756bt3uc0v"},
		{"(P) Maji<de>Koi<suru>5<byou><mae>", "Maji\u3067Koi\u3059\u308B5\u79D2\u524D", "MajiKoi5-783gue6qz075azm5e"},
		{"(Q) <pafii>de<runba>", "\u30D1\u30D5\u30A3\u30FCde\u30EB\u30F3\u30D0", "de-jg4avhby1noc0d"},
		{"(R) <sono><supiido><de>", "\u305D\u306E\u30B9\u30D4\u30FC\u30C9\u3067", "d9juau41awczczp"},
		{"(S) -> $1.00 <-", "-> $1.00 <-", "-> $1.00 <--"},
		// Beyond the RFC's samples.
		{"empty", "", ""},
		{"a German word", "bücher", "bcher-kva"},
		{"one letter", "ñ", "ida"},
	} {
		got, err := punycode(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("%s: punycode(%q) = %q, %v; want %q", tt.name, tt.in, got, err, tt.want)
		}
		if back, err := unpunycode(tt.want); err != nil || back != tt.in {
			t.Errorf("%s: the test's decoder reads %q as %q, %v; want %q", tt.name, tt.want, back, err, tt.in)
		}
	}
}

// TestASCIIHost holds the host of a baseURL in its ASCII (IDNA) form:
// labels beyond ASCII lowercased and punycoded with "xn--", the rest (port,
// ASCII labels, IP addresses, labels already encoded) as written.
func TestASCIIHost(t *testing.T) {
	for _, tt := range []struct{ host, want, err string }{
		{"bücher.example", "xn--bcher-kva.example", ""},
		{"BÜCHER.example:8080", "xn--bcher-kva.example:8080", ""},
		{"müller.bücher.example", "xn--mller-kva.xn--bcher-kva.example", ""},
		{"bücher。example", "xn--bcher-kva.example", ""},
		// Composed as typed elsewhere: a name saved on a Mac ("u" and U+0308).
		{"bu\u0308cher.example", "xn--bcher-kva.example", ""},
		{"BU\u0308CHER.example", "xn--bcher-kva.example", ""},
		// Full-width ASCII, as East Asian keyboards type it, reads as ASCII.
		{"ｂüｃｈｅｒ．ｅｘａｍｐｌｅ", "xn--bcher-kva.example", ""},
		{"ｅｘａｍｐｌｅ．ｏｒｇ", "example.org", ""},
		{"bücher.example：８０８０", "xn--bcher-kva.example:8080", ""},
		{"\u4F8B\u3048\uFF0E\u30C6\u30B9\u30C8", "xn--r8jz45g.xn--zckzah", ""},
		{"mañana.Example.ORG", "xn--maana-pta.Example.ORG", ""},
		{"\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587.example", "xn--ihqwcrb4cv8a8dqg056pqjye.example", ""},
		{"example.org", "example.org", ""},
		{"Example.ORG:443", "Example.ORG:443", ""},
		{"xn--bcher-kva.example", "xn--bcher-kva.example", ""},
		{"127.0.0.1:1313", "127.0.0.1:1313", ""},
		{"[::1]:8080", "[::1]:8080", ""},
		{strings.Repeat("ü", 60) + ".example", "", `the part "` + strings.Repeat("ü", 60) + `" of its host name is too long`},
		{strings.Repeat("b", 50) + "üüüüüüüüüü.example", "", "is too long"},
	} {
		got, err := asciiHost(tt.host)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("asciiHost(%q) = %q, %v; want an error with %q", tt.host, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("asciiHost(%q) = %q, %v; want %q", tt.host, got, err, tt.want)
		}
	}
}

// TestBaseURLInternationalised: a baseURL whose host is in another script
// is kept in its ASCII form, which is what Origin and BaseURL (and so the
// sitemap, the feed, canonical and printed links) write.
func TestBaseURLInternationalised(t *testing.T) {
	for _, tt := range []struct{ raw, base, origin, err string }{
		{"https://bücher.example/", "https://xn--bcher-kva.example/", "https://xn--bcher-kva.example", ""},
		{"https://Bücher.example:8443/hilfe/", "https://xn--bcher-kva.example:8443/hilfe/", "https://xn--bcher-kva.example:8443", ""},
		{"https://b%C3%BCcher.example/", "https://xn--bcher-kva.example/", "https://xn--bcher-kva.example", ""},
		{"https://example.org/", "https://example.org/", "https://example.org", ""},
		{"https://" + strings.Repeat("ü", 60) + ".example/", "", "", `content/site.yaml: baseURL "https://` + strings.Repeat("ü", 60) + `.example/" cannot be written in ASCII, as addresses must be: the part "` + strings.Repeat("ü", 60) + `" of its host name is too long: a part may be at most 63 characters once written in ASCII (xn--...)`},
	} {
		c := &Config{Path: ConfigPath}
		if e := c.SetBaseURL(tt.raw); e != nil {
			if tt.err == "" || e.Error() != tt.err {
				t.Errorf("SetBaseURL(%q): %v\nwant %s", tt.raw, e, tt.err)
			}
			continue
		}
		if tt.err != "" {
			t.Errorf("SetBaseURL(%q): no error, want %s", tt.raw, tt.err)
			continue
		}
		if c.BaseURL != tt.base || c.Origin() != tt.origin {
			t.Errorf("SetBaseURL(%q): BaseURL %q, Origin %q; want %q, %q", tt.raw, c.BaseURL, c.Origin(), tt.base, tt.origin)
		}
	}
}

// FuzzPunycode: the encoding is ASCII, keeps the input's ASCII characters
// in order before its last "-", and decodes back to the input (invalid
// UTF-8 as U+FFFD); a host's ASCII form is ASCII and its own ASCII form.
func FuzzPunycode(f *testing.F) {
	for _, s := range []string{"", "bücher", "-> $1.00 <-", "\u3072\u3068\u3064\u5C4B\u6839\u306E\u4E0B2", "a\xffb", "\U0010FFFF", "bücher.example:80", "[::1]:80", "ü。ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			return // quadratic in the distinct characters; labels are short
		}
		enc, err := punycode(s)
		if err != nil {
			if !errors.Is(err, errPunycodeOverflow) {
				t.Fatalf("punycode(%q): %v", s, err)
			}
			return
		}
		if !isASCII(enc) {
			t.Fatalf("punycode(%q) = %q, not ASCII", s, enc)
		}
		var basic strings.Builder
		for _, r := range s {
			if r < utf8.RuneSelf {
				basic.WriteRune(r)
			}
		}
		if basic.Len() > 0 && !strings.HasPrefix(enc, basic.String()+"-") {
			t.Fatalf("punycode(%q) = %q, not led by %q", s, enc, basic.String()+"-")
		}
		back, err := unpunycode(enc)
		if want := string([]rune(s)); err != nil || back != want {
			t.Fatalf("punycode(%q) = %q, which decodes to %q, %v", s, enc, back, err)
		}
		host, err := asciiHost(s)
		if err != nil {
			return
		}
		if !isASCII(host) {
			t.Fatalf("asciiHost(%q) = %q, not ASCII", s, host)
		}
		if again, err := asciiHost(host); err != nil || again != host {
			t.Fatalf("asciiHost(%q) = %q, whose own is %q, %v", s, host, again, err)
		}
	})
}

// unpunycode is RFC 3492's decoder (section 6.2), the fuzz target's
// reference for the encoder: the build needs none.
func unpunycode(s string) (string, error) {
	var out []rune
	start := 0
	if b := strings.LastIndexByte(s, '-'); b >= 0 {
		for i := 0; i < b; i++ {
			if s[i] >= utf8.RuneSelf {
				return "", errors.New("a basic code point beyond ASCII")
			}
			out = append(out, rune(s[i]))
		}
		start = b + 1
	}
	n, i, bias := int64(pcInitialN), int64(0), int64(pcInitialBias)
	for in := start; in < len(s); {
		oldi, w := i, int64(1)
		for k := int64(pcBase); ; k += pcBase {
			if in >= len(s) {
				return "", errors.New("cut short")
			}
			c := s[in]
			in++
			var digit int64
			switch {
			case 'a' <= c && c <= 'z':
				digit = int64(c - 'a')
			case 'A' <= c && c <= 'Z':
				digit = int64(c - 'A')
			case '0' <= c && c <= '9':
				digit = int64(c-'0') + 26
			default:
				return "", errors.New("not a digit")
			}
			i += digit * w
			if i > pcMaxInt {
				return "", errPunycodeOverflow
			}
			t := min(max(k-bias, pcTMin), pcTMax)
			if digit < t {
				break
			}
			if w *= pcBase - t; w > pcMaxInt {
				return "", errPunycodeOverflow
			}
		}
		points := int64(len(out) + 1)
		bias = pcAdapt(i-oldi, points, oldi == 0)
		n += i / points
		i %= points
		if n > utf8.MaxRune {
			return "", errors.New("beyond Unicode")
		}
		out = append(out[:i], append([]rune{rune(n)}, out[i:]...)...)
		i++
	}
	return string(out), nil
}
