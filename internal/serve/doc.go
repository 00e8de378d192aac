// Package serve is `mutual serve`: it watches a site, rebuilds it on every
// save, serves the output folder and makes the browsers follow along.
//
// The pieces, each usable alone:
//
//   - Watcher reports changes below content/ and the theme folders, as
//     debounced batches: recursively (folders created later included), and
//     deaf to editor swap, backup and temp files, so a save by rename (vim,
//     VS Code, JetBrains) is one change of the saved file. fsnotify is used
//     here and nowhere else in mutual.
//   - Server runs one build per batch through a Builder (*site.Builder),
//     prints one line per good build and every error of a failed one, and
//     keeps serving the last good output: a failed build never stops it.
//     Builds run one at a time beside the loop that waits for changes and
//     for the stop: saves made during a build wait in the watcher and are
//     built together after it, and Run returns at once when told to stop,
//     leaving a build that may never end (Go cannot stop it) to die with
//     the process.
//   - Server.Handler serves the output folder: pretty URLs (/guides/x/ is
//     guides/x/index.html, /guides/x redirects there), fixed content types
//     (application/wasm among them), the theme's 404 page, no directory
//     listings. Every file is opened through an
//     os.Root on the output folder, and paths with "..", backslashes or NUL
//     are refused before that, so no request (encoded or not, nor a symlink
//     inside the folder) reads outside it.
//   - Live reload: the site adds ScriptURL to every page in serve mode. The
//     script listens on EventsURL (Server-Sent Events, see events.go for the
//     protocol): it reloads after a build, swaps only the stylesheets after a
//     CSS-only change (scroll position and worksheet answers stay), and
//     shows a failed build's "path:line:col: message" lines in an overlay
//     styled by OverlayURL, built with DOM APIs so it runs under the site's
//     Content Security Policy. A good build's warnings (those mutual build
//     prints) go to a panel at the foot of the page instead: a bar fixed
//     to the screen's foot, whose height the body keeps as padding at its
//     end, that opens and closes from the keyboard, can be dismissed until
//     the warnings change (the focus going back where it came from), and
//     goes once none is left. Both are mutual's words, in English, marked
//     lang="en". A browser that connects
//     while the build is broken gets the errors first, else the warnings;
//     one that reconnects after a restart reloads.
//
// The server is for writing on one's own machine: it listens where it is
// told (loopback unless the caller says otherwise) and serves the output
// folder and nothing else. Other web sites run in the same browser, so it
// defends what they could reach (guard.go): it answers only localhost, IP
// addresses and the names it is given (Options.AllowHosts), against DNS
// rebinding; every response carries the pages' Content-Security-Policy and
// headers that forbid framing, cross-origin reads and referrers; open
// connections (MaxConns) and live reload streams (MaxStreams) are capped,
// so that a flood of them cannot starve a rebuild of file descriptors; and
// every event field is encoded, so a file name cannot forge an event.
package serve
