package content

import (
	"errors"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"mutual/internal/diag"
	"mutual/internal/i18n"
	"mutual/internal/yamldoc"
)

// ConfigPath is where a site keeps its configuration, relative to the site.
// content/site.yml is read as well, as every YAML file of a site may end in
// .yml (ConfigPaths); a site with both is an error.
const ConfigPath = "content/site.yaml"

// ConfigPaths are the names the configuration may have, the usual first.
var ConfigPaths = []string{ConfigPath, "content/site.yml"}

// Config is content/site.yaml.
type Config struct {
	Path        string // site-relative: "content/site.yaml" or "content/site.yml"
	Title       string
	Description string
	BaseURL     string
	Language    string    // the default language's code as written in HTML: Lang
	Lang        i18n.Code // the default language: language:, or the first of languages
	// Languages are site.yaml's languages, the default first; empty for a
	// site in one language (language:), whose files carry no language mark.
	Languages  []Language
	Theme      string
	Menu       []MenuEntry
	Help       string // Markdown, shown in every footer and in worksheet safety notices
	HelpLine   int    // file line and column where the help text starts
	HelpCol    int
	HelpIndent int // columns before the text's later lines in the file (a block scalar's indentation)
	// TrustHTML says the site trusts the HTML its writers put in it:
	// trustHTML: true (or the older markdown: {unsafe: true}). It lets raw
	// HTML through in Markdown and lets content/ hold files that can run
	// scripts (HTML pages, JavaScript, SVG images with scripts...).
	TrustHTML bool
	// NoSearch turns the search index and page off: search: false.
	NoSearch  bool
	ThemeLine int // where the theme is named, for messages
	ThemeCol  int
	// Params are the site's own keys (params:), as Hugo's .Site.Params:
	// templates and the param shortcode read them. Keys are lower case, as
	// in Hugo.
	Params map[string]any
	// LowercaseURLs writes the URLs made from file and folder names (and
	// slugs) in lower case, as Hugo does: lowercaseURLs: false keeps them
	// as written. An explicit url: is never changed.
	LowercaseURLs bool
	// AllowOrigins are the other sites (origins such as
	// https://images.example.org) that pages may load images, audio and
	// video from: the Content-Security-Policy allows them, and only them,
	// for those (see render.Policy).
	AllowOrigins []string
	// WrittenBasePath is the path of the baseURL site.yaml says, when
	// --base-url (or mutual serve, which serves the site at its root) gives
	// another: links written with it are still the site's ("" when it is
	// BasePath).
	WrittenBasePath string
	// Paginate is how many entries a section's or a tag's page lists
	// before the list goes on at page/2/, page/3/...: paginate: 20. 0 (or
	// no paginate:) lists every entry on one page. A section's _index.md
	// may set its own (FrontMatter.Paginate).
	Paginate                  int
	PaginateLine, PaginateCol int // where paginate: is written

	base *url.URL
}

// MenuEntry is one entry of the site menu, in the order written.
type MenuEntry struct {
	Name   string
	URL    string // a content file ("guides/_index.md"), a site path ("/guides/") or an external URL
	Weight int    // the menu is ordered by weight, lowest first; 0 when not given
	Line   int
	Col    int
}

var configKeys = []string{"title", "description", "baseURL", "language", "languages", "theme", "menu", "help", "markdown", "trustHTML", "search",
	"params", "lowercaseURLs", "allowOrigins", "paginate"}

// otherConfigKeys are other generators' names for site.yaml's keys, in
// lower case (Hugo's config.toml, Zola's config.toml, Jekyll's and
// Eleventy's url): an unknown key among them gets mutual's name, as a flag
// of theirs does on the command line.
var otherConfigKeys = map[string]string{
	"languagecode":           ` (mutual's is "language")`,
	"defaultcontentlanguage": ` (mutual's default language is the first of languages:, or language: en for a site in one language)`,
	"default_language":       ` (mutual's default language is the first of languages:, or language: en for a site in one language)`,
	"url":                    ` (mutual's is "baseURL")`,
	"extra":                  ` (mutual's is "params", which templates read as .Site.Params)`,
	"menus":                  ` (mutual's is "menu", one list: menu: [{name: Guides, url: guides/_index.md}])`,
	"paginate_by":            ` (mutual's is "paginate": paginate: 20)`,
	"pagination":             ` (mutual's is "paginate", the number of entries a page of a list shows: paginate: 20)`,
}

// menuKeys are the keys of a menu entry; menuIgnored are Hugo's keys of a
// menu entry that mutual's one flat menu has no use for.
var (
	menuKeys    = []string{"name", "url", "pageRef", "weight"}
	menuIgnored = []string{"identifier", "parent", "pre", "post", "title", "params"}
)

// paginate reads a paginate: value (site.yaml's, or a section's front
// matter's): a whole number of entries, 0 for no pages; an error and 0
// for anything else.
func paginate(d *yamldoc.Decoder, f yamldoc.Field) int {
	v, ok := d.Int(f)
	if !ok {
		return 0
	}
	if v < 0 {
		d.Errorf(f.Value, "paginate must be how many entries a page of a list shows, such as 20 (or 0 to list them all on one page), not %d", v)
		return 0
	}
	return v
}

// MissingBaseURL is the error of a site.yaml without a baseURL, which a
// build given one (--base-url, mutual serve) does not need.
const MissingBaseURL = "site.yaml needs a baseURL, such as https://example.org/ (or build with --base-url URL)"

// ParseConfig reads content/site.yaml; see ParseConfigFile.
func ParseConfig(src []byte) (*Config, diag.List) { return ParseConfigFile(ConfigPath, src) }

// ParseConfigFile reads the configuration at path (one of ConfigPaths)
// with yamldoc, the one YAML reader. All problems are reported, each at its
// position; the returned Config holds what could be read.
func ParseConfigFile(path string, src []byte) (*Config, diag.List) {
	cfg := &Config{Path: path, Language: "en", Lang: "en", Theme: "default", LowercaseURLs: true}
	root, errs := yamldoc.Parse(src, yamldoc.Options{Path: path, MaxBytes: MaxConfigSize})
	if root == nil {
		if len(errs) == 0 {
			errs.Add(path, 0, 0, "site.yaml is empty: it needs at least title and baseURL")
		}
		return cfg, errs
	}
	d := yamldoc.Decoder{Path: path, Errs: &errs}
	var baseNode, langNode *yamldoc.Node
	others := d.Others(root, "site.yaml", configKeys, otherConfigKeys)
	for _, f := range d.Map(root, "site.yaml", configKeys, others) {
		switch f.Key.Value {
		case "title":
			cfg.Title, _ = d.Text(f)
		case "description":
			cfg.Description, _ = d.Text(f)
		case "baseURL":
			cfg.BaseURL, _ = d.Text(f)
			baseNode = f.Value
		case "language":
			s, ok := d.Text(f)
			if !ok {
				continue
			}
			c, err := i18n.ParseCode(s)
			if err != nil {
				d.Errorf(f.Value, "%v", err)
				continue
			}
			cfg.Lang, cfg.Language, langNode = c, string(c), f.Value
		case "languages":
			cfg.Languages = parseLanguages(&d, f)
		case "theme":
			cfg.Theme, _ = d.Text(f)
			cfg.ThemeLine, cfg.ThemeCol = f.Value.Line, f.Value.Col
		case "help":
			cfg.Help, _ = d.Text(f)
			cfg.HelpLine, cfg.HelpCol = f.Value.TextPos()
			cfg.HelpIndent = f.Value.TextIndent()
		case "menu":
			cfg.Menu = parseMenu(&d, f)
		case "trustHTML":
			b, _ := d.Bool(f)
			cfg.TrustHTML = cfg.TrustHTML || b
		case "search":
			b, ok := d.Bool(f)
			cfg.NoSearch = ok && !b
		case "markdown":
			for _, g := range d.Map(f.Value, "markdown", []string{"unsafe"}, nil) {
				b, _ := d.Bool(g)
				cfg.TrustHTML = cfg.TrustHTML || b
			}
		case "params":
			cfg.Params = params(&d, f.Value)
		case "lowercaseURLs":
			if b, ok := d.Bool(f); ok {
				cfg.LowercaseURLs = b
			}
		case "paginate":
			cfg.Paginate = paginate(&d, f)
			cfg.PaginateLine, cfg.PaginateCol = f.Value.Line, f.Value.Col
		case "allowOrigins":
			for _, item := range d.List(f) {
				if o, ok := d.Text(f.Entry(item)); ok {
					if msg := checkOrigin(o); msg != "" {
						d.Errorf(item, "allowOrigins: %q %s", o, msg)
						continue
					}
					u, _ := url.Parse(o) // checkOrigin parsed it
					cfg.AllowOrigins = append(cfg.AllowOrigins, Origin(u.Scheme, u.Host))
				}
			}
		}
	}
	if cfg.Title == "" {
		d.Errorf(root, "site.yaml needs a title: add a line such as title: My site")
	}
	if cfg.BaseURL == "" {
		d.Errorf(root, "%s", MissingBaseURL)
	} else if err := cfg.SetBaseURL(cfg.BaseURL); err != nil {
		d.Errorf(baseNode, "%s", err.Msg)
	}
	cfg.checkLanguages(&d, langNode)
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
		return &diag.Error{Path: c.Path, Msg: "baseURL must be an absolute http or https URL such as https://example.org/, not " + quote(raw)}
	}
	if u.RawQuery != "" || u.Fragment != "" {
		fixed := *u
		fixed.RawQuery, fixed.Fragment, fixed.ForceQuery, fixed.RawFragment = "", "", false, ""
		return &diag.Error{Path: c.Path, Msg: "baseURL must not have a query or fragment: write " + quote(fixed.String()) + " instead of " + quote(raw)}
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
		return &diag.Error{Path: c.Path, Msg: "baseURL's path " + quote(u.Path) + " has an empty, \".\" or \"..\" part: write " + quote(fixed.String()) + " instead of " + quote(raw)}
	}
	// Addresses are ASCII: a host in another script is written in its
	// IDNA form (https://bücher.example/ is https://xn--bcher-kva.example/),
	// as browsers and crawlers know it (punycode.go).
	host, err := asciiHost(u.Host)
	if err != nil {
		return &diag.Error{Path: c.Path, Msg: "baseURL " + quote(raw) + " cannot be written in ASCII, as addresses must be: " + err.Error()}
	}
	u.Host = host
	u.RawPath = ""
	c.BaseURL = u.String()
	c.base = u
	return nil
}

// OverrideBaseURL sets the base URL as SetBaseURL does, for a build given
// another than site.yaml's (--base-url, mutual serve), and keeps the path
// of site.yaml's in WrittenBasePath when it differs.
func (c *Config) OverrideBaseURL(raw string) *diag.Error {
	var written string
	if c.base != nil {
		written = c.BasePath()
	}
	if e := c.SetBaseURL(raw); e != nil {
		return e
	}
	c.WrittenBasePath = ""
	if written != c.BasePath() {
		c.WrittenBasePath = written
	}
	return nil
}

// BasePath is the path part of the base URL as written in URLs
// (percent-encoded), always ending in "/".
func (c *Config) BasePath() string { return c.base.EscapedPath() }

// Origin is the scheme and host of the base URL.
func (c *Config) Origin() string { return c.base.Scheme + "://" + c.base.Host }

func parseMenu(d *yamldoc.Decoder, f yamldoc.Field) []MenuEntry {
	if f.Value.Kind != yamldoc.List {
		if f.Value.Kind != yamldoc.Null && f.Value.Kind != yamldoc.Refused {
			d.Errorf(f.Value, "menu must be a list of entries with name and url")
		}
		return nil
	}
	var out []MenuEntry
	for _, item := range f.Value.Content {
		e := MenuEntry{Line: item.Line, Col: item.Col}
		for _, g := range d.Map(item, "menu entry", menuKeys, menuIgnored) {
			switch g.Key.Value {
			case "name":
				e.Name, _ = d.Text(g)
			case "url", "pageRef":
				if e.URL != "" {
					d.Errorf(g.Key, "a menu entry has one address: url or pageRef, not both")
				}
				e.URL, _ = d.Text(g)
				e.Line, e.Col = g.Value.Line, g.Value.Col
			case "weight":
				e.Weight, _ = d.Int(g)
			}
		}
		if item.Kind != yamldoc.Map {
			continue
		}
		if e.Name == "" || e.URL == "" {
			d.Errorf(item, "a menu entry needs a name and a url")
			continue
		}
		out = append(out, e)
	}
	return out
}

func quote(s string) string { return strconv.Quote(s) }

// checkOrigin says what is wrong with o as an origin pages may load from,
// or "" when it is one: http or https, a host, nothing after it.
func checkOrigin(o string) string {
	u, err := url.Parse(o)
	switch {
	case err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil:
		return "is not an origin such as https://images.example.org"
	case strings.TrimSuffix(u.Path, "/") != "" || u.RawQuery != "" || u.Fragment != "" || strings.ContainsAny(u.Host, " ;'\"*"):
		return "is more than an origin: write only the scheme and the host, such as https://images.example.org"
	}
	return ""
}

// params reads a block of keys of the writer's own (Hugo's params) with
// yamldoc's rule for values no field reads; keys become lower case, as in
// Hugo, so that templates find them whatever case the writer chose.
func params(d *yamldoc.Decoder, n *yamldoc.Node) map[string]any {
	if n.Kind == yamldoc.Null || n.Kind == yamldoc.Refused {
		return nil
	}
	if n.Kind != yamldoc.Map {
		d.Errorf(n, "params must be key: value pairs")
		return nil
	}
	m, _ := yamldoc.Value(n, strings.ToLower).(map[string]any)
	return m
}

// NoSite is the message for a site folder dir that holds no
// configuration. A Hugo site's folder (someone trying mutual on a site of
// theirs) is told of mutual import hugo instead of mutual init.
func NoSite(dir string) string {
	msg := "no site here: " + filepath.Join(dir, ConfigPath) + " does not exist"
	if cfg := hugoConfig(dir); cfg != "" {
		return msg + "; " + dir + " holds a Hugo site (" + cfg + "): make a mutual site of it in a new folder with mutual import hugo " + dir + " NEWDIR, then build that one"
	}
	return msg + " (use -s DIR to pick a site folder, or mutual init DIR to start one)"
}

// hugoConfig is the name of the Hugo configuration dir holds, the first
// that Hugo reads, or "". A config.toml beside a templates/ folder is
// Zola's, not Hugo's.
func hugoConfig(dir string) string {
	for _, name := range []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json", "config/_default"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			continue
		}
		if strings.HasPrefix(name, "config.") {
			if st, err := os.Stat(filepath.Join(dir, "templates")); err == nil && st.IsDir() {
				return ""
			}
		}
		return name
	}
	return ""
}

// ReadConfig reads the configuration of the site folder dir:
// content/site.yaml, or content/site.yml (not both). It must be a file of
// the site (not a link to one outside siteReal, the site folder with its
// links resolved) of at most MaxConfigSize bytes. It returns the file's
// site-relative path and bytes.
func ReadConfig(dir, siteReal string) (string, []byte, error) {
	var found []string
	for _, name := range ConfigPaths {
		_, err := os.Lstat(filepath.Join(dir, name))
		if err == nil {
			found = append(found, name)
		} else if errors.Is(err, os.ErrPermission) {
			// content/ itself may not be searched: the file may well be
			// there, and "no site here" would send the writer astray.
			return "", nil, diag.List{{Path: "content/", Msg: UnreadableFolder}}
		}
	}
	switch len(found) {
	case 0:
		return "", nil, diag.List{{Path: ConfigPath, Msg: NoSite(dir)}}
	case 2:
		return "", nil, diag.List{{Path: found[1], Msg: "a site has one configuration, but " + found[0] + " is here too: keep one of them"}}
	}
	name := found[0]
	p := filepath.Join(dir, name)
	if target, out := LinkOutside(p, siteReal); out {
		return "", nil, diag.List{{Path: name, Msg: "symbolic link to " + target + ", which is outside the site folder: copy it into the site instead"}}
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return "", nil, diag.List{{Path: name, Msg: "this is a folder; the site's configuration is a file: remove the folder and write " + path.Base(name) + " in its place (mutual init DIR writes one in a new site)"}}
	}
	src, err := ReadOSLimited(p, MaxConfigSize, "file")
	var big *TooBigError
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", nil, diag.List{{Path: name, Msg: "no site here: " + p + " does not exist (it is a symbolic link to a missing file)"}}
	case errors.As(err, &big):
		return "", nil, diag.List{{Path: name, Msg: big.Error()}}
	}
	return name, src, err
}
