// Right-to-left names in English sentences. Two Hebrew or Arabic names with a comma between
// them are one right-to-left run to the browser: "the signature of ישראל, מצרים and Jordan"
// showed the names swapped and the comma on the wrong side. Each run of right-to-left words
// is set apart as a <bdi>, which the browser orders within the sentence around it. The rule
// is negsim's HTML writer's (rightToLeftRuns in cmd/negsim/html.go): a run stops at a
// letter of another script and at punctuation with a space beside it, the English
// sentence's between two names; spaces alone (a name of several words) or punctuation with
// no space (ארה"ב, an abbreviation) keep it whole.

const RTL = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const RTL_LETTER = (c) => /\p{L}/u.test(c) && RTL.test(c);

// rightToLeftRuns returns the [start, end) ranges, in UTF-16 units, of text's runs.
export function rightToLeftRuns(text) {
  const runs = [];
  let start = -1, end = -1, gapSpace = false, gapOther = false;
  let i = 0;
  for (const c of text) {
    if (RTL_LETTER(c)) {
      if (start >= 0 && gapSpace && gapOther) {
        runs.push([start, end]);
        start = -1;
      }
      if (start < 0) start = i;
      end = i + c.length;
      gapSpace = gapOther = false;
    } else if (start < 0) {
      // outside a run
    } else if (/\p{L}/u.test(c)) {
      runs.push([start, end]);
      start = -1;
    } else if (/\p{Mn}/u.test(c) && end === i) {
      end = i + c.length;
    } else if (/\s/u.test(c)) {
      gapSpace = true;
    } else {
      gapOther = true;
    }
    i += c.length;
  }
  if (start >= 0) runs.push([start, end]);
  return runs;
}

// isolateHTML sets the runs of the text between the tags of html's body apart. Attribute
// values hold no ">" (they are escaped), so what stands between ">" and "<" is text.
export function isolateHTML(html) {
  const body = html.indexOf("<body");
  if (body < 0 || !RTL.test(html)) return html;
  return html.slice(0, body) + html.slice(body).replace(/>([^<]+)</g, (m, text) => {
    const runs = rightToLeftRuns(text);
    if (!runs.length) return m;
    let out = "", at = 0;
    for (const [s, e] of runs) {
      out += text.slice(at, s) + "<bdi>" + text.slice(s, e) + "</bdi>";
      at = e;
    }
    return ">" + out + text.slice(at) + "<";
  });
}

// Elements whose text is no sentence, or whose content cannot hold a <bdi>.
const SKIP = new Set(["BDI", "OPTION", "SELECT", "TEXTAREA", "SCRIPT", "STYLE", "TITLE", "INPUT"]);

function isolateNode(node) {
  const parent = node.parentNode;
  if (!parent || parent.namespaceURI !== "http://www.w3.org/1999/xhtml" || SKIP.has(parent.nodeName)) return;
  const text = node.data, runs = rightToLeftRuns(text);
  if (!runs.length) return;
  const pieces = [];
  let at = 0;
  for (const [s, e] of runs) {
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
    if (RTL.test(root.data)) isolateNode(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE || SKIP.has(root.nodeName) || !RTL.test(root.textContent)) return;
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let n; (n = walk.nextNode()); ) if (RTL.test(n.data)) found.push(n);
  found.forEach(isolateNode);
}

// isolateAlways sets apart every run under root now and in all text the page writes there
// later, wherever it writes it: names reach sentences in many places.
export function isolateAlways(root) {
  isolateTree(root);
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === "characterData") isolateTree(r.target);
      else r.addedNodes.forEach(isolateTree);
    }
  }).observe(root, {childList: true, subtree: true, characterData: true});
}
