// Charts drawn in the page as SVG from the engine's JSON: the plane of two parties'
// utilities, and the rounds. Colours come with a second cue (shape, dash) for readers who
// cannot tell them apart.

const NS = "http://www.w3.org/2000/svg";
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8800FF", "#663311", "#112288", "#000000"];
// ROUND_MARKS are the shapes that mark each actor's aspiration in the rounds: with its
// colour, and in black and white alone, they tell the actors apart.
const ROUND_MARKS = ["circle", "square", "triangle", "diamond", "cross", "star"];

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  if (text !== undefined) e.textContent = text;
  return e;
}

const fmt = (u) => (Math.round(u * 1000) / 1000).toFixed(3);

// tenths is how wide a character is drawn, in tenths of the font size: a Chinese,
// Japanese or Korean one the whole size, any other 0.6 of it (generous for sans-serif). A
// chart is drawn before it is on the page, where nothing can be measured; counted at 0.6,
// a long Chinese name ran past the chart's edge.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const tenths = (c) => (WIDE.test(c) ? 10 : 6);

// textWidth estimates how wide text is drawn at a font size.
const textWidth = (text, size) => ([...text].reduce((w, c) => w + tenths(c), 0) * size) / 10;

// widthPrefix is the longest start of text no wider than room tenths of the font size.
function widthPrefix(chars, room) {
  let used = 0, n = 0;
  while (n < chars.length && used + tenths(chars[n]) <= room) used += tenths(chars[n++]);
  return chars.slice(0, n);
}

// fitted keeps a line of text within room (in the drawing's units): text that may be wider
// is set in a smaller font, since a word past the drawing's edge is cut off.
function fitted(attrs, text, room) {
  if (textWidth(text, attrs["font-size"]) <= room) return attrs;
  return {...attrs, "font-size": (room / textWidth(text, 1)).toFixed(1)};
}

// The solutions and how each is marked.
export const SOLUTIONS = [
  {key: "nash", title: "Nash", shape: "star"},
  {key: "asymmetric_nash", title: "Asymmetric Nash", shape: "diamond"},
  {key: "kalai_smorodinsky", title: "Kalai–Smorodinsky", shape: "triangle"},
  {key: "utilitarian", title: "Utilitarian", shape: "square"},
  {key: "egalitarian", title: "Egalitarian", shape: "cross"},
];

function marker(shape, x, y, size, attrs) {
  const s = size;
  switch (shape) {
    case "star": {
      const pts = [];
      for (let i = 0; i < 10; i++) {
        const r = i % 2 ? s * 0.45 : s;
        const a = Math.PI / 2 + (i * Math.PI) / 5;
        pts.push(`${(x + r * Math.cos(a)).toFixed(1)},${(y - r * Math.sin(a)).toFixed(1)}`);
      }
      return el("polygon", {points: pts.join(" "), ...attrs});
    }
    case "diamond":
      return el("polygon", {points: `${x},${y - s} ${x + s},${y} ${x},${y + s} ${x - s},${y}`, ...attrs});
    case "triangle":
      return el("polygon", {points: `${x},${y - s} ${x + s},${y + s * 0.8} ${x - s},${y + s * 0.8}`, ...attrs});
    case "square":
      return el("rect", {x: x - s * 0.75, y: y - s * 0.75, width: s * 1.5, height: s * 1.5, ...attrs});
    case "cross":
      return el("path", {d: `M${x - s},${y - s}L${x + s},${y + s}M${x - s},${y + s}L${x + s},${y - s}`, "stroke-width": 3, ...attrs, fill: "none"});
  }
  return el("circle", {cx: x, cy: y, r: s * 0.6, ...attrs});
}

// plane draws every deal (faint), the zone (blue), the reservations, the frontier and the
// solutions of two parties. onDetail receives a sentence about what is pointed at or
// focused; summary says in words what the chart shows, its text alternative; dealText
// words a deal, and deals a count of them, as the page's words do.
export function planeChart({plane, analysis, names, dealText, deals, onDetail, summary}) {
  // R leaves room for half of the last tick's label, 1.00, centred on the right edge. L
  // holds the ticks' labels and, turned up the side, the y axis's name, whose baseline
  // stands AXIS_NAME from the edge: its letters rise above the baseline by the font's
  // ascent, which is 0.93 em in DejaVu Sans and Roboto but 1.07 in Noto Sans and 1.08 in
  // Windows's Segoe UI; at 16, those cut the tops of the letters off at the chart's edge.
  const AXIS_NAME = 20;
  const W = 600, H = 560, L = 68, R = 24, T = 16, B = 56;
  const pw = W - L - R, ph = H - T - B;
  const X = (u) => L + u * pw;
  const Y = (u) => T + (1 - u) * ph;
  const [ax, ay] = plane.axes;
  const svg = el("svg", {viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": summary});
  svg.append(el("title", {}, `The deals on the plane of ${names[ax]} and ${names[ay]}`));
  svg.append(el("rect", {x: L, y: T, width: pw, height: ph, fill: "#ffffff", stroke: "#4a4a4a"}));
  for (let i = 0; i <= 4; i++) {
    const u = i / 4;
    svg.append(el("line", {x1: X(u), y1: T, x2: X(u), y2: T + ph, stroke: "#e0e0e0"}));
    svg.append(el("line", {x1: L, y1: Y(u), x2: L + pw, y2: Y(u), stroke: "#e0e0e0"}));
    svg.append(el("text", {x: X(u), y: T + ph + 20, "text-anchor": "middle", "font-size": 15, fill: "#1a1a1a"}, u.toFixed(2)));
    svg.append(el("text", {x: L - 8, y: Y(u) + 5, "text-anchor": "end", "font-size": 15, fill: "#1a1a1a"}, u.toFixed(2)));
  }
  svg.append(el("text", fitted({x: L + pw / 2, y: H - 8, "text-anchor": "middle", "font-size": 17, "font-weight": 600, fill: "#1a1a1a"}, `${names[ax]}: utility`, pw), `${names[ax]}: utility`));
  svg.append(el("text", fitted({x: AXIS_NAME, y: T + ph / 2, "text-anchor": "middle", "font-size": 17, "font-weight": 600, fill: "#1a1a1a", transform: `rotate(-90 ${AXIS_NAME} ${T + ph / 2})`}, `${names[ay]}: utility`, ph), `${names[ay]}: utility`));

  const n = plane.cells, cw = pw / n, chh = ph / n;
  const counts = new Map();
  const layer = (cells, colour, lo, hi, key) => {
    const g = el("g", {"aria-hidden": "true"});
    const max = Math.max(1, ...cells.map((c) => c.deals));
    for (const c of cells) {
      const k = c.y * n + c.x;
      const entry = counts.get(k) || {all: 0, zone: 0, x: c.x, y: c.y};
      entry[key] = c.deals;
      counts.set(k, entry);
      const strength = lo + (hi - lo) * Math.log1p(c.deals) / Math.log1p(max);
      g.append(el("rect", {x: (L + c.x * cw).toFixed(2), y: (T + (n - 1 - c.y) * chh).toFixed(2), width: cw.toFixed(2), height: chh.toFixed(2), fill: colour, "fill-opacity": strength.toFixed(3)}));
    }
    svg.append(g);
  };
  layer(plane.all, "#6b7280", 0.10, 0.45, "all");
  layer(plane.zopa, "#1f77b4", 0.55, 1, "zone");

  const res = Object.fromEntries(analysis.actors.map((a) => [a.id, a.reservation]));
  svg.append(el("line", {x1: X(res[ax]), y1: T, x2: X(res[ax]), y2: T + ph, stroke: "#a50e0e", "stroke-dasharray": "6 4", "stroke-width": 2}));
  svg.append(el("line", {x1: L, y1: Y(res[ay]), x2: L + pw, y2: Y(res[ay]), stroke: "#a50e0e", "stroke-dasharray": "6 4", "stroke-width": 2}));
  // The label of a reservation sits on the side of its line with the more room; where a
  // long name would not fit, it says "reservation" alone (the axis names whose it is).
  const reservationLabel = (name, room) => (textWidth(`reservation of ${name}`, 14) <= room ? `reservation of ${name}` : "reservation");
  const rightOf = res[ax] <= 0.5, acrossRoom = rightOf ? L + pw - X(res[ax]) - 8 : X(res[ax]) - L - 8;
  const across = reservationLabel(names[ax], acrossRoom), up = reservationLabel(names[ay], pw - 8);
  svg.append(el("text", fitted({x: X(res[ax]) + (rightOf ? 4 : -4), y: T + 16, "text-anchor": rightOf ? "start" : "end", "font-size": 14, fill: "#a50e0e"}, across, acrossRoom), across));
  svg.append(el("text", fitted({x: L + 4, y: Y(res[ay]) - 6, "font-size": 14, fill: "#a50e0e"}, up, pw - 8), up));

  const points = el("g");
  const frontierMarks = [], solutionMarks = [];
  if (plane.frontier.length) {
    // The frontier as a staircase through its deals: every zone deal lies on or below it,
    // within the boxes the frontier's deals dominate.
    let d = "";
    plane.frontier.forEach((p, i) => {
      d += i === 0 ? `M${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}` : `V${Y(p.y).toFixed(1)}H${X(p.x).toFixed(1)}`;
    });
    svg.append(el("path", {d, fill: "none", stroke: "#1a1a1a", "stroke-width": 2.5}));
    for (const p of plane.frontier) {
      const g = el("g", {class: "point", role: "img", "aria-label": `Frontier deal: ${names[ax]} ${fmt(p.x)}, ${names[ay]} ${fmt(p.y)}; ${dealText(p.options)}`});
      g.append(el("circle", {cx: X(p.x), cy: Y(p.y), r: 6, fill: "#ffffff", stroke: "#1a1a1a", "stroke-width": 2.5}));
      const say = () => onDetail(`On the frontier: ${names[ax]} ${fmt(p.x)}, ${names[ay]} ${fmt(p.y)}. ${dealText(p.options)}`);
      g.addEventListener("focus", say);
      g.addEventListener("pointerenter", say);
      points.append(g);
      frontierMarks.push(g);
    }
  }
  const sols = analysis.solutions || {};
  SOLUTIONS.forEach((s, i) => {
    const sol = sols[s.key];
    if (!sol) return;
    const x = X(sol.utilities[ax]), y = Y(sol.utilities[ay]);
    const g = el("g", {class: "point", role: "img", "aria-label": `${s.title} solution: ${names[ax]} ${fmt(sol.utilities[ax])}, ${names[ay]} ${fmt(sol.utilities[ay])}; ${dealText(sol.options)}`});
    // Solutions that coincide are offset a little so each stays visible.
    g.append(marker(s.shape, x + i * 3, y - i * 3, s.key === "nash" ? 12 : 8, {fill: PALETTE[i], stroke: "#1a1a1a", "stroke-width": 1.5}));
    const say = () => onDetail(`${s.title} solution: ${names[ax]} ${fmt(sol.utilities[ax])}, ${names[ay]} ${fmt(sol.utilities[ay])}. ${dealText(sol.options)}`);
    g.addEventListener("focus", say);
    g.addEventListener("pointerenter", say);
    points.append(g);
    solutionMarks.push(g);
  });
  svg.append(points);

  // One stop in the tab order for the chart; the arrow keys then walk the solutions and the
  // frontier's deals.
  const marks = [...solutionMarks, ...frontierMarks];
  marks.forEach((g, i) => g.setAttribute("tabindex", i === 0 ? "0" : "-1"));
  // The focused mark is ringed on top of every other: solutions that coincide are drawn one
  // over another, and a mark's own outline would be hidden under the next. White under the
  // blue keeps the ring apart from the zone's blue behind it.
  const ring = el("g", {"aria-hidden": "true", visibility: "hidden", "pointer-events": "none"});
  ring.append(el("circle", {fill: "none", stroke: "#ffffff", "stroke-width": 6}), el("circle", {fill: "none", stroke: "#0b57d0", "stroke-width": 3}));
  svg.append(ring);
  for (const g of marks) {
    g.addEventListener("focus", () => {
      const b = g.getBBox();
      for (const c of ring.children) {
        c.setAttribute("cx", (b.x + b.width / 2).toFixed(1));
        c.setAttribute("cy", (b.y + b.height / 2).toFixed(1));
        c.setAttribute("r", (Math.max(b.width, b.height) / 2 + 5).toFixed(1));
      }
      ring.setAttribute("visibility", "visible");
    });
    g.addEventListener("blur", () => ring.setAttribute("visibility", "hidden"));
  }
  svg.addEventListener("keydown", (ev) => {
    const i = marks.indexOf(document.activeElement);
    if (i < 0) return;
    let j = {ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: marks.length - 1}[ev.key];
    if (j === undefined) return;
    ev.preventDefault();
    j = (j + marks.length) % marks.length;
    marks[i].setAttribute("tabindex", "-1");
    marks[j].setAttribute("tabindex", "0");
    marks[j].focus();
  });

  svg.addEventListener("pointermove", (ev) => {
    if (ev.target.closest && ev.target.closest(".point")) return;
    const m = svg.getScreenCTM();
    if (!m) return;
    const pt = new DOMPoint(ev.clientX, ev.clientY).matrixTransform(m.inverse());
    const cx = Math.floor((pt.x - L) / cw), cy = n - 1 - Math.floor((pt.y - T) / chh);
    if (cx < 0 || cy < 0 || cx >= n || cy >= n) return;
    const c = counts.get(cy * n + cx);
    const range = (i) => `${(i / n).toFixed(2)}–${((i + 1) / n).toFixed(2)}`;
    onDetail(c ? `${deals(c.all || c.zone)} worth ${range(cx)} to ${names[ax]} and ${range(cy)} to ${names[ay]}; ${c.zone} of them in the zone.`
      : `No deal is worth ${range(cx)} to ${names[ax]} and ${range(cy)} to ${names[ay]}.`);
  });
  return svg;
}

// ROUND_LINES are the line styles of the rounds, as `negsim rounds --chart` and `negsim
// report` draw and name them, so that the page and a printed report read alike: the colour
// tells the actor, the style what is drawn.
export const ROUND_LINES = [
  {series: "aspiration", dash: "", width: 2.5, words: "solid: aspiration"},
  {series: "utility", dash: "6 4", width: 2, words: "dashed: utility of the proposal"},
  {series: "reservation", dash: "2 3", width: 2, words: "dotted: reservation"},
];

// given is whether a round holds a value of a series: a round with no proposal holds no
// utility of it.
const given = (u) => u !== null && u !== undefined;

// roundsChart draws each actor's aspiration (solid, with the actor's mark), the utility it
// gets from the proposal (dashed, over the rounds that have one) and its reservation
// (dotted) over the rounds, and the zone's size in a strip below.
// hidden holds the ids of actors left out: ratifiers, who never bargain.
// summary says in words how the talks went, as the view says it above the chart; it is the
// chart's text alternative.
// roundEvents tags the scenario's events in the order they fire, E1, E2, ..., as negsim
// rounds' chart tags them, each said with its round and why.
export function roundEvents(transcript) {
  const out = [];
  transcript.rounds.forEach((r, t) => (r.events || []).forEach((ev) => {
    const tag = `E${out.length + 1}`;
    out.push({tag, t, said: `${tag}, round ${r.round}: ${ev.why}`});
  }));
  return out;
}

export function roundsChart({transcript, names, selected, summary, hidden = new Set()}) {
  const events = roundEvents(transcript);
  // Room above the plot for the events' tags, as the command line's chart keeps it.
  const W = 640, H = 420 + (events.length ? 20 : 0), L = 56, R = 16, T = events.length ? 36 : 16, B = 110;
  const pw = W - L - R, ph = H - T - B;
  const rounds = transcript.rounds;
  const last = Math.max(1, rounds.length - 1);
  const X = (t) => L + (t / last) * pw;
  const Y = (u) => T + (1 - u) * ph;
  const told = events.length ? ` Events: ${events.map((e) => e.said).join("; ")}.` : "";
  const svg = el("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": `Aspirations, reservations and the proposal's value to each actor, round by round; the zone's size below. ${summary}${told}`});
  svg.append(el("rect", {x: L, y: T, width: pw, height: ph, fill: "#ffffff", stroke: "#4a4a4a"}));
  for (let i = 0; i <= 4; i++) {
    const u = i / 4;
    svg.append(el("line", {x1: L, y1: Y(u), x2: L + pw, y2: Y(u), stroke: "#e0e0e0"}));
    svg.append(el("text", {x: L - 6, y: Y(u) + 5, "text-anchor": "end", "font-size": 16, fill: "#1a1a1a"}, u.toFixed(2)));
  }
  const step = Math.max(1, Math.ceil(rounds.length / 10));
  rounds.forEach((r, t) => {
    if (t % step === 0 || t === rounds.length - 1) {
      svg.append(el("text", {x: X(t), y: T + ph + 18, "text-anchor": "middle", "font-size": 16, fill: "#1a1a1a"}, String(r.round)));
    }
  });
  transcript.actors.forEach((a, i) => {
    if (hidden.has(a.id)) return;
    const colour = PALETTE[i % PALETTE.length];
    for (const {series, dash, width} of ROUND_LINES) {
      // A round with no proposal gives no utility: the dashed line joins the rounds that
      // have one, as the command line's chart does.
      const points = rounds.map((r, t) => [t, r.actors[i][series]]).filter(([, u]) => given(u));
      if (!points.length) continue;
      svg.append(el("polyline", {
        points: points.map(([t, u]) => `${X(t).toFixed(1)},${Y(u).toFixed(1)}`).join(" "),
        fill: "none", stroke: colour, "stroke-width": width, "stroke-dasharray": dash || undefined,
        "data-series": series, "data-actor": a.id,
      }));
    }
    // The actor's mark on its aspiration, on the rounds that are numbered below: with the
    // colour, and in black and white alone, it tells the actors apart.
    rounds.forEach((r, t) => {
      if (t % step === 0 || t === rounds.length - 1) svg.append(marker(ROUND_MARKS[i % ROUND_MARKS.length], X(t), Y(r.actors[i].aspiration), 4.5, {fill: colour, stroke: colour}));
    });
  });
  // The zone's size, on a logarithmic strip: ripe rounds stand out from empty ones.
  const zs = rounds.map((r) => r.zopa_size);
  const maxZ = Math.max(1, ...zs);
  const sy = T + ph + 30, sh = 50;
  svg.append(el("text", {x: L - 6, y: sy + sh / 2 + 5, "text-anchor": "end", "font-size": 15, fill: "#1a1a1a"}, "zone"));
  rounds.forEach((r, t) => {
    const h = r.zopa_size ? sh * Math.log1p(r.zopa_size) / Math.log1p(maxZ) : 0;
    const w = Math.max(3, pw / (rounds.length + 1) * 0.7);
    svg.append(el("rect", {x: Math.min(L + pw - w, Math.max(L, X(t) - w / 2)), y: sy + sh - h, width: w, height: Math.max(h, 0.5), fill: r.zopa_size ? "#1f77b4" : "#b8b8b8"}));
  });
  svg.append(el("text", {x: L + pw / 2, y: H - 6, "text-anchor": "middle", "font-size": 15, "font-weight": 600, fill: "#1a1a1a"}, "round"));
  // Each event a dashed line at its round, across the plot and the zone's strip, tagged
  // above the plot; two in one round share the line, their tags one above the other.
  const atRound = new Map();
  for (const e of events) {
    const k = atRound.get(e.t) || 0;
    atRound.set(e.t, k + 1);
    if (!k) svg.append(el("line", {x1: X(e.t), y1: T, x2: X(e.t), y2: sy + sh, stroke: "#4a4a4a", "stroke-width": 1.5, "stroke-dasharray": "4 3", "data-event": e.tag}));
    svg.append(el("text", {x: X(e.t), y: T - 6 - 16 * k, "text-anchor": "middle", "font-size": 15, fill: "#1a1a1a"}, e.tag));
  }
  if (selected !== undefined && rounds[selected]) {
    svg.append(el("line", {x1: X(selected), y1: T, x2: X(selected), y2: sy + sh, stroke: "#1a1a1a", "stroke-width": 2, "stroke-dasharray": "2 2"}));
  }
  return svg;
}

// legend lists what each mark means, as HTML beside the chart.
export function legend(items) {
  const ul = document.createElement("ul");
  ul.className = "legend";
  for (const it of items) {
    const li = document.createElement("li");
    const s = el("svg", {width: 22, height: 16, viewBox: "0 0 22 16", "aria-hidden": "true"});
    // A line and a mark: the rounds draw each actor's line and mark its proposals' values.
    if (!it.shape || it.line) s.append(el("line", {x1: 1, y1: 8, x2: 21, y2: 8, stroke: it.colour, "stroke-width": 3, "stroke-dasharray": it.dash || ""}));
    if (it.shape) s.append(marker(it.shape, 11, 8, it.line ? 4.5 : 6, {fill: it.fill || it.colour, stroke: it.line ? it.colour : "#1a1a1a"}));
    li.append(s, " " + it.label);
    ul.append(li);
  }
  return ul;
}

// roundsLegend names the actors drawn in the rounds, each by its colour and mark, and says
// what each line style means in the command line's words.
export function roundsLegend({transcript, names, hidden = new Set()}) {
  const box = document.createElement("div");
  const actors = transcript.actors.map((a, i) => ({a, i})).filter(({a}) => !hidden.has(a.id));
  box.append(legend(actors.map(({a, i}) => ({colour: PALETTE[i % PALETTE.length], shape: ROUND_MARKS[i % ROUND_MARKS.length], line: true, label: names[a.id]}))));
  // The styles are no actor's: drawn in grey, in a line of their own apart from the actors.
  const key = document.createElement("p");
  key.className = "hint";
  // Only the styles drawn: talks where no one proposed have no utility of the proposal.
  const drawn = ROUND_LINES.filter(({series}) => transcript.rounds.some((r) => actors.some(({i}) => given(r.actors[i][series]))));
  drawn.forEach(({dash, words}, i) => {
    const s = el("svg", {width: 22, height: 16, viewBox: "0 0 22 16", "aria-hidden": "true"});
    s.append(el("line", {x1: 1, y1: 8, x2: 21, y2: 8, stroke: "#4a4a4a", "stroke-width": 2.5, "stroke-dasharray": dash || undefined}));
    key.append(...(i ? ["; "] : []), s, " " + words);
  });
  box.append(key);
  const events = roundEvents(transcript);
  if (events.length) {
    const told = document.createElement("p");
    told.className = "hint events";
    told.textContent = events.map((e) => `${e.said}.`).join(" ");
    box.append(told);
  }
  return box;
}

// shortLabels fit the names of a chart's values to the tornado's margin, so that both whose
// value each is and which value stay legible, and each bar is told apart from the others.
// The glosses in brackets go first, the last one first, then the end of an issue's or an
// option's name (cutEnd), else the middle ("Ukrainian voters … land: reservation"): cut
// from the middle with its glosses, "Right
// party: reservation (what no deal is worth)" lost the value and kept its gloss, and
// Europe's weights lost "weight of" behind the name of Europe. Where that cut reads as
// another value's, more of the start is kept: Harborco's values of its small and medium
// funds were both "Harborco: value of … fund on Mitigation fund".
// The room is counted in widths (textWidth's), not letters: 46 Latin letters, or 27
// Chinese characters.
function shortLabels(all) {
  const fits = (w) => textWidth(w, 10) <= 46 * 6;
  const bareOf = (w) => w.replace(/ \([^()]*\)/g, "");
  const whole = all.map((words) => [words, words.replace(/ \([^()]*\)$/, ""), bareOf(words)].find(fits));
  const cuts = (words) => [cutEnd(bareOf(words)), ...[20, 26, 32, 38].map((head) => cutMiddle(bareOf(words), head))].filter(Boolean);
  return all.map((words, i) => {
    if (whole[i]) return whole[i];
    const mine = cuts(words);
    const others = new Set(all.flatMap((w, j) => (bareOf(w) === bareOf(words) ? [] : whole[j] ? [whole[j]] : cuts(w))));
    return mine.find((c) => !others.has(c)) || mine[0];
  });
}

// cutEnd keeps the start of a value's name and cuts the end of the issue or option it
// names after " of ", at a whole word: "Russia: weight of Sequencing of ceasefire, …".
// Cut from the middle, that name lost its first words, the ones a student knows it by
// ("Russia: weight of … guarantees and settlement"). "" where the name has no " of " after
// whose value it is, or where the cut would leave none of the words after it.
function cutEnd(text) {
  const colon = text.indexOf(": ");
  const of = colon < 0 ? -1 : text.indexOf(" of ", colon);
  if (of < 0) return "";
  const chars = [...text], front = widthPrefix(chars, 46 * 6 - textWidth(" …", 10));
  let start = front.join("");
  if (chars[front.length] !== " ") start = start.slice(0, Math.max(0, start.lastIndexOf(" ")));
  start = start.replace(/[\s,;:]+$/, "");
  return start.length > of + " of ".length ? `${start} …` : "";
}

// cutMiddle keeps the first head widths of text and the rest of the room's last ones, each
// at whole words (a word cut short reads as another), with " … " between.
function cutMiddle(text, head) {
  const chars = [...text];
  const front = widthPrefix(chars, head * 6), back = widthPrefix([...chars].reverse(), (46 - head) * 6).reverse();
  let start = front.join(""), end = back.join("");
  if (chars[front.length] !== " " && start.lastIndexOf(" ") > 0) start = start.slice(0, start.lastIndexOf(" "));
  if (chars[chars.length - back.length - 1] !== " ") end = end.slice(end.indexOf(" ") + 1);
  return start.trimEnd() + " … " + end.trimStart();
}

// tornadoChart draws each value's nearest thresholds as bars from the value now, left for
// lowering it and right for raising it, as shares of the value's range: the shortest bar
// is the smallest change that tips the result. narrow (a phone's column) puts each label on
// its own line above its bar, so that the drawing, scaled down to the column, keeps words
// large enough to read.
// MIN_BAR is the least width of a tornado's bar, in the chart's units: past the line of now,
// which is 1.5 wide.
const MIN_BAR = 4;

export function tornadoChart({rows, label, narrow = false}) {
  const W = narrow ? 360 : 720, R = 16, T = 24;
  const L = narrow ? 16 : 330, rowH = narrow ? 40 : 26, barTop = narrow ? 20 : 4, barH = narrow ? 14 : 18;
  const H = T + rows.length * rowH + 24;
  const pw = W - L - R;
  const widest = Math.max(0.01, ...rows.flatMap((r) => [r.below, r.above].filter(Boolean).map((t) => Math.abs(t.relative))));
  const X = (rel) => L + pw / 2 + (rel / widest) * (pw / 2);
  const svg = el("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "The smallest change of each value that tips the result, as a share of its range: left lowering, right raising"});
  // Narrow, each label runs across the middle above its bar: the line of "now" stops short
  // of it, rather than striking its words through.
  const nowLine = (y1, y2) => svg.append(el("line", {x1: X(0), y1, x2: X(0), y2, stroke: "#1a1a1a", "stroke-width": 1.5}));
  if (narrow) rows.forEach((r, i) => nowLine(T + i * rowH + barTop, T + i * rowH + barTop + barH));
  else nowLine(T - 8, H - 20);
  svg.append(el("text", {x: X(0), y: T - 10, "text-anchor": "middle", "font-size": 13, fill: "#1a1a1a"}, "now"));
  svg.append(el("text", {x: L, y: H - 4, "font-size": 13, fill: "#1a1a1a"}, `−${(100 * widest).toFixed(0)}% of range`));
  svg.append(el("text", {x: W - R, y: H - 4, "text-anchor": "end", "font-size": 13, fill: "#1a1a1a"}, `+${(100 * widest).toFixed(0)}%`));
  const names = rows.map((r) => label(r.path)), shorts = shortLabels(names);
  rows.forEach((r, i) => {
    const y = T + i * rowH;
    const words = names[i], short = shorts[i];
    const text = el("text", narrow
      ? fitted({x: L, y: y + 14, "font-size": 13, fill: "#1a1a1a"}, short, pw)
      : fitted({x: L - 8, y: y + rowH / 2 + 4, "text-anchor": "end", "font-size": 13, fill: "#1a1a1a"}, short, L - 12), short);
    text.append(el("title", {}, `${words} (${r.path})`));
    svg.append(text);
    // relative is a share of the range, without a sign: lowering is drawn to the left. A
    // value at a threshold tips the result by the least change, a bar of no length beside
    // the line of now: it is drawn wide enough to be seen, on its side.
    for (const [t, colour, side] of [[r.below, "#0072B2", -1], [r.above, "#D55E00", 1]]) {
      if (!t) continue;
      const x0 = X(0), width = Math.max(MIN_BAR, Math.abs(X(side * Math.abs(t.relative)) - x0));
      svg.append(el("rect", {x: side < 0 ? x0 - width : x0, y: y + barTop, width, height: barH, fill: colour}));
    }
  });
  return svg;
}
