package content

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// A baseURL may name its host in any script (https://bücher.example/), but
// every address the site writes (the sitemap, the feed, canonical links,
// printed links) must be ASCII: browsers and crawlers know such a host as
// its IDNA form, each label beyond ASCII written "xn--" and its Punycode
// (RFC 3492), https://xn--bcher-kva.example/. asciiHost makes that form
// with punycode below, written here since golang.org/x/net/idna is not
// among the project's modules.
//
// Of IDNA's mapping (UTS 46) it does what a name copied from a document or
// typed on a phone needs: a label is lowercased, as browsers do, its
// letters composed (NFC: a "ü" saved as "u" and a combining mark, as macOS
// writes names, is the "ü" of the same name typed elsewhere) and the
// full-width forms of ASCII that East Asian keyboards type ("ｂüｃｈｅｒ",
// the ideographic full stops) read as ASCII. It does not map the rest of
// Unicode's compatibility characters or check a label's characters against
// IDNA's list of those a name may hold: write the name in its usual form.

// Punycode's parameters (RFC 3492, section 5).
const (
	pcBase        = 36
	pcTMin        = 1
	pcTMax        = 26
	pcSkew        = 38
	pcDamp        = 700
	pcInitialBias = 72
	pcInitialN    = 128
	pcMaxInt      = 1<<31 - 1 // the RFC's integers: wider inputs overflow
)

// errPunycodeOverflow is punycode's failure on an input too long to encode
// (RFC 3492, section 6.4); no host label comes near it.
var errPunycodeOverflow = errors.New("too long to encode")

// punycode encodes s by RFC 3492's algorithm (section 6.3): its ASCII
// characters in order, then "-" when there were any, then the others as
// base-36 deltas in lower-case letters and digits. Invalid UTF-8 is
// encoded as U+FFFD. "bücher" is "bcher-kva".
func punycode(s string) (string, error) {
	var runes []rune
	out := make([]byte, 0, len(s)+8)
	for _, r := range s {
		runes = append(runes, r)
		if r < 0x80 {
			out = append(out, byte(r))
		}
	}
	b := int64(len(out))
	h := b
	if b > 0 {
		out = append(out, '-')
	}
	n, delta, bias := int64(pcInitialN), int64(0), int64(pcInitialBias)
	for h < int64(len(runes)) {
		m := int64(utf8.MaxRune) + 1
		for _, r := range runes {
			if int64(r) >= n && int64(r) < m {
				m = int64(r)
			}
		}
		delta += (m - n) * (h + 1)
		if delta > pcMaxInt {
			return "", errPunycodeOverflow
		}
		n = m
		for _, r := range runes {
			if int64(r) < n {
				if delta++; delta > pcMaxInt {
					return "", errPunycodeOverflow
				}
				continue
			}
			if int64(r) > n {
				continue
			}
			q := delta
			for k := int64(pcBase); ; k += pcBase {
				t := k - bias
				if t < pcTMin {
					t = pcTMin
				} else if t > pcTMax {
					t = pcTMax
				}
				if q < t {
					break
				}
				out = append(out, pcDigit(t+(q-t)%(pcBase-t)))
				q = (q - t) / (pcBase - t)
			}
			out = append(out, pcDigit(q))
			bias = pcAdapt(delta, h+1, h == b)
			delta = 0
			h++
		}
		delta++
		n++
	}
	return string(out), nil
}

// pcDigit is the basic code point of digit d: a-z for 0-25, 0-9 for 26-35.
func pcDigit(d int64) byte {
	if d < 26 {
		return byte('a' + d)
	}
	return byte('0' + d - 26)
}

// pcAdapt is the bias adaptation of RFC 3492, section 6.1.
func pcAdapt(delta, points int64, first bool) int64 {
	if first {
		delta /= pcDamp
	} else {
		delta /= 2
	}
	delta += delta / points
	k := int64(0)
	for delta > (pcBase-pcTMin)*pcTMax/2 {
		delta /= pcBase - pcTMin
		k += pcBase
	}
	return k + (pcBase-pcTMin+1)*delta/(delta+pcSkew)
}

// maxLabel is the most bytes a label of a host name may have (RFC 1035).
const maxLabel = 63

// asciiHost is host (a name, with ":port" or not) in its ASCII form: each
// label with characters beyond ASCII lowercased, composed and written
// "xn--" and its punycode; full-width ASCII reads as ASCII, and the
// ideographic full stops (。．｡) separate labels as "." does. A host
// already ASCII (a name, an IP address) is returned as it is.
// The error says, in words for site.yaml's writer, what cannot be encoded.
func asciiHost(host string) (string, error) {
	if isASCII(host) {
		return host, nil
	}
	host = strings.Map(narrow, strings.NewReplacer("\u3002", ".", "\uff61", ".").Replace(host))
	name, port := host, ""
	if i := strings.LastIndexByte(host, ':'); i >= 0 && allDigits(host[i+1:]) {
		name, port = host[:i], host[i:]
	}
	labels := strings.Split(name, ".")
	for i, l := range labels {
		if isASCII(l) {
			continue
		}
		// Each character is at least one of the encoding's: a label of more
		// cannot fit, and is not encoded (a long one would take long).
		var p string
		err := errPunycodeOverflow
		if utf8.RuneCountInString(l) <= maxLabel-len("xn--") {
			p, err = punycode(nfc(strings.ToLower(l)))
		}
		if err != nil || len("xn--")+len(p) > maxLabel {
			return "", errors.New("the part " + quote(l) + " of its host name is too long: a part may be at most 63 characters once written in ASCII (xn--...)")
		}
		labels[i] = "xn--" + p
	}
	return strings.Join(labels, ".") + port, nil
}

// narrow maps the full-width forms of ASCII's printable characters
// (U+FF01 to U+FF5E: "ｂ", "．", "：") to ASCII, as IDNA does; other
// characters are kept.
func narrow(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

// Origin is the origin scheme://host as browsers compare it: the scheme
// ("https" when empty, as for an address that starts with "//") and the
// host lowercased, a host name beyond ASCII in its xn-- form. A
// Content-Security-Policy names hosts in ASCII only (a source with other
// characters is ignored, and the images it was to let through are
// blocked), and a browser asks the xn-- name for an address written
// either way: so site.yaml's allowOrigins and the addresses the build
// checks against them are all compared in this form. A host that cannot
// be encoded is kept lowercased (it matches nothing a browser can load).
func Origin(scheme, host string) string {
	scheme = strings.ToLower(scheme)
	if scheme == "" {
		scheme = "https"
	}
	host = strings.ToLower(host)
	if a, err := asciiHost(host); err == nil {
		host = a
	}
	return scheme + "://" + host
}

// ShownOrigin is the origin of an address as a message names it: as the
// address writes it, lowercased (a host beyond ASCII as it reads, not in the
// xn-- form its author never wrote), with https for an address that starts
// with "//", as Origin. allowOrigins takes it as well as Origin's form.
func ShownOrigin(scheme, host string) string {
	scheme = strings.ToLower(scheme)
	if scheme == "" {
		scheme = "https"
	}
	return scheme + "://" + strings.ToLower(host)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
