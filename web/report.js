// The report a student downloads: one HTML file of the what-if on screen, with its styles
// and chart inline, that opens anywhere and loads nothing. For the command line's fuller
// report of a variant, the page shows the matching `negsim report` command in it.
//
// It is handed in on paper as often as on screen, so it prints whole on A4 (and so on the
// wider Letter), as `negsim report -o r.html` does: tables in a small print font fill the
// width and wrap their cells at spaces and after the hyphens of ids, their headings break
// only between words, a heading never ends a page alone, and the chart fits a page. The
// report's tables have at most six columns, so none needs the command line's layout of one
// block a deal.

import {SOLUTIONS} from "./chart.js";

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
const num = (x) => (x === null || x === undefined ? "–" : (Math.round(x * 1000) / 1000).toFixed(3));
const signed = (x) => `${x >= 0 ? "+" : ""}${num(x)}`;

// percent shows a share with the digits that matter, as the command line does: 100%, 15.4%,
// 0.09%.
function percent(p) {
  if (p === 0 || p >= 100) return `${p.toFixed(0)}%`;
  if (p >= 1) return `${p.toFixed(1)}%`;
  return `${Number(p.toPrecision(2))}%`;
}

// table writes a table in a box of its own, which on screen scrolls sideways when the table
// is wider than the page (the page itself never does). The first cell of each row names
// the row; the columns listed in numeric hold numbers, set right.
function table(head, rows, numeric = []) {
  return `<div class="wide"><table><thead><tr>${head.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${esc(c)}</th>` : `<td${numeric.includes(i) ? ' class="num"' : ""}>${esc(c)}</td>`)).join("")}</tr>`).join("")}</tbody></table></div>`;
}

const SOLUTION_TITLES = Object.fromEntries(SOLUTIONS.map((s) => [s.key, s.title]));

const STYLE = `body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.45; color: #1a1a1a; }
.wide { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { border-bottom: 1px solid #bbb; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f4f6; } tbody th { font-weight: normal; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: #f3f4f6; padding: 0.5rem; overflow-x: auto; }
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
  table { width: 100%; font-size: 7pt; line-height: 1.25; }
  th, td { padding: 1px 2px; overflow-wrap: break-word; }
  th { overflow-wrap: normal; word-break: keep-all; hyphens: manual; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8pt; }
  figure > svg { max-width: 100%; max-height: 11cm; width: auto; }
  .legend { font-size: 8pt; }
  a { color: inherit; }
}`;

// reportHTML writes the report of r: the scenario, its analysis, explanation, rounds,
// comparison and export as the page fetched them, with the page's helpers to name things
// (count writes a count with its thousands separated, as the page and the terminal do).
export function reportHTML(r) {
  const sc = r.scenario, an = r.analysis, tr = r.transcript, c = r.comparison, count = r.count;
  const deals = (n) => `${count(n)} deal${n === 1 ? "" : "s"}`;
  const issues = sc.issues;
  const parts = [];
  parts.push(`<h1>${esc(sc.name)}</h1>`);
  if (sc.stance) parts.push(`<p><em>Stance: ${esc(sc.stance.replace(/\s+/g, " ").trim())}</em></p>`);
  parts.push(`<p>File <code>${esc(r.file)}</code>${r.variant ? `, variant <code>${esc(r.variant)}</code>` : ""}. Made with negsim's page; <a href="${esc(r.link)}">the link to this what-if</a>.</p>`);
  parts.push("<h2>The what-if</h2>");
  parts.push(r.set.length ? `<ul>${r.set.map(([k, v]) => `<li><code>${esc(k)}=${esc(v)}</code></li>`).join("")}</ul>` : `<p>No changes: the ${r.variant ? "variant" : "scenario"} as the file gives it.</p>`);
  parts.push(`<p>On the command line:</p><pre>${esc(["negsim report " + r.file + (r.variant ? " --variant " + r.variant : ""), ...(r.exported.flags ? [r.exported.flags] : [])].join(" \\\n") + " \\\n  -o report.html")}</pre>`);

  parts.push("<h2>The zone of possible agreement</h2>");
  const share = an.space.deals ? (100 * an.zopa.count) / an.space.deals : 0;
  parts.push(`<p>${an.space.issues} issue${an.space.issues === 1 ? "" : "s"}, ${count(an.space.deals)} possible deals. The zone of possible agreement (ZOPA) holds ${count(an.zopa.count)} of them (${percent(share)}): ${esc(whoAgrees(an))}.` +
    (an.zopa.count ? ` ${count(an.pareto.count)} of them ${an.pareto.count === 1 ? "is" : "are"} Pareto-optimal.` : "") + "</p>");
  if (an.diagnosis) parts.push(...diagnosis(an, r));
  parts.push(...agreement(an, r));
  if (an.solutions.nash) {
    parts.push("<h3>Bargaining solutions</h3>");
    const sols = Object.keys(SOLUTION_TITLES).filter((k) => an.solutions[k]);
    const rows = issues.map((is) => [is.name, ...sols.map((k) => an.solutions[k].options[is.id])]);
    for (const a of an.actors) {
      rows.push([`${a.name}${a.veto ? "" : " (no veto)"}: utility (surplus)`, ...sols.map((k) => `${num(an.solutions[k].utilities[a.id])} (${signed(an.solutions[k].surplus[a.id])})`)]);
    }
    parts.push(table(["", ...sols.map((k) => SOLUTION_TITLES[k])], rows));
    parts.push("<h3>Options in the zone</h3>");
    parts.push(table(["issue", "in the zone (deals)", "never in the zone"], issues.map((is) => [is.name,
      is.options.filter((o) => an.issues[is.id][o.id] > 0).map((o) => `${o.id} (${count(an.issues[is.id][o.id])})`).join(", "),
      is.options.filter((o) => !(an.issues[is.id][o.id] > 0)).map((o) => o.id).join(", ") || "–"])));
  }
  if (r.chart) parts.push(`<figure>${r.chart}${r.legend || ""}<figcaption>Every deal by the utility it gives the two parties on the axes, as the page drew it.</figcaption></figure>`);

  parts.push("<h2>The scenario in words</h2>");
  for (const a of r.explanation.actors) {
    parts.push(`<h3>${esc(a.name)}${a.veto ? "" : " (no veto)"}</h3><p>Reservation ${num(a.reservation)}: of the ${deals(a.within_red_lines)} within its red lines it accepts ${count(a.accepted)}. Priorities: ${esc(a.priorities.map((p) => `${r.issueName(p.issue)} ${Math.round(p.share * 100)}%`).join(", "))}.</p>`);
    if (a.red_lines.length) parts.push(`<p>Red lines: ${esc(a.red_lines.map((l) => `${r.issueName(l.issue)} only ${l.acceptable.join(", ")}`).join("; "))}.</p>`);
  }

  parts.push(...rounds(tr, an, r));

  parts.push(`<h2>Compared with the ${r.variant ? "variant" : "scenario"} as the file gives it</h2>`);
  if (!r.set.length) {
    parts.push("<p>Nothing to compare: the what-if changes nothing.</p>");
  } else {
    parts.push(`<p>The zone: ${deals(c.zopa_before)} before, ${count(c.zopa_after)} after; ${count(c.entering_count)} enter, ${count(c.leaving_count)} leave.</p>`);
    parts.push(table(["solution", "what changed"], c.solutions.map((m) => [SOLUTION_TITLES[m.solution], solutionChange(m, issues)])));
    parts.push("<h2>The what-if as a variant</h2>");
    parts.push(`<p>The same changes as a variant, ready to paste into the scenario file.</p><pre>${esc(r.exported.variants)}</pre>`);
  }

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(sc.name)}: a what-if</title>
<style>
${STYLE}
</style></head><body>
${parts.join("\n")}
</body></html>
`;
}

// whoAgrees says which deals the zone holds, by the rules the scenario sets.
function whoAgrees(an) {
  const rules = ["the deals every veto party accepts"];
  if (an.decision) rules.push(`that gather at least ${an.decision.votes_needed} of the ${an.decision.votes_at_table} votes at the table`);
  if (an.ratification) rules.push("that are ratified at home");
  return rules.join(" and ");
}

// agreement says who must agree beyond the vetoes, when the scenario says: the decision
// rule and each voter's power, ratification at home, and what each side believes.
function agreement(an, r) {
  const out = [], count = r.count;
  if (an.decision) {
    const d = an.decision, power = an.power || {};
    out.push("<h3>Who must agree</h3>", `<p>A deal passes when every veto actor accepts it and the actors that accept it hold at least ${d.votes_needed} of the ${d.votes_at_table} votes at the table.</p>`);
    out.push(table(["voter", "votes", "veto", "pivotal for (zone deals)", "Shapley–Shubik", "Banzhaf"],
      d.voters.map((v) => [r.actorName(v.actor), String(v.votes), v.veto ? "yes" : "no", count(v.pivotal),
        power[v.actor] ? power[v.actor].shapley_shubik.toFixed(4) : "–", power[v.actor] ? power[v.actor].banzhaf.toFixed(4) : "–"]), [1, 3, 4, 5]));
    if (d.power_note) out.push(`<p>${esc(d.power_note)}</p>`);
  }
  if (an.ratification) {
    out.push("<h3>Ratification at home</h3>", `<ul>${Object.entries(an.ratification).map(([id, x]) => `<li>${esc(r.actorName(id))} needs ${x.votes_needed} of ${x.votes} vote${x.votes === 1 ? "" : "s"} from ${esc(x.by.map(r.actorName).join(", "))}; they would ratify ${count(x.win_set)} deals (its win-set).${
      (x.blocked_by || []).map((b) => ` ${esc(r.actorName(b.ratifier))}'s ${b.kind === "red_line" ? "red line" : "reservation"} blocks: without it ${count(b.deals)} deals pass (<code>${esc(b.path)}</code>).`).join("")}</li>`).join("")}</ul>`);
  }
  if (an.beliefs) {
    out.push("<h3>What each side believes</h3>", `<ul>${Object.entries(an.beliefs).map(([id, b]) => `<li>${esc(r.actorName(id))} sees a zone of ${count(b.zopa_count)} deals${
      b.nash ? `; its Nash deal is ${b.nash_in_true_zopa ? "" : "not "}in the true zone` : ""}; false hopes: ${count(b.false_hopes)}; deals it misses: ${count(b.missed)}.</li>`).join("")}</ul>`);
  }
  return out;
}

function diagnosis(an, r) {
  const dg = an.diagnosis, out = ["<h3>Why the zone is empty</h3>"];
  if (dg.red_lines_clash) {
    out.push("<p>The parties' red lines clash: no deal keeps all of them, whatever the reservations.</p>");
  } else if (dg.closest) {
    const c = dg.closest;
    out.push(`<p>The closest deal within everyone's red lines falls short by ${num(c.largest_shortfall)} at most: ${esc(r.dealText(c.options))}.</p>`);
    const short = an.actors.filter((a) => a.veto && c.shortfall[a.id] > 0)
      .map((a) => `<li>${esc(a.name)} gets ${num(c.utilities[a.id])}, ${num(c.shortfall[a.id])} below its reservation ${num(a.reservation)}.</li>`);
    if (short.length) out.push(`<ul>${short.join("")}</ul>`);
  }
  const gaps = dg.reservations.filter((g) => g.must_fall_by === null || g.must_fall_by > 1e-9);
  if (gaps.length) {
    out.push(`<p>Lowering one reservation, the others fixed:</p><ul>${gaps.map((g) => `<li>${esc(r.actorName(g.actor))}: ${g.must_fall_by === null
      ? "no drop would do: no deal within its red lines satisfies the others at their reservations"
      : `the most it can get from a deal the others accept is ${num(g.reachable)}; its reservation ${num(g.reservation)} would have to fall by ${num(g.must_fall_by)}`}.</li>`).join("")}</ul>`);
  }
  out.push(dg.openers.length
    ? `<p>Dropping one red line or condition alone:</p><ul>${dg.openers.map((o) => `<li><code>${esc(o.path)}</code>: lets in ${esc(openerDeals(an, o, r.actorName))}.</li>`).join("")}</ul>`
    : "<p>No single red line or condition, dropped, opens the zone on its own.</p>");
  const votes = dg.votes;
  if (votes) {
    out.push(`<p>The best deal every veto actor accepts gathers ${votes.best_votes} of the ${votes.votes_needed} votes needed.${
      votes.missing.length ? ` A yes from ${esc(votes.missing.map((m) => `${r.actorName(m.actor)} (${r.count(m.deals)} deals)`).join(", "))} would open the zone.` : ""}</p>`);
  }
  return out;
}

// rounds tells the talks round by round. A round with nothing on the table says why, in
// full the first time and then by the round that first said it, as the page does.
function rounds(tr, an, r) {
  const count = r.count, o = tr.outcome, last = tr.rounds.length - 1;
  const how = tr.protocol === "mediated" ? `Mediated talks${tr.mediator ? ` (${r.actorName(tr.mediator)} mediates)` : ""}` : "Alternating offers";
  const out = ["<h2>Bargaining rounds</h2>"];
  out.push(`<p>${esc(how)}, rounds 0 to ${last}. ${tr.ripe_at === null || tr.ripe_at === undefined ? "The zone never opens." : `The zone opens at round ${tr.ripe_at}.`} ${
    o.agreement ? `Agreement at round ${o.round}: ${esc(r.dealText(o.deal.options))}.` : "Breakdown at the deadline: everyone keeps its reservation."}</p>`);
  const noText = noTextTeller();
  const proposal = (x) => {
    if (x.proposal) {
      const by = x.proposal.by ? r.actorName(x.proposal.by) : "the mediator";
      const changed = x.proposal.changed.map((i) => `${i}=${x.proposal.options[i]}`).join(", ");
      return `${by}: ${changed || "the same as before"}`;
    }
    return noText(x);
  };
  const votes = (x) => (x.votes === undefined || x.votes === null || !an.decision ? "" : ` (${x.votes} vote${x.votes === 1 ? "" : "s"}; ${an.decision.votes_needed} needed)`);
  out.push(`<p>Each round: the deals in the zone at that round's reservations, the proposal (by whom, and what changed from the last), who accepted it, and what happened.</p>`);
  out.push(table(["round", "zone", "proposal", "accepted by", "events"], tr.rounds.map((x) => [String(x.round), count(x.zopa_size), proposal(x),
    (x.accepted_by.map(r.actorName).join(", ") || "nobody") + votes(x), x.events.map((e) => e.why).join("; ")]), [1]));
  return out;
}

// noTextTeller says, round after round, why a round had nothing on the table, as negsim
// rounds does: in full the first time a reason is given, then by the round that gave it,
// so talks stalled for one reason do not repeat its sentence in every row.
export function noTextTeller() {
  const told = new Map();
  return (round) => {
    if (told.has(round.no_text)) return `none, for the same reason as in round ${told.get(round.no_text)}`;
    told.set(round.no_text, round.round);
    return `none: ${round.no_text}`;
  };
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

// openerDeals says how many deals an opener lets in and, under a decision rule or
// ratification, how many pass beyond the table, as negsim analyze words it: a drop whose
// deals all fail at home leaves the zone empty.
export function openerDeals(an, o, actorName) {
  const deals = `${o.deals.toLocaleString("en")} deal${o.deals === 1 ? "" : "s"}`;
  if (o.in_zone === undefined || o.in_zone === null) return deals;
  const beyond = !an.ratification ? "gathers the votes needed" : !an.decision ? "is ratified at home" : "passes the vote and ratification";
  if (o.in_zone === o.deals) return `${deals} at the table, and every one ${beyond}`;
  if (o.in_zone > 0) return `${deals} at the table, of which ${o.in_zone.toLocaleString("en")} ${beyond}`;
  let out = `${deals} at the table, none of which ${beyond}: the zone stays empty`;
  const blockers = (o.blocked_at_home || []).filter((id) => an.ratification[id])
    .map((id) => `${actorName(id)}'s ratifiers (${an.ratification[id].by.map(actorName).join(", ")})`);
  if (blockers.length) out += `; ${blockers.join(" and ")} reject them`;
  return out;
}
