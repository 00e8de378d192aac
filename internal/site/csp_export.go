package site

import (
	"mutual/internal/content"
	"mutual/internal/render"
)

// ContentSecurityPolicy is the policy every page mutual writes itself
// carries in its meta tag, the one the default theme sets too. `mutual
// serve` sends it as a header on every response, so that the preview is
// held to the same rules as the published site (and so that files without
// a meta tag, such as the live reload script, the event stream or an error
// page, are covered as well).
const ContentSecurityPolicy = render.CSP

// PolicyFor is the policy of the site in dir: ContentSecurityPolicy with
// the image origins its site.yaml allows (allowOrigins). A site whose
// configuration cannot be read gets ContentSecurityPolicy.
func PolicyFor(dir string) string {
	path, src, err := content.ReadConfig(dir, "")
	if err != nil {
		return ContentSecurityPolicy
	}
	cfg, errs := content.ParseConfigFile(path, src)
	if cfg == nil || len(errs) > 0 {
		return ContentSecurityPolicy
	}
	return render.Policy(cfg.AllowOrigins)
}
