// Package output owns the output folder: what a build may replace, how it
// writes there, and what it remembers of it for the next build. It knows
// nothing of pages: it is given output paths (slash-separated, relative to
// the output folder) and their bytes, or content files to copy.
//
// # What a build may replace
//
// A build replaces only a folder it made itself:
//
//   - Check refuses, before anything is written, the folders a build must
//     never replace whatever they hold: "/", the site folder, a folder that
//     holds the site, the site's content/, static/, themes/ or i18n/ (the
//     folders a build reads: an output in static/ or a theme's static/
//     would be published into the next one) or a folder inside them, a
//     folder that holds content/ or .git, a file, and a folder inside another
//     build's output (a folder above it holds MarkerFile: the build there
//     replaces it whole). Symbolic links are resolved
//     first, so "-o" through a link into content/ is refused as content/
//     itself is; the folder replaced is the link's target, and the link
//     stays.
//   - Every build writes MarkerFile into its output. Holding the lock (see
//     below), a full build replaces the output folder only when it does not
//     exist, is empty, holds MarkerFile, or is the output of a mutual from
//     before the marker (index.html, 404.html and sitemap.xml at its top and
//     a robots.txt exactly as mutual writes it); anything else is refused,
//     saying how to go on.
//
// # Files mutual did not write
//
// No build deletes or writes over a file it did not write. MarkerFile
// lists every file of the output (as hashes of their paths: the marker is
// published, and must not reveal a file only its address should find).
// Before it swaps, holding the lock, a full build walks the output folder
// it replaces: a file its marker does not list makes it refuse, changing
// nothing, with a *ForeignError naming up to ten of them and saying how to
// go on (a folder with no listed file is named once, "x/"; empty folders
// do not count). The walk costs nothing when the output folder does not
// exist, nor for the output of a mutual from before the list, which is
// replaced whole as then. An incremental build removes only paths the
// previous build gave, refuses to write a new path where an unlisted file
// is, and keeps the list: grown before it writes (so that a build killed
// midway leaves its files listed), shrunk after it removes.
//
// # How it writes (Dir)
//
//   - A full build writes into a new temporary folder beside the output,
//     ".<name>.tmp-<random>", marked first thing, and swaps it in at the
//     end (Dir.Swap), so a failed build leaves the previous output exactly
//     as it was.
//   - An incremental build (mutual serve) writes each changed file to a
//     temporary file in its folder and renames it into place: a reader sees
//     the old file or the new one, never part of one, and a failed write
//     (a full disk) leaves the old file.
//   - A build holds a lock on the output (an exclusive flock on
//     ".<name>.lock" beside it, which the kernel releases however the build
//     ends) from before its checks until its output is in place: a second
//     build into the same folder waits for the first, and says so. Holding
//     the lock, a build removes the temporary folders that killed builds
//     left behind: those named ".<name>.tmp-*" that are empty or hold
//     MarkerFile. Where flock is missing, a second build fails at once.
//   - Every write goes through an os.Root, or into the build's own
//     temporary folder, so nothing lands outside the output folder.
//
// # One source per path (Clashes)
//
// Every file of the output has one source. Clashes checks the claims of a
// build, given in order of precedence (the files mutual writes itself, the
// assets, the pages, the content files, the aliases): a path claimed twice,
// or a file where another claim needs a folder, is an error naming both, at
// the source a writer can change.
//
// # The write plan (Plan)
//
// A Plan is what one build writes. Each output path is given once, with a
// key that changes whenever its bytes do (Plan.Put, Plan.Copy), or kept as
// the previous build left it (Plan.Keep). A full build writes each file as
// soon as it is given, so pages stream to disk while others render; an
// incremental build stages the files whose key changed and writes them,
// and removes the files no longer given, only when the whole build
// succeeded (Plan.Commit); a check writes nothing. The plan's Manifest,
// every output path with its key, is what the next build compares with.
package output
