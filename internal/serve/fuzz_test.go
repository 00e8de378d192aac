package serve

import (
	"io/fs"
	"net/url"
	"path"
	"strings"
	"testing"
)

// FuzzCleanName: whatever the request path, a name that cleanName accepts
// is a valid fs path (so it cannot start with "/" or hold ".."), and paths
// with "..", backslashes or NUL are refused.
func FuzzCleanName(f *testing.F) {
	for _, s := range []string{
		"/", "/guides/x/", "/guides/x", "/a b/", "/../etc/passwd", "/%2e%2e/", "/..%2f..%2f",
		"/%00", "/a\\..\\b", "//evil.example/", "/./../x", "/css/main.3fa2.css",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		p := raw
		if u, err := url.Parse(raw); err == nil {
			p = u.Path // what the server hands the handler
		}
		name, err := cleanName(p)
		if err != nil {
			return
		}
		if !fs.ValidPath(name) {
			t.Fatalf("cleanName(%q) = %q, not a valid fs path", p, name)
		}
		if strings.ContainsAny(p, "\\\x00") {
			t.Fatalf("cleanName(%q) accepted a backslash or NUL", p)
		}
		for seg := range strings.SplitSeq(p, "/") {
			if seg == ".." {
				t.Fatalf("cleanName(%q) accepted a .. segment", p)
			}
		}
		if name != "." && path.Clean("/"+name) != "/"+name {
			t.Fatalf("cleanName(%q) = %q, not clean", p, name)
		}
	})
}

// FuzzEventRoundTrip: an event written to the stream reads back the same
// (the browser splits fields on line ends and joins data lines with \n).
func FuzzEventRoundTrip(f *testing.F) {
	f.Add("error", "content/a.md:1:1: missing title\ncontent/b.md:2:3: broken link \"x\"")
	f.Add("ok", "18eb5d92f4a4f326-1")
	f.Add("reload", "")
	f.Fuzz(func(t *testing.T, name, data string) {
		if name == "" || strings.ContainsAny(name, "\r\n:") || strings.ContainsRune(data, '\r') {
			return // names are ours; build errors have no CR
		}
		var b strings.Builder
		event{name, data}.write(&b)
		msg := b.String()
		// Exactly one blank line, at the end: it ends the message. Data
		// lines are never blank, each carries a "data: " prefix.
		if !strings.HasSuffix(msg, "\n\n") || strings.Index(msg, "\n\n") != len(msg)-2 {
			t.Fatalf("message %q does not end at its only blank line", msg)
		}
		var got event
		var lines []string
		for line := range strings.SplitSeq(strings.TrimSuffix(msg, "\n\n"), "\n") {
			field, value, _ := strings.Cut(line, ":")
			value = strings.TrimPrefix(value, " ")
			switch field {
			case "event":
				got.name = value
			case "data":
				lines = append(lines, value)
			default:
				t.Fatalf("unexpected line %q in %q", line, msg)
			}
		}
		got.data = strings.Join(lines, "\n")
		if got != (event{name, data}) {
			t.Fatalf("round trip of %q %q gave %q %q", name, data, got.name, got.data)
		}
	})
}
