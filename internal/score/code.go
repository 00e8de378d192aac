package score

// A share code carries one person's answers to a worksheet inside a link
// (see the package doc, "Share codes"). Everything here works on bytes and
// integers: no fmt, no encoding packages, so the WebAssembly module stays
// small.

// alphabet is the URL-safe base64 alphabet of RFC 4648 ("base64url"): no
// character of a code needs escaping in a URL.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// CodeVersion is the first character of every share code of this format.
const CodeVersion = '1'

// The parts of a code around its items, in characters.
const (
	tagLen = 2 // 12 bits of a hash of the worksheet's slug
	// FingerprintLen is the length of Fingerprint's result.
	FingerprintLen = 7 // 42 bits
	sumLen         = 6 // 36 bits of a hash of everything before it
	// CodeOverhead is the length of a code of a model without items:
	// version, worksheet tag, fingerprint and checksum.
	CodeOverhead = 1 + tagLen + FingerprintLen + sumLen
)

// MaxCodeOptions is the most options with a value an item's scale may
// have for the item to fit in a code: with "unanswered" and "does not
// apply", two characters hold 64 × 64 states.
const MaxCodeOptions = 64*64 - 2

// CodeProblem says why DecodeCode refused a code, in a word a page can key
// its sentence on.
type CodeProblem string

// The ways a code can be refused.
const (
	// NotACode: empty, a character outside the alphabet, or no version.
	NotACode CodeProblem = "not-a-code"
	// NewerCode: a version of the format this code does not read.
	NewerCode CodeProblem = "newer"
	// Truncated: shorter than the code of this worksheet, with the right
	// start: cut off when it was copied.
	Truncated CodeProblem = "truncated"
	// Altered: the checksum does not match, or numbers that no answer of
	// this worksheet gives.
	Altered CodeProblem = "altered"
	// OtherWorksheet: an intact code made for a worksheet with another slug.
	OtherWorksheet CodeProblem = "other-worksheet"
	// OtherVersion: an intact code made for this worksheet when its scored
	// questions or their scales were different.
	OtherVersion CodeProblem = "other-version"
)

// CodeError is the error DecodeCode returns for a code it refuses.
type CodeError struct{ Problem CodeProblem }

func (e *CodeError) Error() string { return "score: share code refused: " + string(e.Problem) }

func refuse(p CodeProblem) error { return &CodeError{Problem: p} }

// fnv1a is the 64-bit FNV-1a hash of s.
func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// appendBits appends the low 6·n bits of x as n characters, high first.
func appendBits(b []byte, x uint64, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, alphabet[(x>>(6*uint(i)))&63])
	}
	return b
}

// digit is the value of an alphabet character, or -1.
func digit(c byte) int {
	switch {
	case 'A' <= c && c <= 'Z':
		return int(c - 'A')
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 26
	case '0' <= c && c <= '9':
		return int(c-'0') + 52
	case c == '-':
		return 62
	case c == '_':
		return 63
	}
	return -1
}

// Fingerprint is the worksheet's scoring fingerprint: 7 characters of the
// code alphabet standing for its scored items in order (keys, sides,
// checklists, scales: option values and "does not apply") and the wording
// of their questions (Model.Wording). Weights, areas, alerts, reverse and
// bands are left out: they change how answers score, not what an answer
// means. Two models with the same fingerprint read each other's codes.
func Fingerprint(m *Model) string {
	var b []byte
	b = append(b, "mutual score fingerprint 1\n"...)
	if m != nil {
		for i := range m.Items {
			it := &m.Items[i]
			b = append(b, it.Key...)
			b = append(b, 0)
			b = append(b, it.Side...)
			b = append(b, 0)
			b = append(b, it.Checklist...)
			b = append(b, 0)
			if it.NA {
				b = append(b, "na"...)
			}
			b = append(b, 0)
			if it.consecutive() {
				b = appendInt(b, it.Min)
				b = append(b, ".."...)
				b = appendInt(b, it.Max)
			} else {
				for _, v := range it.Values {
					b = appendInt(b, v)
					b = append(b, ',')
				}
			}
			b = append(b, '\n')
		}
		b = append(b, "wording "...)
		b = append(b, m.Wording...)
	}
	return string(appendBits(nil, fnv1a(string(b)), FingerprintLen))
}

// consecutive reports whether the item's options are every whole number
// from Min to Max, upwards (Values nil, or written out that way).
func (it *Item) consecutive() bool {
	if len(it.Values) == 0 {
		return true
	}
	for i, v := range it.Values {
		if int64(v) != int64(it.Min)+int64(i) {
			return false
		}
	}
	return it.Values[len(it.Values)-1] == it.Max
}

// options is the number of options with a value the item offers, or -1
// when that is more than MaxCodeOptions. Call it on a valid item.
func (it *Item) options() int {
	if len(it.Values) > 0 {
		if len(it.Values) > MaxCodeOptions {
			return -1
		}
		return len(it.Values)
	}
	if n := int64(it.Max) - int64(it.Min) + 1; n > 0 && n <= MaxCodeOptions {
		return int(n)
	}
	return -1
}

// width is the number of characters an item with n options takes.
func width(n int) int {
	if n+2 <= 64 {
		return 1
	}
	return 2
}

// codeLength is the length of every code of m (valid), or -1 when an item
// has too many options for a code.
func codeLength(m *Model) int {
	n := CodeOverhead
	for i := range m.Items {
		o := m.Items[i].options()
		if o < 0 {
			return -1
		}
		n += width(o)
	}
	return n
}

// state is an item's number in a code: 0 unanswered, 1 "does not apply",
// 2 + i the i-th option (in Values order, or counting up from Min).
func (it *Item) state(a Answers, ticked map[string]bool) int {
	v, answered, na := it.answer(a, ticked)
	switch {
	case !answered:
		return 0
	case na:
		return 1
	case len(it.Values) == 0:
		return 2 + v - it.Min
	}
	for i, o := range it.Values {
		if o == v {
			return 2 + i
		}
	}
	return 0 // answer already checked v is one of Values
}

// EncodeCode returns the share code of answers a to the worksheet with
// slug worksheet and model m. Answers count as Compute counts them: an
// answer Compute ignores (outside the scale, unknown key) is unanswered in
// the code too, so the code scores exactly as a does. It fails only for a
// model that Validate refuses or whose scale has more than MaxCodeOptions
// options (package worksheet allows neither).
func EncodeCode(m *Model, worksheet string, a Answers) (string, error) {
	if err := m.Validate(); err != nil {
		return "", err
	}
	n := codeLength(m)
	if n < 0 {
		return "", errTooLong
	}
	b := make([]byte, 0, n)
	b = append(b, CodeVersion)
	b = appendBits(b, fnv1a(worksheet), tagLen)
	b = append(b, Fingerprint(m)...)
	ticked := tickedLists(m, a)
	for i := range m.Items {
		it := &m.Items[i]
		b = appendBits(b, uint64(it.state(a, ticked)), width(it.options()))
	}
	return string(appendBits(b, fnv1a(string(b)), sumLen)), nil
}

var errTooLong = errorString("score: a scale has more options than a share code holds")

type errorString string

func (e errorString) Error() string { return string(e) }

// DecodeCode reads a share code made by EncodeCode for the worksheet with
// slug worksheet and model m, and returns its answers: the value (or NA) of
// each answered scale item, 1 under each answered checklist's id and under
// each ticked box. A code it refuses gives a *CodeError saying why; a model
// that Validate refuses gives that error. Every code it accepts encodes
// back to itself: EncodeCode(m, worksheet, answers) == code.
func DecodeCode(m *Model, worksheet, code string) (Answers, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	if code == "" {
		return nil, refuse(NotACode)
	}
	for i := 0; i < len(code); i++ {
		if digit(code[i]) < 0 {
			return nil, refuse(NotACode)
		}
	}
	switch c := code[0]; {
	case c == CodeVersion:
	case '2' <= c && c <= '9':
		return nil, refuse(NewerCode)
	default:
		return nil, refuse(NotACode)
	}
	want := codeLength(m)
	if want < 0 {
		return nil, errTooLong
	}
	if len(code) < CodeOverhead {
		return nil, refuse(Truncated)
	}
	tag := string(appendBits(nil, fnv1a(worksheet), tagLen))
	fp := Fingerprint(m)
	sameStart := code[1:1+tagLen] == tag && code[1+tagLen:1+tagLen+FingerprintLen] == fp
	body, sum := code[:len(code)-sumLen], code[len(code)-sumLen:]
	if string(appendBits(nil, fnv1a(body), sumLen)) != sum {
		if sameStart && len(code) < want {
			return nil, refuse(Truncated)
		}
		return nil, refuse(Altered)
	}
	switch {
	case code[1:1+tagLen] != tag:
		return nil, refuse(OtherWorksheet)
	case code[1+tagLen:1+tagLen+FingerprintLen] != fp:
		return nil, refuse(OtherVersion)
	case len(code) != want:
		return nil, refuse(Altered)
	}
	a := Answers{}
	answered := map[string]int{} // checklist -> 1 answered, 2 not, 3 both (refused)
	pos := 1 + tagLen + FingerprintLen
	for i := range m.Items {
		it := &m.Items[i]
		o := it.options()
		s := 0
		for range width(o) {
			s = s<<6 | digit(code[pos])
			pos++
		}
		switch {
		case s == 1 && !it.NA, s >= 2+o:
			return nil, refuse(Altered)
		case it.Checklist != "":
			bit := 2
			if s >= 2 {
				bit = 1
				a[it.Checklist] = 1
				if s == 3 {
					a[it.Key] = 1
				}
			}
			answered[it.Checklist] |= bit
			if answered[it.Checklist] == 3 {
				return nil, refuse(Altered) // boxes of one checklist disagree
			}
		case s == 1:
			a[it.Key] = NA
		case s >= 2 && len(it.Values) > 0:
			a[it.Key] = it.Values[s-2]
		case s >= 2:
			a[it.Key] = it.Min + s - 2
		}
	}
	return a, nil
}

// tickedLists returns the checklists with a ticked box of the model.
func tickedLists(m *Model, a Answers) map[string]bool {
	ticked := map[string]bool{}
	for i := range m.Items {
		if it := &m.Items[i]; it.Checklist != "" && it.valid() && a[it.Key] == 1 {
			ticked[it.Checklist] = true
		}
	}
	return ticked
}

// appendInt appends v in decimal (strconv would grow the WebAssembly module).
func appendInt(b []byte, v int) []byte {
	x := uint64(v)
	if v < 0 {
		b = append(b, '-')
		x = -x
	}
	var d [20]byte
	i := len(d)
	for {
		i--
		d[i] = byte('0' + x%10)
		x /= 10
		if x == 0 {
			break
		}
	}
	return append(b, d[i:]...)
}
