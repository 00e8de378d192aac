package content

import "strings"

// PathEscape percent-encodes a path of the site for a URL: every byte but
// RFC 3986's unreserved ones, its sub-delimiters, ":", "@" and "/", so that
// a file name with "#", "?", "%", a space or letters outside ASCII gives
// a link that leads to it (lower-case hex, as html/template writes). A
// path with nothing to encode is returned as it is. Every URL of the model
// (Node.Href) and every link Resolve writes goes through it.
func PathEscape(s string) string {
	return PercentEncode(s, func(i int) bool {
		c := s[i]
		return Unreserved(c) || c == '/' || strings.IndexByte("!$&'()*+,;=:@", c) >= 0
	})
}

// Unreserved is RFC 3986's unreserved set: letters, digits and "-._~".
func Unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~'
}

// PercentEncode writes each byte s[i] that keep(i) refuses as %xx in
// lower-case hex, as html/template does, and returns s itself when it
// refuses none.
func PercentEncode(s string, keep func(i int) bool) string {
	const hex = "0123456789abcdef"
	var b []byte
	for i := 0; i < len(s); i++ {
		if keep(i) {
			if b != nil {
				b = append(b, s[i])
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(s)+8), s[:i]...)
		}
		b = append(b, '%', hex[s[i]>>4], hex[s[i]&15])
	}
	if b == nil {
		return s
	}
	return string(b)
}
