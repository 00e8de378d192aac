package site

import "mutual/internal/render"

// ContentSecurityPolicy is the policy every page mutual writes itself
// carries in its meta tag, the one the default theme sets too. `mutual
// serve` sends it as a header on every response, so that the preview is
// held to the same rules as the published site (and so that files without
// a meta tag, such as the live reload script, the event stream or an error
// page, are covered as well).
const ContentSecurityPolicy = render.CSP
