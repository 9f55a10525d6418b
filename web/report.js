// The report a student downloads: one HTML file of the what-if on screen, with its styles
// and chart inline, that opens anywhere and loads nothing. For the command line's fuller
// report of a variant, the page shows the matching `negsim report` command in it.
//
// It is handed in on paper as often as on screen, so it prints whole on A4 (and so on the
// wider Letter), as `negsim report -o r.html` does: tables in 8 pt, the smallest print a
// handout should carry, fill the width and wrap their cells at spaces and after the hyphens
// of ids, their headings break only between words, a heading never ends a page alone, a
// table of a few rows is not split across two pages, and the chart fits a page. The
// report's tables have at most seven columns, so none needs the command line's layout of one
// block a deal.

import {SOLUTIONS} from "./chart.js";
import {count, shellWord, deals, enterLeave, percent, diagnosisWords, agreementWords, actorWords, solutionsTable, optionsTable, roundsSummary, roundsNotes, roundWords, noTextTeller} from "./words.js";
import {isolateHTML, rightToLeftNames} from "./bidi.js";

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));

// WHOLE_ROWS is the most rows a table may have and still be kept on one printed page: at
// 8 pt a row of one line is about 13 px, so twelve fill under half of A4's 1030 px, the
// most of a page left blank when such a table moves to the next. Four options split two and
// two across a page break read as an issue with two options. negsim report keeps the same.
const WHOLE_ROWS = 12;

// table writes a table in a box of its own, which on screen scrolls sideways when the table
// is wider than the page (the page itself never does). The first cell of each row names
// the row; the columns listed in numeric hold numbers, set right. caption names the table
// for a screen reader; the heading above it already does on paper.
function table(head, rows, numeric = [], caption = "") {
  return `<div class="wide"><table${rows.length <= WHOLE_ROWS ? ' class="whole"' : ""}>${caption ? `<caption class="visually-hidden">${esc(caption)}</caption>` : ""}<thead><tr>${head.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${numeric.includes(i) ? ' class="num"' : ""}>${esc(c)}</td>`)).join("")}</tr>`).join("")}</tbody></table></div>`;
}

// html writes words (see words.js) as the report's HTML.
// A table is captioned by the heading it falls under, or by under.
function html(blocks, under = "") {
  const parts = (ps) => ps.map((p) => (typeof p === "string" ? esc(p) : `<code>${esc(p.code)}</code>`)).join("");
  return blocks.map((b) => {
    if (b.heading) {
      under = b.heading;
      return `<h3>${esc(b.heading)}</h3>`;
    }
    if (b.para) return `<p>${parts(b.para)}</p>`;
    if (b.list) return `<ul>${b.list.map((item) => `<li>${parts(item)}</li>`).join("")}</ul>`;
    return table(b.table.head, b.table.rows, b.table.numeric, under);
  });
}

const SOLUTION_TITLES = Object.fromEntries(SOLUTIONS.map((s) => [s.key, s.title]));

const STYLE = `body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.45; color: #1a1a1a; }
.wide { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { border-bottom: 1px solid #bbb; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f4f6; } tbody th { font-weight: normal; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
pre { background: #f3f4f6; padding: 0.5rem; overflow-x: auto; }
code { overflow-wrap: anywhere; }
figure { margin: 1rem 0; } figure > svg { max-width: 36rem; width: 100%; height: auto; } figcaption { font-size: 0.85rem; color: #555; }
.legend { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; font-size: 0.85rem; margin: 0.3rem 0; padding: 0; list-style: none; } .legend svg { width: 22px; height: 16px; vertical-align: middle; }
@page { margin: 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  h1 { font-size: 1.35rem; }
  h2 { font-size: 1.1rem; margin-top: 1.2rem; }
  h1, h2, h3 { break-after: avoid; }
  p, li { orphans: 3; widows: 3; }
  .wide { overflow: visible; }
  table { width: 100%; font-size: 8pt; line-height: 1.25; }
  th, td { padding: 1px 2px; overflow-wrap: break-word; }
  th { overflow-wrap: normal; word-break: keep-all; hyphens: manual; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  table.whole { break-inside: avoid; }
  p:has(+ .wide > table.whole) { break-after: avoid; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8pt; }
  figure > svg { max-width: 100%; max-height: 11cm; width: auto; }
  .legend { font-size: 8pt; }
  a { color: inherit; }
}`;

// reportHTML writes the report of r: the scenario, its analysis, explanation, rounds,
// comparison and export as the page fetched them, with the page's names for things (r.say,
// as words.js takes them).
export function reportHTML(r) {
  const sc = r.scenario, an = r.analysis, tr = r.transcript, c = r.comparison, say = r.say;
  const issues = sc.issues;
  const parts = [];
  parts.push(`<h1>${esc(sc.name)}</h1>`);
  if (sc.stance) parts.push(`<p><em>Stance: ${esc(sc.stance.replace(/\s+/g, " ").trim())}</em></p>`);
  parts.push(`<p>File <code>${esc(r.file)}</code>${r.variant ? `, variant <code>${esc(r.variant)}</code>` : ""}. Made with negsim's page; <a href="${esc(r.link)}">the link to this what-if</a>.</p>`);
  parts.push("<h2>The what-if</h2>");
  parts.push(r.set.length ? `<ul>${r.set.map(([k, v]) => `<li><code>${esc(k)}=${esc(v)}</code></li>`).join("")}</ul>` : `<p>No changes: the ${r.variant ? "variant" : "scenario"} as the file gives it.</p>`);
  parts.push(`<p>On the command line:</p><pre>${esc(["negsim report " + shellWord(r.file) + (r.variant ? " --variant " + shellWord(r.variant) : ""), ...(r.exported.flags ? [r.exported.flags] : []), "-o report.html"].join(" "))}</pre>`);
  // A handout carries what the page said above its results, as negsim report's does.
  if (r.warnings.length) {
    parts.push("<h2>Warnings</h2>", "<p>negsim warns of this scenario as it is run here. None stops the analysis, but each may change how its results read:</p>");
    parts.push(`<ul>${r.warnings.map((w) => `<li>${esc(w)}</li>`).join("")}</ul>`);
  }

  parts.push("<h2>The zone of possible agreement</h2>");
  const share = an.space.deals ? (100 * an.zopa.count) / an.space.deals : 0;
  parts.push(`<p>${an.space.issues} issue${an.space.issues === 1 ? "" : "s"}, ${count(an.space.deals)} possible deals. The zone of possible agreement (ZOPA) holds ${count(an.zopa.count)} of them (${percent(share)}): ${esc(whoAgrees(an))}.` +
    (an.zopa.count ? ` ${count(an.pareto.count)} of them ${an.pareto.count === 1 ? "is" : "are"} Pareto-optimal.` : "") + "</p>");
  parts.push(...html(diagnosisWords(an, say)), ...html(agreementWords(an, say)));
  if (an.solutions.nash) {
    parts.push("<h3>Bargaining solutions</h3>", ...html([{table: solutionsTable(an, issues)}], "Bargaining solutions"));
    parts.push("<h3>Options in the zone</h3>", ...html([{table: optionsTable(an, issues)}], "Options in the zone"));
  }
  if (r.chart) parts.push(`<figure>${r.chart}${r.legend || ""}<figcaption>Every deal by the utility it gives the two parties on the axes, as the page drew it.</figcaption></figure>`);

  if (r.score) {
    parts.push("<h2>The deal scored</h2>", `<p><code>${esc(r.deal)}</code></p>`, ...r.score.lines.map((line) => `<p>${esc(line)}</p>`),
      table(r.score.table.head, r.score.table.rows, r.score.table.numeric, "Each actor's points for the deal"));
  }

  parts.push("<h2>The scenario in words</h2>");
  for (const a of r.explanation.actors) parts.push(...html(actorWords(a, say)));

  parts.push(...rounds(tr, an, say));

  parts.push(`<h2>Compared with the ${r.variant ? "variant" : "scenario"} as the file gives it</h2>`);
  if (!r.set.length) {
    parts.push("<p>Nothing to compare: the what-if changes nothing.</p>");
  } else {
    parts.push(`<p>The zone: ${deals(c.zopa_before)} before, ${deals(c.zopa_after)} after; ${enterLeave(c)}.</p>`);
    parts.push(table(["solution", "what changed"], c.solutions.map((m) => [SOLUTION_TITLES[m.solution], solutionChange(m, issues)]), [], "Solutions before and after"));
    parts.push("<h2>The what-if as a variant</h2>");
    parts.push(`<p>The same changes as a variant, ready to paste into the scenario file.</p><pre>${esc(r.exported.variants)}</pre>`);
  }

  return isolateHTML(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(sc.name)}: a what-if</title>
<style>
${STYLE}
</style></head><body>
${parts.join("\n")}
</body></html>
`, rightToLeftNames(sc).map(esc));
}

// whoAgrees says which deals the zone holds, by the rules the scenario sets.
function whoAgrees(an) {
  const rules = [];
  if (an.decision) rules.push(`that gather at least ${an.decision.votes_needed} of the ${an.decision.votes_at_table} votes at the table`);
  if (an.ratification) rules.push("that are ratified at home");
  // With no veto actor the votes alone decide.
  if (!rules.length || an.actors.some((a) => a.veto)) rules.unshift("every veto party accepts");
  return `the deals ${rules.join(" and ")}`;
}

// rounds tells the talks round by round. A round with nothing on the table says why, in
// full the first time and then by the round that first said it, as the page does.
function rounds(tr, an, say) {
  const out = ["<h2>Bargaining rounds</h2>", `<p>${esc(roundsSummary(tr, say, an))}</p>`];
  const noText = noTextTeller();
  out.push(`<p>Each round: the deals in the zone at that round's reservations, the proposal (by whom, and what changed from the last), who accepted it, and what happened.</p>`);
  out.push(...roundsNotes(tr, an).map((note) => `<p>${esc(note)}</p>`));
  out.push(table(["round", "zone", "proposal", "accepted by", "events"], tr.rounds.map((x) => {
    const w = roundWords(x, an, say, noText);
    return [String(x.round), count(x.zopa_size), x.proposal ? `${w.by}: ${w.proposal}` : w.proposal, w.accepted, w.events];
  }), [1], "Every round"));
  return out;
}

// solutionChange says how a solution moved: the issues it settles differently, or that it
// stayed, or that it appeared or vanished with the zone.
function solutionChange(m, issues) {
  if (!m.changed) return "unchanged";
  if (!m.before) return "none before (the zone was empty)";
  if (!m.after) return "none after (the zone is empty)";
  const moved = issues.filter((is) => m.before[is.id] !== m.after[is.id]).map((is) => `${is.id}: ${m.before[is.id]} → ${m.after[is.id]}`);
  return moved.join(", ") || "unchanged";
}
