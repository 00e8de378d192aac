// Package site turns a site folder (content/, themes/) into a static
// website: it reads the sources, builds the model of pages and sections,
// resolves the theme chain and renders every page through it, checks every
// link, and writes the output. Builder.Build does it; Builder.Check does
// the same and writes nothing. Errors are positioned (diag) and all
// reported at once; a failed build leaves the previous output as it was.
//
// # Trust model
//
// Site writers (content/) are trusted to write pages, worksheets and
// pictures, not programs; theme authors are trusted like the authors of a
// program (a theme's layouts and scripts run on every page). So, unless
// site.yaml says trustHTML: true:
//
//   - raw HTML in Markdown is left out (package markdown);
//   - content files that can run a script when opened on their own (HTML,
//     JavaScript, XML, compressed SVG, and SVG images that are not clean)
//     are refused (active.go): on the site's origin such a script could
//     read the worksheet answers readers saved there.
//
// Whatever the trust:
//
//   - a symbolic link that leads out of the site folder (from content/ or
//     site.yaml), or out of its theme's folder, is an error naming the link
//     and its target, and is never read (files.go, theme.go);
//   - every output path has one source: two sources writing the same path,
//     or a file where another needs a folder, are an error naming both, and
//     aliases may not write into dot-folders (clash.go, model.go);
//   - every URL written is percent-encoded (pathEscape);
//   - the files a build reads whole have size limits (files.go), and
//     Markdown texts the limits of package markdown; other content files
//     are copied as streams;
//   - the output folder is replaced only when a build made it, links
//     resolved first, under a lock, and written atomically (output.go).
package site
