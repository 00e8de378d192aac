package content

import (
	"errors"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"mutual/internal/diag"
)

// ConfigPath is where a site keeps its configuration, relative to the site.
const ConfigPath = "content/site.yaml"

// Config is content/site.yaml.
type Config struct {
	Title       string
	Description string
	BaseURL     string
	Language    string
	Theme       string
	Menu        []MenuEntry
	Help        string // Markdown, shown in every footer and in worksheet safety notices
	HelpLine    int    // file line and column where the help text starts
	HelpCol     int
	HelpIndent  int // columns before the text's later lines in the file (a block scalar's indentation)
	// TrustHTML says the site trusts the HTML its writers put in it:
	// trustHTML: true (or the older markdown: {unsafe: true}). It lets raw
	// HTML through in Markdown and lets content/ hold files that can run
	// scripts (HTML pages, JavaScript, SVG images with scripts...).
	TrustHTML bool
	ThemeLine int // where the theme is named, for messages
	ThemeCol  int

	base *url.URL
}

// MenuEntry is one entry of the site menu, in the order written.
type MenuEntry struct {
	Name string
	URL  string // a content file ("guides/_index.md"), a site path ("/guides/") or an external URL
	Line int
	Col  int
}

var configKeys = []string{"title", "description", "baseURL", "language", "theme", "menu", "help", "markdown", "trustHTML"}

// ParseConfig reads site.yaml. All problems are reported, each at its
// position; the returned Config holds what could be read.
func ParseConfig(src []byte) (*Config, diag.List) {
	var errs diag.List
	y := &yamlFile{path: ConfigPath, errs: &errs}
	cfg := &Config{Language: "en", Theme: "default"}
	root := y.parse(src)
	if root == nil {
		if len(errs) == 0 {
			errs.Add(ConfigPath, 1, 1, "site.yaml is empty: it needs at least title and baseURL")
		}
		return cfg, errs
	}
	var baseNode *yaml.Node
	y.fields(root, "site.yaml", configKeys, nil, func(key string, k, v *yaml.Node) {
		switch key {
		case "title":
			cfg.Title = y.str(key, v)
		case "description":
			cfg.Description = y.str(key, v)
		case "baseURL":
			cfg.BaseURL = y.str(key, v)
			baseNode = v
		case "language":
			cfg.Language = y.str(key, v)
		case "theme":
			cfg.Theme = y.str(key, v)
			cfg.ThemeLine, cfg.ThemeCol = v.Line, v.Column
		case "help":
			cfg.Help = y.str(key, v)
			cfg.HelpLine, cfg.HelpCol = v.Line, v.Column
			if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				// A block scalar's text starts on the next line.
				cfg.HelpIndent = blockIndent(src, v.Line)
				cfg.HelpLine, cfg.HelpCol = v.Line+1, cfg.HelpIndent+1
			}
		case "menu":
			cfg.Menu = parseMenu(y, v)
		case "trustHTML":
			cfg.TrustHTML = cfg.TrustHTML || y.boolean(key, v)
		case "markdown":
			y.fields(v, "markdown", []string{"unsafe"}, nil, func(key string, k, v *yaml.Node) {
				cfg.TrustHTML = cfg.TrustHTML || y.boolean(key, v)
			})
		}
	})
	if cfg.Title == "" {
		y.errorf(root, "site.yaml needs a title")
	}
	if cfg.BaseURL == "" {
		y.errorf(root, "site.yaml needs a baseURL, such as https://example.org/")
	} else if err := cfg.SetBaseURL(cfg.BaseURL); err != nil {
		y.errorf(baseNode, "%s", err.Msg)
	}
	if cfg.Language == "" {
		cfg.Language = "en"
	}
	if cfg.Theme == "" {
		cfg.Theme = "default"
	}
	return cfg, errs
}

// SetBaseURL validates and sets the base URL: an absolute http(s) URL whose
// path becomes the prefix of every page URL.
func (c *Config) SetBaseURL(raw string) *diag.Error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return &diag.Error{Path: ConfigPath, Msg: "baseURL must be an absolute http or https URL such as https://example.org/, not " + quote(raw)}
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return &diag.Error{Path: ConfigPath, Msg: "baseURL must not have a query or fragment: " + quote(raw)}
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	// Every URL the site writes starts with the path: "//x/" would make
	// them protocol-relative URLs of the host x, and "." or ".." parts
	// would point elsewhere than they say.
	if clean := strings.TrimSuffix(path.Clean(u.Path), "/") + "/"; clean != u.Path {
		fixed := *u
		fixed.Path, fixed.RawPath = clean, ""
		return &diag.Error{Path: ConfigPath, Msg: "baseURL's path " + quote(u.Path) + " has an empty, \".\" or \"..\" part: write " + quote(fixed.String()) + " instead of " + quote(raw)}
	}
	u.RawPath = ""
	c.BaseURL = u.String()
	c.base = u
	return nil
}

// BasePath is the path part of the base URL as written in URLs
// (percent-encoded), always ending in "/".
func (c *Config) BasePath() string { return c.base.EscapedPath() }

// Origin is the scheme and host of the base URL.
func (c *Config) Origin() string { return c.base.Scheme + "://" + c.base.Host }

// blockIndent is the indentation of a block scalar's text: that of its
// first non-blank line after line (1-based) of src.
func blockIndent(src []byte, line int) int {
	lines := strings.Split(string(src), "\n")
	for i := line; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], "\r")
		if strings.TrimSpace(l) != "" {
			return len(l) - len(strings.TrimLeft(l, " "))
		}
	}
	return 0
}

func parseMenu(y *yamlFile, v *yaml.Node) []MenuEntry {
	if v.Kind != yaml.SequenceNode {
		y.errorf(v, "menu must be a list of entries with name and url")
		return nil
	}
	var out []MenuEntry
	for _, item := range v.Content {
		e := MenuEntry{Line: item.Line, Col: item.Column}
		y.fields(item, "menu entry", []string{"name", "url"}, nil, func(key string, k, v *yaml.Node) {
			switch key {
			case "name":
				e.Name = y.str(key, v)
			case "url":
				e.URL = y.str(key, v)
				e.Line, e.Col = v.Line, v.Column
			}
		})
		if item.Kind != yaml.MappingNode {
			continue
		}
		if e.Name == "" || e.URL == "" {
			y.errorf(item, "a menu entry needs a name and a url")
			continue
		}
		out = append(out, e)
	}
	return out
}

func quote(s string) string { return strconv.Quote(s) }

// ReadConfig reads content/site.yaml of the site folder dir, which must be
// a file of the site (not a link to one outside siteReal, the site folder
// with its links resolved) of at most MaxConfigSize bytes.
func ReadConfig(dir, siteReal string) ([]byte, error) {
	p := filepath.Join(dir, ConfigPath)
	if target, out := LinkOutside(p, siteReal); out {
		return nil, diag.List{{Path: ConfigPath, Msg: "symbolic link to " + target + ", which is outside the site folder: copy it into the site instead"}}
	}
	src, err := ReadOSLimited(p, MaxConfigSize, "file")
	var big *TooBigError
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, diag.List{{Path: ConfigPath, Msg: "no site here: " + p + " does not exist (use -s DIR to pick a site folder, or mutual init DIR to start one)"}}
	case errors.As(err, &big):
		return nil, diag.List{{Path: ConfigPath, Msg: big.Error()}}
	}
	return src, err
}
