package site

import (
	"errors"
	"net/url"
	"slices"
	"strings"

	"mutual/internal/content"
)

// imageCheck refuses images from another site than this one: the pages'
// Content-Security-Policy (img-src 'self') would block them, and a page
// would show a broken image with no error. site.yaml's allowOrigins lets
// the sites it names through, and widens the policy for them only.
func imageCheck(cfg *content.Config) func(dest string) error {
	self := cfg.Origin()
	return func(dest string) error {
		if !strings.HasPrefix(dest, "//") && !strings.HasPrefix(strings.ToLower(dest), "http:") && !strings.HasPrefix(strings.ToLower(dest), "https:") {
			return nil // a file of the site, or data: (allowed)
		}
		u, err := url.Parse(dest)
		if err != nil || u.Host == "" {
			return nil // reported as a link, if at all
		}
		origin := content.Origin(u.Scheme, u.Host)
		if origin == strings.ToLower(self) || slices.Contains(cfg.AllowOrigins, origin) {
			return nil
		}
		written := content.ShownOrigin(u.Scheme, u.Host) // as the page writes it
		return errors.New("image from another site, " + written + ", which the site's Content-Security-Policy blocks (readers would see a broken image): download it into the site, beside this page, and link to the copy; or, if that site may serve your readers' images, add it to site.yaml: allowOrigins: [" + written + "]")
	}
}
