package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"mutual/internal/serve"
	"mutual/internal/site"
)

// newBuilder makes the builder `mutual serve` runs. Tests replace it with
// one whose builds hang, to stop the real command in the middle of one.
var newBuilder = func(opts site.Options) serve.Builder { return site.New(opts) }

// portTries is how many ports after a taken one serve tries before it lets
// the system pick any free port.
const portTries = 20

func cmdServe(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	fs := newFlagSet("serve", "serve [-s DIR] [-o DIR] [--drafts] [--future] [--expired] [--base-url URL] [--port N] [--bind ADDR] [--allow-host NAME]", stdout, stderr)
	f.register(fs, true)
	fs.Lookup("o").Usage = "also keep the served build in this `folder` (default: a temporary folder, removed on exit, so public/ never gets the live reload script)"
	fs.Lookup("base-url").Usage = "the site's `URL` while serving (default: the server's own address); its host name is answered to"
	port := fs.Int("port", 1313, "the `port` to listen on; when it is in use, the next free one is taken (0 picks any free one)")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; 0.0.0.0 lets other devices on the network connect")
	var allow hostList
	fs.Var(&allow, "allow-host", "also answer requests for this host `name` (repeat the flag or separate names with commas; .example.test allows that domain and every name below it); localhost and IP addresses are always answered, any other name gets 403")
	flagsUsage := fs.Usage
	fs.Usage = func() {
		flagsUsage()
		fmt.Fprintf(fs.Output(), `
The server answers only localhost, IP addresses, the --bind name, the --base-url host
and the --allow-host names (others get 403, against DNS rebinding), and sends the pages'
Content-Security-Policy and other security headers with everything. It keeps at most
%d live reload streams (one per open page; one more gets 503 and tries again later)
and %d connections. Ctrl-C stops it at once, even in the middle of a build.
`, serve.MaxStreams, serve.MaxConns)
	}
	if code, done := parseNoArgs(fs, args, stdout); done {
		return code
	}
	if *port < 0 || *port > 65535 {
		fmt.Fprintf(stderr, "mutual serve: --port %d is not a port (0 to 65535)\n", *port)
		return exitUsage
	}
	basePath := "/"
	if f.baseURL != "" {
		u, err := url.Parse(f.baseURL) // checked as the flag was parsed
		if err != nil {
			return exitUsage
		}
		basePath = u.Path
		// The person named this host: pages link to it, so answer it.
		if n, err := serve.ParseAllowHost(u.Hostname()); err == nil {
			allow = append(allow, n)
		}
	}
	if _, err := netip.ParseAddr(*bind); err != nil {
		// A name to listen on (--bind my-laptop.local) is a name of this
		// computer's.
		if n, err := serve.ParseAllowHost(*bind); err == nil {
			allow = append(allow, n)
		}
	}
	if !site.Exists(f.dir) {
		fmt.Fprintf(stderr, "mutual serve: %s\n", site.NoSite(f.dir))
		return exitFail
	}

	ln, err := listen(*bind, *port, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "mutual serve: %v\n", err)
		return exitFail
	}
	defer ln.Close()

	out := f.out
	if out == "" {
		tmp, err := os.MkdirTemp("", "mutual-serve-")
		if err != nil {
			fmt.Fprintf(stderr, "mutual serve: %v\n", err)
			return exitFail
		}
		defer os.RemoveAll(tmp)
		out = filepath.Join(tmp, "public")
	}
	baseURL := f.baseURL
	if baseURL == "" {
		baseURL = serve.LocalURL(ln.Addr())
	}
	opts := site.Options{
		Dir:     f.dir,
		Out:     out,
		Drafts:  f.drafts,
		Future:  f.future,
		Expired: f.expired,
		BaseURL: baseURL,
		Scripts: []string{serve.ScriptURL},
		Watch:   true,
		// A rebuild's search index is written after the reload is sent.
		DeferIndex: true,
	}
	if isTerminal(stderr) {
		opts.Progress = stderr
	}
	bld := newBuilder(opts)
	srv := serve.New(bld, serve.Options{Stdout: stdout, Stderr: stderr, BasePath: basePath, AllowHosts: allow,
		Policy: site.PolicyFor(f.dir)})

	// The first SIGINT or SIGTERM stops the server, even in the middle of
	// a build (Run does not wait for it); a second one gets the default
	// treatment, which ends the process at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	err = srv.Run(ctx, ln)
	if w, ok := bld.(interface{ Wait() error }); ok {
		// The search index of the last rebuild is written whole.
		if werr := w.Wait(); werr != nil && err == nil {
			err = werr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "mutual serve: %v\n", err)
		return exitFail
	}
	fmt.Fprintln(stdout, "stopped")
	return exitOK
}

// listen listens on bind:port. When the port is in use (another preview,
// say), it takes the next free one of the portTries after it, then any
// free port, and says so on stdout; any other failure is returned.
func listen(bind string, port int, stdout io.Writer) (net.Listener, error) {
	addr := func(p int) string { return net.JoinHostPort(bind, strconv.Itoa(p)) }
	ln, err := net.Listen("tcp", addr(port))
	if err == nil || port == 0 || !errors.Is(err, syscall.EADDRINUSE) {
		if err != nil {
			err = fmt.Errorf("%w (try another --port, or --bind 127.0.0.1)", err)
		}
		return ln, err
	}
	for p := port + 1; ; p++ {
		if p > port+portTries || p > 65535 {
			p = 0 // any free port
		}
		ln, err = net.Listen("tcp", addr(p))
		if err == nil {
			_, got, _ := net.SplitHostPort(ln.Addr().String())
			fmt.Fprintf(stdout, "port %d is in use; using port %s instead\n", port, got)
			return ln, nil
		}
		if p == 0 || !errors.Is(err, syscall.EADDRINUSE) {
			return nil, err
		}
	}
}

// hostList is the value of --allow-host: names, from repeated flags or
// separated by commas, each checked by serve.ParseAllowHost.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	for name := range strings.SplitSeq(v, ",") {
		n, err := serve.ParseAllowHost(name)
		if err != nil {
			return err
		}
		*h = append(*h, n)
	}
	return nil
}
