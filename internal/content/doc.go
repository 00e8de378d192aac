// Package content reads a site's sources and makes its model: what the
// site says, before any theme is involved. It owns content/site.yaml
// (Config), every file under content/ (Source), the pages, sections and
// tags they make (Model), and the rules that turn paths into URLs and
// links into addresses (Resolver).
//
// # Sources
//
// Scan walks content/ and classifies each file by its path: _index.md is
// a section's page (the home page's at the top), any other .md a page,
// a .yaml or .yml file under worksheets/ a worksheet, anything else a file
// copied as it is. site.yaml is not a source. Files and folders whose names
// start with "." and editors' backup files are skipped (Hidden); a
// symbolic link that leads out of the site folder is an error naming link
// and target, and is not read. Sources are kept between builds and read
// again only when their size or time changes, or, when a watcher names the
// paths that changed, only those.
//
// A page starts with front matter (ParseFrontMatter), as in Hugo: YAML
// between "---" lines, TOML between "+++" lines or a JSON object, all read
// into one yamldoc tree and decoded by the same rules; keys mutual does not
// know are the page's Params, and one within an edit or two of a known key
// is an error with its hint. A page without a title takes its first
// level-1 heading or its file name (PageTitle). The <!--more--> divider is
// cut out of the body, and the text before it (or the summary: key) is the
// page's Summary. Line numbers in every error count from the top of the
// file. A worksheet is parsed by package worksheet. ScanStatic reads the
// site's static/ folder, whose files are published at the output's root.
//
// # The model
//
// NewModel makes one Node per HTML page: every page and worksheet, a page
// for every section (titled after its folder when it has no _index.md),
// the home page, a page per tag and one listing the tags, and the 404
// page. Tags whose names differ only in case are one tag; a tag's address
// is made of its name (tagSlug: C++ is tags/c++/, C# tags/c-sharp/), and
// two different names with one address, or a name with none, are errors
// at the tag. URLs come from paths: content/guides/listening.md is guides/
// listening/, slug replaces the file name, worksheets/w.yaml (or .yml) is
// worksheets/w/, url: is the page's exact address (a language that shows
// the page untranslated shows it under its folder); URLs made from paths
// are lower case unless ModelOptions says otherwise, and a page's,
// section's or bundle's spaces are hyphens (pathURL: self care.md is
// self-care/, as in Hugo; a worksheet keeps its name, since saved answers
// are kept under its address). A file that is no bundle's is published
// beside the pages of its folder, by its own name (fileOut: self care/
// Week 1.pdf is self-care/Week 1.pdf, as Hugo publishes a section's files
// under the section's address). Addresses made from names, and files'
// published names, have their letters composed (nfc: a name saved on a Mac
// as "cafe\u0301" is café), and a link finds a file whose name is
// composed otherwise than the link's. A leaf bundle's
// index.md (about/index.md) is the page about/, and the other files under
// its folder are its files, published under its URL (FileOut); a Markdown
// page inside a bundle is an error, but for the bundle's translations. Lists are ordered by weight (weighted
// pages first, lowest first), then title, then URL; neighbours (Prev,
// Next) follow that order within a section. Drafts, headless pages, pages
// before their publishDate (or, without one, their date, as in Hugo) and
// from their expiryDate on are left out (Unpublished, with why) unless
// ModelOptions asks for them. A page's Type
// (front matter, else its top folder) and Layout choose its layout. Two
// sources with one URL, or an alias that is not a plain site path or that
// names another page, are errors.
//
// # Languages
//
// A site with languages has one Tree per language (languages.go: which
// file is which language's). A language's tree holds its own pages and,
// for each page of the default language it lacks, the original itself
// (Node.Fallback). What a language publishes as its own holds only its
// own pages: its tags and tag pages (a page shown untranslated keeps the
// default language's tags, whose pages are that language's), its menu
// entries (Tree.Menu); its sections list the fallback pages too, and
// Prev and Next lead from an own page to own pages and from a fallback
// page to fallback pages. A page's aliases answer under its language's
// folder (/old/ in a Spanish page is es/old/; es/old/ written so stays);
// an alias without a leading "/" is read from the folder of the page's
// address, as Hugo reads it (pageAlias: "old" in es/guides/a/ is
// es/guides/old/). A bundle's index.<code>.md is the bundle's page in that
// language (and makes a folder a bundle without an index.md, as in Hugo);
// the bundle's files are published once, under the default
// language's page, but for its language versions: a file named
// <name>.<code>.<ext> (photo.es.jpg; Model.languageVersion) is that
// language's version of <name>.<ext>, published under that language's
// page by its own name (es/about/photo.es.jpg), as Hugo 0.123 does.
//
// # Links
//
// Resolver.Resolve turns a link written in content into a URL, in this
// order: a URL with a scheme or "//" is left alone; "#id" points into the
// same page; "/path" is a path of the built site; anything else is a path
// relative to the file, naming a content file (page, worksheet, _index.md,
// picture...) or a section's folder, or else, when it looks like an
// address (a folder, a name without extension), an address relative to the
// page's own URL, as a browser reads it (Hugo content writes
// ../../guides/other/). A bundle's file with language versions leads to
// the version of the resolver's language, else to the shared file; a
// name only other languages have, or another language's version named
// as such, is an error. A link to a missing file or address, a page left
// out (saying why), or a file whose name holds "#", "?" or "%" written as
// is, is an error with a hint; the hints come from a diag.Index made once,
// so thousands of broken links cost little. Links to headings are checked once every page is rendered
// (CheckAnchors). Every URL is percent-encoded (PathEscape).
//
// # Trust
//
// Site writers are trusted to write pages, worksheets and pictures, not
// programs. So, unless site.yaml says trustHTML: true, content files that
// can run a script when opened on their own (HTML, JavaScript, XML,
// compressed SVG, and SVG images that are not clean) are refused
// (CheckActive): on the site's origin such a script could read the
// worksheet answers readers saved there. The files a build reads whole
// have size limits (MaxPageSize, MaxWorksheetSize, MaxConfigSize, and
// ReadLimited for other rooms); other content files are copied as
// streams.
//
// # The base URL
//
// Config.SetBaseURL reads baseURL (or --base-url): an absolute http(s) URL
// whose path prefixes every page's URL (BasePath) and whose scheme and host
// make every full address (Origin). A host in another script is kept in its
// ASCII (IDNA) form, each such label lowercased, composed (NFC) and written
// "xn--" and its Punycode (punycode.go, RFC 3492, tested on the RFC's
// samples and fuzzed against a decoder), full-width ASCII read as ASCII,
// since addresses in the sitemap, the feed and links must be ASCII.
package content
