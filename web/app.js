// negsim's page: choose a scenario, change its values, read the results. The engine answers
// through engine.js; this file holds the page's state (mirrored in the URL's hash, so that
// a link reproduces it) and draws what the engine says. It computes nothing of the model.

import {connect} from "./engine.js";
import {planeChart, roundsChart, roundsLegend, tornadoChart, legend, SOLUTIONS, PALETTE} from "./chart.js";
import {reportHTML} from "./report.js";
import {count, deals, enterLeave, joinAnd, joinWords, possessive, shellWord, num, signed, plain, percent, ratifiersIn, diagnosisWords, agreementWords, actorWords, solutionsTable, optionsTable, roundsSummary, roundsNotes, roundWords, noTextTeller, scoreWords} from "./words.js";
import {drawPlay, noteSameTalks, readPlayHash, stack, writePlayHash} from "./play.js";
import {isolateAlways, showNames} from "./bidi.js";

const $ = (id) => document.getElementById(id);
const h = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) e.append(c);
  return e;
};

// The page's state: what the hash holds.
// deal is the deal the Score view scores, as issue=option pairs; "" until one is chosen.
const state = {scenario: "", variant: "", set: new Map(), view: "zone", axes: [], deal: ""};
// Views that fetch their own results when shown: each is a tab in index.html and a case of
// showView.
const VIEWS = ["zone", "take", "words", "rounds", "compare", "share", "score", "play"];

let engine;
let catalog = {scenarios: [], files: []};
let local = null; // {name, id} of a file opened from this computer
let engineID = ""; // what the engine calls the open scenario
let loaded = null; // the open scenario, as the file gives it
let params = []; // what can change, at the variant's values
const results = {}; // the latest answers, by kind, with the query they answer
let selectedRound = 0;

// --- the hash -----------------------------------------------------------------------------

// taken records the hash the page has read or written: a link followed within the page
// changes location.hash at once but is read only when its hashchange event runs, and until
// then the page is not showing what its address says (tests wait on the two agreeing).
function taken() {
  document.body.dataset.hash = location.hash;
}

function readHash() {
  taken();
  const p = new URLSearchParams(location.hash.slice(1));
  state.scenario = p.get("scenario") || "";
  state.variant = p.get("variant") || "";
  state.set = new Map();
  for (const s of p.getAll("set")) {
    const i = s.indexOf("=");
    if (i > 0) state.set.set(s.slice(0, i), s.slice(i + 1));
  }
  state.view = VIEWS.includes(p.get("view")) ? p.get("view") : "zone";
  state.axes = (p.get("axes") || "").split(",").filter(Boolean);
  state.deal = p.get("deal") || "";
  readPlayHash(p);
}

function hashOf() {
  const p = new URLSearchParams();
  if (state.scenario) p.set("scenario", state.scenario);
  if (state.variant) p.set("variant", state.variant);
  for (const [k, v] of state.set) p.append("set", `${k}=${v}`);
  if (state.view !== "zone") p.set("view", state.view);
  if (state.axes.length === 2) p.set("axes", state.axes.join(","));
  if (state.deal) p.set("deal", state.deal);
  writePlayHash(p);
  return "#" + p.toString();
}

// whatIf is the address without its view, the chart's axes and the deal scored: what the
// analysis and the controls are worked out from. The others only pick what to show.
function whatIf() {
  const p = new URLSearchParams(hashOf().slice(1));
  p.delete("view");
  p.delete("axes");
  p.delete("deal");
  return p.toString();
}

// writeHash puts the state in the address. A change within the scenario replaces the
// history entry, as a slider's every step would otherwise be one; another scenario, which
// drops the what-if, is a new entry (push), so that Back brings the what-if again.
function writeHash(push = false) {
  const next = hashOf();
  if (location.hash !== next) history[push ? "pushState" : "replaceState"](null, "", next);
  taken();
  if (state.view === "share") $("permalink").value = location.href;
}

// startAfresh drops the what-if for another scenario, in a new history entry: Back brings
// the scenario before with its what-if.
function startAfresh() {
  state.variant = "";
  state.set.clear();
  state.axes = [];
  state.deal = "";
  writeHash(true);
}

// --- talking to the engine --------------------------------------------------------------

function query() {
  const q = {scenario: engineID};
  if (state.variant) q.variant = state.variant;
  if (state.set.size) q.set = [...state.set].map(([k, v]) => `${k}=${v}`);
  return q;
}

// invalidPaths are the values the latest error names: their controls are marked invalid
// and described by the error, so that a screen reader on the field hears what is wrong
// with it, not only the alert at the top of the page.
let invalidPaths = [];

function showError(e, note = "") {
  invalidPaths = [...(e.problems || []).map((p) => p.path), ...[...e.message.matchAll(/^\s+([A-Za-z0-9_.-]+): /gm)].map((m) => m[1])].filter(Boolean);
  markInvalid();
  const box = $("error");
  const problems = (e.problems || []).map(diagnosticText);
  const lead = e.message.split("\n")[0];
  // A file's problems come as a message that is their first, and the list: the heading
  // then says how many, rather than the first twice.
  box.replaceChildren(h("p", {text: lead === problems[0] ? `${e.problems[0].file}: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}` : lead}));
  // A what-if's problems come indented under the message's first line, one a line: they are
  // listed as a file's are, each wrapping in the window.
  const rest = e.message.split("\n").slice(1);
  const listed = rest.length && rest.every((line) => /^\s+\S/.test(line)) ? rest.map((line) => line.trim()) : [];
  if (problems.length || listed.length) {
    box.append(h("ul", {}, (problems.length ? problems : listed).map((text) => h("li", {text}))));
  } else if (rest.length) {
    box.append(h("pre", {text: rest.join("\n")}));
  }
  if (note) box.append(h("p", {text: note}));
  box.hidden = false;
}

// diagnosticText says a problem as the command line prints it: file:line:col: path: message,
// leaving out what is unknown.
function diagnosticText(p) {
  const at = p.file ? `${p.file}${p.line ? ":" + p.line : ""}${p.col ? ":" + p.col : ""}: ` : "";
  return `${at}${p.path ? p.path + ": " : ""}${p.message}`;
}

// showWarnings lists what negsim analyze warns of the what-if q on stderr, located in the
// file: the analysis an says whether there is any (without a position), and only then is
// the engine asked where. Notes on style are validate's, as on the command line.
async function showWarnings(an, q) {
  const box = $("warnings");
  if (!(an.warnings || []).some((w) => !w.style)) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  let found;
  try {
    found = (await fetchOnce("warnings", "warnings", q, q)).warnings.filter((w) => !w.style);
  } catch {
    // The analysis has come: its warnings stay unsaid rather than hide it behind an error.
    return;
  }
  if (key(query()) !== key(q)) return;
  const n = found.length;
  // Open when short, as the command line prints three before it points to validate.
  const open = box.querySelector("details") ? box.querySelector("details").open : n <= 3;
  box.replaceChildren(h("details", {open},
    h("summary", {text: `${n === 1 ? "A warning" : `${n} warnings`} about this scenario, as negsim analyze gives ${n === 1 ? "it" : "them"}`}),
    h("ul", {}, found.map((w) => h("li", {text: diagnosticText(w)})))));
  box.hidden = !n;
}

function clearError() {
  $("error").hidden = true;
  invalidPaths = [];
  markInvalid();
}

// markInvalid ties the error to the controls of the values it names and, where such a
// value was not changed itself, to the changed value beside it in the same part of the
// scenario, which made it invalid (Ukraine's ratifiers cut to the Rada: the error names
// the votes its ratification needs).
function markInvalid() {
  const controlOf = (path) => document.querySelector(`.control[data-path="${CSS.escape(path)}"]`);
  const shared = (a, b) => {
    const x = a.split("."), y = b.split(".");
    let n = 0;
    while (n < x.length && x[n] === y[n]) n++;
    return n;
  };
  const marked = new Set();
  for (const path of invalidPaths) {
    const named = controlOf(path);
    if (named) marked.add(named);
    if (state.set.has(path)) continue;
    const near = [...state.set.keys()].map((k) => [shared(k, path), k]).filter(([n]) => n >= 3).sort((a, b) => b[0] - a[0])[0];
    const cause = near && controlOf(near[1]);
    if (cause) marked.add(cause);
  }
  for (const field of document.querySelectorAll("#controls input, #controls select")) {
    const wrong = marked.has(field.closest(".control"));
    const described = (field.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== "error");
    if (wrong) field.setAttribute("aria-invalid", "true");
    else if (field.getAttribute("aria-invalid") === "true" && !field.closest(".control").querySelector(".field-problem:not([hidden])")) field.removeAttribute("aria-invalid");
    const ids = (wrong ? [...described, "error"] : described).join(" ");
    if (ids) field.setAttribute("aria-describedby", ids);
    else field.removeAttribute("aria-describedby");
  }
}

// --- the scenario list ------------------------------------------------------------------

function fillScenarios() {
  const sel = $("scenario");
  sel.replaceChildren();
  sel.disabled = false;
  const shipped = h("optgroup", {label: "Shipped with negsim"});
  for (const s of catalog.scenarios) shipped.append(h("option", {value: s.name, text: `${s.title} (${s.name})`}));
  sel.append(shipped);
  if (catalog.files.length) {
    const files = h("optgroup", {label: engine.mode === "serve" ? "Files of the served folder" : "Files of this site"});
    for (const f of catalog.files) files.append(h("option", {value: "file:" + f, text: f}));
    sel.append(files);
  }
  if (local) {
    sel.append(h("optgroup", {label: "From this computer"}, h("option", {value: local.id, text: local.name})));
  }
  if (![...sel.options].some((o) => o.value === state.scenario)) {
    // A link's file from a computer is known by an id that means nothing to a reader.
    sel.append(h("option", {value: state.scenario, "data-missing": "", text: state.scenario.startsWith("doc:") ? "A file from a computer: open it again" : state.scenario}));
  }
  sel.value = state.scenario;
}

// dataOf is a scenario file (a File, or a Response from the site) as the engine takes it:
// its bytes as stored, in base64. The engine decodes them as the command line decodes a
// file (config.DecodeText), so that a file saved as Latin-1 is refused with the same words,
// at its first bad byte, and not shown with "�" for every accent as the browser's decoder
// would show it.
async function dataOf(body) {
  const bytes = new Uint8Array(await body.arrayBuffer());
  let binary = "";
  // In slices: a call takes a limited number of arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function resolveScenario() {
  const ref = state.scenario;
  if (ref.startsWith("file:") && engine.mode === "wasm") {
    // A static site has no server to read its files: the page fetches the file from its
    // own origin and hands the text to the engine.
    const name = ref.slice(5);
    // Each part of the path encoded whole: a teacher's "group #2.yaml" is a file, not a
    // fragment of "group ".
    const response = await fetch(name.split("/").map(encodeURIComponent).join("/"));
    if (!response.ok) throw new Error(`${name}: the site has no such file (status ${response.status})`);
    const l = await engine.call("load", {name, data: await dataOf(response)});
    return l;
  }
  return engine.call("load", {scenario: ref});
}

// opening counts the scenarios being read: until the last is open, the page is not showing
// what its address says, even when no analysis is running.
let opening = 0;

async function openScenario() {
  const ref = state.scenario;
  setStatus(`Opening ${ref}…`);
  let opened;
  opening++;
  try {
    opened = await resolveScenario();
  } catch (e) {
    opening--;
    if (state.scenario !== ref) return;
    if (ref.startsWith("doc:")) {
      e.message = "This link names a file that was opened from a computer, which the link cannot carry: open the same file with “Open a scenario file”, and the link's variant, changes and view apply to it.";
    }
    showError(e);
    setStatus("");
    // The list and the address name the scenario that did not open: nothing of the last
    // one may stay under its name.
    forget();
    // Nothing is computed for a scenario that did not open: the page has answered.
    document.body.dataset.ready = "true";
    if (!running && applied === wanted && !opening) busy(false);
    return;
  }
  opening--;
  // Another scenario was chosen while this one was read: that one's own call shows it.
  if (state.scenario !== ref) return;
  loaded = opened;
  if (loaded.id !== engineID) clearResults("…", "");
  engineID = loaded.id;
  const sc = loaded.scenario;
  showNames(sc);
  $("about").textContent = firstParagraph(sc.description || "");
  // The scenario's own line on what kind of model it is, as every result on the command line
  // repeats it: the reference scenario is a teaching model, not a forecast.
  const stance = (sc.stance || "").replace(/\s+/g, " ").trim();
  $("stance").textContent = stance ? `Stance: ${stance}` : "";
  $("stance").hidden = !stance;
  fillVariants(sc);
  setStatus(`${sc.name}: ${loaded.file}${engine.mode === "wasm" ? " (computed in this browser)" : ""}`);
  refresh();
  await buildControls();
}

// fillVariants offers the open scenario's variants, the link's chosen. A link's variant the
// file does not hold (misspelt, or renamed since) is named in the menu and refused by the
// engine in the command line's words, rather than dropped unsaid under a link that still
// names it.
function fillVariants(sc) {
  const vs = $("variant");
  vs.replaceChildren(h("option", {value: "", text: "As the file gives it"}));
  vs.disabled = false;
  for (const v of sc.variants || []) {
    const about = v.description.replace(/\s+/g, " ");
    vs.append(h("option", {value: v.id, title: about, text: `${v.id}: ${clip(about, 70)}`}));
  }
  if (state.variant && !(sc.variants || []).some((v) => v.id === state.variant)) {
    vs.append(h("option", {value: state.variant, "data-missing": "", text: `${state.variant}: not in this file`}));
  }
  vs.value = state.variant;
}

// forget closes the open scenario: its results, controls, variants and Play seat go, and
// nothing is asked of the engine until another opens.
function forget() {
  clearResults();
  loaded = null;
  engineID = "";
  params = [];
  controlsAsked++;
  for (const id of ["controls", "play"]) $(id).replaceChildren();
  // An empty menu reads as a blank box: it says why there is nothing to choose instead.
  $("variant").replaceChildren(h("option", {value: "", text: "None: no scenario is open"}));
  $("variant").disabled = true;
  $("about").textContent = "";
  $("stance").hidden = true;
  document.body.dataset.controls = "ready";
}

function firstParagraph(text) {
  return clip(text.trim().split(/\n\s*\n/)[0].replace(/\s+/g, " "), 400);
}

// clip shortens text to n characters at most, at the last space within them, and marks
// the cut. Chinese and Japanese have no spaces to cut at: they are cut at n, where the
// search for a space gave none and a long description stood whole in the variants' menu.
function clip(text, n) {
  if (text.length <= n) return text;
  const space = text.lastIndexOf(" ", n);
  return text.slice(0, space > 0 ? space : n) + " …";
}

const megabytes = (bytes) => String(Math.floor(bytes / 1e6));

function setStatus(text) {
  $("status").textContent = text;
}

// --- names ------------------------------------------------------------------------------

function actorName(id) {
  const a = loaded && loaded.scenario.actors.find((x) => x.id === id);
  return a ? a.name : id;
}
function issueOf(id) {
  return loaded.scenario.issues.find((x) => x.id === id);
}
function issueName(id) {
  const is = issueOf(id);
  return is ? is.name : id;
}
function optionLabel(issue, id) {
  const is = issueOf(issue);
  const o = is && is.options.find((x) => x.id === id);
  return o && o.label ? `${o.label} (${id})` : id;
}
function dealPairs(options) {
  return loaded.scenario.issues.map((is) => `${is.id}=${options[is.id]}`).join(",");
}
function dealText(options) {
  return loaded.scenario.issues.map((is) => `${is.name}: ${optionLabel(is.id, options[is.id])}`).join("; ");
}
// say names things for words.js, which words what the page and its report show.
const say = {actorName, issueName, optionLabel, dealPairs, beliefLines};

// beliefLines says what an actor believes of the others where the file differs, each
// belief in the words of the what-if control that sets it: the In words view and the
// report list them as negsim explain does. Empty for an actor that believes the file.
function beliefLines(id) {
  const a = loaded.scenario.actors.find((x) => x.id === id);
  return ((a && a.beliefs && a.beliefs.set) || []).map(({path, value}) => {
    const s = path.split(".");
    // A believed red line lists the options it takes; a condition's part, those it asks
    // one of.
    const issue = s[2] === "preferences" ? s[3] : s.at(-1);
    const said = Array.isArray(value) ? joinWords(value.map((o) => optionLabel(issue, o)), s[2] === "preferences" ? "and" : "or") : valueText(path, String(value));
    return `${pathWords(path)}: ${said}.`;
  });
}

// --- the what-if controls ----------------------------------------------------------------

const listOf = (v) => v.replace(/^\[|\]$/g, "").split(",").map((s) => s.trim()).filter(Boolean);
const flowList = (ids) => `[${ids.join(",")}]`;

// describe says what a path means in words, for its label.
function describe(path) {
  const s = path.split(".");
  if (s[0] === "actors") {
    const who = actorName(s[1]);
    const rest = s.slice(2);
    switch (rest[0]) {
      case "veto": return {group: s[1], text: "Veto"};
      case "power": return {group: s[1], text: "Bargaining power"};
      case "reservation": return {group: s[1], text: "Reservation (what no deal is worth)"};
      case "reservation_drift": return {group: s[1], text: "Reservation drift per round"};
      case "strategy": return {group: s[1], text: rest[1] === "kind" ? "Concession strategy" : "Concession exponent"};
      case "votes": return {group: s[1], text: "Votes"};
      case "ratification": return {group: s[1], sub: "Ratification at home", text: {votes_needed: "Votes its ratifiers must give", by: "Who must ratify"}[rest[1]] || rest.slice(1).join(" ")};
      // beliefs.set.PATH: what this actor believes PATH to be, said as PATH's own label.
      case "beliefs": return {group: s[1], sub: "What it believes of the others", text: rest[1] === "set" ? pathWords(rest.slice(2).join(".")) : rest.slice(1).join(".")};
      case "preferences": {
        const is = issueName(rest[1]);
        const sub = `${is}`;
        switch (rest[2]) {
          case "weight": return {group: s[1], sub, text: `Weight of ${is}`};
          case "ideal": return {group: s[1], sub, text: `Ideal option on ${is}`};
          case "shape": return {group: s[1], sub, text: `How value falls away from the ideal on ${is}`};
          case "utilities": return {group: s[1], sub, text: `Value of ${optionLabel(rest[1], rest[3])} on ${is}`};
          case "acceptable": return {group: s[1], sub, text: `Red line on ${is}: the options ${who} can accept`};
        }
        break;
      }
      case "constraints": {
        const c = (loaded.scenario.actors.find((a) => a.id === s[1]).constraints || [])[Number(rest[1])] || {};
        const why = c.why ? ` (${c.why})` : "";
        const part = rest[2] === "if" ? `if ${issueName(rest[3])} is one of` : `then ${issueName(rest[3])} must be one of`;
        return {group: s[1], sub: `Condition ${Number(rest[1]) + 1}${why}`, text: part};
      }
    }
    return {group: s[1], text: rest.join(".")};
  }
  if (s[0] === "decision") return {group: "talks", text: "Votes a deal needs (0: the vetoes alone decide)"};
  if (s[0] === "protocol") {
    const t = {kind: "How talks run (protocol)", rounds: "Deadline in rounds", rule: "How the mediator chooses", mediator: "Mediator"}[s[1]];
    return {group: "talks", text: t || s[1]};
  }
  if (s[0] === "events") {
    const ev = (loaded.scenario.events || [])[Number(s[1])] || {};
    return {group: "talks", text: `Round of the event: ${ev.why || s[1]}`};
  }
  return {group: "other", text: path};
}

function stepOf(p) {
  if (p.kind === "integer") return 1;
  const range = p.max - p.min;
  return range > 0 ? Math.pow(10, Math.floor(Math.log10(range / 100))) : 0.01;
}
function formatNumber(x, step) {
  const d = Math.max(0, -Math.floor(Math.log10(step)));
  return String(Number(x.toFixed(d)));
}

// valueText says what a slider's number is, for a screen reader, which would read the bare
// number ("Reservation, 0.48"). A belief says the value as the path it is a belief of.
function valueText(path, v) {
  const s = path.split(".");
  const n = Number(v);
  const votes = n === 1 ? "1 vote" : `${v} votes`;
  if (s[0] === "decision") return n === 0 ? "0: the vetoes alone decide" : votes;
  if (s[0] === "events") return `round ${v}`;
  if (s[0] !== "actors") return v;
  switch (s[2]) {
    case "beliefs": return s[3] === "set" ? valueText(s.slice(4).join("."), v) : v;
    case "reservation": return `${v} of its best deal's worth`;
    case "reservation_drift": return n === 0 ? "0: the same every round" : `${n > 0 ? "rises" : "falls"} ${v.replace(/^[-+]/, "")} each round`;
    case "power": return n === 1 ? "1, the default" : `${v} times the default`;
    case "votes": return votes;
    // 0, or none written, asks for every vote its ratifiers hold (MODEL.md, section 6).
    case "ratification": return n === 0 ? "0: every vote its ratifiers hold" : votes;
    case "strategy": return n < 1 ? `${v}: holds out, concedes late` : n > 1 ? `${v}: concedes early` : `${v}: concedes evenly`;
    case "preferences":
      if (s[4] === "utilities") return `${v} of its ideal option's worth`;
      if (s[4] === "weight") {
        // Weights count as shares of the actor's total (MODEL.md, section 1).
        const total = params.filter((q) => q.path.startsWith(`actors.${s[1]}.preferences.`) && q.path.endsWith(".weight"))
          .reduce((sum, q) => sum + Number(q.path === path ? v : currentValue(q)), 0);
        return total > 0 ? `${v}: ${Math.round((100 * n) / total)}% of all its weights` : v;
      }
  }
  return v;
}

function currentValue(p) {
  return state.set.has(p.path) ? state.set.get(p.path) : p.value;
}

// asFile reports whether value is the one the scenario (with its variant) gives p.
function asFile(p, value) {
  return p.kind === "number" || p.kind === "integer" ? Number(value) === Number(p.value) : value === p.value;
}

// change records one control's value: an override when it differs from the scenario's,
// none when it is back where the scenario has it.
function change(p, value, started) {
  if (asFile(p, value)) state.set.delete(p.path);
  else state.set.set(p.path, value);
  markChanged(p.path);
  showChanges();
  writeHash();
  refresh(started);
}

function markChanged(path) {
  const c = document.querySelector(`.control[data-path="${CSS.escape(path)}"]`);
  if (c) c.classList.toggle("changed", state.set.has(path));
}

// showChanges says how many values differ from the file, and lists them, each from the
// file's value to the what-if's with a button that takes it back: a changed control may be
// in a group that is closed. The count is a live region: rewritten with the same words at
// each move of a slider, it would be read out at each one. The list is not, for the same
// reason.
function showChanges() {
  const n = state.set.size;
  const text = n === 0 ? "No changes yet." : `${n} change${n === 1 ? "" : "s"} from the scenario${state.variant ? " with its variant" : ""}.`;
  if ($("changes").textContent !== text) $("changes").textContent = text;
  const items = [...state.set].map(([path, v]) => {
    const p = params.find((q) => q.path === path);
    const what = p ? pathWords(path) : path;
    return h("li", {"data-path": path}, `${what}: ${p ? changeWords(p, v) : v} `,
      h("button", {type: "button", onclick: () => undo(path), "aria-label": `Undo: ${what}`, text: "Undo"}));
  });
  $("changed").replaceChildren(...items);
  $("changed").hidden = !items.length;
}

// changeWords says how a value moved from the file's, as its control shows it: a switch as
// yes or no, a list of options by those it gained and lost, named by their labels.
function changeWords(p, v) {
  const s = p.path.split(".");
  switch (p.kind) {
    case "bool": return `${p.value === "true" ? "yes" : "no"} → ${v === "true" ? "yes" : "no"}`;
    case "options": {
      const issue = p.path.includes(".preferences.") ? s[3] : s.at(-1);
      const was = listOf(p.value), now = listOf(v);
      const named = (ids) => joinAnd(ids.map((id) => optionLabel(issue, id)));
      const gained = now.filter((id) => !was.includes(id)), lost = was.filter((id) => !now.includes(id));
      return [...(gained.length ? [`now also ${named(gained)}`] : []), ...(lost.length ? [`no longer ${named(lost)}`] : [])].join("; ") || "the same options";
    }
    case "option":
      if (s[2] === "preferences" && s[4] === "ideal") return `${optionLabel(s[3], p.value)} → ${optionLabel(s[3], v)}`;
  }
  return `${p.value} → ${v}`;
}

// undo takes one change back: its control shows the file's value again, and the focus
// moves to the next change in the list, or to the count when none is left.
function undo(path) {
  const at = [...state.set.keys()].indexOf(path);
  state.set.delete(path);
  const p = params.find((q) => q.path === path);
  const c = document.querySelector(`.control[data-path="${CSS.escape(path)}"]`);
  if (p && c) showValue(c, p, p.value);
  markChanged(path);
  showChanges();
  writeHash();
  refresh();
  const left = $("changed").querySelectorAll("button");
  (left[Math.min(at, left.length - 1)] || $("changes")).focus();
}

// showValue sets a control's fields to value, as control() builds them.
function showValue(c, p, value) {
  const range = c.querySelector('input[type="range"]'), number = c.querySelector('input[type="number"]');
  if (range) {
    range.value = value;
    c.querySelector("output").textContent = value;
    tellValue(p.path, range);
  } else if (number) {
    number.value = value;
  } else if (p.kind === "bool") {
    const box = c.querySelector('input[type="checkbox"]');
    if (box) box.checked = value === "true";
  } else if (p.kind === "option") {
    c.querySelector("select").value = value;
  } else if (p.kind === "options") {
    const on = new Set(listOf(value));
    for (const box of c.querySelectorAll('input[type="checkbox"]')) box.checked = on.has(box.value);
  }
}

// noteWords says beside a control why its value is narrower than its kind, in the words of
// negsim params, so that a student sees the bound before moving past it and meeting the
// error. A list's note names its members itself ("those listed"); any other is said of the
// value ("It cannot fall below …").
function noteWords(p) {
  if (!p.note) return "";
  return (p.kind === "options" ? p.note.charAt(0).toUpperCase() + p.note.slice(1) : `It ${p.note}`) + ".";
}

let controlCount = 0;
function control(p) {
  const id = `ctl-${controlCount++}`;
  const d = describe(p.path);
  const path = h("span", {class: "path", text: p.path});
  // Every control has room for a note: another value's change can bring one (followBounds).
  const text = noteWords(p);
  const note = h("p", {id: id + "-note", class: "hint note", text, hidden: !text});
  // What a screen reader hears after the control's name: its note, then its path.
  const described = `${id}-note ${id}-path`;
  const wrap = (tag, ...children) => h(tag, {class: "control", "data-path": p.path, "data-words": `${d.text} ${d.sub || ""} ${actorName(d.group)} ${p.path}`.toLowerCase()}, ...children);
  const value = currentValue(p);
  switch (p.kind) {
    case "integer":
      if (p.max - p.min > 100) {
        // A number the field cannot take is said beside it, and the field marked, rather
        // than dropped unseen: the results stay at the last value taken.
        const problem = h("p", {id: id + "-problem", class: "field-problem", role: "alert", hidden: true});
        const input = h("input", {type: "number", id, min: p.min, max: p.max, step: 1, value, "aria-describedby": `${id}-problem ${described}`});
        input.addEventListener("change", (ev) => {
          const ok = input.checkValidity() && input.value !== "";
          problem.hidden = ok;
          if (ok) input.removeAttribute("aria-invalid");
          else {
            input.setAttribute("aria-invalid", "true");
            problem.textContent = `Not taken: ${input.value === "" ? "that is not a number" : input.value}. Give a whole number from ${input.min} to ${input.max}.`;
            return;
          }
          change(p, String(Number(input.value)), ev.timeStamp);
        });
        path.id = id + "-path";
        return wrap("div", h("label", {for: id, text: d.text}), input, problem, note, path);
      }
    // falls through: a short range reads best as a slider
    case "number": {
      const step = stepOf(p);
      // The slider says its own value; an output is a live region, which would say it again.
      const out = h("output", {for: id, "aria-live": "off", text: value});
      const input = h("input", {type: "range", id, min: p.min, max: p.max, step, value, "aria-describedby": described, "aria-valuetext": valueText(p.path, value)});
      input.addEventListener("input", (ev) => {
        const v = formatNumber(Number(input.value), step);
        out.textContent = v;
        change(p, v, ev.timeStamp);
        tellValue(p.path, input);
      });
      path.id = id + "-path";
      return wrap("div", h("label", {for: id, text: d.text}), h("div", {class: "slider"}, input, out), note, path);
    }
    case "bool": {
      // A switch with one position (a ratifier's veto, refused by validation) is no choice:
      // show why instead.
      if (p.choices && p.choices.length === 1) return wrap("div", h("p", {class: "hint", text: `${pathWords(p.path)}? ${p.choices[0] === "true" ? "Yes" : "No"}, and that cannot change${p.note ? `: ${p.note}` : ""}.`}), path);
      const input = h("input", {type: "checkbox", role: "switch", id, checked: value === "true", "aria-describedby": described});
      input.addEventListener("change", (ev) => change(p, String(input.checked), ev.timeStamp));
      path.id = id + "-path";
      return wrap("div", h("div", {class: "switch"}, input, h("label", {for: id, text: d.text})), note, path);
    }
    case "option": {
      const sel = h("select", {id, "aria-describedby": described}, p.choices.map((c) => h("option", {value: c, text: c})));
      sel.value = value;
      sel.addEventListener("change", (ev) => change(p, sel.value, ev.timeStamp));
      path.id = id + "-path";
      return wrap("div", h("label", {for: id, text: d.text}), sel, note, path);
    }
    case "options": {
      const on = new Set(listOf(value));
      const issue = p.path.split(".").at(-1);
      const issueID = p.path.includes(".preferences.") ? p.path.split(".")[3] : issue;
      const boxes = p.choices.map((c, i) => {
        const box = h("input", {type: "checkbox", id: `${id}-${i}`, value: c, checked: on.has(c)});
        box.addEventListener("change", (ev) => {
          const picked = p.choices.filter((_, j) => document.getElementById(`${id}-${j}`).checked);
          change(p, flowList(picked), ev.timeStamp);
        });
        return h("label", {for: `${id}-${i}`}, box, optionLabel(issueID, c));
      });
      path.id = id + "-path";
      const set = wrap("fieldset", h("legend", {text: d.text}), h("div", {class: "boxes"}, boxes), note, path);
      set.setAttribute("aria-describedby", described);
      return set;
    }
  }
  return wrap("div", h("span", {text: `${d.text}: ${value}`}), path);
}

// tellValue gives a slider whose value changed the words a screen reader says for it. A
// weight's share changes with it, and so do its actor's other weights' shares.
function tellValue(path, input) {
  const weights = path.endsWith(".weight") ? `.control[data-path^="${CSS.escape(path.split(".").slice(0, 3).join(".") + ".")}"][data-path$=".weight"] input[type=range]` : null;
  for (const slider of weights ? document.querySelectorAll(weights) : [input]) {
    const p = slider.closest(".control").dataset.path;
    slider.setAttribute("aria-valuetext", valueText(p, state.set.has(p) ? state.set.get(p) : slider.value));
  }
}

// controlsOf is the scenario, as loaded, that the controls were last built for.
let controlsOf = null;

// controlsAsked counts the calls of buildControls: the values of a scenario or variant
// that is no longer open may come back after those of the one that is, and must not
// replace its controls. body[data-controls] says whether the controls are still coming.
let controlsAsked = 0;

// paramsHeld are the open scenario's latest answers to params, by query: the controls are
// built again for a link followed within the page and for Try it, with the scenario and
// variant they were built for and often the same what-if, whose bounds the page holds.
// Opening a scenario, the same file again too (its text may have changed), starts afresh.
let paramsHeld = {loaded: null, answers: new Map()};

async function askParams(q) {
  if (paramsHeld.loaded !== loaded) paramsHeld = {loaded, answers: new Map()};
  const held = paramsHeld.answers, k = key(q);
  let answer = held.get(k);
  if (!answer) answer = (await engine.call("params", q)).params;
  // The last three asked for are held, the file's among them while it is asked again.
  held.delete(k);
  held.set(k, answer);
  if (held.size > 3) held.delete(held.keys().next().value);
  return answer;
}

async function buildControls() {
  if (!engineID) return;
  const mine = ++controlsAsked, open = loaded;
  const fileQuery = {scenario: engineID, ...(state.variant ? {variant: state.variant} : {})};
  document.body.dataset.controls = "building";
  let answer;
  try {
    answer = await askParams(fileQuery);
  } catch (e) {
    if (mine === controlsAsked) showError(e);
    answer = [];
  }
  if (mine !== controlsAsked || loaded !== open) return;
  params = answer;
  // A value a link sets where the file has it already, or one a variant chosen since has
  // made the file's, is no change, as a control moved back is none: the list of changes
  // would say "0.48 → 0.48" and the control would be marked.
  const noChange = params.filter((p) => state.set.has(p.path) && asFile(p, state.set.get(p.path)));
  if (noChange.length) {
    const before = query();
    for (const p of noChange) state.set.delete(p.path);
    noteSameTalks(before, query());
    writeHash();
    // The results asked for with them name them as a what-if; asked again, they do not.
    refresh();
  }
  const box = $("controls");
  // Built again for the same file (Try it, a link within the page), the groups stay open or
  // closed as the student left them.
  const left = new Map([...box.querySelectorAll("details.group")].map((g) => [g.querySelector("summary").textContent, g.open]));
  const sameFile = controlsOf === open;
  controlsOf = open;
  box.replaceChildren();
  controlCount = 0;
  boundsOf = key(fileQuery);
  const essentials = h("details", {class: "group", open: true}, h("summary", {text: "Reservations and vetoes"}));
  box.append(essentials);
  const groups = new Map();
  for (const a of loaded.scenario.actors) {
    const g = h("details", {class: "group"}, h("summary", {text: `${a.name}: priorities, values and red lines`}));
    groups.set(a.id, g);
    box.append(g);
  }
  const talks = h("details", {class: "group"}, h("summary", {text: "The talks: who must agree, protocol, deadline, events"}));
  box.append(talks);
  if (sameFile) {
    for (const g of box.querySelectorAll("details.group")) {
      const open = left.get(g.querySelector("summary").textContent);
      if (open !== undefined) g.open = open;
    }
  }
  const subs = new Map();
  // Groups (a whole actor, as JSON) and the name are for the command line; a list's
  // elements one by one repeat its boxes.
  const lists = new Set(params.filter((p) => p.kind === "options").map((p) => p.path));
  const shown = params.filter((p) => p.kind !== "group" && p.kind !== "text" && !(/\.\d+$/.test(p.path) && lists.has(p.path.replace(/\.\d+$/, ""))));
  for (const p of shown) {
    const d = describe(p.path);
    const c = control(p);
    if (/^actors\.[^.]+\.(reservation|veto)$/.test(p.path)) {
      // Said with the actor's name, since the group holds every actor.
      const label = c.querySelector("label, legend");
      // A veto that cannot change is a sentence naming the actor already, with no label.
      if (label) label.textContent = `${actorName(d.group)}: ${p.path.endsWith(".reservation") ? "reservation" : "veto"}`;
      essentials.append(c);
    } else if (groups.has(d.group)) {
      nameTheActor(c, d);
      const g = groups.get(d.group);
      if (d.sub) {
        const key = d.group + "/" + d.sub;
        if (!subs.has(key)) {
          const s = h("div", {class: "subgroup"}, h("p", {class: "sub", text: d.sub}));
          subs.set(key, s);
          g.append(s);
        }
        subs.get(key).append(c);
      } else {
        g.append(c);
      }
    } else {
      talks.append(c);
    }
    markChanged(p.path);
  }
  showChanges();
  applyFilter();
  markInvalid();
  // The values above are the scenario's; the bounds are the what-if's.
  await followBounds(query());
  if (mine !== controlsAsked) return;
  document.body.dataset.controls = "ready";
}

// KEEPS_BOUNDS are the values whose change leaves every other value's bound and note as
// params gave it: no range or note hangs on them (sim/params.go). A move of one of them
// asks the engine for its analysis alone, where asking for the bounds too had cost as much
// again; any other path, one params adds later too, asks for the bounds again.
// web/bounds_test.go holds this list to the engine.
const KEEPS_BOUNDS = /^(actors\.[^.]+\.(power|reservation|reservation_drift|strategy\.(kind|exponent)|preferences\.[^.]+\.(ideal|shape|utilities\.[^.]+|acceptable)|constraints\.\d+\.(if|then)\.[^.]+|beliefs\.set\..+)|protocol\.rule|events\.\d+\.round)$/;

// boundsQuery is what of the what-if q the bounds and notes hang on: q without the values
// KEEPS_BOUNDS names, and the file's query when it changes none of the others.
function boundsQuery(q) {
  const {set = [], ...file} = q;
  const bounding = set.filter((s) => !KEEPS_BOUNDS.test(s.slice(0, s.indexOf("="))));
  return bounding.length ? {...file, set: bounding} : file;
}

// followBounds gives each control the range and note of the what-if q: one value's bound
// can hang on another's (a ratifier's votes on the votes its ratification asks), and the
// controls were built with the scenario's. A what-if the engine refuses keeps the last.
let boundsOf = "";
async function followBounds(q) {
  const asked = key(boundsQuery(q));
  if (asked === boundsOf) return;
  let now;
  try {
    now = await askParams(boundsQuery(q));
  } catch {
    return;
  }
  if (asked !== key(boundsQuery(query()))) return;
  boundsOf = asked;
  for (const p of now) {
    const c = document.querySelector(`.control[data-path="${CSS.escape(p.path)}"]`);
    if (!c) continue;
    const field = c.querySelector('input[type="range"], input[type="number"]');
    if (field && p.min !== undefined) Object.assign(field, {min: p.min, max: p.max});
    const note = c.querySelector(".note");
    if (note) {
      note.textContent = noteWords(p);
      note.hidden = !note.textContent;
    }
  }
}

// nameTheActor adds whose value a control changes to its label, for a screen reader
// alone: the eye has the group's heading, but a list of the page's fields reads each label
// on its own, where every actor's "Bargaining power" would sound the same.
function nameTheActor(control, d) {
  const label = control.querySelector("label, legend");
  const who = actorName(d.group);
  const sub = d.sub && !d.text.includes(d.sub) ? d.sub : "";
  if (!label || label.textContent.startsWith(who)) return;
  label.prepend(h("span", {class: "visually-hidden", text: sub ? `${who}, ${sub.charAt(0).toLowerCase()}${sub.slice(1)}: ` : `${who}: `}));
}

// foundSoon waits for a pause in the typing before the count of values found is said: a
// live region rewritten at each key would be read out at each one.
let foundSoon = 0;

function applyFilter() {
  const words = $("filter").value.toLowerCase().split(/\s+/).filter(Boolean);
  clearTimeout(foundSoon);
  foundSoon = setTimeout(sayFound, 500, words);
  for (const c of document.querySelectorAll("#controls .control")) {
    c.classList.toggle("hide", !words.every((w) => c.dataset.words.includes(w)));
  }
  for (const s of document.querySelectorAll("#controls .subgroup")) {
    s.classList.toggle("hide", !s.querySelector(".control:not(.hide)"));
  }
  // A group the search opened closes again once the search no longer needs it, unless a
  // value in it was changed meanwhile; one the student opened stays as it was.
  for (const g of document.querySelectorAll("#controls details.group")) {
    const any = g.querySelector(".control:not(.hide)");
    g.classList.toggle("hide", !any);
    if (words.length && any && !g.open) {
      g.open = true;
      g.dataset.found = "opened";
    } else if (g.dataset.found && !(words.length && any)) {
      if (!g.querySelector(".control.changed")) g.open = false;
      delete g.dataset.found;
    }
  }
}

function sayFound(words) {
  const n = document.querySelectorAll("#controls .control:not(.hide)").length;
  const asked = `"${words.join(" ")}"`;
  const text = !words.length ? "" : n === 0 ? `No value matches ${asked}: try fewer words, or an actor, an issue or a path.` : `${n} value${n === 1 ? " matches" : "s match"} ${asked}.`;
  if ($("found").textContent !== text) $("found").textContent = text;
}

// --- computing ---------------------------------------------------------------------------

// Requests go one at a time: while one is out, moves of a slider only mark the state as
// changed, and the next request carries the latest state. The time from a move to its
// results on the page is kept in window.negsimTimings (milliseconds).
let wanted = 0;
let applied = 0;
// refused is the query (key) whose analysis the engine refused: no view asks anything of it.
let refused = "";
let running = false;
let firstMove = null;
window.negsimTimings = [];

let workingSoon = 0;

function busy(on) {
  $("results").setAttribute("aria-busy", String(on));
  document.body.dataset.busy = String(on);
  // Said only when the wait is long enough to notice: a note blinking at each slider move
  // would be noise.
  if (!on) {
    clearTimeout(workingSoon);
    workingSoon = 0;
    $("working").hidden = true;
  } else if (!workingSoon && $("working").hidden) {
    workingSoon = setTimeout(() => { $("working").hidden = false; }, 400);
  }
}

function refresh(started) {
  // No scenario is open (the last one chosen failed): nothing to compute.
  if (!engineID) return;
  wanted++;
  if (started !== undefined && firstMove === null) firstMove = started;
  busy(true);
  if (!running) pump();
}

// redrawView fetches what a newly opened view needs, when no change is being computed
// (pump draws the view itself when it finishes).
async function redrawView() {
  // While another scenario is read, the state already names it and the engine the old one.
  if (!engineID || running || opening) return;
  running = true;
  busy(true);
  await showView(query());
  running = false;
  if (applied !== wanted) pump();
  else busy(opening > 0);
}

async function pump() {
  running = true;
  while (applied !== wanted) {
    // The scenario asked about failed to reopen meanwhile (forget): nothing is open to ask of.
    if (!engineID) {
      applied = wanted;
      break;
    }
    const mine = wanted;
    const started = firstMove;
    firstMove = null;
    const q = query();
    try {
      const an = await engine.call("analyze", {...q, limit: 10});
      // Another scenario may have opened meanwhile; its own request follows.
      if (q.scenario !== engineID) continue;
      refused = "";
      renderAnalysis(an, q);
      // Tests wait for the scenario they asked for to be on screen.
      document.body.dataset.shown = state.scenario;
      if (started !== null) window.negsimTimings.push(performance.now() - started);
      clearError();
      await showWarnings(an, q);
      if (document.body.dataset.controls === "ready") await followBounds(q);
    } catch (e) {
      if (q.scenario !== engineID) continue;
      // A what-if the engine refuses has no results: those of the move before, left on
      // screen, read as the refused what-if's, which its link opened afresh never shows.
      clearResults();
      refused = key(q);
      showError(e);
    }
    applied = mine;
    if (applied === wanted) await showView(q);
  }
  running = false;
  busy(opening > 0);
  document.body.dataset.ready = "true";
}

const key = (q) => JSON.stringify(q);

async function fetchOnce(kind, method, request, q) {
  if (results[kind] && results[kind].key === key(request)) return results[kind].value;
  const value = await engine.call(method, request);
  results[kind] = {key: key(request), value, query: q};
  return value;
}

// fetchedViews are the views that draw one engine call's answer: the results entry that
// keeps it, the method that makes it, what the view says while a slow one runs, and how it
// is drawn.
const fetchedViews = {
  take: {kind: "take", method: "sensitivity", render: renderTake, waiting: "Searching every value for the change that tips the result…"},
  words: {kind: "words", method: "explain", render: renderWords},
  rounds: {kind: "rounds", method: "rounds", render: renderRounds},
  // No limit: the API's default is negsim compare's, so the page lists what the terminal
  // lists.
  compare: {kind: "compare", method: "compare", render: renderCompare},
  share: {kind: "export", method: "export", render: renderShare},
};

// fetchView is the answer a view of fetchedViews draws, fetched once per query.
function fetchView(view, q) {
  const {kind, method} = fetchedViews[view];
  return fetchOnce(kind, method, q, q);
}

// showView fetches and draws what the open view needs, unless a newer change is waiting.
async function showView(q) {
  if (q.scenario !== engineID) return;
  // Every view of a refused what-if would be refused in the same words; Play tells it at
  // the seat.
  if (refused === key(q) && state.view !== "play") {
    showNoResults(state.view);
    return;
  }
  try {
    const fetched = fetchedViews[state.view];
    if (fetched) {
      if (fetched.waiting) redraw($(state.view), h("p", {text: fetched.waiting}));
      fetched.render(await fetchView(state.view, q));
      return;
    }
    switch (state.view) {
      case "zone": {
        const an = results.analysis && results.analysis.value;
        const veto = fillAxes(an ? an.actors : loaded.scenario.actors);
        // Its words tell how to walk the chart's marks, which are not there without one.
        $("chart-detail").hidden = state.axes.length !== 2;
        if (state.axes.length === 2) {
          const plane = await fetchOnce("plane", "plane", {...q, axes: state.axes}, q);
          if (wanted === applied) renderPlane(plane);
        } else {
          $("chart").replaceChildren(h("p", {text: `The chart needs two parties with a veto; ${veto.length ? `only ${actorName(veto[0])} has one` : "no party has one"}.`}));
        }
        break;
      }
      case "score": {
        const deal = scoredDeal();
        const s = await fetchOnce("score", "score", {...q, deal}, q);
        if (wanted === applied && deal === scoredDeal()) renderScore(s, deal);
        break;
      }
      case "play":
        await drawPlay(q, {engine, h, table, actorName, optionLabel, issueNameOf: issueName, scenario: loaded.scenario,
          ratifiers: ratifierIDs(), query, changed: writeHash, busy, showError});
        break;
    }
  } catch (e) {
    showError(e);
  }
}

// --- the zone --------------------------------------------------------------------------

// clearResults empties what the page shows of a scenario's results: for a scenario that has
// none, and for one just opened until its own come (a large one takes a while).
function clearResults(mark = "–", why = "(no results: see the message above)") {
  results.analysis = null;
  $("warnings").hidden = true;
  $("warnings").replaceChildren();
  $("zopa-count").textContent = mark;
  $("zopa-of").textContent = why;
  $("nash").textContent = mark;
  $("diagnosis").hidden = true;
  // The chart's axes are the parties the analysis gives a veto, which a what-if may change:
  // the file's own would drop a link's axes before the analysis could draw them.
  $("axes").hidden = true;
  for (const id of ["diagnosis", "agree", "chart", "solutions", "options", "take", "words", "rounds-summary", "rounds-chart", "round-detail", "rounds-notes", "rounds-table", "compare", "score-verdict", "score-result"]) $(id).replaceChildren();
  // The stepper walks the rounds of the last answer, which are no longer these results'.
  $("round-steps").hidden = true;
  for (const id of ["command", "variant-block"]) $(id).value = "";
}

// showNoResults says in a view that there is nothing to show for the what-if: the error
// above says why.
function showNoResults(view) {
  const none = () => h("p", {text: "None: see the message above."});
  switch (view) {
    case "zone":
      $("chart-detail").hidden = true;
      for (const id of ["chart", "solutions", "options"]) $(id).replaceChildren(none());
      break;
    case "rounds":
      $("rounds-summary").textContent = "None: see the message above.";
      break;
    case "score":
      $("score-verdict").textContent = "None: see the message above.";
      break;
    case "take": case "words": case "compare":
      redraw($(view), none());
      break;
  }
}

function renderAnalysis(an, q) {
  results.analysis = {value: an, query: q};
  // The link's axes follow the vetoes whichever view is shown (the Share view's link
  // among them); while another scenario opens, the state is already that one's.
  if (!opening) fillAxes(an.actors);
  const share = an.space.deals ? (100 * an.zopa.count) / an.space.deals : 0;
  $("zopa-count").textContent = count(an.zopa.count);
  $("zopa-of").textContent = `of ${count(an.space.deals)} deals (${percent(share)})` + (an.zopa.count ? `; ${count(an.pareto.count)} Pareto-optimal` : "");
  const nash = an.solutions.nash;
  $("nash").replaceChildren(...(nash ? wholeWords(dealPairs(nash.options)) : ["none: the zone is empty"]));
  renderDiagnosis(an);
  renderAgreement(an);
  const issues = loaded.scenario.issues;
  renderZoneTable("solutions", nash && solutionsTable(an, issues), "None: the zone is empty.", "Bargaining solutions");
  renderZoneTable("options", an.zopa.count > 0 && optionsTable(an, issues), "No option is in the zone while it is empty.", "Options in the zone");
}

function renderDiagnosis(an) {
  const box = $("diagnosis");
  box.replaceChildren(...draw(diagnosisWords(an, say)));
  box.hidden = !an.diagnosis;
}

// renderAgreement shows who must agree beyond the vetoes, when the scenario says: the
// decision rule and each voter's power, ratification at home, and each actor's beliefs.
function renderAgreement(an) {
  $("agree").replaceChildren(...draw(agreementWords(an, say)));
}

// draw turns words (see words.js) into the page's nodes; a table scrolls sideways in a box
// of its own when it is wider than the column.
function draw(blocks) {
  const parts = (ps) => ps.map((p) => (typeof p === "string" ? p : h("code", {text: p.code})));
  // A table is captioned by the heading it falls under.
  let under = "";
  return blocks.map((b) => {
    if (b.heading) {
      under = b.heading;
      return h("h3", {text: b.heading});
    }
    if (b.para) return h("p", {}, parts(b.para));
    if (b.list) return h("ul", {}, b.list.map((item) => h("li", {}, parts(item))));
    return h("div", {class: "scroll"}, table(b.table.head, b.table.rows, b.table.numeric, under));
  });
}

// table sets rows under their column titles. caption names the table for a screen reader
// listing a page's tables; on screen a heading or a sentence above it already does, so the
// caption is not shown twice.
function table(head, rows, numeric = [], caption = "") {
  return h("table", {},
    caption ? h("caption", {class: "visually-hidden", text: caption}) : null,
    h("thead", {}, h("tr", {}, head.map((c) => h("th", {scope: "col", text: c})))),
    h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c, i) => (i === 0 ? h("th", {scope: "row", text: c})
      : h("td", {class: numeric.includes(i) ? "num" : undefined}, c instanceof Node ? c : wholeWords(c))))))));
}

// wholeWords lets text wrap at its spaces, and after the "=" of an issue=option pair and
// the comma after it, and nowhere else: a table as wide as the solutions' five columns
// then fits a laptop's column ("0.523" over "(+0.123)") instead of scrolling, and a deal
// written as pairs wraps between them, while an id stays whole, where a break after its
// hyphen ("membership-" over "path") would read as two words. <wbr> adds no character: the
// text copies as it reads.
function wholeWords(text) {
  const words = String(text).split(" ").filter((w) => w !== "");
  return words.flatMap((w, i) => [i ? " " : "", ...w.split(/(?<=[=,])/).flatMap((part, j) => [j ? h("wbr") : "", h("span", {class: "whole", text: part})])]);
}

// renderZoneTable fills a results box with a table of the zone, or says why there is none.
function renderZoneTable(id, t, none, caption) {
  $(id).replaceChildren(t ? table(t.head, t.rows, t.numeric, caption) : h("p", {text: none}));
}

// fillAxes offers the parties with a veto as the chart's axes: the file's, then the
// analysis's, which a variant or a what-if may have changed. With fewer than two there is
// no chart and nothing to choose: the menus go, where they showed one party on both axes.
// Axes a link named that can no longer be drawn are replaced in the link too, so that it
// says what the page shows.
function fillAxes(actors) {
  const veto = actors.filter((a) => a.veto !== false).map((a) => a.id);
  if (!(state.axes.length === 2 && state.axes.every((a) => veto.includes(a)) && state.axes[0] !== state.axes[1])) {
    const named = state.axes.length > 0;
    state.axes = veto.length >= 2 ? veto.slice(0, 2) : [];
    if (named) writeHash();
  }
  $("axes").hidden = veto.length < 2;
  for (const [i, id] of [[0, "axis-x"], [1, "axis-y"]]) {
    const sel = $(id);
    if ([...sel.options].map((o) => o.value).join() !== veto.join()) sel.replaceChildren(...veto.map((a) => h("option", {value: a, text: actorName(a)})));
    sel.value = state.axes[i] || "";
  }
  return veto;
}

// planeWords says what the plane shows, for a reader who cannot see it: the two parties,
// their reservations, how many deals the zone holds and where the Nash deal lies.
function planeWords(plane, an, names) {
  const [ax, ay] = plane.axes;
  const res = Object.fromEntries(an.actors.map((a) => [a.id, a.reservation]));
  const nash = an.solutions.nash;
  return `Deals by their value to ${names[ax]} (across) and ${names[ay]} (up); reservations: ${names[ax]} ${num(res[ax])}, ${names[ay]} ${num(res[ay])}. ` +
    (nash ? `The zone holds ${deals(an.zopa.count)}; the Nash deal gives ${names[ax]} ${num(nash.utilities[ax])} and ${names[ay]} ${num(nash.utilities[ay])}.` : "The zone is empty.");
}

function renderPlane(plane) {
  $("chart").replaceChildren(...planeFigure(plane, results.analysis.value));
}

// planeFigure is the chart of two parties for the analysis an, with its key and, when not
// every deal could be drawn, a note saying so.
function planeFigure(plane, an) {
  const names = Object.fromEntries(an.actors.map((a) => [a.id, a.name]));
  const svg = planeChart({plane, analysis: an, names, dealText, deals, onDetail: (t) => { $("chart-detail").textContent = t; }, summary: planeWords(plane, an, names)});
  // The key names only what is drawn: an empty zone has no deals in it, no frontier and
  // no solution to mark.
  const solutions = an.solutions || {};
  const items = [
    {colour: "#9aa0a6", label: "every deal (darker: more deals)"},
    ...(plane.zopa.length ? [{colour: "#1f77b4", label: "deals in the zone"}] : []),
    {colour: "#a50e0e", dash: "6 4", label: "reservations"},
    // The frontier's deals are the white circles on its line: the key draws one there.
    ...(plane.frontier.length ? [{colour: "#1a1a1a", fill: "#ffffff", shape: "circle", line: true, label: "the frontier for these two"}] : []),
    ...SOLUTIONS.map((s, i) => ({shape: s.shape, colour: PALETTE[i], label: s.title, key: s.key})).filter((s) => solutions[s.key]),
  ];
  const note = plane.complete ? null : h("p", {text: "This scenario has too many deals to draw every one; the zone and the frontier are shown."});
  return [svg, legend(items), ...(note ? [note] : [])];
}

// --- what would it take ------------------------------------------------------------------

// try applies overrides as a student would by hand, so the controls, the link and every
// view follow.
async function tryChange(sets) {
  for (const s of sets) {
    const i = s.indexOf("=");
    state.set.set(s.slice(0, i), s.slice(i + 1));
  }
  writeHash();
  refresh();
  await buildControls();
}

// --- score a deal -----------------------------------------------------------------------

// scoredDeal is the deal the Score view scores: the address's, issue by issue, where it
// names an option of the open scenario, else the Nash deal's option, else the issue's first.
function scoredDeal() {
  const asked = new Map(state.deal.split(",").map((pair) => pair.split("=")));
  const an = results.analysis && results.analysis.value;
  const nash = an && an.solutions.nash ? an.solutions.nash.options : {};
  return loaded.scenario.issues.map((is) => {
    const pick = [asked.get(is.id), nash[is.id]].find((o) => is.options.some((x) => x.id === o)) || is.options[0].id;
    return `${is.id}=${pick}`;
  }).join(",");
}

// renderScore shows a deal's score as negsim score --deal gives it: a choice of option per
// issue, the sentences, and each actor's points. The choices are built once per scenario,
// so that the focus stays on the one the student changed.
function renderScore(s, deal) {
  const box = $("score-deal");
  if (box.dataset.for !== engineID) {
    box.dataset.for = engineID;
    box.replaceChildren(h("fieldset", {}, h("legend", {text: "The deal"}), loaded.scenario.issues.map((is) => {
      const sel = h("select", {id: `score-${is.id}`, "data-issue": is.id}, is.options.map((o) => h("option", {value: o.id, text: optionLabel(is.id, o.id)})));
      sel.addEventListener("change", () => {
        state.deal = [...box.querySelectorAll("select")].map((x) => `${x.dataset.issue}=${x.value}`).join(",");
        writeHash();
        redrawView();
      });
      return h("div", {class: "pick"}, h("label", {for: sel.id, text: issueName(is.id)}), sel);
    })));
  }
  for (const pair of deal.split(",")) {
    const [issue, option] = pair.split("=");
    const sel = box.querySelector(`select[data-issue="${CSS.escape(issue)}"]`);
    if (sel && sel.value !== option) sel.value = option;
  }
  const said = scoreWords(s, results.analysis.value, loaded.scenario.issues, scoreSay);
  // The verdict is read out when the deal changes; the rest is there to read.
  const [verdict, ...rest] = said.lines;
  if ($("score-verdict").textContent !== verdict) $("score-verdict").textContent = verdict;
  redraw($("score-result"), ...rest.map((line) => h("p", {text: line})),
    h("div", {class: "scroll"}, stack(table(said.table.head, said.table.rows, said.table.numeric, "Each actor's points for the deal"))));
}

// scoreSay names actors and options as negsim score does: an option by its id, then its label.
const scoreSay = {actorName, optionWords: (issue, id) => {
  const o = issueOf(issue).options.find((x) => x.id === id);
  return o && o.label ? `${id} (${o.label})` : id;
}};

// pathWords names a value for a reader: whose it is and what it is.
function pathWords(path) {
  const d = describe(path);
  const who = loaded.scenario.actors.some((a) => a.id === d.group) ? actorName(d.group) + ": " : "";
  // A condition's part says little alone; every other label names its issue itself.
  const text = path.includes(".constraints.") ? `${d.sub}: ${d.text}` : d.text;
  // After an actor's name the label runs on in lower case ("Russia: reservation"); a value
  // of the talks (the votes a deal needs, the deadline) starts its own sentence.
  return who ? who + text.charAt(0).toLowerCase() + text.slice(1) : text;
}

// breakableAtDots lets a narrow column break a path after its dots, and nowhere else:
// <wbr> adds no character, so the path still pastes into --set as it is.
function breakableAtDots(path) {
  return path.split(".").flatMap((part, i) => (i ? [".", h("wbr"), part] : [part]));
}

// tornado is the chart What would it take shows, with the rows it draws and the layout
// it was drawn in, for drawing again when its box crosses 560 px (tornadoFitsItsBox).
let tornado = null;
// Below 560 px the margin for labels would leave the bars, and the words, too small.
const takeIsNarrow = () => $("take").clientWidth < 560;

function tornadoFor(rows) {
  const narrow = takeIsNarrow();
  tornado = {rows, narrow, svg: tornadoChart({rows, label: pathWords, narrow})};
  return tornado.svg;
}

// tornadoFitsItsBox draws the chart again for a box that has crossed 560 px since: a
// tablet turned upright or a window snapped to half the screen would otherwise keep the
// wide layout's words, shrunk with it below reading size.
function tornadoFitsItsBox() {
  new ResizeObserver(() => {
    // A hidden view has no width to fit; it is fitted when shown again.
    if (!tornado || !tornado.svg.isConnected || !$("take").clientWidth || takeIsNarrow() === tornado.narrow) return;
    tornado.svg.replaceWith(tornadoFor(tornado.rows));
  }).observe($("take"));
}

// takeListed is how many rows of each list What would it take shows: enough to compare,
// few enough to read on a phone.
const takeListed = 15;

function renderTake(rep) {
  const tipping = rep.rows.filter((r) => r.nearest !== null);
  const shown = tipping.slice(0, takeListed);
  // As negsim sensitivity says it: why some thresholds lie a hair from the value.
  const edge = (rep.headline.on_the_edge || []).map(actorName);
  const out = [h("p", {}, wholeWords(`Now ${rep.headline.text}.`)),
    ...(edge.length ? [h("p", {text: edge.length === 1
      ? `On the edge: ${edge[0]}. The Nash deal gives this party exactly its walk-away value and cannot pass without its yes: the least change against this party moves the deal.`
      : `On the edge: ${joinAnd(edge)}. The Nash deal gives each of them exactly its walk-away value and cannot pass without the yes of any one of them: the least change against one of them moves the deal.`})] : []),
    h("p", {text: rep.headline.deals ? "The smallest single changes that close the zone or move its Nash deal:" : "The smallest single changes that open the zone:"})];
  // negsim sensitivity says how much it leaves out; so does the page, or a student comparing
  // the two would take the shorter list for a different answer.
  if (tipping.length > shown.length) out.push(h("p", {text: `The ${shown.length} nearest of the ${tipping.length} values with a threshold in range.`}));
  const fmtv = (x) => plain(Number(x.toPrecision(6)));
  // A threshold is written whole, as negsim sensitivity prints it: rounded for reading,
  // 0.6500001 would read 0.65, a value at which the change has not happened yet.
  const side = (r, t) => t ? [plain(t.at), `${t.change > 0 ? "+" : ""}${plain(t.change)}`, percent(100 * t.relative), t.effect] : null;
  const rows = [];
  for (const r of shown) {
    for (const t of [r.below, r.above].filter(Boolean)) {
      const [at, ch, rel, effect] = side(r, t);
      rows.push(h("tr", {},
        h("th", {scope: "row"}, pathWords(r.path), h("br"), h("code", {class: "path"}, breakableAtDots(r.path))),
        h("td", {class: "num", text: fmtv(r.value)}), h("td", {class: "num", text: at}), h("td", {class: "num", text: ch}), h("td", {class: "num", text: rel}),
        // The button follows what it would do, as under Red lines and conditions. It sets
        // the threshold as found, every digit kept: a value rounded for reading could fall
        // short of it.
        h("td", {class: "effect"}, wholeWords(effect), " ", h("button", {type: "button", onclick: () => tryChange([`${r.path}=${plain(t.at)}`]), "aria-label": `Try it: ${pathWords(r.path)} at ${at}`, text: "Try it"}))));
    }
  }
  if (!rows.length) {
    out.push(h("p", {text: "No single number in its range changes the result."}));
  } else {
    // The key names the sides drawn: where no value is lowered to tip the result (the
    // tied hands' reservations), no bar goes left.
    const lowered = shown.some((r) => r.below), raised = shown.some((r) => r.above);
    const sides = [...(lowered ? [{colour: "#0072B2", label: "lowering the value"}] : []), ...(raised ? [{colour: "#D55E00", label: lowered ? "raising it" : "raising the value"}] : [])];
    out.push(tornadoFor(shown), legend(sides));
    out.push(h("div", {class: "scroll"}, stack(h("table", {},
      h("caption", {class: "visually-hidden", text: "The smallest change of each value that tips the result"}),
      h("thead", {}, h("tr", {}, ["value", "now", "to", "change", "of its range", "what happens"].map((c) => h("th", {scope: "col", text: c})))),
      h("tbody", {}, rows)))));
  }
  // Every relaxation is listed, as negsim sensitivity lists them, the ones that change the
  // headline first: one that lets deals in without moving the Nash deal still widens the
  // zone, which is worth a student's knowing.
  const lines = rep.red_lines.slice(0, takeListed);
  out.push(h("h3", {text: "Red lines and conditions"}));
  // Listed first are those that change the result; where none does, saying so was a claim
  // each row below then contradicted ("no deal enters").
  const changing = rep.red_lines.filter((l) => l.entering > 0 || l.change).length;
  if (rep.red_lines.length > lines.length) {
    out.push(h("p", {text: changing ? `The first ${lines.length} of ${rep.red_lines.length}, those that change the result first.`
      : `The first ${lines.length} of ${rep.red_lines.length}; none of them changes the result.`}));
  }
  // Each button is named by the change it tries: a list of a page's buttons reads "Try it"
  // fifteen times otherwise.
  const lineChange = (l) => (l.kind === "constraint" ? `Drop ${possessive(actorName(l.actor))} condition${l.why ? ` “${l.why}”` : ""}` : `${possessive(actorName(l.actor))} red line on ${issueName(l.issue)} also takes ${optionLabel(l.issue, l.option)}`);
  out.push(lines.length ? h("ul", {}, lines.map((l) => h("li", {},
    `${lineChange(l)}: ${l.effect} `,
    h("button", {type: "button", onclick: () => tryChange(l.set), "aria-label": `Try it: ${lineChange(l)}`, text: "Try it"})))) : h("p", {text: "No red line to widen and no condition to drop."}));
  redraw($("take"), ...out);
}

// redraw replaces what a view shows. A button pressed in it (Try it) goes with the rest:
// the focus moves to the first line drawn, which says what came of it, rather than
// falling to the start of the page, from where the keyboard would have to come back.
function redraw(box, ...nodes) {
  const focused = box.contains(document.activeElement);
  box.replaceChildren(...nodes);
  const first = box.firstElementChild;
  if (focused && first) {
    first.tabIndex = -1;
    first.focus();
  }
}

// --- in words ----------------------------------------------------------------------------

function renderWords(ex) {
  const out = [h("p", {text: `${count(ex.deals)} possible deals, one option per issue.`})];
  for (const a of ex.actors) out.push(h("section", {class: "actor-words"}, draw(actorWords(a, say))));
  $("words").replaceChildren(...out);
}

// --- rounds ------------------------------------------------------------------------------

function renderRounds(tr) {
  const an = results.analysis && results.analysis.value;
  $("round-steps").hidden = false;
  $("rounds-summary").textContent = roundsSummary(tr, say, an);
  const pick = $("round-pick");
  pick.max = String(tr.rounds.length - 1);
  selectedRound = Math.min(selectedRound, tr.rounds.length - 1);
  pick.value = String(selectedRound);
  drawRound(tr);
  const noText = noTextTeller();
  const rows = tr.rounds.map((r) => {
    const w = roundWords(r, an, say, noText);
    return [String(r.round), count(r.zopa_size), w.by, w.proposal, w.accepted, w.events];
  });
  $("rounds-notes").replaceChildren(...roundsNotes(tr, an).map((note) => h("p", {class: "hint", text: note})));
  $("rounds-table").replaceChildren(table(["round", "zone", "proposed by", "proposal (what changed)", "accepted by", "events"], rows, [1], "Every round"));
}

// ratifierIDs are the actors that ratify at home and never bargain: the latest analysis's
// (it has the what-if's overrides), else the file's.
function ratifierIDs() {
  const an = results.analysis && results.analysis.value;
  if (an) return ratifiersIn(an);
  return new Set(loaded.scenario.actors.flatMap((a) => (a.ratification && a.ratification.by) || []));
}

function drawRound(tr) {
  const names = Object.fromEntries(tr.actors.map((a) => [a.id, actorName(a.id)]));
  const r = tr.rounds[selectedRound];
  // The round on show is a live region: rewritten with the same words at each move of a
  // what-if slider, it would be read out at each one. The slider that picks it says which
  // round of how many too, not a bare number.
  const shown = `${r.round} of ${tr.rounds.length - 1}`;
  if ($("round-shown").textContent !== shown) $("round-shown").textContent = shown;
  $("round-pick").setAttribute("aria-valuetext", `Round ${shown}`);
  const hidden = ratifierIDs();
  const left = tr.actors.filter((a) => hidden.has(a.id)).map((a) => names[a.id]);
  $("rounds-chart").replaceChildren(roundsChart({transcript: tr, names, selected: selectedRound, summary: $("rounds-summary").textContent, hidden}),
    roundsLegend({transcript: tr, names, hidden}),
    ...(left.length ? [h("p", {class: "hint", text: `Not drawn, as they ratify at home and never bargain: ${joinAnd(left)}.`})] : []));
  const rows = r.actors.map((a) => [actorName(a.actor), num(a.reservation), hidden.has(a.actor) ? "–" : num(a.aspiration), a.utility === null ? "–" : num(a.utility), a.accepts ? "yes" : "no"]);
  $("round-detail").replaceChildren(
    h("h3", {text: `Round ${r.round}${r.agreement ? ": agreement" : ""}`}),
    ...(r.events.length ? [h("p", {text: "Events: " + r.events.map((e) => e.why).join("; ")})] : []),
    h("p", {text: r.proposal ? `Proposal${r.proposal.by ? " by " + actorName(r.proposal.by) : ""}: ${dealPairs(r.proposal.options)}` : `No proposal: ${r.no_text}.`}),
    h("div", {class: "scroll"}, table(["actor", "reservation", "aspiration", "proposal's value", "accepts"], rows, [1, 2, 3], `Each actor at round ${r.round}`)),
    ...(r.actors.some((a) => hidden.has(a.actor)) ? [h("p", {class: "hint", text: "A ratifier has no aspiration (–): it votes by its reservation."})] : []),
    h("p", {text: `Zone at this round's reservations: ${deals(r.zopa_size)}.`}));
}

// --- compared ----------------------------------------------------------------------------

function renderCompare(c) {
  const base = new Map(params.map((p) => [p.path, p.value]));
  const out = [h("h3", {text: "What you changed"})];
  if (!state.set.size) {
    out.push(h("p", {text: "Nothing yet: move a slider or tick a box, and this view shows what it does against the unchanged scenario."}));
  } else {
    out.push(h("ul", {}, [...state.set].map(([k, v]) => h("li", {}, h("code", {text: k}), `: ${base.get(k) ?? "?"} → ${v}`))));
  }
  out.push(h("h3", {text: "The zone"}), h("p", {text: `Before: ${deals(c.zopa_before)}; after: ${deals(c.zopa_after)}. ${enterLeave(c)} the zone.`}));
  // Which deals of the many are listed, in negsim compare's words.
  const who = c.actors.some((a) => a.veto) ? "the veto actors'" : "the parties'";
  const listed = (title, list, n, when) => {
    if (!n) return [];
    const issues = loaded.scenario.issues;
    // In the file's order of actors, as negsim compare's columns: the JSON keys come sorted.
    const veto = list.length ? loaded.scenario.actors.map((a) => a.id).filter((id) => id in list[0].surplus) : [];
    return [h("h3", {text: `${title} (${list.length} of ${count(n)} shown)`}),
      h("p", {class: "hint", text: `Best first (by the Nash product, ${who} surpluses multiplied), with ${who} surpluses ${when} the change.`}),
      // The Nash product they are ordered by, to four significant digits as negsim compare
      // writes it, written out (0.00001234, never 1.234e-5).
      h("div", {class: "scroll"}, table([...issues.map((i) => i.id), ...veto.map((a) => `surplus: ${a}`), "Nash product"],
      list.map((d) => [...issues.map((i) => d.options[i.id]), ...veto.map((a) => signed(d.surplus[a])), plain(Number(d.nash_product.toPrecision(4)))]),
      [...veto.map((_, i) => issues.length + i), issues.length + veto.length], title))];
  };
  out.push(...listed("Deals entering the zone", c.entering, c.entering_count, "after"), ...listed("Deals leaving the zone", c.leaving, c.leaving_count, "before"));
  const titles = Object.fromEntries(SOLUTIONS.map((s) => [s.key, s.title]));
  // A deal wraps in its cell between its pairs, or after a pair's "=", never inside an id
  // (style.css), so that "after" and "changed" are in view beside "before".
  const deal = (options) => (options ? h("span", {}, loaded.scenario.issues.flatMap((is, i) =>
    [i ? ", " : "", h("span", {class: "id", text: `${is.id}=`}), h("wbr"), h("span", {class: "id", text: options[is.id]})])) : "none");
  out.push(h("h3", {text: "Solutions"}), h("div", {class: "scroll deals"}, table(["solution", "before", "after", "changed"],
    c.solutions.map((m) => [titles[m.solution], deal(m.before), deal(m.after), m.changed ? "yes" : "no"]), [], "Solutions before and after")));
  out.push(h("h3", {text: "Each actor at the Nash deal"}), h("div", {class: "scroll"}, table(["actor", "reservation before", "after", "surplus before", "after", "change"],
    c.actors.map((m) => [actorName(m.actor), num(m.reservation_before), num(m.reservation_after), signed(m.nash_surplus_before), signed(m.nash_surplus_after), signed(m.nash_surplus_change)]), [1, 2, 3, 4, 5], "Each actor at the Nash deal, before and after")));
  $("compare").replaceChildren(...out);
}

// --- share -------------------------------------------------------------------------------

function scenarioArg() {
  if (state.scenario.startsWith("file:")) return state.scenario.slice(5);
  if (local && state.scenario === local.id) return local.name;
  return state.scenario;
}

function renderShare(ex) {
  $("permalink").value = location.href;
  // A link carries the what-if, not a file opened from this computer.
  $("share-who").textContent = local && state.scenario === local.id
    ? `The scenario is ${local.name}, a file opened from this computer, which a link cannot carry: send the file with the link. Whoever follows the link and then opens the same file with “Open a scenario file” sees the same variant, changes and view.`
    : "Anyone who opens it sees the same scenario, variant, changes and view.";
  const cmd = ["negsim analyze " + shellWord(scenarioArg())];
  if (state.variant) cmd.push("--variant " + shellWord(state.variant));
  // One line, as the engine writes the flags: a line continued with "\" is bash's alone.
  $("command").value = [...cmd, ...(ex.flags ? [ex.flags] : [])].join(" ");
  $("variant-block").value = ex.variants;
}

// settledPage resolves once the page shows what its address says: the report takes its
// chart from the screen and its scenario from the one open, which a change still being
// computed (another scenario opening, a slider just moved) would mix with the old results.
function settledPage() {
  return new Promise((resolve) => {
    const check = () => {
      if (document.body.dataset.busy === "false" && document.body.dataset.hash === location.hash) resolve();
      else setTimeout(check, 50);
    };
    check();
  });
}

// buildReport is the report of the current state as one HTML file.
async function buildReport() {
  if (!engineID) throw new Error("No scenario is open: choose one, or open a file, first.");
  for (;;) {
    await settledPage();
    const q = query(), open = loaded;
    // A deal is scored in the report when the student chose one, or is looking at one.
    const deal = state.deal || state.view === "score" ? scoredDeal() : "";
    // The chart is drawn for the report: the zone view's, drawn when it was last shown, may
    // be of an earlier what-if, or missing.
    const axes = state.axes.length === 2 ? state.axes : null;
    const [an, ex, tr, cmp, exp, scored, plane] = await Promise.all([
      fetchOnce("analysisFull", "analyze", {...q, limit: 10}, q), fetchView("words", q), fetchView("rounds", q),
      fetchView("compare", q), fetchView("share", q), deal ? fetchOnce("score", "score", {...q, deal}, q) : null,
      axes ? fetchOnce("plane", "plane", {...q, axes}, q) : null]);
    // The analysis says whether there is a warning; only then is the engine asked where.
    const warnings = (an.warnings || []).some((w) => !w.style) ? (await fetchOnce("warnings", "warnings", q, q)).warnings.filter((w) => !w.style) : [];
    // Changed while the results came: make the report of what is on screen now.
    if (key(query()) !== key(q) || loaded !== open || document.body.dataset.busy !== "false") continue;
    const [chart, legendKey] = plane ? planeFigure(plane, an) : [];
    return reportHTML({scenario: open.scenario, file: open.file, variant: state.variant, set: [...state.set], link: location.href,
      warnings: warnings.map(diagnosticText), analysis: an, explanation: ex, transcript: tr, comparison: cmp, exported: exp, chart: chart ? chart.outerHTML : "", legend: legendKey ? legendKey.outerHTML : "",
      deal, score: scored && scoreWords(scored, an, open.scenario.issues, scoreSay), say});
  }
}
// Tests read the report without going through a download.
window.negsimReport = buildReport;

// downloadReport says in note, beside its button, that the report is coming and then the
// file's name: putting it together takes a moment, and the browser's download is not in
// the page, so a screen reader would hear nothing after the key press.
async function downloadReport(note) {
  note.textContent = " Putting the report together…";
  try {
    const html = await buildReport();
    const url = URL.createObjectURL(new Blob([html], {type: "text/html"}));
    // Letters of any language stay: "mon scénario.yaml" is downloaded as
    // negsim-mon-scénario-yaml.html, not negsim-mon-sc-nario-yaml.html.
    const name = `negsim-${scenarioArg().replace(/[^\p{L}\p{N}_-]+/gu, "-")}${state.variant ? "-" + state.variant : ""}.html`;
    const a = h("a", {href: url, download: name});
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    note.textContent = ` Handed to your browser to save as ${name}.`;
  } catch (e) {
    note.textContent = "";
    showError(e);
  }
}

// --- views -------------------------------------------------------------------------------

function selectView(view, focus, redraw = true) {
  state.view = view;
  showTab(view, focus);
  writeHash();
  if (redraw) redrawView();
}

// showTab shows a view's tab as chosen and its panel; it asks nothing of the engine, so a
// link's view is shown chosen while the engine still downloads.
function showTab(view, focus) {
  // The Play view hides what the seat may not know: every actor's values and the zone.
  document.body.dataset.view = view;
  for (const tab of document.querySelectorAll('[role="tab"]')) {
    const on = tab.dataset.view === view;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
    $(tab.getAttribute("aria-controls")).hidden = !on;
  }
}

// --- start -------------------------------------------------------------------------------

function wire() {
  $("scenario").addEventListener("change", () => {
    state.scenario = $("scenario").value;
    // A link's scenario the lists do not hold goes once another is chosen, as a link's
    // variant the file lacks does.
    for (const gone of $("scenario").querySelectorAll("option[data-missing]")) gone.remove();
    startAfresh();
    openScenario();
  });
  $("variant").addEventListener("change", async () => {
    state.variant = $("variant").value;
    // The link's variant the file lacks is no longer what the page shows. Only its option
    // goes: the menu stays, with the keyboard's focus on it.
    for (const gone of $("variant").querySelectorAll("option[data-missing]")) gone.remove();
    writeHash();
    // Computing starts at once (it needs the state, not the controls), so the page is
    // busy from the first moment.
    refresh();
    await buildControls();
  });
  $("local").addEventListener("change", async () => {
    const input = $("local");
    const file = input.files[0];
    if (!file) return;
    // The choice is forgotten at once: a file fixed in an editor and chosen again is the
    // same choice, which the browser would not report.
    input.value = "";
    let l;
    try {
      // Read here in the browser; the bytes go to the engine only (this tab, or negsim
      // serve on this computer).
      l = await engine.call("load", {name: file.name, data: await dataOf(file)});
    } catch (e) {
      // Only a file refused for what it holds is the student's to fix: when negsim serve has
      // stopped, the file is fine, and the message above says what to do.
      const fix = e.kind === "input" ? " Fix the file and open it again." : "";
      showError(e, `${file.name} was not opened${loaded ? `: the page still shows ${loaded.scenario.name} (${loaded.file})` : ""}.${fix}`);
      return;
    }
    // A link to this very file (a classmate's, sent with the file) keeps its what-if.
    const linked = l.id === state.scenario;
    local = {name: file.name, id: l.id};
    state.scenario = l.id;
    if (!linked) startAfresh();
    fillScenarios();
    selectView(state.view, false, false);
    await openScenario();
  });
  $("filter").addEventListener("input", applyFilter);
  $("reset").addEventListener("click", async () => {
    state.set.clear();
    writeHash();
    // Computing starts at once (it needs the state, not the controls), so the page is
    // busy from the first moment.
    refresh();
    await buildControls();
  });
  for (const [i, id, otherId] of [[0, "axis-x", "axis-y"], [1, "axis-y", "axis-x"]]) {
    $(id).addEventListener("change", () => {
      // Choosing the party the other axis shows swaps the two, so both menus always say
      // what the chart draws.
      const other = $(otherId);
      if (other.value === $(id).value) other.value = state.axes[i];
      state.axes = [$("axis-x").value, $("axis-y").value];
      writeHash();
      redrawView();
    });
  }
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => selectView(tab.dataset.view));
    tab.addEventListener("keydown", (ev) => {
      const next = {ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1}[ev.key];
      if (next === undefined) return;
      ev.preventDefault();
      selectView(tabs[(next + tabs.length) % tabs.length].dataset.view, true);
    });
  });
  const step = (d) => {
    const tr = results.rounds && results.rounds.value;
    if (!tr) return;
    selectedRound = Math.max(0, Math.min(tr.rounds.length - 1, selectedRound + d));
    $("round-pick").value = String(selectedRound);
    drawRound(tr);
  };
  $("round-prev").addEventListener("click", () => step(-1));
  $("round-next").addEventListener("click", () => step(1));
  $("round-pick").addEventListener("input", () => {
    selectedRound = Number($("round-pick").value);
    if (results.rounds) drawRound(results.rounds.value);
  });
  for (const b of document.querySelectorAll("[data-copy]")) {
    // What the copy did is said beside its button: the status line at the top of the page
    // is out of sight once the Share view is scrolled to.
    const note = h("span", {class: "copy-note", role: "status"});
    b.after(note);
    b.addEventListener("click", async () => {
      const field = $(b.dataset.copy);
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
        note.textContent = " Copied.";
      } catch {
        note.textContent = " Selected: copy it with Ctrl+C.";
      }
    });
  }
  const saved = h("span", {class: "copy-note", role: "status"});
  $("download").after(saved);
  $("download").addEventListener("click", () => downloadReport(saved));
  // The address holds the what-if: followed, the skip link's "#results" would replace it
  // with the default scenario. It moves the focus instead.
  document.querySelector(".skip").addEventListener("click", (ev) => {
    ev.preventDefault();
    $("results").focus();
  });
  window.addEventListener("hashchange", async () => {
    const before = state.scenario, shown = whatIf();
    // Busy from the start: opening another scenario reads its file before anything is computed.
    busy(true);
    readHash();
    if (!state.scenario) state.scenario = catalog.scenarios.find((s) => s.default)?.name || "";
    // Another scenario's view is drawn once it is open: until then the engine holds the old
    // one, which the new link's variant, values and axes do not fit.
    selectView(state.view, false, state.scenario === before);
    // An address that changes only the view or the chart's axes (pasted over the open
    // page, or Back to it) keeps the results and the controls: selectView has drawn the
    // view from what the page holds, and nothing is worked out again.
    if (state.scenario !== before) {
      fillScenarios();
      await openScenario();
    } else if (whatIf() !== shown) {
      if (loaded) fillVariants(loaded.scenario);
      refresh();
      await buildControls();
    }
    // A scenario that failed to open computes nothing, and pump is not there to clear it.
    if (!running && applied === wanted && !opening) busy(false);
  });
}

// scrollersReachable lets the keyboard scroll a table wider than its column: its box
// (.scroll) takes the focus, named by the table's caption. Chromium does this by itself;
// other browsers leave such a box to the mouse. A box that fits takes no Tab stop.
function scrollersReachable() {
  let queued = false;
  const mark = () => {
    queued = false;
    for (const box of document.querySelectorAll(".scroll")) {
      const caption = box.querySelector("caption");
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", caption ? caption.textContent : "A wide table");
      } else {
        for (const a of ["tabindex", "role", "aria-label"]) box.removeAttribute(a);
      }
    }
  };
  const queue = () => {
    if (!queued) requestAnimationFrame(mark);
    queued = true;
  };
  new MutationObserver(queue).observe(document.querySelector("main"), {childList: true, subtree: true, attributes: true, attributeFilter: ["hidden", "open"]});
  window.addEventListener("resize", queue);
}

// keepFocusInSight has the browser scroll a focused control below the sticky headline,
// not under it: Shift+Tab back up the what-if controls would otherwise hide each one.
function keepFocusInSight() {
  const headline = document.querySelector(".headline");
  // In a short window (a page zoomed to 200% or more) the headline scrolls away with the
  // page (style.css), and covers nothing.
  new ResizeObserver(() => {
    const sticky = getComputedStyle(headline).position === "sticky";
    document.documentElement.style.scrollPaddingTop = sticky ? `${headline.offsetHeight + 8}px` : "";
  }).observe(document.documentElement);
}

// keepOffline has the static site's files kept in the browser (sw.js), so that the page
// opens again with the server gone. Browsers allow it on https and on this computer's own
// addresses; elsewhere the page works as before, online only. body[data-offline] says
// "ready" once every file is kept.
async function keepOffline() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  try {
    await navigator.serviceWorker.register("sw.js");
    const worker = (await navigator.serviceWorker.ready).active;
    const here = location.href.split("#")[0];
    // The engine's files were fetched by its worker, out of the page's own list.
    const loaded = [...performance.getEntriesByType("resource").map((e) => e.name), ...engine.files.map((f) => new URL(f, here).href)]
      .filter((u) => new URL(u).origin === location.origin);
    const channel = new MessageChannel();
    const reply = new Promise((resolve) => { channel.port1.onmessage = (ev) => resolve(ev.data); });
    worker.postMessage({keep: [...new Set([here, ...loaded])]}, [channel.port2]);
    if ((await reply).kept) document.body.dataset.offline = "ready";
  } catch {
    // Without the copy the page still works while its server answers.
  }
}

async function start() {
  isolateAlways(document.body);
  readHash();
  // The address says at once what the page took of it (the Zone view for a view it does
  // not know, no set= without a value), not once the engine has come: a static site's is a
  // download of megabytes, and a link copied meanwhile must be the page's.
  writeHash();
  wire();
  showTab(state.view, false);
  keepFocusInSight();
  scrollersReachable();
  tornadoFitsItsBox();
  try {
    // The engine is a download of about 10 MB for a static site: a student on a slow
    // network sees it come rather than a page that seems stuck. The status is read out
    // when it changes, so it changes by whole megabytes.
    engine = await connect((got, total, done) => {
      const text = done ? "Starting the engine…" : `Fetching the engine: ${megabytes(got)}${total > got ? ` of ${megabytes(total)}` : ""} MB…`;
      if ($("status").textContent !== text) setStatus(text);
    });
  } catch (e) {
    setStatus("");
    $("scenario").options[0].textContent = "None: the engine did not start";
    showError(e);
    return;
  }
  $("mode-note").textContent = engine.mode === "serve" ? " or this computer (negsim serve)" : " (the engine runs in the page)";
  try {
    catalog = await engine.call("list");
    if (engine.mode === "wasm") {
      // A static site lists the teacher's files in scenarios.json (negsim-site writes it).
      const response = await fetch("scenarios.json", {cache: "no-store"});
      if (response.ok) catalog.files = (await response.json()).files || [];
    }
  } catch (e) {
    $("scenario").options[0].textContent = "None: the list of scenarios did not come";
    showError(e);
    return;
  }
  // Until now a file chosen would have had no engine to read it, and the page would have
  // blamed the file.
  $("local").disabled = false;
  if (!state.scenario) {
    // negsim serve FILE (or a folder of one file) opens that file first.
    state.scenario = catalog.files.length === 1 ? "file:" + catalog.files[0] : catalog.scenarios.find((s) => s.default)?.name || "";
  }
  fillScenarios();
  selectView(state.view);
  await openScenario();
  // Once the page has fetched what it needs (the scenario index and the file it opened too).
  if (engine.mode === "wasm") keepOffline();
}

start();
