package serve

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"

	"mutual/internal/site"
)

// The server's defences, in the order a request meets them: a cap on open
// connections (limitConns), the security headers and the Host check
// (guard), then the cap on event streams (broker) and the path checks of
// the files handler (files.go).

// securityHeaders go on every response the handler writes, error pages,
// redirects and the event stream included: the pages' own Content Security
// Policy (so files without a meta tag are covered too, and the live reload
// script is held to the same rules as the site), plus what only a header
// can say. Nothing of the preview may be framed by another page, opened
// into a window another site can script, read by another site's
// subresource request, or named in a Referer. guard adds
// Cross-Origin-Opener-Policy where browsers obey it.
var securityHeaders = [...][2]string{
	{"Content-Security-Policy", site.ContentSecurityPolicy + frameAncestors},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "no-referrer"},
	{"Cross-Origin-Resource-Policy", "same-origin"},
	{"X-Content-Type-Options", "nosniff"},
	{"Cache-Control", "no-store"},
}

const frameAncestors = "; frame-ancestors 'none'"

// guard sets the security headers and refuses requests for a host the
// server does not answer to, before h sees them. csp, when not "", is the
// site's own policy (site.PolicyFor), in place of the default one.
func guard(h http.Handler, hosts hostPolicy, csp string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		for _, kv := range securityHeaders {
			hd[kv[0]] = []string{kv[1]}
		}
		if csp != "" {
			hd["Content-Security-Policy"] = []string{csp + frameAncestors}
		}
		if trustworthy(r.Host) {
			// Browsers obey this header only on a secure context, and log
			// an error for it anywhere else (a phone on
			// http://192.168.1.20:1313/, an --allow-host name).
			hd["Cross-Origin-Opener-Policy"] = []string{"same-origin"}
		}
		if !hosts.allows(r.Host) {
			refuseHost(w, r.Host)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// hostPolicy is the defence against DNS rebinding. A page on any web site
// can point its own name at 127.0.0.1 once the browser has loaded it, and
// then read, as its own origin, whatever answers there: drafts, error
// messages with file paths. Such requests carry the page's name in their
// Host header, so the server answers only names that cannot belong to
// someone else: localhost and the names below it (browsers resolve those
// themselves, never through DNS), IP addresses (no name to rebind), and the
// names the person running the server gave (--allow-host, the --bind name,
// the --base-url host).
type hostPolicy struct {
	names   map[string]bool // exact names, normalised by ParseAllowHost
	domains []string        // ".example.test": the domain and every name below it
}

func newHostPolicy(allow []string) hostPolicy {
	p := hostPolicy{names: map[string]bool{}}
	for _, a := range allow {
		n, err := ParseAllowHost(a)
		if err != nil {
			continue // the caller checks its names with ParseAllowHost first
		}
		if strings.HasPrefix(n, ".") {
			p.domains = append(p.domains, n)
		} else {
			p.names[n] = true
		}
	}
	return p
}

// allows reports whether the server answers a request whose Host header
// (or absolute target) is hostport.
func (p hostPolicy) allows(hostport string) bool {
	host, ok := splitHost(hostport)
	if !ok {
		return false
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return true
	}
	if !validName(host) {
		return false // "a b.localhost", "x..dev.example": no name a browser sends
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || p.names[host] {
		return true
	}
	for _, d := range p.domains {
		if host == d[1:] || strings.HasSuffix(host, d) {
			return true
		}
	}
	return false
}

// trustworthy reports whether a browser treats http://hostport as a secure
// context: localhost, the names below it, and loopback addresses.
func trustworthy(hostport string) bool {
	host, ok := splitHost(hostport)
	if !ok {
		return false
	}
	if a, err := netip.ParseAddr(host); err == nil {
		return a.IsLoopback()
	}
	return host == "localhost" || strings.HasSuffix(host, ".localhost")
}

// splitHost takes the host out of a Host header value ("name",
// "name:port", "[::1]:port"), lowercased and without a trailing dot. ok is
// false for anything else: a port that is not a number, an IPv6 address
// without brackets or with a zone.
func splitHost(hostport string) (host string, ok bool) {
	host, port := hostport, ""
	bracketed := strings.HasPrefix(hostport, "[")
	if bracketed {
		end := strings.IndexByte(hostport, ']')
		if end < 0 {
			return "", false
		}
		host, port = hostport[1:end], hostport[end+1:]
	} else if i := strings.LastIndexByte(hostport, ':'); i >= 0 {
		host, port = hostport[:i], hostport[i:]
	}
	if port != "" && (port[0] != ':' || !isDigits(port[1:])) {
		return "", false
	}
	if bracketed {
		a, err := netip.ParseAddr(host)
		if err != nil || !a.Is6() || a.Zone() != "" {
			return "", false
		}
		return a.String(), true
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	return host, host != "" && !strings.Contains(host, ":")
}

// ParseAllowHost checks and normalises a name for Options.AllowHosts (the
// --allow-host flag): lowercase, without a trailing dot. A name that
// starts with a dot, ".example.test", allows that domain and every name
// below it. IP addresses and localhost are accepted, though always
// allowed anyway.
func ParseAllowHost(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return "", fmt.Errorf("empty host name")
	case strings.HasPrefix(s, "*."):
		return "", fmt.Errorf("%q: write %q to allow a domain and every name below it", s, s[1:])
	}
	if ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")); err == nil && ip.Zone() == "" {
		return ip.String(), nil
	}
	if h, port, err := net.SplitHostPort(s); err == nil && isDigits(port) {
		return "", fmt.Errorf("%q: give the name without a port (%s)", s, h)
	}
	name, domain := strings.CutPrefix(s, ".")
	name = strings.TrimSuffix(name, ".")
	if !validName(name) {
		return "", fmt.Errorf("%q is not a host name (such as laptop.local, or .example.test for that domain and every name below it)", s)
	}
	if domain {
		return "." + name, nil
	}
	return name, nil
}

// validName reports whether s is a DNS name: dot-separated labels of 1 to
// 63 letters, digits, hyphens (not at either end) and underscores, 253
// characters at most.
func validName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for label := range strings.SplitSeq(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return false
			}
		}
	}
	return true
}

// refuseHost answers a request for a host the server does not serve: 403,
// with a few plain words saying why and how to allow a name of one's own.
func refuseHost(w http.ResponseWriter, hostport string) {
	host, _ := splitHost(hostport)
	shown := hostport
	if len(shown) > 80 {
		shown = shown[:80] + "..."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Forbidden: this preview answers only to localhost, IP addresses and the names given to mutual serve with --allow-host; it was asked for as %q.\n", shown)
	b.WriteString("This keeps other web sites from reading the preview by pointing a name of theirs at this computer (DNS rebinding).\n")
	if n, err := ParseAllowHost(host); err == nil {
		fmt.Fprintf(&b, "If %s is a name of yours for this computer, start mutual serve with --allow-host %s\n", n, n)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	w.Write([]byte(b.String()))
}

// MaxConns is how many connections the server keeps open at once; one
// more is closed as soon as it is accepted. A browser opens at most six to
// one address, so this is room for dozens of browsers and devices, and it
// keeps a flood of connections from using up the file descriptors a
// rebuild needs.
const MaxConns = 256

// limitConns wraps ln so that at most max of its connections are open at
// once; onFull is called when a connection is refused, once until a slot
// frees up again.
func limitConns(ln net.Listener, max int, onFull func()) net.Listener {
	return &connLimit{Listener: ln, slots: make(chan struct{}, max), onFull: onFull}
}

type connLimit struct {
	net.Listener
	slots  chan struct{}
	onFull func()

	mu   sync.Mutex
	full bool // refused since the last slot freed up
}

func (l *connLimit) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		select {
		case l.slots <- struct{}{}:
			return &limitedConn{Conn: c, l: l}, nil
		default:
			c.Close()
			l.mu.Lock()
			first := !l.full
			l.full = true
			l.mu.Unlock()
			if first && l.onFull != nil {
				l.onFull()
			}
		}
	}
}

func (l *connLimit) release() {
	<-l.slots
	l.mu.Lock()
	l.full = false
	l.mu.Unlock()
}

type limitedConn struct {
	net.Conn
	l    *connLimit
	once sync.Once
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.l.release)
	return err
}

// ReadFrom keeps the kernel's file-to-socket copy (sendfile) that
// http.ServeContent uses when the connection supports it.
func (c *limitedConn) ReadFrom(r io.Reader) (int64, error) { return io.Copy(c.Conn, r) }
