// How the page reaches negsim's engine. The origin says which way in negsim-site.json:
// "serve" (negsim serve answers POST api/METHOD) or "wasm" (a static site: the engine runs
// in this tab, compiled to WebAssembly). Requests and responses are the same JSON either
// way (package api).

export class EngineError extends Error {
  constructor(error) {
    super(error.message);
    this.kind = error.kind;
    this.problems = error.problems || [];
  }
}

async function readJSON(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new EngineError({kind: "failed", message: `the server answered ${response.status} with no JSON`});
  }
}

function servedEngine() {
  return {
    mode: "serve",
    async call(method, request) {
      let response;
      try {
        response = await fetch(`api/${method}`, {
          method: "POST",
          headers: {"Content-Type": "application/json"},
          body: JSON.stringify(request || {}),
        });
      } catch {
        throw new EngineError({kind: "failed", message: "negsim serve does not answer: is it still running?"});
      }
      const body = await readJSON(response);
      if (!response.ok) throw new EngineError(body.error || {kind: "failed", message: `status ${response.status}`});
      return body;
    },
  };
}

// wasmEngine starts the engine in a worker (engine-worker.js), so that the page keeps
// drawing while it computes. files are what the worker fetched, which the page's own list
// of loaded resources does not hold and the offline copy needs.
function wasmEngine(site, onProgress) {
  return new Promise((resolve, reject) => {
    const worker = new Worker("engine-worker.js");
    const waiting = new Map();
    let next = 0;
    const engine = {
      mode: "wasm",
      files: ["engine-worker.js", site.wasm_exec || "wasm_exec.js", site.wasm || "negsim.wasm"],
      call(method, request) {
        const id = ++next;
        worker.postMessage({id, method, request: JSON.stringify(request || {})});
        return new Promise((done, fail) => waiting.set(id, {done, fail}));
      },
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      const failure = new EngineError({kind: "failed", message: "the engine stopped (engine-worker.js could not be loaded or failed); reload the page"});
      reject(failure);
      for (const w of waiting.values()) w.fail(failure);
      waiting.clear();
    };
    worker.onmessage = (ev) => {
      const m = ev.data;
      if (m.progress) {
        if (onProgress) onProgress(...m.progress);
      } else if (m.ready) {
        resolve(engine);
      } else if (m.failed) {
        reject(new EngineError({kind: "failed", message: m.failed}));
      } else {
        const w = waiting.get(m.id);
        waiting.delete(m.id);
        if (!w) return;
        if (m.error === undefined) {
          w.done(JSON.parse(m.text));
          return;
        }
        let error = {kind: "failed", message: m.error};
        try { error = JSON.parse(m.error).error || error; } catch { /* not JSON: keep the text */ }
        w.fail(new EngineError(error));
      }
    };
    worker.postMessage({start: {wasm: site.wasm, wasm_exec: site.wasm_exec}});
  });
}

// connect finds the engine. In a static site the page also learns where the teacher's
// scenario index is, and onProgress(bytes, total) hears how the engine's download goes.
export async function connect(onProgress) {
  const response = await fetch("negsim-site.json", {cache: "no-store"});
  if (!response.ok) throw new EngineError({kind: "failed", message: "negsim-site.json is missing: serve this page with negsim serve, or write the site with negsim-site"});
  const site = await response.json();
  if (site.mode === "serve") return servedEngine();
  return wasmEngine(site, onProgress);
}
