package serve

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// contentTypes fixes the types of the files a site holds, so they do not
// depend on the machine's mime database.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".htm":         "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".wasm":        "application/wasm",
	".svg":         "image/svg+xml",
	".xml":         "application/xml", // Atom feeds are recognised by content, see fileType
	".atom":        "application/atom+xml",
	".txt":         "text/plain; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".yaml":        "application/yaml",
	".yml":         "application/yaml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".pdf":         "application/pdf",
}

// fileType returns the Content-Type for a file name; head is the start of
// the file, used to tell an Atom feed from other XML. It returns "" when the
// type is unknown, leaving http.ServeContent to sniff it.
func fileType(name string, head []byte) string {
	ext := strings.ToLower(path.Ext(name))
	if ext == ".xml" && bytes.Contains(head, []byte("http://www.w3.org/2005/Atom")) && bytes.Contains(head, []byte("<feed")) {
		return "application/atom+xml"
	}
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	return mime.TypeByExtension(ext)
}

// errBadPath is a request path that could only be an attempt to leave the
// output folder (or a broken client).
var errBadPath = errors.New("bad path")

// cleanName turns a decoded URL path into a name inside the output folder
// ("." for the root). It refuses instead of repairing: a ".." segment, a
// backslash or a NUL is a 400, never a file.
func cleanName(urlPath string) (name string, err error) {
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\\\x00") {
		return "", errBadPath
	}
	for seg := range strings.SplitSeq(urlPath, "/") {
		if seg == ".." {
			return "", errBadPath
		}
	}
	name = strings.Trim(path.Clean(urlPath), "/")
	if name == "" {
		name = "."
	}
	if !fs.ValidPath(name) {
		return "", errBadPath
	}
	return name, nil
}

// files serves the output folder. Every open goes through an os.Root, so no
// name (and no symlink inside the folder) reaches outside it. The root is
// opened per request because a build may swap the whole folder.
type files struct {
	dir      string        // absolute output folder
	notFound func() string // output-relative path of the 404 page
	prefix   string        // URL path the site lives under, "/" or "/help/"
	extra    http.Handler  // /_mutual/ endpoints, served under any prefix
}

func (f *files) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if f.extra != nil && (strings.HasPrefix(p, mutualPrefix) || strings.HasPrefix(p, f.prefix+mutualPrefix[1:])) {
		f.extra.ServeHTTP(w, r)
		return
	}
	if f.prefix != "/" {
		switch {
		case strings.HasPrefix(p, f.prefix):
			p = "/" + strings.TrimPrefix(p, f.prefix)
		case p+"/" == f.prefix || p == "/":
			redirect(w, r, f.prefix)
			return
		default:
			f.serveNotFound(w, r)
			return
		}
	}
	name, err := cleanName(p)
	if err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	root, err := os.OpenRoot(f.dir)
	if err != nil {
		f.serveNotFound(w, r)
		return
	}
	defer root.Close()

	fi, err := root.Stat(name)
	if err != nil {
		f.serveNotFound(w, r)
		return
	}
	if fi.IsDir() {
		if !strings.HasSuffix(p, "/") {
			// Pretty URLs end in a slash; relative links inside the page
			// depend on it.
			// Built from the cleaned name, so "//host" never becomes
			// a redirect to another site.
			redirect(w, r, f.prefix+name+"/")
			return
		}
		name = path.Join(name, "index.html")
		if fi, err = root.Stat(name); err != nil || !fi.Mode().IsRegular() {
			f.serveNotFound(w, r) // no directory listings
			return
		}
	} else if strings.HasSuffix(p, "/") || !fi.Mode().IsRegular() {
		f.serveNotFound(w, r)
		return
	}
	file, err := root.Open(name)
	if err != nil {
		f.serveNotFound(w, r)
		return
	}
	defer file.Close()
	serveFile(w, r, name, fi, file)
}

func serveFile(w http.ResponseWriter, r *http.Request, name string, fi fs.FileInfo, file io.ReadSeeker) {
	var head [512]byte
	n, _ := io.ReadFull(file, head[:])
	if _, err := file.Seek(0, io.SeekStart); err != nil {
		http.Error(w, "read error", http.StatusInternalServerError)
		return
	}
	if t := fileType(name, head[:n]); t != "" {
		w.Header().Set("Content-Type", t)
	}
	http.ServeContent(w, r, name, fi.ModTime(), file)
}

// serveNotFound answers 404 with the theme's 404 page, or a plain page that
// still loads the live reload script when there is no build yet (the first
// build failed), so the error overlay shows. Under a folder that has a 404
// page of its own (a language's, /es/404.html), that one answers.
func (f *files) serveNotFound(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Del("Last-Modified")
	var body []byte
	if nf := f.notFound(); nf != "" {
		if root, err := os.OpenRoot(f.dir); err == nil {
			rel := strings.TrimPrefix(r.URL.Path, f.prefix)
			if first, _, ok := strings.Cut(rel, "/"); ok && first != "" && first != "." && first != ".." {
				body, _ = fs.ReadFile(root.FS(), first+"/"+filepath.ToSlash(nf))
			}
			if body == nil {
				body, _ = fs.ReadFile(root.FS(), filepath.ToSlash(nf))
			}
			root.Close()
		}
	}
	if body == nil {
		body = []byte(fallback404)
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

const fallback404 = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>Not found</title>
<script src="` + ScriptURL + `" defer></script>
<h1>Not found</h1>
<p>There is no page here, or the site has not been built yet.</p>
`

// redirect sends a temporary redirect to target (a root-relative path),
// keeping the query. Not a permanent one: in a dev server a folder may become
// a file, and browsers cache 301s for good.
func redirect(w http.ResponseWriter, r *http.Request, target string) {
	if q := r.URL.RawQuery; q != "" {
		target += "?" + q
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusFound)
}
