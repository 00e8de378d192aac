package content

import (
	"strings"
)

// Names in static/. A file or folder whose name starts with "." is, but
// for a few, a hidden setting, a version-control folder, the litter of an
// editor or an operating system, or a secret (.env, .htpasswd): as Jekyll
// and the usual web-server settings do, static/ publishes none of them
// but the few a publisher puts there to be published: the folder
// .well-known/ at the top (RFC 8615: security.txt, ACME challenges,
// assetlinks.json, apple-app-site-association), .nojekyll and .domains
// at the top (GitHub Pages, Codeberg Pages) and .htaccess anywhere
// (Apache). Known litter is skipped without a word, as editors' backup
// and swap files are; any other such name is skipped with a warning
// naming it, since its writer may have meant it to be published.

// staticName says what a build does with a name met in static/: top is
// whether it lies at the top of static/.
type staticName int

const (
	publishName staticName = iota
	litterName             // skipped without a word
	skipName               // skipped with a warning
)

// publishedDotNames are the names starting with "." that static/
// publishes, and whether only at its top.
var publishedDotNames = map[string]struct{ dir, top bool }{
	".well-known": {dir: true, top: true},
	".nojekyll":   {top: true},
	".domains":    {top: true},
	".htaccess":   {},
}

// litterNames are the hidden files and folders of version control,
// operating systems and editors, in lower case.
var litterNames = map[string]bool{
	".git": true, ".gitignore": true, ".gitkeep": true, ".gitattributes": true, ".gitmodules": true, ".keep": true,
	".svn": true, ".hg": true, ".hgignore": true, ".hgtags": true, ".bzr": true, ".bzrignore": true, ".cvsignore": true,
	".ds_store": true, ".appledouble": true, ".lsoverride": true, ".spotlight-v100": true, ".trashes": true,
	".fseventsd": true, ".temporaryitems": true, ".documentrevisions-v100": true, ".volumeicon.icns": true,
	".localized": true, ".directory": true, ".idea": true, ".vscode": true, ".project": true, ".settings": true,
	".sass-cache": true, ".cache": true, ".jekyll-cache": true, ".hugo_build.lock": true,
	"thumbs.db": true, "ehthumbs.db": true, "desktop.ini": true,
}

// litterPrefixes start the names of such files that carry a varying part.
var litterPrefixes = []string{"._", ".#", ".~lock.", ".trash-", ".nfs", ".fuse_hidden", ".goutputstream-"}

// classifyStatic says what to do with the file or folder name in static/.
func classifyStatic(name string, dir, top bool) staticName {
	lower := strings.ToLower(name)
	if litterNames[lower] || isVimSwap(lower) {
		return litterName
	}
	for _, p := range litterPrefixes {
		if strings.HasPrefix(lower, p) {
			return litterName
		}
	}
	if Hidden(strings.TrimPrefix(name, ".")) {
		return litterName // editors' backup and swap files
	}
	if !strings.HasPrefix(name, ".") {
		return publishName
	}
	if k, ok := publishedDotNames[name]; ok && k.dir == dir && (top || !k.top) {
		return publishName
	}
	return skipName
}

// isVimSwap reports vim's swap files: .name.swp, then .swo, .swn, ...
// down to .swa, and .swx for its probes.
func isVimSwap(name string) bool {
	i := strings.LastIndex(name, ".")
	if !strings.HasPrefix(name, ".") || i < 1 || len(name)-i != 4 || !strings.HasPrefix(name[i:], ".sw") {
		return false
	}
	c := name[i+3]
	return c >= 'a' && c <= 'p' || c == 'x'
}

// skippedStatic is the warning for a name in static/ that a build does
// not publish.
func skippedStatic(dir bool) string {
	what := "file"
	if dir {
		what = "folder"
	}
	return "this " + what + " is not published: static/ publishes no name that starts with \".\" (most are hidden settings, version control or secrets such as .env) but .well-known/, .nojekyll and .domains at its top and .htaccess; rename it without the dot if the site should publish it"
}
