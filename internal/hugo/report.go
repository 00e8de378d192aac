package hugo

import (
	"fmt"
	"io"
	"strings"
)

// Write prints the report: what was converted and copied, the shortcodes
// the pages call and where each comes from, what was left behind and why,
// the check's outcome (its problems themselves are printed by the caller,
// as mutual check prints them) and what to do next. Positions of the Hugo
// site's configuration are relative to the Hugo site; those of pages, to
// the new site.
func (r *Report) Write(w io.Writer) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	p("imported the Hugo site %s into %s", r.Src, r.Dest)
	p("  configuration: %s -> content/site.yaml", strings.Join(r.ConfigFiles, ", "))
	if len(r.Converted) > 0 {
		p("    %s", strings.Join(r.Converted, ", "))
	}
	secs := ""
	if r.Sections > 0 {
		secs = fmt.Sprintf(" (%d of them _index.md)", r.Sections)
	}
	others := ""
	if r.Files > 0 {
		others = fmt.Sprintf(" and %d other %s", r.Files, plural(r.Files, "file", "files"))
	}
	from := r.ContentDir + "/ -> content/"
	if len(r.LanguageDirs) > 0 {
		from += ", " + strings.Join(r.LanguageDirs, ", ")
	}
	p("  content: %d %s%s%s, from %s", r.Pages, plural(r.Pages, "page", "pages"), secs, others, from)
	if r.Static > 0 {
		p("  static: %d %s -> static/", r.Static, plural(r.Static, "file", "files"))
	}
	if n := len(r.Templates); n > 0 {
		p("  shortcode templates: %s -> themes/%s/layouts/shortcodes/", strings.Join(r.Templates, ", "), themeName)
	} else {
		p("  theme: themes/%s/, which extends mutual's default theme", themeName)
	}
	if r.Aliases > 0 || len(r.AliasNotes) > 0 {
		p("  aliases: %d %s given %s Hugo address as an alias, which redirects to the new one", r.Aliases, plural(r.Aliases, "page", "pages"), plural(r.Aliases, "its", "their"))
		for _, e := range r.AliasNotes {
			p("    %s", e)
		}
	}

	calls := 0
	for _, s := range r.Shortcodes {
		calls += s.Calls
	}
	p("")
	if calls == 0 {
		p("shortcodes: none called")
	} else {
		p("shortcodes: %d %s on %d %s", calls, plural(calls, "call", "calls"), r.PagesWithShortcodes, plural(r.PagesWithShortcodes, "page", "pages"))
		for _, source := range []string{BuiltIn, Copied, Unknown} {
			var names []string
			n := 0
			for _, s := range r.Shortcodes {
				if s.Source == source {
					names = append(names, fmt.Sprintf("%s (%d)", s.Name, s.Calls))
					n += s.Calls
				}
			}
			if n > 0 {
				p("  %s: %d %s of %s", source, n, plural(n, "call", "calls"), strings.Join(names, ", "))
			}
		}
		for _, s := range r.Shortcodes {
			if s.Source != Unknown {
				continue
			}
			hint := s.Hint
			if hint == "" {
				hint = fmt.Sprintf("define it in themes/%s/layouts/shortcodes/%s.html", themeName, s.Name)
			}
			first := ""
			if s.Calls > 1 {
				first = fmt.Sprintf(" (the first of %d calls)", s.Calls)
			}
			typo := ""
			if s.Typo != "" {
				typo = fmt.Sprintf(" (did you mean %q?)", s.Typo)
			}
			p("    %s: unknown shortcode %q%s%s: %s", s.First, s.Name, typo, first, hint)
		}
	}

	if len(r.Ignored) > 0 {
		p("")
		p("not converted (positions in %s):", r.Src)
		for _, e := range r.Ignored {
			p("  %s", e)
		}
	}
	if len(r.Skipped)+len(r.NotCopied) > 0 {
		p("")
		p("not copied, or copied as files:")
		for _, e := range r.Skipped {
			p("  %s", e)
		}
		for _, s := range r.NotCopied {
			p("  %s", s)
		}
	}

	p("")
	switch {
	case !r.Checked:
		p("check: not run")
	case r.CheckFailed != nil:
		p("check: could not run: %v", r.CheckFailed)
	case len(r.Problems) > 0:
		p("check: %d %s, listed above", len(r.Problems), plural(len(r.Problems), "problem", "problems"))
	case len(r.Warnings) > 0:
		p("check: no errors, %d %s, listed above", len(r.Warnings), plural(len(r.Warnings), "warning", "warnings"))
	default:
		p("check: no problems found")
	}

	p("")
	p("next:")
	if r.BaseURLMissing {
		p("  write the address the site is published at as baseURL in %s/content/site.yaml", strings.TrimSuffix(r.Dest, "/"))
	}
	unknown := 0
	for _, s := range r.Shortcodes {
		if s.Source == Unknown {
			unknown++
		}
	}
	if unknown > 0 {
		p("  define the unknown %s in themes/%s/layouts/shortcodes/, or change the pages that call %s", plural(unknown, "shortcode", "shortcodes"), themeName, plural(unknown, "it", "them"))
	}
	if len(r.Problems) > 0 {
		p("  fix the problems the check found (mutual check -s %s lists them again)", r.Dest)
	}
	p("  mutual serve -s %s    preview the site at http://127.0.0.1:1313/", r.Dest)
	p("  mutual build -s %s    build it into %s/public/", r.Dest, strings.TrimSuffix(r.Dest, "/"))
}
