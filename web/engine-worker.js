// negsim's engine for a static site, in a worker: compiled to WebAssembly, the engine runs
// a long question (What would it take, about 30 s on a slow Chromebook) without stopping
// the page, which keeps drawing, scrolling and saying it is working. In the page's own
// thread the whole computation ran before the browser could draw anything.
//
// The page (engine.js) sends {start: {wasm, wasm_exec}} once, then {id, method, request};
// the worker answers {progress: [bytes, total, done]} while the engine downloads, {ready}
// or {failed: message} once, and {id, text} or {id, error} for each request.

// fetchCounted fetches url and posts how much of it has come, as the page shows it.
async function fetchCounted(url) {
  const response = await fetch(url);
  if (!response.body) return response;
  const total = Number(response.headers.get("Content-Length")) || 0;
  let got = 0;
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, out) {
      got += chunk.byteLength;
      postMessage({progress: [got, total, false]});
      out.enqueue(chunk);
    },
    flush() {
      postMessage({progress: [got, total, true]});
    },
  }));
  return new Response(counted, {status: response.status, statusText: response.statusText, headers: response.headers});
}

async function start(site) {
  importScripts(site.wasm_exec || "wasm_exec.js");
  const go = new globalThis.Go();
  const url = site.wasm || "negsim.wasm";
  let instance;
  try {
    ({instance} = await WebAssembly.instantiateStreaming(fetchCounted(url), go.importObject));
  } catch {
    // A host that serves .wasm without its media type: compile from the bytes instead.
    const bytes = await (await fetch(url)).arrayBuffer();
    ({instance} = await WebAssembly.instantiate(bytes, go.importObject));
  }
  const ready = new Promise((resolve) => { globalThis.negsimReady = resolve; });
  go.run(instance);
  await ready;
}

let started;

self.onmessage = async (ev) => {
  const message = ev.data;
  if (message.start) {
    started = start(message.start);
    try {
      await started;
      postMessage({ready: true});
    } catch (failure) {
      postMessage({failed: `the engine could not start: ${failure.message || failure}`});
    }
    return;
  }
  try {
    await started;
    postMessage({id: message.id, text: await globalThis.negsimCall(message.method, message.request)});
  } catch (failure) {
    postMessage({id: message.id, error: String(failure)});
  }
};
