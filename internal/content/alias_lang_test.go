package content

import (
	"strings"
	"testing"
)

// TestAliasInLanguage: an alias of a page in a language other than the
// default answers under the language's folder, once.
func TestAliasInLanguage(t *testing.T) {
	tests := []struct{ written, prefix, want string }{
		{"/old/", "", "old/"},
		{"/old/", "es/", "es/old/"},
		{"/old.html", "es/", "es/old.html"},
		{"/es/old/", "es/", "es/old/"},
		{"/ES/old/", "es/", "es/old/"},
		{"/pt-BR/old/", "pt-br/", "pt-br/old/"},
		{"/est/old/", "es/", "es/est/old/"},
		{"/es", "es/", "es/"},
		{"/es/old/", "", "es/old/"},
	}
	for _, tt := range tests {
		u, msg := aliasURL(tt.written)
		if msg != "" {
			t.Fatalf("%q: %s", tt.written, msg)
		}
		if got := inLanguage(u, tt.prefix); got != tt.want {
			t.Errorf("alias %q in %q = %q, want %q", tt.written, tt.prefix, got, tt.want)
		}
	}
}

// TestPageAlias: an alias with a leading "/" is a site path, under the
// page's language folder; one without is read from the folder of the
// page's address, as Hugo reads it (its renderAliases joins the alias to
// the page's address and ".."): in any language, for any kind of page.
func TestPageAlias(t *testing.T) {
	tests := []struct{ written, page, prefix, want, err string }{
		{"/old/", "guides/receiving/", "", "old/", ""},
		{"/old/", "es/guides/receiving/", "es/", "es/old/", ""},
		{"old", "guides/receiving/", "", "guides/old/", ""},
		{"old/", "guides/receiving/", "", "guides/old/", ""},
		{"old.html", "guides/receiving/", "", "guides/old.html", ""},
		{"./old", "guides/receiving/", "", "guides/old/", ""},
		{"old/deeper", "guides/receiving/", "", "guides/old/deeper/", ""},
		{"../old", "guides/receiving/", "", "old/", ""},
		{"recibir", "es/guides/receiving/", "es/", "es/guides/recibir/", ""},
		{"../recibir", "es/guides/receiving/", "es/", "es/recibir/", ""},
		{"antes", "es/guides/recibir/", "es/", "es/guides/antes/", ""},
		{"who", "about/", "", "who/", ""},
		{"quien", "es/acerca/", "es/", "es/quien/", ""},
		{"old", "help/contact.html", "", "help/old/", ""},
		{"welcome", "", "", "welcome/", ""},
		{"bienvenida", "es/", "es/", "bienvenida/", ""},
		{"../old", "about/", "", "", "climbs above the site's root"},
		{"../../old", "guides/receiving/", "", "", "climbs above the site's root"},
		{"..", "guides/receiving/", "", "", "home page's address"},
		{".", "about/", "", "", "home page's address"},
		{"%2e%2e/old", "guides/receiving/", "", "", "is not a site path"},
		{"old?x=1", "guides/receiving/", "", "", "is not a site path"},
		{"http://example.org/old", "guides/receiving/", "", "", "is not a site path"},
		{".git/x", "guides/receiving/", "", "", "starts with \".\""},
		{"old//x", "guides/receiving/", "", "guides/old/x/", ""},
	}
	for _, tt := range tests {
		u, msg := pageAlias(tt.written, tt.page, tt.prefix)
		if u != tt.want || (tt.err == "") != (msg == "") || !strings.Contains(msg, tt.err) {
			t.Errorf("alias %q of /%s: %q %q, want %q %q", tt.written, tt.page, u, msg, tt.want, tt.err)
		}
	}
}
