// Right-to-left names in English sentences. Two Hebrew or Arabic names with a comma between
// them are one right-to-left run to the browser: "the signature of ישראל, מצרים and Jordan"
// showed the names swapped and the comma on the wrong side. Each of the scenario's names
// that holds a right-to-left letter is set apart as a <bdi> where it stands as a whole word,
// which the browser orders within the sentence around it. Only names: a sentence written
// in Hebrew, whose commas are its own, is left to the browser. The rule is negsim's HTML
// writer's (rightToLeftNames and nameSpans in cmd/negsim/html.go).

const RTL_LETTER = /(?=\p{L})[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const WORDY = /[\p{L}\p{M}]/u;

// rightToLeftNames are the scenario's names that hold a right-to-left letter, longest
// first: its name, its sources' titles, its issues' names and options' labels, its actors'
// names.
export function rightToLeftNames(sc) {
  const names = [sc.name, ...(sc.sources || []).map((s) => s.title),
    ...(sc.issues || []).flatMap((is) => [is.name, ...(is.options || []).map((o) => o.label)]),
    ...(sc.actors || []).map((a) => a.name)];
  return [...new Set(names.filter((n) => n && RTL_LETTER.test(n)))].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

// nameSpans are the [start, end) ranges, in order, where text holds one of names as a whole
// word, a longer name before the shorter ones it holds.
export function nameSpans(text, names) {
  const spans = [];
  for (const name of names) {
    for (let from = 0; ; ) {
      const s = text.indexOf(name, from);
      if (s < 0) break;
      const e = s + name.length;
      const before = [...text.slice(0, s)].pop() || "", after = [...text.slice(e)][0] || "";
      if (!WORDY.test(before) && !WORDY.test(after) && !spans.some(([a, b]) => s < b && a < e)) spans.push([s, e]);
      from = e;
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

// isolateHTML sets names, escaped as html's text is, apart in the text between the tags of
// html's body. Attribute values hold no ">" (they are escaped), so what stands between ">"
// and "<" is text.
export function isolateHTML(html, names) {
  const body = html.indexOf("<body");
  if (body < 0 || !names.length) return html;
  return html.slice(0, body) + html.slice(body).replace(/>([^<]+)</g, (m, text) => {
    const spans = nameSpans(text, names);
    if (!spans.length) return m;
    let out = "", at = 0;
    for (const [s, e] of spans) {
      out += text.slice(at, s) + "<bdi>" + text.slice(s, e) + "</bdi>";
      at = e;
    }
    return ">" + out + text.slice(at) + "<";
  });
}

// Elements whose text is no sentence, or whose content cannot hold a <bdi>.
const SKIP = new Set(["BDI", "OPTION", "SELECT", "TEXTAREA", "SCRIPT", "STYLE", "TITLE"]);

// The names of the scenario the page shows.
let shown = [];

function isolateNode(node) {
  const parent = node.parentNode;
  if (!parent || parent.namespaceURI !== "http://www.w3.org/1999/xhtml" || SKIP.has(parent.nodeName)) return;
  const text = node.data, spans = nameSpans(text, shown);
  if (!spans.length) return;
  const pieces = [];
  let at = 0;
  for (const [s, e] of spans) {
    if (s > at) pieces.push(text.slice(at, s));
    const bdi = document.createElement("bdi");
    bdi.textContent = text.slice(s, e);
    pieces.push(bdi);
    at = e;
  }
  if (at < text.length) pieces.push(text.slice(at));
  node.replaceWith(...pieces);
}

function isolateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    if (RTL_LETTER.test(root.data)) isolateNode(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || SKIP.has(root.nodeName) || !RTL_LETTER.test(root.textContent)) return;
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let n; (n = walk.nextNode()); ) if (RTL_LETTER.test(n.data)) found.push(n);
  found.forEach(isolateNode);
}

// isolateAlways sets the shown scenario's names apart under root, in all text the page
// writes there, wherever it writes it: names reach sentences in many places.
export function isolateAlways(root) {
  new MutationObserver((records) => {
    if (!shown.length) return;
    for (const r of records) {
      if (r.type === "characterData") isolateTree(r.target);
      else r.addedNodes.forEach(isolateTree);
    }
  }).observe(root, {childList: true, subtree: true, characterData: true});
}

// showNames says which scenario's names the page shows from now on.
export function showNames(sc) {
  shown = rightToLeftNames(sc);
}
