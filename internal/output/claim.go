package output

import (
	"path"

	"mutual/internal/diag"
)

// Claim is who writes an output path: every file of the output has one
// source.
type Claim struct {
	Out       string // the output path: "guides/a/index.html"
	What      string // for messages: "content/guides/a.md", "the alias \"/x/\" of content/guides/a.md", "the sitemap mutual writes"
	File      string // the file an error about it is reported in, "" for none
	Line, Col int    // where in File, when known
	// Instead is what to do, when a later source clashes with this one,
	// other than renaming or removing one of them (how to change the 404
	// page mutual writes); "" for none. It is not said to an alias.
	Instead string
	Alias   bool // the claim is an alias's redirect page
}

// Clashes checks claims, given in order of precedence: a path claimed
// twice is an error naming both sources, at the later one (the one a
// writer can change, when one of them is), and so is a path one source
// needs as a folder (guides/ of guides/a/index.html) and another writes as
// a file. It costs a map lookup for each output path and each of its
// folders.
func Clashes(claims []Claim) diag.List {
	var errs diag.List
	byOut := make(map[string]Claim, len(claims))
	var order []string
	for _, c := range claims {
		if prev, ok := byOut[c.Out]; ok {
			fix := "rename or remove one of them"
			if prev.Instead != "" && !c.Alias {
				fix = prev.Instead
			}
			errs = append(errs, clashError(c, prev, "%s and %s would both be published at /%s: %s", c.What, prev.What, c.Out, fix))
			continue
		}
		byOut[c.Out] = c
		order = append(order, c.Out)
	}
	for _, out := range order {
		for d := path.Dir(out); d != "."; d = path.Dir(d) {
			if prev, ok := byOut[d]; ok {
				c := byOut[out]
				errs = append(errs, clashError(c, prev, "%s would be published at /%s, inside /%s/, but %s is published at /%s itself, as a file: rename one of them", c.What, out, d, prev.What, d))
				break
			}
		}
	}
	return errs
}

// clashError reports a clash at the source a writer can change: the
// later one when it has a file, else the earlier.
func clashError(later, earlier Claim, format string, args ...any) *diag.Error {
	at := later
	if at.File == "" || at.File == "content" && earlier.File != "" {
		at = earlier
	}
	file := at.File
	if file == "" {
		file = "content"
	}
	return diag.Errorf(file, at.Line, at.Col, format, args...)
}
