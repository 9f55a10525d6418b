// The report a student downloads: one HTML file of the what-if on screen, with its styles
// and chart inline, that opens anywhere and loads nothing. For the command line's fuller
// report of a variant, the page shows the matching `negsim report` command in it.

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
const num = (x) => (x === null || x === undefined ? "–" : (Math.round(x * 1000) / 1000).toFixed(3));

function table(head, rows) {
  return `<table><thead><tr>${head.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`;
}

const SOLUTION_TITLES = {nash: "Nash", asymmetric_nash: "Asymmetric Nash", kalai_smorodinsky: "Kalai–Smorodinsky", utilitarian: "Utilitarian", egalitarian: "Egalitarian"};

export function reportHTML(r) {
  const sc = r.scenario, an = r.analysis, tr = r.transcript, c = r.comparison;
  const issues = sc.issues;
  const parts = [];
  parts.push(`<h1>${esc(sc.name)}</h1>`);
  if (sc.stance) parts.push(`<p><em>Stance: ${esc(sc.stance.replace(/\s+/g, " ").trim())}</em></p>`);
  parts.push(`<p>File <code>${esc(r.file)}</code>${r.variant ? `, variant <code>${esc(r.variant)}</code>` : ""}. Made with negsim's page; <a href="${esc(r.link)}">the link to this what-if</a>.</p>`);
  parts.push("<h2>The what-if</h2>");
  parts.push(r.set.length ? `<ul>${r.set.map(([k, v]) => `<li><code>${esc(k)}=${esc(v)}</code></li>`).join("")}</ul>` : "<p>No changes: the scenario as the file gives it.</p>");
  parts.push(`<p>On the command line:</p><pre>${esc(["negsim report " + r.file + (r.variant ? " --variant " + r.variant : ""), ...(r.exported.flags ? [r.exported.flags] : [])].join(" \\\n") + " \\\n  -o report.html")}</pre>`);

  parts.push("<h2>The zone of possible agreement</h2>");
  parts.push(`<p>${an.zopa.count} of ${an.space.deals} deals are acceptable to every party${an.zopa.count ? `; ${an.pareto.count} of them are Pareto-optimal` : ""}.</p>`);
  if (an.solutions.nash) {
    const sols = Object.keys(SOLUTION_TITLES).filter((k) => an.solutions[k]);
    const rows = issues.map((is) => [is.name, ...sols.map((k) => an.solutions[k].options[is.id])]);
    for (const a of an.actors) rows.push([`${a.name}: utility`, ...sols.map((k) => num(an.solutions[k].utilities[a.id]))]);
    parts.push(table(["", ...sols.map((k) => SOLUTION_TITLES[k])], rows));
  }
  if (an.diagnosis) {
    const dg = an.diagnosis;
    parts.push("<h3>Why the zone is empty</h3>");
    if (dg.closest) parts.push(`<p>The closest deal within everyone's red lines falls short by ${num(dg.closest.largest_shortfall)} at most: ${esc(r.dealText(dg.closest.options))}.</p>`);
    parts.push(`<ul>${dg.reservations.filter((g) => g.must_fall_by === null || g.must_fall_by > 1e-9).map((g) => `<li>${esc(r.actorName(g.actor))}: ${g.must_fall_by === null ? "no drop in its reservation alone would do" : `its reservation would have to fall by ${num(g.must_fall_by)}`}.</li>`).join("")}</ul>`);
    if (dg.openers.length) parts.push(`<p>Dropping one of these alone lets deals in at the table:</p><ul>${dg.openers.map((o) => `<li><code>${esc(o.path)}</code>: ${esc(openerDeals(an, o, r.actorName))}</li>`).join("")}</ul>`);
  }
  if (r.chart) parts.push(`<figure>${r.chart}<figcaption>The deals on the plane of two parties: grey every deal, blue the zone, the line its frontier, the marks the solutions, dashed the reservations.</figcaption></figure>`);

  parts.push("<h2>The scenario in words</h2>");
  for (const a of r.explanation.actors) {
    parts.push(`<h3>${esc(a.name)}${a.veto ? "" : " (no veto)"}</h3><p>Reservation ${num(a.reservation)}. Priorities: ${esc(a.priorities.map((p) => `${r.issueName(p.issue)} ${Math.round(p.share * 100)}%`).join(", "))}.</p>`);
    if (a.red_lines.length) parts.push(`<p>Red lines: ${esc(a.red_lines.map((l) => `${r.issueName(l.issue)} only ${l.acceptable.join(", ")}`).join("; "))}.</p>`);
  }

  parts.push("<h2>Bargaining rounds</h2>");
  parts.push(`<p>${tr.outcome.agreement ? `Agreement at round ${tr.outcome.round}: ${esc(r.dealText(tr.outcome.deal.options))}.` : "Breakdown at the deadline: everyone keeps its reservation."}</p>`);
  parts.push(table(["round", "zone", "accepted by", "events"], tr.rounds.map((x) => [x.round, x.zopa_size, x.accepted_by.map(r.actorName).join(", ") || "nobody", x.events.map((e) => e.why).join("; ")])));

  parts.push("<h2>Compared with the unchanged scenario</h2>");
  parts.push(`<p>The zone: ${c.zopa_before} deals before, ${c.zopa_after} after; ${c.entering_count} enter, ${c.leaving_count} leave.</p>`);
  parts.push(table(["solution", "changed"], c.solutions.map((m) => [SOLUTION_TITLES[m.solution], m.changed ? "yes" : "no"])));
  parts.push("<h2>The what-if as a variant</h2>");
  parts.push(`<pre>${esc(r.exported.variants)}</pre>`);

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(sc.name)}: a what-if</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; line-height: 1.45; color: #1a1a1a; }
table { border-collapse: collapse; margin: 0.5rem 0; } th, td { border-bottom: 1px solid #bbb; padding: 0.2rem 0.5rem; text-align: left; }
th { background: #f3f4f6; } pre { background: #f3f4f6; padding: 0.5rem; overflow-x: auto; }
figure svg { max-width: 36rem; width: 100%; height: auto; }
</style></head><body>
${parts.join("\n")}
</body></html>
`;
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
