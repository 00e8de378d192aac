package search

import (
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Café", "cafe"},
		{"CAFÉ", "cafe"},
		{"cafe\u0301", "cafe"},
		{"Straße", "strasse"},
		{"Œuvre", "oeuvre"},
		{"Ærø", "aero"},
		{"Þórr", "thorr"},
		{"Łódź", "lodz"},
		{"İstanbul", "istanbul"},
		{"Ĳssel", "ijssel"},
		{"Ḿ", "ḿ"},         // outside the table: lowercased only
		{"Ωμέγα", "ωμέγα"}, // Greek keeps its accents
		{"ΟΔΟΣ", "οδοσ"},   // final sigma folds to σ
		{"Москва́", "москва"},
		{"señor", "senor"},
		{"Ștefan", "stefan"},
		{"nº 5", "no 5"},
		{"plain ascii 123", "plain ascii 123"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every letter of Latin-1 Supplement and Latin Extended-A folds to ASCII.
func TestFoldLatinToASCII(t *testing.T) {
	for r := rune(0xC0); r <= 0x17F; r++ {
		if r == 0xD7 || r == 0xF7 { // × ÷
			continue
		}
		got := Fold(string(r))
		if got == "" {
			t.Errorf("Fold(%q) is empty", string(r))
		}
		for _, c := range got {
			if c < 'a' || c > 'z' {
				t.Errorf("Fold(%q) = %q, not lowercase ASCII", string(r), got)
			}
		}
	}
}

func words(s string, elide bool) []string {
	var out []string
	tk := tokenizer{elide: elide}
	tk.words(s, func(w []byte) { out = append(out, string(w)) })
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		in    string
		elide bool
		want  string
	}{
		{"Hello, world!", false, "hello world"},
		{"don't stop", false, "dont stop"},
		{"don’t", false, "dont"},
		{"'quoted' words'", false, "quoted words"},
		{"self-awareness", false, "self awareness"},
		{"l'amour qu'il d'accord", true, "amour il accord"},
		{"l'amour", false, "lamour"},
		{"aujourd'hui", true, "aujourdhui"},
		{"Café au lait", false, "cafe au lait"},
		{"cafe\u0301", false, "cafe"},
		{"日本語のテキスト", false, "日 本 語 の テ キ ス ト"},
		{"abc日本", false, "abc 日 本"},
		{"x²+y₂ 2024", false, "x² y₂ 2024"},
		{"under_score snake_case", false, "under score snake case"},
		{"a " + strings.Repeat("x", maxWord+1) + " b", false, "a b"},
		{"Привет, мир", false, "привет мир"},
		{"The Cat sat. ON the MAT", false, "the cat sat on the mat"},
		{"camelCase ABC123 x9Y", false, "camelcase abc123 x9y"},
		{"Don't CAN'T", false, "dont cant"},
		{"L'Amour Qu'il", true, "amour il"},
		{"Résumé CAFÉ", false, "resume cafe"},
		{"End", false, "end"},
		{"A " + strings.Repeat("X", maxWord) + " B", false, "a " + strings.Repeat("x", maxWord) + " b"},
		{"A " + strings.Repeat("X", maxWord+1) + " B", false, "a b"},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := strings.Join(words(tt.in, tt.elide), " "); got != tt.want {
			t.Errorf("words(%q, %v) = %q, want %q", tt.in, tt.elide, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct {
		stemmer string
		words   string // words that must share one stem
		stem    string
	}{
		{"en", "receive receives received receiving", "receiv"},
		{"en", "listen listens listened listening", "listen"},
		{"en", "story stories", "stori"},
		{"en", "hope hoped hoping hopes", "hope"},
		{"en", "hop hopped hopping", "hop"},
		{"en", "give gives giving", "give"},
		{"en", "need needs needed", "need"},
		{"en", "agree agreed", "agre"},
		{"en", "plan plans planned planning", "plan"},
		{"en", "boundary boundaries", "boundari"},
		{"en", "fall falling", "fall"},
		{"fr", "ami amie amis amies", "ami"},
		{"fr", "cheval chevaux", "cheval"},
		{"fr", "belle belles", "bel"},
		{"es", "amigo amiga amigos amigas", "amig"},
		{"es", "padre padres", "padr"},
		{"es", "canción canciones", "cancion"},
		{"pt", "canção canções", "canca"},
		{"pt", "homem homens", "homem"},
		{"pt", "animal animais", "animal"},
		{"pt", "flor flores", "flor"},
		{"de", "Kind Kinder Kindern", "kind"},
		{"de", "Haus Häuser", "haus"},
		{"de", "Freund Freunde Freunden", "freund"},
		{"", "receiving", "receiving"},
		{"en", "the was bus", ""}, // short words stay as they are (checked below)
	}
	for _, tt := range tests {
		for _, w := range strings.Fields(tt.words) {
			f := Fold(w)
			got := Stem(tt.stemmer, f)
			want := tt.stem
			if want == "" {
				want = f
			}
			if got != want {
				t.Errorf("Stem(%q, %q) = %q, want %q", tt.stemmer, f, got, want)
			}
		}
	}
	if got := Stem("en", "naïve"); got != "naïve" {
		t.Errorf("a word outside a-z is not stemmed, got %q", got)
	}
}

func TestStemmer(t *testing.T) {
	for lang, want := range map[string]string{"en": "en", "en-GB": "en", "pt_BR": "pt", "DE": "de", "it": "", "": "", "zh-Hans": ""} {
		if got := Stemmer(lang); got != want {
			t.Errorf("Stemmer(%q) = %q, want %q", lang, got, want)
		}
	}
}

// FuzzTokenize: words are never empty, are folded, fit maxWord and are
// valid UTF-8; tokenizing is deterministic.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"Café don't l'amour", "日本語", "x\u0301\u0301", "'''", "a’b’c", "\xff\xfe"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, elide bool) {
		a := words(s, elide)
		b := words(s, elide)
		if strings.Join(a, "\x00") != strings.Join(b, "\x00") {
			t.Fatalf("not deterministic: %q vs %q", a, b)
		}
		for _, w := range a {
			if w == "" || len(w) > maxWord || !utf8.ValidString(w) && utf8.ValidString(s) {
				t.Fatalf("bad word %q from %q", w, s)
			}
			if utf8.ValidString(w) && Fold(w) != w {
				t.Fatalf("word %q from %q is not folded (Fold gives %q)", w, s, Fold(w))
			}
		}
	})
}

func TestLowerRun(t *testing.T) {
	ref := func(b []byte) int {
		n := 0
		for n < len(b) && (b[n] >= 'a' && b[n] <= 'z' || b[n] >= '0' && b[n] <= '9') {
			n++
		}
		return n
	}
	tests := []struct {
		in   string
		want int
	}{
		{"abcdefgh", 8}, {"abc defg", 3}, {" abcdefg", 0}, {"a0z9`{/:", 4},
		{"Abcdefgh", 0}, {"abcDefgh", 3}, {"ab\xc3\xa9cdef", 2}, {"abcdefg'", 7},
	}
	for _, tt := range tests {
		if got := lowerRun(binary.LittleEndian.Uint64([]byte(tt.in))); got != tt.want {
			t.Errorf("lowerRun(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	// Every byte value at every place after a run of letters.
	for c := range 256 {
		for at := range 8 {
			b := []byte("qwertyui")
			b[at] = byte(c)
			if got, want := lowerRun(binary.LittleEndian.Uint64(b)), ref(b); got != want {
				t.Fatalf("lowerRun(%q) = %d, want %d", b, got, want)
			}
		}
	}
}
