package main

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
	"github.com/negsim/negsim/web"
)

func (a *app) serveCommand() *cobra.Command {
	var addr string
	cmd := &cobra.Command{
		Use:   "serve [FILE|DIR]",
		Short: "Open negsim in the browser: serve the what-if page on this computer",
		Long: `serve starts a web server on this computer and prints its address on the first line of
standard output; open it in a browser. The page lists the shipped scenarios and, when a FILE
or DIR is given, the scenario files there (.yaml, .yml, .json, up to three folders deep);
a student can also open a file of their own, which the browser reads and sends to this
server only. Sliders, check boxes and switches built from 'negsim params' change the
scenario and the results follow: the zone of possible agreement, the bargaining solutions,
the frontier chart, the rounds and a comparison with the unchanged scenario. A table's deal
is scored there as 'negsim score' scores it, and a role can be played as with 'negsim play'.

The server listens on 127.0.0.1 only, so nothing on the network can reach it; --addr
chooses another address (127.0.0.1:0 picks a free port), and anything but a loopback address
is warned about. It answers only requests addressed to the name it listens on, from its own
page: requests with another Host or a foreign Origin are refused, which stops other web
sites from reaching it through the browser. Request bodies are limited to --max-file-size,
each request to --timeout. Files are read only inside FILE or DIR, never through .. or a
link that leads out, and nothing is ever written. A name in another letter case opens the
file, as on Windows and macOS; files whose names differ only by case are named in a warning
at start, each opens by its exact name, and a name several answer to is refused. Ctrl-C
stops it.`,
		Example: `  negsim serve
  negsim serve class-scenarios/ --addr 127.0.0.1:0
  negsim serve my-case.yaml`,
		Args: args(cobra.MaximumNArgs(1)),
		// --timeout bounds each request here, not the server's whole run.
		Annotations: map[string]string{timeoutAnnotation: timeoutPerRequest},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.serve(argOr(args), addr)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", defaultServeAddr, "address to listen on, host:port (port 0 picks a free one)")
	return cmd
}

const (
	defaultServeAddr = "127.0.0.1:7070"
	// timeoutAnnotation on a command says how --timeout applies to it.
	timeoutAnnotation = "negsim-timeout"
	timeoutPerRequest = "per-request"
)

func (a *app) serve(target, addr string) error {
	files, err := servedFiles(target)
	if err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return usagef("--addr %s: give host:port, e.g. 127.0.0.1:7070", addr)
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		// The server answers one name only (see ServeHTTP), so it must know which.
		return usagef("--addr %s: give the address the browser will use, e.g. 127.0.0.1:7070", addr)
	}
	ln, err := net.Listen("tcp", addr)
	var unknownName *net.DNSError
	switch {
	case errors.As(err, &unknownName) || errors.Is(err, syscall.EADDRNOTAVAIL):
		// Another port would not help a name that does not resolve or an address that
		// is not this machine's.
		return usagef("--addr %s: %v; give an address of this computer, e.g. 127.0.0.1:7070", addr, err)
	case err != nil:
		return usagef("--addr %s: %v; choose another port (127.0.0.1:0 picks a free one)", addr, err)
	}
	bound := net.JoinHostPort(host, fmt.Sprint(ln.Addr().(*net.TCPAddr).Port))
	if !isLoopback(host) {
		fmt.Fprintf(a.stderr, "warning: --addr %s is not a loopback address: other machines may reach this server, and the page is only for this one\n", addr)
	}
	h := &server{
		api:     api.New(api.Options{Files: files, MaxFileSize: a.settings.MaxFileSize, MaxDeals: a.settings.MaxDeals, Workers: a.settings.Workers}),
		host:    bound,
		timeout: a.settings.Timeout,
		slots:   make(chan struct{}, apiSlots),
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: bodyReadTime,
		// Without --timeout there is no ReadTimeout, which idle connections would
		// otherwise be held open by.
		IdleTimeout: 2 * time.Minute,
		ErrorLog:    nil,
	}
	if h.timeout > 0 {
		srv.ReadTimeout = h.timeout + 10*time.Second
		srv.WriteTimeout = h.timeout + 10*time.Second
	}
	// Said before the address, which whoever reads stdout acts on at once.
	for _, w := range sameFileElsewhere(target, files) {
		fmt.Fprintln(a.stderr, w)
	}
	url := "http://" + bound + "/"
	if _, err := fmt.Fprintln(a.stdout, url); err != nil {
		ln.Close()
		return err
	}
	what := "the shipped scenarios"
	if target != "" {
		what += " and " + target
	}
	fmt.Fprintf(a.stderr, "negsim: serving %s at %s; Ctrl-C stops\n", what, url)

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-a.ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		srv.Close()
	}
	<-done
	fmt.Fprintln(a.stderr, "negsim: stopped")
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// servedFiles opens FILE or DIR so that nothing outside it can be read: an os.Root refuses
// .. and links that lead out. A FILE serves that file alone.
func servedFiles(target string) (fs.FS, error) {
	if target == "" {
		return nil, nil
	}
	info, err := os.Stat(target)
	if err != nil {
		return nil, usagef("cannot serve %s: %v", target, err)
	}
	dir, name := target, ""
	if !info.IsDir() {
		dir, name = filepath.Dir(target), filepath.Base(target)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, usagef("cannot serve %s: %v", target, err)
	}
	if name == "" {
		return caseBlind{root.FS()}, nil
	}
	return oneFile{root: root.FS(), name: name}, nil
}

// caseBlind is a folder that answers a name in another letter case, as Windows and macOS
// do, so that a link to a served file opens the same file whatever system serves it. A name
// that several files answer to that way (Ukraine.yaml and ukraine.yaml, possible on Linux
// only) is refused, naming them, rather than opening whichever comes first.
type caseBlind struct{ fs.FS }

func (c caseBlind) Open(name string) (fs.File, error) {
	name, err := c.resolve(name)
	if err != nil {
		return nil, err
	}
	return c.FS.Open(name)
}

// Stat answers without opening, as the folder does: the API looks before it opens, since
// opening a named pipe blocks.
func (c caseBlind) Stat(name string) (fs.FileInfo, error) {
	if info, err := fs.Stat(c.FS, name); !errors.Is(err, fs.ErrNotExist) {
		return info, err
	}
	name, err := c.otherCase(name)
	if err != nil {
		return nil, err
	}
	return fs.Stat(c.FS, name)
}

func (c caseBlind) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(c.FS, name) }

// resolve is the name of the file that name asks for: name itself when it is there, else
// otherCase's answer.
func (c caseBlind) resolve(name string) (string, error) {
	if _, err := fs.Stat(c.FS, name); !errors.Is(err, fs.ErrNotExist) {
		return name, nil
	}
	return c.otherCase(name)
}

// otherCase is the one file of name's folder with name's letters in another Unicode
// spelling, else the one whose name differs from it only by case, else name.
func (c caseBlind) otherCase(name string) (string, error) {
	if onDisk, ok := config.SameNameInFS(c.FS, name); ok {
		return onDisk, nil
	}
	dir, base := path.Split(name)
	entries, err := fs.ReadDir(c.FS, path.Clean(dir))
	if err != nil {
		return name, nil
	}
	var same []string
	folded := config.FoldedName(base)
	for _, e := range entries {
		if config.FoldedName(e.Name()) == folded {
			same = append(same, dir+e.Name())
		}
	}
	switch len(same) {
	case 0:
		return name, nil
	case 1:
		return same[0], nil
	}
	return "", &fs.PathError{Op: "open", Path: name, Err: fmt.Errorf("%s differ only by case, and each answers to this name: give one exactly", sim.JoinWords(same, "and"))}
}

// sameFileElsewhere warns of the scenario files of a served folder whose names differ
// only by letter case: one file on Windows and macOS, where a copy of the folder keeps one.
func sameFileElsewhere(target string, files fs.FS) []string {
	names, _ := api.ScenarioFiles(files)
	var out []string
	for _, same := range config.SameFolded(names) {
		for i, n := range same {
			same[i] = filepath.Join(target, filepath.FromSlash(n))
		}
		out = append(out, fmt.Sprintf("warning: %s differ only by case: on Windows and macOS they are one file, and a copy of this folder there keeps one of them; rename all but one. Here the page lists each and opens each by its exact name", sim.JoinWords(same, "and")))
	}
	return out
}

// oneFile is a folder that shows one of its files only.
type oneFile struct {
	root fs.FS
	name string
}

func (o oneFile) Open(name string) (fs.File, error) {
	if name != o.name && name != "." {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.root.Open(name)
}

// Stat answers without opening, as the folder it shows does: the API looks before it
// opens, since opening a named pipe blocks.
func (o oneFile) Stat(name string) (fs.FileInfo, error) {
	if name != o.name && name != "." {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(o.root, name)
}

func (o oneFile) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	info, err := fs.Stat(o.root, o.name)
	if err != nil {
		return nil, err
	}
	return []fs.DirEntry{fs.FileInfoToDirEntry(info)}, nil
}

// server is negsim serve's handler: the page's files, its mode, and the API.
type server struct {
	api     *api.API
	host    string
	timeout time.Duration
	// slots holds one token per API request being read or answered.
	slots chan struct{}
}

const (
	// apiSlots is how many API requests are read and answered at once; the others wait
	// their turn within their --timeout. A request may carry a scenario of
	// --max-file-size, and parsing one takes some forty times its size: 25 requests of
	// 4 MB at once held 3 GB. The page asks a few questions at a time.
	apiSlots = 4
)

// bodyReadTime bounds reading a request's headers and body, whatever --timeout says, so
// that a client that stops sending cannot keep a slot: a scenario crosses loopback in
// milliseconds. A variable so that a test of a stalled client need not wait as long.
var bodyReadTime = 10 * time.Second

// securityHeaders keep the page to its own origin: it loads and connects to nothing else,
// runs no inline script and no WebAssembly (the engine is this server), and no other site
// may frame it.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	"X-Content-Type-Options":  "nosniff",
	"Referrer-Policy":         "no-referrer",
	"Cache-Control":           "no-store",
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range securityHeaders {
		w.Header().Set(k, v)
	}
	// A page on another site can make the browser send requests here; a DNS name rebound
	// to 127.0.0.1 would even pass as same-origin. Both show in Host or Origin.
	if r.Host != s.host {
		http.Error(w, fmt.Sprintf("refused: this server answers requests for %s only", s.host), http.StatusForbidden)
		return
	}
	if origin := r.Header.Get("Origin"); origin != "" && origin != "http://"+s.host {
		http.Error(w, "refused: a request from another site", http.StatusForbidden)
		return
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		http.Error(w, "refused: a request from another site", http.StatusForbidden)
		return
	}
	if method, ok := strings.CutPrefix(r.URL.Path, "/api/"); ok {
		s.serveAPI(w, r, method)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "only GET and HEAD here", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/")
	switch {
	case name == "":
		name = "index.html"
	case name == web.ModeFile:
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"mode": "serve"}`+"\n")
		return
	}
	data, err := fs.ReadFile(web.Files, name)
	if err != nil || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Write(data)
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	}
	return "application/octet-stream"
}

// bodySlack is room in a request for the JSON around a scenario's bytes.
const bodySlack = 64 << 10

func (s *server) serveAPI(w http.ResponseWriter, r *http.Request, method string) {
	w.Header().Set("Content-Type", "application/json")
	fail := func(status int, e *api.Error) {
		w.WriteHeader(status)
		w.Write(e.JSON())
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		fail(http.StatusMethodNotAllowed, &api.Error{Kind: api.KindInput, Message: "the API takes POST requests"})
		return
	}
	// A JSON body only: a cross-site form cannot send this type without the browser
	// asking first.
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		fail(http.StatusUnsupportedMediaType, &api.Error{Kind: api.KindInput, Message: "send the request as application/json"})
		return
	}
	ctx := r.Context()
	if s.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, s.timeout)
		defer cancel()
	}
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-ctx.Done():
		fail(http.StatusServiceUnavailable, &api.Error{Kind: api.KindTimeout, Message: "the server was busy with other requests until the time limit (--timeout); try again"})
		return
	}
	// A file's bytes travel in base64, four characters for every three bytes.
	limit := int64(base64.StdEncoding.EncodedLen(int(s.api.MaxFileSize()))) + bodySlack
	conn := http.NewResponseController(w)
	conn.SetReadDeadline(time.Now().Add(bodyReadTime))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		// The rest of a body is not waited for: the connection closes after the answer.
		w.Header().Set("Connection", "close")
	} else {
		// The answer may take longer than the body did; the server watches the connection
		// meanwhile, and an expired deadline there would cancel the request.
		conn.SetReadDeadline(time.Time{})
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		fail(http.StatusRequestEntityTooLarge, &api.Error{Kind: api.KindInput, Message: fmt.Sprintf("the file sent is too large: a scenario may be %s at most, and is a few kilobytes (whoever started negsim serve can raise the limit with --max-file-size)", config.Size(s.api.MaxFileSize()))})
		return
	}
	if err != nil {
		fail(http.StatusBadRequest, &api.Error{Kind: api.KindInput, Message: "the request could not be read: " + err.Error()})
		return
	}
	out, err := s.api.Handle(ctx, method, body)
	if err != nil {
		var e *api.Error
		if !errors.As(err, &e) {
			e = &api.Error{Kind: api.KindFailed, Message: err.Error()}
		}
		fail(statusOf(e.Kind), e)
		return
	}
	w.Write(out)
}

func statusOf(kind string) int {
	switch kind {
	case api.KindInput:
		return http.StatusBadRequest
	case api.KindNotFound:
		return http.StatusNotFound
	case api.KindTimeout, api.KindCanceled:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}
