package content

import "testing"

// TestAliasInLanguage: an alias of a page in a language other than the
// default answers under the language's folder, once.
func TestAliasInLanguage(t *testing.T) {
	tests := []struct{ written, prefix, want string }{
		{"/old/", "", "old/"},
		{"/old/", "es/", "es/old/"},
		{"old", "es/", "es/old/"},
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
