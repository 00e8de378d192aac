package serve

import (
	"bufio"
	"io/fs"
	"net/netip"
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

// FuzzEventRoundTrip: whatever the data (file names may hold CR, LF and
// any other byte), an event is one message of exactly two fields, read back
// by a browser's rules (a line ends at CR, LF or CR LF) as the same event.
func FuzzEventRoundTrip(f *testing.F) {
	f.Add(0, "content/a.md:1:1: missing title\ncontent/b.md:2:3: broken link \"x\"")
	f.Add(1, "18eb5d92f4a4f326-1")
	f.Add(2, "")
	f.Add(0, "content/x\revent: reload\r\r.md:1:1: missing title")
	f.Add(3, "\r\n\r\ndata: x\u2028\x00\xff")
	names := []string{evError, evNone, evOK, evReload, evCSS, evWarn}
	f.Fuzz(func(t *testing.T, which int, data string) {
		name := names[uint(which)%uint(len(names))]
		var sent any = data
		if name == evError || name == evNone || name == evWarn {
			sent = strings.Split(data, "\n")
		}
		var b strings.Builder
		event{name, sent}.write(&b)
		msg := b.String()
		body, ok := strings.CutSuffix(msg, "\n\n")
		if !ok || strings.Count(body, "\n") != 1 || strings.ContainsRune(body, '\r') {
			t.Fatalf("message %q is not two lines ended by one blank line", msg)
		}
		r := bufio.NewReader(strings.NewReader(msg))
		var lines []string
		for {
			line, err := readSSELine(r)
			if err != nil {
				break
			}
			lines = append(lines, line)
		}
		if len(lines) != 3 || lines[2] != "" || lines[0] != "event: "+name || !strings.HasPrefix(lines[1], "data: ") {
			t.Fatalf("message %q reads as lines %q", msg, lines)
		}
		got := decodeData(t, name, strings.TrimPrefix(lines[1], "data: "))
		want := string([]rune(data)) // JSON carries text: each invalid byte becomes U+FFFD
		if got != want {
			t.Fatalf("round trip of %s %q gave %q", name, data, got)
		}
	})
}

// FuzzHostPolicy: whatever the Host header, the server answers it only for
// an IP address, localhost or a name below it, or an allowed name; and a
// name ParseAllowHost accepts reads back the same when parsed again.
func FuzzHostPolicy(f *testing.F) {
	for _, s := range []string{
		"127.0.0.1:1313", "[::1]:1313", "localhost", "a.localhost.", "laptop.local:80", "x.dev.example",
		"evil.example", "127.0.0.1:1313@evil.example", "[fe80::1%25en0]:1", "localhost:", "LOCALHOST:1",
		"evillocalhost", "0x7f.1", "::1", "[::1", ".dev.example", "*.x",
	} {
		f.Add(s)
	}
	p := newHostPolicy([]string{"laptop.local", ".dev.example"})
	f.Fuzz(func(t *testing.T, hostport string) {
		if p.allows(hostport) {
			host, ok := splitHost(hostport)
			_, ipErr := netip.ParseAddr(host)
			named := host == "laptop.local" || host == "dev.example" || strings.HasSuffix(host, ".dev.example") ||
				host == "localhost" || strings.HasSuffix(host, ".localhost")
			if !ok || ipErr != nil && !named {
				t.Fatalf("answered Host %q (host %q)", hostport, host)
			}
			if ipErr != nil && !validName(strings.TrimPrefix(host, ".")) {
				t.Fatalf("answered Host %q, whose name %q is not a DNS name", hostport, host)
			}
		}
		if n, err := ParseAllowHost(hostport); err == nil {
			if again, err := ParseAllowHost(n); err != nil || again != n {
				t.Fatalf("ParseAllowHost(%q) = %q, which parses as %q, %v", hostport, n, again, err)
			}
		}
	})
}
