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

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    s.src = src;
    s.onload = resolve;
    s.onerror = () => reject(new EngineError({kind: "failed", message: `${src} could not be loaded`}));
    document.head.append(s);
  });
}

// fetchCounted fetches url and tells onProgress the bytes received so far, the total the
// server announced (0 if none; gzipped, it is smaller than what arrives), and at the end
// that the download is done.
async function fetchCounted(url, onProgress) {
  const response = await fetch(url);
  if (!onProgress || !response.body) return response;
  const total = Number(response.headers.get("Content-Length")) || 0;
  let got = 0;
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, out) {
      got += chunk.byteLength;
      onProgress(got, total);
      out.enqueue(chunk);
    },
    flush() {
      onProgress(got, total, true);
    },
  }));
  return new Response(counted, {status: response.status, statusText: response.statusText, headers: response.headers});
}

async function wasmEngine(site, onProgress) {
  await loadScript(site.wasm_exec || "wasm_exec.js");
  const go = new globalThis.Go();
  const url = site.wasm || "negsim.wasm";
  let instance;
  try {
    ({instance} = await WebAssembly.instantiateStreaming(fetchCounted(url, onProgress), go.importObject));
  } catch {
    // A host that serves .wasm without its media type: compile from the bytes instead.
    const bytes = await (await fetch(url)).arrayBuffer();
    ({instance} = await WebAssembly.instantiate(bytes, go.importObject));
  }
  const ready = new Promise((resolve) => { globalThis.negsimReady = resolve; });
  go.run(instance);
  await ready;
  return {
    mode: "wasm",
    files: site.files,
    async call(method, request) {
      let text;
      try {
        text = await globalThis.negsimCall(method, JSON.stringify(request || {}));
      } catch (failure) {
        let error = {kind: "failed", message: String(failure)};
        try { error = JSON.parse(failure).error || error; } catch { /* not JSON: keep the text */ }
        throw new EngineError(error);
      }
      return JSON.parse(text);
    },
  };
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
