package content

import (
	"bytes"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"mutual/internal/diag"
)

// markdownExts are other names Markdown files go by; mutual reads only
// .md as a page.
var markdownExts = map[string]bool{".markdown": true, ".mdown": true, ".mkd": true, ".mkdn": true, ".mdwn": true}

// sectionsKey finds a worksheet's top-level sections: key.
var sectionsKey = regexp.MustCompile(`(?m)^sections:`)

// MisplacedFiles warns about content files that are published as they
// are, byte for byte, although their writer surely meant a page: Markdown
// under another extension (notes.markdown), and a worksheet outside
// content/worksheets/ (a .yaml file with a top-level sections: key). A
// site may mean to offer such files for download, so they are warnings.
// siteDir is the site folder.
func MisplacedFiles(srcs []*Source, siteDir string) diag.List {
	var warns diag.List
	for _, s := range srcs {
		if s.Kind != FileSource || s.Static {
			continue
		}
		ext := strings.ToLower(path.Ext(s.Rel))
		switch {
		case markdownExts[ext]:
			stem := strings.TrimSuffix(path.Base(s.Rel), path.Ext(s.Rel))
			warns.Add(s.Path(), 0, 0, "this file is published as it is, not as a page: a page's file name ends in .md (rename it %s.md)", stem)
		case ext == ".yaml" || ext == ".yml":
			f, err := os.Open(filepath.Join(siteDir, "content", filepath.FromSlash(s.Rel)))
			if err != nil {
				continue
			}
			head, _ := io.ReadAll(io.LimitReader(f, 64<<10))
			f.Close()
			if sectionsKey.Match(head) && bytes.Contains(head, []byte("questions:")) {
				warns.Add(s.Path(), 0, 0, "this looks like a worksheet, but only content/worksheets/ holds worksheets: it is published as a file as it is; move it into content/worksheets/ to make it a worksheet page")
			}
		}
	}
	return warns
}
