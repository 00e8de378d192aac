package search

import "strings"

// Stemming: a light stemmer for each interface language mutual ships (en,
// de, es, fr, pt), chosen by the primary subtag of the documents' language
// ("en-GB" -> en); any other language is indexed without stemming (folding
// only). The stemmers strip inflections (plural, gender, verb endings in
// English), never derivations, so they rarely join unrelated words; they
// run on folded words and leave alone words with a character outside a-z
// or shorter than 4 letters. search.js carries the same rules; the Node
// test compares the two on every word of the test corpora.
//
//   - en: steps 1a, 1b, 1c and 5 of Porter's algorithm: plurals,
//     -ed/-ing with the e and double consonants they change, final -y and
//     -e ("receiving", "received", "receives" -> "receiv"; "stories",
//     "story" -> "stori").
//   - fr: plural -s/-x ("-aux" -> "-al"), then up to two final -e, then a
//     doubled final consonant ("amies", "amis", "amie" -> "ami"; "belles"
//     -> "bel").
//   - es: plural -s, then one final -a, -o or -e ("amigas" -> "amig").
//   - pt: nasal plurals ("-ões", "-ães", "-ãos" -> "-ao"), "-ns" -> "-m",
//     "-ais/-eis/-ois/-uis" -> "-al/-el/-ol/-ul", else plural -s; then one
//     final -a, -o or -e.
//   - de: one of -ern, -em, -en, -er, -es, -e, or -s after a consonant that
//     takes it; then one of -est, -er, -en, or -st after such a consonant
//     ("Kindern" -> "kind", "Häuser" -> "haus").

// Stemmer names the stemmer used for a language tag: "en", "de", "es",
// "fr", "pt", or "" for none.
func Stemmer(lang string) string {
	base, _, _ := strings.Cut(strings.ToLower(lang), "-")
	base, _, _ = strings.Cut(base, "_")
	switch base {
	case "en", "de", "es", "fr", "pt":
		return base
	}
	return ""
}

// stemFunc returns the stemmer for a Stemmer name; it returns its input
// when it does not apply.
func stemFunc(name string) func(string) string {
	var f func(string) string
	switch name {
	case "en":
		f = stemEN
	case "de":
		f = stemDE
	case "es":
		f = stemES
	case "fr":
		f = stemFR
	case "pt":
		f = stemPT
	default:
		return func(w string) string { return w }
	}
	return func(w string) string {
		if len(w) < 4 || !isAZ(w) {
			return w
		}
		return f(w)
	}
}

// Stem returns the stem of a folded word for the named stemmer.
func Stem(stemmer, word string) string { return stemFunc(stemmer)(word) }

func isAZ(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// ---------- English (Porter, inflectional steps) ----------

// cons reports whether w[i] is a consonant in Porter's sense: not a vowel,
// and y only after a vowel (or at the start).
func cons(w string, i int) bool {
	switch w[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !cons(w, i-1)
	}
	return true
}

// measure is Porter's m: the number of vowel-consonant sequences in w.
func measure(w string) int {
	m, i, n := 0, 0, len(w)
	for i < n && cons(w, i) {
		i++
	}
	for i < n {
		for i < n && !cons(w, i) {
			i++
		}
		if i == n {
			break
		}
		for i < n && cons(w, i) {
			i++
		}
		m++
	}
	return m
}

func hasVowel(w string) bool {
	for i := range len(w) {
		if !cons(w, i) {
			return true
		}
	}
	return false
}

// doubleCons: w ends with two equal consonants.
func doubleCons(w string) bool {
	n := len(w)
	return n >= 2 && w[n-1] == w[n-2] && cons(w, n-1)
}

// cvc: w ends consonant-vowel-consonant, the last not w, x or y.
func cvc(w string) bool {
	n := len(w)
	if n < 3 || !cons(w, n-1) || cons(w, n-2) || !cons(w, n-3) {
		return false
	}
	c := w[n-1]
	return c != 'w' && c != 'x' && c != 'y'
}

func stemEN(w string) string {
	// 1a: plurals.
	switch {
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ies"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ss"):
	case strings.HasSuffix(w, "s"):
		w = w[:len(w)-1]
	}
	// 1b: -eed, -ed, -ing.
	if strings.HasSuffix(w, "eed") {
		if measure(w[:len(w)-3]) > 0 {
			w = w[:len(w)-1]
		}
	} else {
		cut := ""
		for _, suf := range [...]string{"ed", "ing"} {
			if strings.HasSuffix(w, suf) && hasVowel(w[:len(w)-len(suf)]) {
				cut = suf
			}
		}
		if cut != "" {
			w = w[:len(w)-len(cut)]
			switch {
			case strings.HasSuffix(w, "at"), strings.HasSuffix(w, "bl"), strings.HasSuffix(w, "iz"):
				w += "e"
			case doubleCons(w) && !strings.ContainsRune("lsz", rune(w[len(w)-1])):
				w = w[:len(w)-1]
			case measure(w) == 1 && cvc(w):
				w += "e"
			}
		}
	}
	// 1c: final y after a vowel-bearing stem.
	if strings.HasSuffix(w, "y") && hasVowel(w[:len(w)-1]) {
		w = w[:len(w)-1] + "i"
	}
	// 5a: final e.
	if strings.HasSuffix(w, "e") {
		s := w[:len(w)-1]
		if m := measure(s); m > 1 || m == 1 && !cvc(s) {
			w = s
		}
	}
	// 5b: -ll.
	if strings.HasSuffix(w, "ll") && measure(w) > 1 {
		w = w[:len(w)-1]
	}
	return w
}

// ---------- French ----------

func stemFR(w string) string {
	if len(w) >= 4 {
		switch {
		case strings.HasSuffix(w, "aux"):
			w = w[:len(w)-3] + "al"
		case strings.HasSuffix(w, "x"), strings.HasSuffix(w, "s"):
			w = w[:len(w)-1]
		}
	}
	for k := 0; k < 2 && len(w) >= 4 && strings.HasSuffix(w, "e"); k++ {
		w = w[:len(w)-1]
	}
	if n := len(w); n >= 4 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouy", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

// ---------- Spanish ----------

func stemES(w string) string {
	if len(w) >= 5 && strings.HasSuffix(w, "s") {
		w = w[:len(w)-1]
	}
	return dropVowel(w)
}

// dropVowel drops one final a, o or e from a word of 5 letters or more.
func dropVowel(w string) string {
	if n := len(w); n >= 5 && strings.ContainsRune("aoe", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// ---------- Portuguese ----------

func stemPT(w string) string {
	if len(w) >= 5 {
		n := len(w)
		switch {
		case strings.HasSuffix(w, "oes"), strings.HasSuffix(w, "aes"), strings.HasSuffix(w, "aos"):
			w = w[:n-3] + "ao"
		case strings.HasSuffix(w, "ns"):
			w = w[:n-2] + "m"
		case strings.HasSuffix(w, "ais"), strings.HasSuffix(w, "eis"), strings.HasSuffix(w, "ois"), strings.HasSuffix(w, "uis"):
			w = w[:n-2] + "l"
		case strings.HasSuffix(w, "s"):
			w = w[:n-1]
		}
	}
	return dropVowel(w)
}

// ---------- German ----------

// sEnding: the consonants after which German drops a final -s (or -st).
func sEnding(c byte, st bool) bool {
	if st {
		return strings.IndexByte("bdfghklmnt", c) >= 0
	}
	return strings.IndexByte("bdfghklmnrt", c) >= 0
}

func stemDE(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ern"):
		w = w[:n-3]
	case n > 4 && (strings.HasSuffix(w, "em") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "es")):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "e"):
		w = w[:n-1]
	case n > 3 && strings.HasSuffix(w, "s") && sEnding(w[n-2], false):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "est"):
		w = w[:n-3]
	case n > 4 && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "en")):
		w = w[:n-2]
	case n > 5 && strings.HasSuffix(w, "st") && sEnding(w[n-3], true):
		w = w[:n-2]
	}
	return w
}
