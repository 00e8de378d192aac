package site

import (
	"testing"

	"mutual/internal/content"
)

func TestImageCheck(t *testing.T) {
	cfg, errs := content.ParseConfig([]byte("title: T\nbaseURL: https://example.org/help/\nallowOrigins: [https://images.example.org, http://old.example.org]\n"))
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
	}
	for _, tt := range tests {
		if err := check(tt.dest); (err == nil) != tt.ok {
			t.Errorf("%s: %v, want ok=%v", tt.dest, err, tt.ok)
		}
	}
}
