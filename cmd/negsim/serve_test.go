package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// startServe runs negsim serve in this process with args after "serve", and returns the
// URL it prints first; the server stops, and must exit cleanly, when the test ends.
func startServe(t *testing.T, args ...string) (url string, stderr *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, w := io.Pipe()
	stderr = &syncBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), strings.NewReader(""), w, stderr)
		w.Close()
	}()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("serve printed no URL: %v; stderr: %s", err, stderr)
	}
	go io.Copy(io.Discard, out)
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != exitOK {
				t.Errorf("serve exited %d after Ctrl-C: %s", code, stderr)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s of Ctrl-C")
		}
	})
	return strings.TrimSpace(line), stderr
}

// syncBuffer collects what the server writes to stderr while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func post(t *testing.T, url, body string, header map[string]string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

// The page's answer is the command line's, byte for byte.
func TestServeAnswersAsTheCommandLine(t *testing.T) {
	url, _ := startServe(t)
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/") {
		t.Fatalf("first line %q is not the server's URL", url)
	}
	want := runOK(t, "analyze", "ukraine-2026", "--variant", "sanctions-bite", "--set", "actors.russia.reservation=0.47", "--limit", "10", "--format", "json")
	status, got := post(t, url+"api/analyze", `{"scenario": "ukraine-2026", "variant": "sanctions-bite", "set": ["actors.russia.reservation=0.47"], "limit": 10}`, nil)
	if status != http.StatusOK || got != want {
		t.Errorf("api/analyze: status %d, %d bytes; negsim analyze --format json: %d bytes, equal: %v", status, len(got), len(want), got == want)
	}
	want, _, _ = runNegsim(t, "params", "teaching-two-party", "--format", "json")
	if _, got := post(t, url+"api/params", `{"scenario": "teaching-two-party"}`, nil); got != want {
		t.Errorf("api/params differs from negsim params --format json:\n%s\nwant\n%s", got, want)
	}
	want, _, _ = runNegsim(t, "compare", "teaching-two-party", "teaching-two-party", "--set", "actors.candidate.reservation=0.6", "--format", "json")
	if _, got := post(t, url+"api/compare", `{"scenario": "teaching-two-party", "set": ["actors.candidate.reservation=0.6"]}`, nil); got != want {
		t.Errorf("api/compare differs from negsim compare --format json:\n%s\nwant\n%s", got, want)
	}
	want, _, _ = runNegsim(t, "sensitivity", "teaching-two-party", "--all", "--format", "json")
	if _, got := post(t, url+"api/sensitivity", `{"scenario": "teaching-two-party"}`, nil); got != want {
		t.Errorf("api/sensitivity differs from negsim sensitivity --all --format json:\n%s\nwant\n%s", got, want)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), `data-testid="zopa-count"`) || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("GET / gave %d bytes, CSP %q", len(page), resp.Header.Get("Content-Security-Policy"))
	}
}

func TestServeRefuses(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte("name: secret"), 0o644)
	scenario, _ := os.ReadFile(filepath.Join("..", "..", "scenarios", "teaching-two-party.yaml"))
	os.WriteFile(filepath.Join(dir, "class.yaml"), scenario, 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	url, _ := startServe(t, dir, "--max-file-size", "20000")
	host := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	api := url + "api/analyze"
	ok := `{"scenario": "file:class.yaml"}`
	if status, body := post(t, api, ok, nil); status != http.StatusOK || !strings.Contains(body, `"count": 4`) {
		t.Fatalf("a file of the folder: %d %s", status, body)
	}
	cases := []struct {
		name   string
		url    string
		body   string
		header map[string]string
		status int
		says   string
	}{
		{"foreign Host (DNS rebinding)", api, ok, map[string]string{"Host": "attacker.example:" + strings.Split(host, ":")[1]}, http.StatusForbidden, "answers requests for " + host},
		{"localhost when bound to 127.0.0.1", api, ok, map[string]string{"Host": "localhost:" + strings.Split(host, ":")[1]}, http.StatusForbidden, "answers requests for"},
		{"foreign Origin", api, ok, map[string]string{"Origin": "http://attacker.example"}, http.StatusForbidden, "another site"},
		{"cross-site fetch", api, ok, map[string]string{"Sec-Fetch-Site": "cross-site"}, http.StatusForbidden, "another site"},
		// 20,000 bytes are 26,668 characters of base64; the body has 64 KiB more for the rest.
		{"oversized body", api, `{"name": "x.yaml", "data": "` + strings.Repeat("a", 26668+70000) + `"}`, nil, http.StatusRequestEntityTooLarge, "a scenario may be 20,000 bytes at most"},
		{"a file above --max-file-size", url + "api/load", `{"name": "x.yaml", "data": "` + base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("a"), 20001)) + `"}`, nil, http.StatusBadRequest, "larger than 20,000 bytes"},
		{".. path", api, `{"scenario": "file:../` + filepath.Base(outside) + `/secret.yaml"}`, nil, http.StatusBadRequest, "no .."},
		{"absolute path", api, `{"scenario": "file:` + filepath.Join(outside, "secret.yaml") + `"}`, nil, http.StatusBadRequest, "no .."},
		{"a link out of the folder", api, `{"scenario": "file:link.yaml"}`, nil, http.StatusBadRequest, "cannot be read"},
		{"no such method", url + "api/format-disk", `{}`, nil, http.StatusNotFound, "no method"},
		{"not JSON", api, `scenario=x`, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType, "application/json"},
	}
	for _, c := range cases {
		status, body := post(t, c.url, c.body, c.header)
		if status != c.status || !strings.Contains(body, c.says) {
			t.Errorf("%s: %d %s; want %d saying %q", c.name, status, body, c.status, c.says)
		}
	}
	_, list := post(t, url+"api/list", `{}`, nil)
	if !strings.Contains(list, `"class.yaml"`) || strings.Contains(list, "link.yaml") {
		t.Errorf("the list shows links out of the folder or misses its file: %s", list)
	}
	for _, path := range []string{"../go.mod", "%2e%2e/go.mod", "web/app.js", "nothing.js"} {
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound && resp.StatusCode != http.StatusMovedPermanently {
			t.Errorf("GET /%s: %d, want nothing", path, resp.StatusCode)
		}
	}
}

func TestServeAddressChecks(t *testing.T) {
	for _, c := range []struct {
		addr, says string
	}{
		{"0.0.0.0:0", "the address the browser will use"},
		{"nonsense", "give host:port"},
		// 192.0.2.1 is documentation's address (RFC 5737), never this machine's: another
		// port would not help, so the answer must not suggest one.
		{"192.0.2.1:0", "give an address of this computer"},
	} {
		wantRefused(t, c.says, "serve", "--addr", c.addr)
	}
	wantRefused(t, "cannot serve no/such/folder", "serve", "no/such/folder")
}

// --timeout bounds each request, not the server: with a bound no search can meet, the
// reference scenario's analysis is refused and the server keeps answering.
func TestServeTimeoutPerRequest(t *testing.T) {
	url, _ := startServe(t, "--timeout", "1ns")
	for range 2 {
		status, body := post(t, url+"api/analyze", `{"scenario": "ukraine-2026", "variant": "sanctions-bite"}`, nil)
		if status != http.StatusServiceUnavailable || !strings.Contains(body, `"kind": "timeout"`) {
			t.Errorf("analyze under --timeout 1ns: %d %s", status, body)
		}
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("the page after timed-out requests: %d", resp.StatusCode)
	}
}

// serve FILE shows that file alone, not the rest of its folder.
func TestServeOneFile(t *testing.T) {
	dir := t.TempDir()
	scenario, _ := os.ReadFile(filepath.Join("..", "..", "scenarios", "teaching-two-party.yaml"))
	os.WriteFile(filepath.Join(dir, "mine.yaml"), scenario, 0o644)
	os.WriteFile(filepath.Join(dir, "other.yaml"), scenario, 0o644)
	url, _ := startServe(t, filepath.Join(dir, "mine.yaml"))
	if _, list := post(t, url+"api/list", `{}`, nil); !strings.Contains(list, `"files": [
    "mine.yaml"
  ]`) {
		t.Errorf("list: %s", list)
	}
	if status, _ := post(t, url+"api/analyze", `{"scenario": "file:mine.yaml"}`, nil); status != http.StatusOK {
		t.Errorf("the file served: %d", status)
	}
	if status, body := post(t, url+"api/analyze", `{"scenario": "file:other.yaml"}`, nil); status != http.StatusNotFound {
		t.Errorf("another file of its folder: %d %s", status, body)
	}
}

// A client that sends its headers and then stops sending the body is cut off after
// bodyReadTime even without --timeout, and while it waits the other requests are still
// answered: without --timeout it held its connection, and its share of the server's
// request slots, for ever.
func TestServeCutsOffAStalledBody(t *testing.T) {
	shipped := bodyReadTime
	bodyReadTime = time.Second
	t.Cleanup(func() { bodyReadTime = shipped })
	url, _ := startServe(t, "--timeout", "0")
	host := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	answered := make(chan string, apiSlots+1)
	for range apiSlots + 1 {
		conn, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		fmt.Fprintf(conn, "POST /api/analyze HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{", host)
		go func() {
			status, _ := bufio.NewReader(conn).ReadString('\n')
			answered <- status
		}()
	}
	// Every slot is held by a stalled body, and one more waits: a whole request still
	// gets its answer once the stalled ones are cut off.
	if status, body := post(t, url+"api/list", `{}`, nil); status != http.StatusOK {
		t.Errorf("list beside stalled clients: %d %s", status, body)
	}
	for range apiSlots + 1 {
		select {
		case status := <-answered:
			if !strings.Contains(status, "400") {
				t.Errorf("a stalled client got %q, want 400 Bad Request", status)
			}
		case <-time.After(bodyReadTime + 10*time.Second):
			t.Fatalf("a client that stopped sending still held its connection after %s", bodyReadTime+10*time.Second)
		}
	}
}

// Two files whose names differ only by case are one file on Windows and macOS: serve
// names both at start. Here each opens by its exact name, a name in another case that
// only one file answers to opens that one, as Windows and macOS would, and a name both
// answer to is refused, naming them, instead of opening whichever comes first.
func TestServeNamesThatDifferByCase(t *testing.T) {
	dir := t.TempDir()
	for name, from := range map[string]string{"Ukraine.yaml": "teaching-two-party", "ukraine.yaml": "teaching-nash-1950", "Talks.yaml": "teaching-two-party"} {
		scenario, err := os.ReadFile(filepath.Join("..", "..", "scenarios", from+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), scenario, 0o644)
	}
	if entries, _ := os.ReadDir(dir); len(entries) < 3 {
		t.Skip("this file system folds case: Ukraine.yaml and ukraine.yaml are one file here")
	}
	url, stderr := startServe(t, dir)
	wantContains(t, "serve's start", stderr.String(),
		"warning: "+filepath.Join(dir, "Ukraine.yaml")+" and "+filepath.Join(dir, "ukraine.yaml")+" differ only by case: on Windows and macOS they are one file")
	if strings.Contains(stderr.String(), "Talks.yaml") {
		t.Errorf("serve warns of Talks.yaml, which no other file's name folds to: %s", stderr)
	}
	for name, want := range map[string]string{
		"Ukraine.yaml": "Job offer (teaching example, two parties)",
		"ukraine.yaml": "Bill and Jack's barter (Nash 1950)",
		"talks.yaml":   "Job offer (teaching example, two parties)",
	} {
		status, body := post(t, url+"api/analyze", `{"scenario": "file:`+name+`"}`, nil)
		if status != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("file:%s: %d, want %q: %.300s", name, status, want, body)
		}
	}
	status, body := post(t, url+"api/analyze", `{"scenario": "file:UKRAINE.yaml"}`, nil)
	if status != http.StatusBadRequest || !strings.Contains(body, "Ukraine.yaml and ukraine.yaml differ only by case") {
		t.Errorf("file:UKRAINE.yaml: %d %s; want it refused, naming both files", status, body)
	}
}
