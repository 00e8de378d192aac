package theme

import "html/template"

// A Native renders one of the built-in default theme's partials in Go:
// byte for byte what its template writes, without html/template's
// reflection (a function call for every value printed and every escaper
// after it). It gets the partial's context, and the set's partials to
// call others with (a native partial that shows another runs it as the
// template would, so that a theme's own of it is used); ok false means
// that it cannot stand in for the template with this context (another
// type than the one it knows, a text it cannot make without an error),
// and the template runs instead.
type Native func(ctx any, p Partials) (out template.HTML, ok bool)

// Partials runs a set's partials from Go, as the template functions
// partial and partialCached do.
type Partials interface {
	Partial(name string, ctx any) (template.HTML, error)
	PartialCached(name string, ctx any, variants ...any) (template.HTML, error)
}

// UseNatives makes the set render each partial named in natives (by its
// template name, "partials/tags.html") with its Native instead of its
// template, where the partial is the built-in default theme's own: the
// file comes from the theme embedded in the binary and no {{define}}
// replaces it. A partial a theme or site has of its own always runs as a
// template. Call it before the set executes anything; With does not
// carry natives over, since they are bound to the set's functions.
func (ts *Templates) UseNatives(natives map[string]Native) {
	if ts == nil {
		return
	}
	ts.natives = natives
}

// partialsOf is the Partials of one kind's template.
type partialsOf struct {
	run    func(name string, ctx any) (template.HTML, error)
	cached func(name string, ctx any, variants ...any) (template.HTML, error)
}

func (p partialsOf) Partial(name string, ctx any) (template.HTML, error) { return p.run(name, ctx) }

func (p partialsOf) PartialCached(name string, ctx any, variants ...any) (template.HTML, error) {
	return p.cached(name, ctx, variants...)
}
