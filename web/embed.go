// Package web holds negsim's page: plain HTML, CSS and JavaScript modules, with no build
// step and nothing fetched from outside the page's own origin. negsim serve serves these
// files from the binary; cmd/negsim-site writes them, with the engine compiled to
// WebAssembly, into a folder for any static host.
//
// The page asks one question of its origin to learn how to reach the engine:
// negsim-site.json, {"mode": "serve"} from negsim serve (the engine answers POST
// /api/METHOD), or {"mode": "wasm"} in a static site (the page loads negsim.wasm and
// wasm_exec.js and calls the engine in the browser). Either way the requests and responses
// are those of package api.
package web

import "embed"

// Files are the page's files, at the root of the file system.
//
//go:embed index.html style.css *.js
var Files embed.FS

// ModeFile is the file that tells the page how to reach the engine.
const ModeFile = "negsim-site.json"
