// Package shortcode owns Hugo's shortcodes in a page's Markdown: reading
// them (Parse), running their templates and putting the output in place
// (Document.Expand, Expansion.HTML), and the dot those templates receive
// (Call). Content written for Hugo moves over unchanged, so the rules are
// Hugo's; where mutual differs, it says so below.
//
// # Syntax
//
//	{{< name args >}}             output is HTML, placed as it is
//	{{% name args %}}             output is Markdown, rendered with the page
//	{{< name >}}...{{< /name >}}  a paired call: the content between is .Inner
//	{{< name args />}}            self-closing: no content, no closing tag
//	{{</* name */>}}              escaped: written out as {{< name >}}
//	{{%/* name */%}}              escaped: written out as {{% name %}}
//
// A name starts with a letter or digit and goes on with letters, digits,
// '-', '_' and '/' (a template in a folder: {{< media/audio >}}). Inline
// shortcodes (name.inline) are not supported. Spaces and line ends may
// stand anywhere between the delimiters and the parts of a tag.
//
// Arguments are all positional or all named (name="value"), never mixed,
// as Hugo requires. A value is
//   - "quoted": on one line; \" is a quote, every other backslash stays as
//     written (Hugo's rule, so "C:\dir" is C:\dir);
//   - `raw`: everything up to the next backquote, lines included;
//   - unquoted: for a positional value, letters, digits, '-', '_' and '.';
//     for a named one, anything up to a space. An unquoted true or false is
//     a bool, an integer an int, a decimal a float64 (Hugo's types); a
//     quoted value is always a string.
//
// As in Hugo, every "{{<" and "{{%" opens a call, in fenced and inline code
// too: the escaped form is the way to show shortcode syntax on a page. An
// escaped form takes everything up to its "*/>}}" (or "*/%}}") and writes
// it out with the comment marks removed, spaces kept.
//
// # Pairing
//
// Hugo decides whether a call has content by its template: one that reads
// .Inner (or .InnerDeindent) must be closed, one that does not must not be.
// Parse follows the closing tags instead, and checks them against the
// templates when Options.Defs says which read their content (see Def and
// UsesInner):
//
//  1. A closing tag closes the nearest open call of its name. Calls opened
//     after that one and still open have no content: each ends at its
//     opening tag, and what followed it follows it as siblings.
//  2. A call never closed ends at its opening tag the same way.
//  3. A closing tag without an open call of its name is an error.
//  4. With Defs: a call whose template reads its content and that is
//     neither closed nor self-closed is an error, as is a closing tag for a
//     call whose template does not; an unknown name is an error.
//
// On every page that Hugo builds, the two rules give the same calls.
// Without Defs (nil), every name is known and rule 1 alone decides.
//
// Each call has a Parent (the call whose content holds it) and an Ordinal
// (its zero-based position among its parent's calls, or the page's).
//
// # Errors
//
// Errors are compiler-style, "path:line:col: message", lines counted from
// the top of the file (Options.LineOffset lines of front matter first),
// columns in characters from 1. Parse reports every error of the page:
// unclosed tags and calls, closing tags without or against their opening,
// bad names and argument syntax, mixed arguments, and unknown shortcodes,
// with a hint:
//
//	content/a.md:12:5: unknown shortcode "hnit" (did you mean "hint"?); define it in themes/mysite/layouts/shortcodes/hnit.html
//
// (On the built-in theme, the hint says to make a theme of one's own that
// extends it; for Hugo's embeds of other sites, youtube and the like, it
// says the policy blocks them and suggests a link.)
//
// A tag it cannot read stays text; one whose name it read still pairs, so
// that one mistake is one error. Expand reports template and function
// errors at the call ("shortcode \"ref\": no page ..."). Bad input never
// makes Parse or Expand slow: both are linear in the page's size, errors
// included.
//
// # How output reaches the page
//
// goldmark must not see a template's HTML: raw HTML is off in mutual, so it
// would drop it, and in Markdown text it would change it. Expand therefore
// replaces calls by placeholders: "MUTUALSC" (lengthened until the page
// does not contain it), a number and "E", letters and digits that Markdown
// leaves alone in text, code, link destinations and attributes. The page's
// HTML gets the output back from Expansion.HTML. Children run before their
// parents, and a call's output may hold the placeholders of its children.
//
//   - {{< >}}: the output is HTML and becomes a placeholder where the call
//     stood. When goldmark wrapped the placeholder of block HTML (a div, a
//     figure, details...) in a paragraph, the paragraph gives way: "<p>X</p>"
//     becomes the HTML alone, as in Hugo, and a paragraph with more in it is
//     closed before the HTML and opened again after it, so that the page
//     stays valid HTML. An empty output leaves no empty paragraph.
//   - {{% %}} in the page: the output is Markdown, rendered with the page,
//     as in Hugo: headings in it reach the table of contents, its footnotes
//     and reference links work. Only the HTML the template wrote around the
//     content becomes placeholders (Hugo passes it to goldmark as raw HTML,
//     which mutual does not allow): where the template wrote .Body (or
//     .Inner as it was), the content stays Markdown and the text before and
//     after it, if it has tags, becomes a placeholder each. When the tags
//     stand alone on their lines in the page, blank lines keep them apart
//     from the content, so that its lists and paragraphs close before the
//     HTML does; a call within a line stays within its paragraph. Output
//     without tags is Markdown as it is; HTML that does not hold the content
//     as written is one placeholder.
//   - {{% %}} inside another call: its content is rendered from Markdown to
//     HTML first (one paragraph on one line loses its <p>), as in Hugo; its
//     output is HTML.
//
// Markdown copies a placeholder into two places that are not HTML: a link
// destination ([a]({{< relref "b.md" >}})), which the site must pass
// through Expansion.Text (Fragment.Text in a call's content) before
// resolving it, and a heading's text, which becomes its id (lowercase, so
// not taken for a placeholder) and its text in the table of contents (the
// site passes it through Text). A call in a heading should take the
// {{% %}} form, whose text output is the heading's text. Broken tells the
// site to skip a destination a failed call was to write: its error is
// reported already. A placeholder that the page's Markdown had and its HTML lacks
// (inside an HTML comment, which goldmark drops, or code that a highlighter
// splits) is an error at its call.
//
// Positions: the Markdown that Expand returns is not the file, so the
// markdown package's positions (errors, heading lines) go through
// Expansion.Position or MapErrors. Text copied from the page maps
// character for character; text a call wrote maps to the call.
//
// # Templates
//
// A theme defines shortcode NAME in layouts/shortcodes/NAME.html, an
// html/template; the site's theme overrides the default theme's by the
// same path. Files lists them, NewSet parses them (Set.Execute is
// Env.Execute, Set.Defs is Options.Defs). Their dot is a Call, with
// Hugo's fields and methods (.Get, .Inner, .InnerDeindent, .Params,
// .IsNamedParams, .Name, .Ordinal, .Parent, .Position, .Page, .Site) and
// mutual's: .Body and .InlineBody (the content as HTML in either form),
// .RenderString and .RenderMarkdown. Their functions are html/template's,
// Funcs (Hugo's default, split, trim, in, lower, upper, errorf, safeHTML,
// safeURL, plainify, dict; mutual's callout and knownCallout) and the
// site's. The default theme's templates need five from the site:
//
//	ref PAGE TARGET          the absolute URL of a page (Hugo's ref)
//	relref PAGE TARGET       its URL from the site's root (Hugo's relref)
//	resolveLink PAGE DEST    a destination resolved and checked like a Markdown link's
//	resolveImage PAGE DEST   the same for an image's source, which the site's policy must allow
//	highlight CODE LANG OPTS highlighted code, like a fenced block (template.HTML)
//
// and a page value (Env.Page) with Param(key string) (any, error) (nil for
// a key set nowhere), and Pages and Sections, lists of entries with Title,
// URL and Description. Env.Markdown renders the Markdown that calls ask
// for, with the page's renderer and link checks.
//
// # Trust model
//
// Templates are theme code, trusted as layouts are. Content is the page's:
// .Body, .RenderString and the {{% %}} form render it with the page's rules
// (raw HTML off), and html/template escapes arguments. .Inner is the
// content as written, typed as HTML the way Hugo types it: a template that
// writes it out unrendered writes the writer's HTML too. The default
// theme's templates never do; the Content-Security-Policy (no inline
// scripts or styles) is the backstop for those that do. Nothing here
// writes a style attribute or a script.
package shortcode
