// Command negsim-site writes negsim's page as a static site: the page (package web), the
// engine compiled to WebAssembly (cmd/negsim-wasm) and the Go toolchain's matching
// wasm_exec.js, into one folder a teacher can put on any static host. Everything then runs
// in the student's browser; nothing is sent anywhere.
//
//	go run ./cmd/negsim-site -o site
//
// Scenario files (.yaml, .yml, .json) placed in the folder appear in the page's list: the
// command writes their names into scenarios.json, the index the page reads. After adding
// or removing files, run the command again (it keeps them and rewrites the index), or edit
// scenarios.json by hand: {"files": ["a.yaml", "class/b.yaml"]}. Two files whose names
// differ only by case, one file on Windows and macOS, are named in a warning.
//
// It must run inside negsim's module (a clone of the repository), with the Go toolchain
// that `go env GOROOT` names.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/negsim/negsim/api"
	"github.com/negsim/negsim/config"
	"github.com/negsim/negsim/sim"
	"github.com/negsim/negsim/web"
)

const (
	wasmName    = "negsim.wasm"
	wasmExec    = "wasm_exec.js"
	indexName   = "scenarios.json"
	wasmPackage = "github.com/negsim/negsim/cmd/negsim-wasm"
)

// errUsage marks a mistake in how the command was called, answered with exit 2 as negsim
// answers one; anything else that fails exits 1.
var errUsage = errors.New("usage: go run ./cmd/negsim-site -o DIR")

func main() {
	// SIGTERM too: killed outright, a build left its staging folder inside the site.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "negsim-site: %v\n", err)
		os.Exit(exitCode(err))
	}
}

func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) (err error) {
	fl := flag.NewFlagSet("negsim-site", flag.ContinueOnError)
	fl.SetOutput(stderr)
	out := fl.String("o", "", "the folder to write the site into (created when missing)")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("%v; %w", err, errUsage)
	}
	if *out == "" || fl.NArg() > 0 {
		return errUsage
	}
	if info, err := os.Stat(*out); err == nil && !info.IsDir() {
		return fmt.Errorf("-o %s is a file; name the folder to write the site into (%w)", *out, errUsage)
	}
	made, err := makeFolder(*out)
	if err != nil {
		return err
	}
	defer func() {
		if err == nil {
			return
		}
		// A folder this run made holds nothing the user had: it goes, so that a stopped
		// or failed run leaves no empty or half-filled site to be uploaded by mistake.
		left := "the folder was left as it was"
		if made != "" {
			os.RemoveAll(made)
			left = fmt.Sprintf("%s was not made", made)
		}
		if ctx.Err() != nil {
			// The build's own error ("signal: killed") says less than what happened.
			err = fmt.Errorf("interrupted; %s", left)
		} else if made != "" {
			err = fmt.Errorf("%w; %s", err, left)
		}
	}()
	// Everything is made in a staging folder inside DIR and renamed into place, so a
	// failed build leaves the previous site whole. A run killed outright (SIGKILL, a power
	// cut) leaves its folder, which the next run removes.
	removeStaleStages(*out)
	stage, err := os.MkdirTemp(*out, stagePattern)
	if err != nil {
		return err
	}
	defer os.RemoveAll(stage)
	if err := os.Chmod(stage, 0o755); err != nil {
		return err
	}
	goroot, err := goEnv(ctx, "GOROOT")
	if err != nil {
		return err
	}
	goflags, err := goEnv(ctx, "GOFLAGS")
	if err != nil {
		return err
	}
	gobin := filepath.Join(goroot, "bin", "go")
	build := exec.CommandContext(ctx, gobin, "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(stage, wasmName), wasmPackage)
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS="+withoutRace(goflags))
	build.Stdout, build.Stderr = stderr, stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building the engine for WebAssembly (%s): %w", gobin, err)
	}
	if err := copyWasmExec(goroot, filepath.Join(stage, wasmExec)); err != nil {
		return err
	}
	pages, err := fs.ReadDir(web.Files, ".")
	if err != nil {
		return err
	}
	names := []string{wasmName, wasmExec}
	for _, p := range pages {
		data, err := fs.ReadFile(web.Files, p.Name())
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(stage, p.Name()), data, 0o644); err != nil {
			return err
		}
		names = append(names, p.Name())
	}
	site, _ := json.MarshalIndent(map[string]string{"mode": "wasm", "wasm": wasmName, "wasm_exec": wasmExec, "index": indexName}, "", "  ")
	if err := os.WriteFile(filepath.Join(stage, web.ModeFile), append(site, '\n'), 0o644); err != nil {
		return err
	}
	names = append(names, web.ModeFile)
	files, err := scenarioFiles(*out, names)
	if err != nil {
		return err
	}
	for _, same := range config.SameFolded(files) {
		for i, n := range same {
			same[i] = filepath.Join(*out, filepath.FromSlash(n))
		}
		fmt.Fprintf(stderr, "warning: %s differ only by case: on Windows and macOS they are one file, and a copy of this site there, or a server there, keeps one of them; rename all but one\n", sim.JoinWords(same, "and"))
	}
	index, _ := json.MarshalIndent(map[string][]string{"files": files}, "", "  ")
	if err := os.WriteFile(filepath.Join(stage, indexName), append(index, '\n'), 0o644); err != nil {
		return err
	}
	names = append(names, indexName)
	var total, zipped int64
	for _, n := range names {
		size, gz, err := sizes(filepath.Join(stage, n))
		if err != nil {
			return err
		}
		total, zipped = total+size, zipped+gz
	}
	// Once the files start moving, they all move: a page beside an engine of another
	// build would not load.
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if err := os.Rename(filepath.Join(stage, n), filepath.Join(*out, n)); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "wrote %s: %d files, %d bytes (%d gzipped); %d scenario files listed in %s\n", *out, len(names), total, zipped, len(files), indexName)
	return nil
}

// stagePattern names the staging folders; staleStage is the age past which one is a
// leftover of a killed run: a cold build on a busy machine takes a few minutes, and
// nothing reads a staging folder after its run.
const (
	stagePattern = stagePrefix + "*"
	stagePrefix  = ".negsim-site-"
	staleStage   = 10 * time.Minute
)

// makeFolder creates dir and the folders missing above it, and returns the highest it
// created ("" when dir was there), for a failed run to remove.
func makeFolder(dir string) (string, error) {
	made := ""
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			break
		}
		made = d
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	return made, nil
}

func removeStaleStages(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), stagePrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleStage {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// withoutRace is GOFLAGS without the race detector, which does not exist for WebAssembly:
// a developer who runs everything with GOFLAGS=-race (as CI runs the tests) still gets a
// site, built with the rest of their flags.
func withoutRace(goflags string) string {
	var kept []string
	for _, f := range strings.Fields(goflags) {
		name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if name != "race" {
			kept = append(kept, f)
		}
	}
	return strings.Join(kept, " ")
}

func goEnv(ctx context.Context, key string) (string, error) {
	out, err := exec.CommandContext(ctx, "go", "env", key).Output()
	if err != nil {
		return "", fmt.Errorf("go env %s: %w (negsim-site needs the Go toolchain on PATH)", key, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// copyWasmExec copies the toolchain's JavaScript support for WebAssembly, which must match
// the compiler that built the engine: lib/wasm since Go 1.24, misc/wasm before.
func copyWasmExec(goroot, to string) error {
	for _, dir := range []string{"lib/wasm", "misc/wasm"} {
		data, err := os.ReadFile(filepath.Join(goroot, dir, wasmExec))
		if err == nil {
			return os.WriteFile(to, data, 0o644)
		}
	}
	return fmt.Errorf("no %s in %s/lib/wasm or %s/misc/wasm", wasmExec, goroot, goroot)
}

// scenarioFiles lists the scenario files a teacher put in dir, without the site's own: the
// files written this time, and the index and mode file of a site written there before (the
// command is run again after adding files), which are JSON but no scenarios.
func scenarioFiles(dir string, own []string) ([]string, error) {
	all, err := api.ScenarioFiles(os.DirFS(dir))
	return slices.DeleteFunc(all, func(name string) bool {
		return slices.Contains(own, name) || name == indexName || name == web.ModeFile
	}), err
}

func sizes(path string) (int64, int64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	return int64(len(data)), int64(b.Len()), nil
}
