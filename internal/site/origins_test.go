package site

import (
	"slices"
	"strings"
	"testing"

	"mutual/internal/content"
	"mutual/internal/render"
)

func TestImageCheck(t *testing.T) {
	cfg, errs := content.ParseConfig([]byte("title: T\nbaseURL: https://example.org/help/\nallowOrigins: [https://images.example.org, http://old.example.org, https://Bilder.Müller.example, https://fotos.xn--bcher-kva.example]\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	check := imageCheck(cfg)
	tests := []struct {
		dest string
		ok   bool
	}{
		{"photo.png", true},
		{"/images/photo.png", true},
		{"data:image/png;base64,AAAA", true},
		{"https://example.org/help/x.png", true}, // the site itself
		{"https://images.example.org/a.png", true},
		{"HTTPS://IMAGES.example.org/a.png", true},
		{"http://old.example.org/a.png", true},
		{"https://old.example.org/a.png", false}, // another scheme is another origin
		{"http://images.example.org/a.png", false},
		{"https://images.example.org:8443/a.png", false},
		{"https://pictures.example.net/a.png", false},
		{"//pictures.example.net/a.png", false},
		// A host beyond ASCII matches in either form, as a browser asks
		// for the xn-- name of either.
		{"https://bilder.müller.example/a.png", true},
		{"https://BILDER.MÜLLER.example/a.png", true},
		{"https://bilder.xn--mller-kva.example/a.png", true},
		{"https://fotos.bücher.example/a.png", true},
		{"https://bilder.mueller.example/a.png", false},
	}
	for _, tt := range tests {
		if err := check(tt.dest); (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok=%v", tt.dest, err, tt.ok)
		}
	}
}

// TestImageCheckMessage: a refused image's site is named as the page
// writes it, lowercased (a host beyond ASCII as it reads, not in the xn--
// form a counselor never wrote), in the sentence and in the allowOrigins
// line to copy, and that line then lets the image through.
func TestImageCheckMessage(t *testing.T) {
	tests := []struct{ dest, want string }{
		{"https://Bilder.Müller.example/a.png", "https://bilder.müller.example"},
		{"https://bilder.xn--mller-kva.example/a.png", "https://bilder.xn--mller-kva.example"},
		{"HTTP://Pictures.Example.NET:8080/a.png", "http://pictures.example.net:8080"},
		{"//pictures.example.net/a.png", "https://pictures.example.net"},
	}
	for _, tt := range tests {
		cfg, errs := content.ParseConfig([]byte("title: T\nbaseURL: https://example.org/\n"))
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		err := imageCheck(cfg)(tt.dest)
		if err == nil {
			t.Fatalf("%s: allowed", tt.dest)
		}
		if msg := err.Error(); !strings.Contains(msg, "another site, "+tt.want+", ") || !strings.Contains(msg, "allowOrigins: ["+tt.want+"]") {
			t.Errorf("%s: %s\nwant it named %s", tt.dest, msg, tt.want)
		}
		cfg, errs = content.ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nallowOrigins: [\"" + tt.want + "\"]\n"))
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if err := imageCheck(cfg)(tt.dest); err != nil {
			t.Errorf("%s with allowOrigins: [%s]: %v", tt.dest, tt.want, err)
		}
	}
}

// TestAllowOriginsASCII: the Content-Security-Policy names an allowed
// host beyond ASCII in its xn-- form; written as it reads, a browser
// ignores the source and blocks the images it was to let through.
func TestAllowOriginsASCII(t *testing.T) {
	cfg, errs := content.ParseConfig([]byte("title: T\nbaseURL: https://example.org/\nallowOrigins: [\"https://Bilder.Müller.example/\"]\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if want := []string{"https://bilder.xn--mller-kva.example"}; !slices.Equal(cfg.AllowOrigins, want) {
		t.Errorf("AllowOrigins = %q, want %q", cfg.AllowOrigins, want)
	}
	csp := render.Policy(cfg.AllowOrigins)
	if !strings.Contains(csp, "img-src 'self' data: https://bilder.xn--mller-kva.example;") {
		t.Errorf("the policy is %q", csp)
	}
	for _, r := range csp {
		if r >= 0x80 {
			t.Fatalf("the policy has %q beyond ASCII: %s", r, csp)
		}
	}
}
