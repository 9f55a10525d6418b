// What the page and the report it downloads say about an analysis, written once: why the
// zone is empty, who must agree, ratification at home, what each side believes, the
// bargaining solutions and the options in the zone, and how the rounds went. Both draw the
// same words, the page as nodes (app.js) and the report as escaped HTML (report.js), so a
// sentence changed here changes in both and the two cannot drift apart.
//
// Words are plain data, a list of blocks:
//
//	{heading: "text"}                     a heading of the view or section
//	{para: [part, …]}                     a paragraph
//	{list: [[part, …], …]}                a bulleted list, one item per array
//	{table: {head, rows, numeric}}        a table: its column titles, its rows of text (the
//	                                      first cell names the row) and the columns of numbers
//
// A part is a string, or {code: "text"} for what a reader may paste into negsim (a path, a
// deal as issue=option pairs).
//
// Names come from the caller, who knows the open scenario: say = {actorName(id),
// issueName(id), optionLabel(issue, id), dealPairs(options)}.

import {SOLUTIONS} from "./chart.js";

// count writes a count with its thousands separated, as the terminal does: 1,259,712.
export const count = (n) => Number(n).toLocaleString("en");
// num writes a utility to three places; "–" where there is none.
export const num = (x) => (x === null || x === undefined ? "–" : (Math.round(x * 1000) / 1000).toFixed(3));
// signed shows a surplus with its sign, as the terminal does: one that rounds to zero reads
// +0.000, never 0.000 or -0.000.
export const signed = (x) => (x === null || x === undefined ? "–" : Math.abs(x) < 0.0005 ? "+0.000" : `${x > 0 ? "+" : ""}${num(x)}`);
export const plural = (n, one, many) => `${count(n)} ${n === 1 ? one : many}`;
// shellWord writes a word of a command to copy, read as one word by bash, PowerShell and
// Windows' cmd alike (a file name with a space, as school computers save them): bare, in
// double quotes, or in single quotes, by the rule of the engine's api.CommandWord; a file
// whose name starts with "-" as ./-NAME, which negsim cannot take for a flag.
export const shellWord = (w) => {
  const s = w.startsWith("-") ? "./" + w : w;
  return /^[A-Za-z0-9._\/:=,+-]+$/.test(s) ? s
  : !/["$`%!]|\\\\|\\$/.test(s) ? `"${s}"`
  : `'${s.replace(/'/g, "'\\''")}'`;
};
// issuesDiffer says on how many of a scenario's issues two deals differ, as negsim does:
// "1 of 3 issues differs", "4 of 12 issues differ", "its one issue differs".
export const issuesDiffer = (n, of) => n === 1 && of === 1 ? "its one issue differs"
  : n === 1 ? `1 of ${of} issues differs` : `${n} of ${of} issues differ`;
// deals writes a count of deals: 1 deal, 1,259,712 deals.
export const deals = (n) => plural(n, "deal", "deals");
// enterLeave counts the deals a comparison moves, as negsim compare does: "1 enters and 0
// leave", "2 enter and 1 leaves".
export const enterLeave = (c) => `${plural(c.entering_count, "enters", "enter")} and ${plural(c.leaving_count, "leaves", "leave")}`;
// joinWords joins names as a sentence lists them, "A, B and C" or "A, B or C", as the
// engine's JoinWords.
export const joinWords = (items, conj) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${conj} ${items.at(-1)}`);
export const joinAnd = (items) => joinWords(items, "and");
// possessive is a name with its possessive ending: "Russia's", but "United States'" and
// "Small island states'" for a name that ends in s, singular or plural (as the command line).
export const possessive = (name) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

// plain writes a number in full without an exponent, as the command line does and as
// --set takes it: 0.0000003, where String gives 3e-7.
export function plain(x) {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(String(x));
  if (!m) return String(x);
  const [, sign, first, rest = "", exp] = m;
  const e = Number(exp);
  return e < 0 ? `${sign}0.${"0".repeat(-e - 1)}${first}${rest}` : `${sign}${first}${rest}${"0".repeat(Math.max(0, e - rest.length))}`;
}

// percent shows a share with the digits that matter, as the command line does: 100%, 15.4%,
// 0.09%, 0.0000003%.
export function percent(p) {
  if (p === 0 || p >= 100) return `${p.toFixed(0)}%`;
  if (p >= 1) return `${p.toFixed(1)}%`;
  return `${plain(Number(p.toPrecision(2)))}%`;
}

// diagnosisWords says why the zone is empty: the red lines that clash or the closest deal
// and who it falls short for, how far each reservation would have to fall, which single red
// line or condition opens the zone, and which vote is missing. No words when the zone holds
// deals.
export function diagnosisWords(an, say) {
  const dg = an.diagnosis;
  if (!dg) return [];
  const out = [{heading: "Why the zone is empty"}];
  const beyond = beyondTable(an);
  // The closest deal and each actor it leaves short, in the scenario's order: under a
  // decision rule or ratification the voters and ratifiers whose yes it needs too.
  const closest = (lead) => {
    const c = dg.closest;
    out.push({para: [lead]}, {para: [{code: say.dealPairs(c.options)}]});
    const short = an.actors.filter((a) => c.shortfall[a.id] > 0)
      .map((a) => [`${a.name}: worth ${num(c.utilities[a.id])}, ${num(c.shortfall[a.id])} below the reservation ${num(a.reservation)}.`]);
    if (short.length) out.push({list: short});
  };
  if (dg.table_agrees) {
    // The veto actors agree on some deals; the votes or the ratifiers turn all of them down.
    out.push({para: [`The veto actors accept some deals together, but none of them passes ${beyond}.`]});
    if (dg.closest) closest(`The closest deal to passing falls short by ${num(dg.closest.largest_shortfall)} at most, counting every actor whose yes it needs to pass ${beyond}:`);
  } else if ((dg.ruled_out_alone || []).length) {
    // As negsim analyze says it: the clash is within one actor's own rules, not between actors.
    const names = dg.ruled_out_alone.map(say.actorName);
    out.push({para: [names.length === 1
      ? `The red lines and constraints of ${names[0]} alone rule out every deal, whatever the others accept and whatever the reservation values: no deal keeps them all.`
      : `The red lines and constraints of each of ${joinAnd(names)} alone rule out every deal, whatever the others accept and whatever the reservation values.`]});
  } else if (dg.red_lines_clash) {
    out.push({para: ["The veto actors' red lines clash: no deal keeps all of them, whatever the reservations."]});
  } else if (dg.closest && beyond) {
    closest(`No deal is acceptable to every veto actor. The closest deal within the veto actors' red lines falls short by ${num(dg.closest.largest_shortfall)} at most, counting every actor whose yes it needs to pass ${beyond}:`);
  } else if (dg.closest) {
    closest(`No deal is acceptable to every veto actor. The closest deal within everyone's red lines falls short by ${num(dg.closest.largest_shortfall)} at most:`);
  } else {
    out.push({para: [`No deal is acceptable to every veto actor, and none within their red lines could pass ${beyond} at any reservation: the red lines of the voters or ratifiers it needs rule out every one.`]});
  }
  // Without a veto actor there is no veto's reservation or red line to drop: which vote is
  // missing says it all.
  if (!an.actors.some((a) => a.veto)) {
    pushVotes(out, dg.votes, say);
    return out;
  }
  // A reservation already low enough says nothing on its own line; while the red lines
  // clash no reservation weighs any deal, which one line says for every veto actor.
  const gaps = dg.reservations.filter((g) => g.must_fall_by === null || g.must_fall_by > TOLERANCE);
  if (dg.red_lines_clash) {
    out.push({para: ["Lowering one reservation, the others fixed: no drop would do while the red lines clash."]});
  } else if (gaps.length) {
    const gapWords = (g) => {
      if (g.must_fall_by === null) {
        return g.blocked_beyond_table
          ? `no drop would do: none of the deals within the red lines that the other veto actors accept passes ${beyond}`
          : "no drop would do: no deal within the red lines satisfies all the other veto actors at their own reservations";
      }
      const best = reachable(g.reachable);
      return `the most a deal the others accept${beyond ? ` that passes ${beyond}` : ""} can give is ${best.text}; ` +
        `the reservation ${num(g.reservation)} would have to fall by ${Math.max(0, g.reservation - best.value).toFixed(best.decimals)}`;
    };
    // A fall that opens the zone names the reservation's path, as the command line does.
    out.push({para: ["Lowering one reservation, the others fixed:"]}, {list: gaps.map((g) => g.must_fall_by === null
      ? [`${say.actorName(g.actor)}: ${gapWords(g)}.`]
      : [`${say.actorName(g.actor)}: ${gapWords(g)} `, {code: g.path}, "."])});
  }
  out.push({para: ["Dropping one red line or condition:"]}, {list: dg.openers.length
    ? dg.openers.map((o) => [
      `${o.kind === "constraint" ? `${possessive(say.actorName(o.actor))} condition “${o.why}”` : `${possessive(say.actorName(o.actor))} red line on ${say.issueName(o.issue)}`}: lets in ${openerDeals(an, o, say.actorName)} `,
      {code: o.path}])
    : [["none opens the zone on its own."]]});
  pushVotes(out, dg.votes, say);
  return out;
}

// pushVotes says which vote is missing, when the decision rule empties the zone.
function pushVotes(out, votes, say) {
  if (!votes) return;
  out.push({para: [`The best deal every veto actor accepts gathers ${votes.best_votes} of the ${votes.votes_needed} votes needed.` +
    (votes.missing.length ? ` A yes from ${joinWords(votes.missing.map((m) => `${say.actorName(m.actor)} (${deals(m.deals)} without its ${m.kind === "red_line" ? "red lines" : "reservation"})`), "or")} would open the zone.` : "")]});
}

// TOLERANCE is the engine's: a deal within it of a reservation is accepted.
const TOLERANCE = 1e-9;

// beyondTable names what a deal must pass besides the veto actors' yes, as negsim analyze
// words it; "" when nothing does.
function beyondTable(an) {
  if (an.decision && an.ratification) return "the decision rule and every ratification";
  if (an.decision) return "the decision rule";
  return an.ratification ? "every ratification" : "";
}

// reachable writes the most a veto actor can get, the value its reservation must fall to,
// as negsim analyze does: at three decimals when they are the value, else at six rounded
// down, so that the value as written, tried as a what-if, still admits the deal (0.681818
// for 15/22; 0.682 would leave the zone empty).
function reachable(x) {
  const down = (scale) => Math.floor(x * scale + TOLERANCE * scale) / scale;
  let decimals = 3, value = down(1e3);
  if (x - value > TOLERANCE) {
    decimals = 6;
    value = down(1e6);
  }
  return {text: value.toFixed(decimals), value, decimals};
}

// openerDeals says how many deals an opener lets in and, under a decision rule or
// ratification, how many pass beyond the table, as negsim analyze words it: a drop whose
// deals all fail at home leaves the zone empty.
export function openerDeals(an, o, actorName) {
  const all = deals(o.deals);
  if (o.in_zone === undefined || o.in_zone === null) return all;
  const [beyond, fails] = !an.ratification ? ["gathers the votes needed", "does not gather the votes needed"]
    : !an.decision ? ["is ratified at home", "is not ratified at home"]
      : ["passes the vote and ratification", "does not pass the vote and ratification"];
  // One deal reads in the singular: "which is not ratified", "reject it".
  const one = o.deals === 1;
  if (one && o.in_zone === 1) return `${all} at the table, and it ${beyond}`;
  if (o.in_zone === o.deals) return `${all} at the table, and every one ${beyond}`;
  if (o.in_zone > 0) return `${all} at the table, of which ${count(o.in_zone)} ${beyond}`;
  let out = one ? `${all} at the table, which ${fails}: the zone stays empty` : `${all} at the table, none of which ${beyond}: the zone stays empty`;
  const blockers = (o.blocked_at_home || []).filter((id) => an.ratification[id])
    .map((id) => `${possessive(actorName(id))} ratifiers (${an.ratification[id].by.map(actorName).join(", ")})`);
  if (blockers.length) out += `; ${joinAnd(blockers)} reject ${one ? "it" : "them"}`;
  return out;
}

// inScenarioOrder lists a JSON object keyed by actor (whose keys come sorted by id) in the
// order the scenario lists its actors, as negsim analyze's tables do.
function inScenarioOrder(an, byActor) {
  return an.actors.filter((a) => a.id in byActor).map((a) => [a.id, byActor[a.id]]);
}

// ratifiersNeeded says how many of the ratifiers' votes a deal needs, as the command line's
// explain and briefs say it: "it needs their vote" for one vote, not "1 of 1 vote".
function ratifiersNeeded(needed, votes) {
  if (votes === 1) return "it needs their vote";
  if (needed === votes) return `it needs all ${votes} of their votes`;
  return `it needs ${needed} of their ${votes} votes`;
}

// agreementWords says who must agree beyond the vetoes, when the scenario says: the
// decision rule and each voter's power, ratification at home, and what each side believes.
export function agreementWords(an, say) {
  const out = [];
  if (an.decision) {
    const d = an.decision, power = an.power || {};
    // Four significant digits, as negsim analyze prints them: a voter's small share of the
    // power (1/30030 of the Security Council's orders at 6 votes) is not rounded to 0.
    const index = (id, kind) => (power[id] ? plain(Number(power[id][kind].toPrecision(4))) : "–");
    out.push({heading: "Who must agree"},
      {para: [`A deal passes when ${d.voters.some((v) => v.veto) ? "every veto actor accepts it and " : ""}the actors that accept it hold at least ${d.votes_needed} of the ${d.votes_at_table} votes at the table.`]},
      {table: {head: ["voter", "votes", "veto", "pivotal for (zone deals)", "Shapley–Shubik", "Banzhaf"],
        rows: d.voters.map((v) => [say.actorName(v.actor), String(v.votes), v.veto ? "yes" : "no", count(v.pivotal), index(v.actor, "shapley_shubik"), index(v.actor, "banzhaf")]),
        numeric: [1, 3, 4, 5]}});
    if (d.power_note) out.push({para: [d.power_note]});
  }
  if (an.ratification) {
    out.push({heading: "Ratification at home"}, {list: inScenarioOrder(an, an.ratification).map(([id, r]) => [
      `${possessive(say.actorName(id))} deal must be ratified at home by ${joinAnd(r.by.map(say.actorName))}: ${ratifiersNeeded(r.votes_needed, r.votes)}; ${deals(r.win_set)} would pass there (${possessive(say.actorName(id))} win-set).`,
      ...(r.blocked_by || []).flatMap((b) => [` ${possessive(say.actorName(b.ratifier))} ${b.kind === "red_line" ? "red line" : "reservation"} blocks: without it ${deals(b.deals)} pass `, {code: b.path}, "."]),
    ])});
  }
  if (an.beliefs) {
    out.push({heading: "What each side believes"}, {list: inScenarioOrder(an, an.beliefs).map(([id, b]) => [
      `${say.actorName(id)}: a perceived zone of ${deals(b.zopa_count)}` +
      (b.nash ? `; the perceived Nash deal is ${b.nash_in_true_zopa ? "" : "not "}in the true zone` : "") +
      `; false hopes: ${count(b.false_hopes)}; missed deals: ${count(b.missed)}.`])});
  }
  return out;
}

// solutionsTable sets the bargaining solutions side by side: the option each settles on
// every issue, then each actor's utility and, in brackets, its surplus over its reservation.
export function solutionsTable(an, issues) {
  const sols = SOLUTIONS.map((s) => ({...s, sol: an.solutions[s.key]}));
  const rows = issues.map((is) => [is.name, ...sols.map((s) => (s.sol ? s.sol.options[is.id] : "–"))]);
  // As negsim analyze heads the row: a ratifier votes at home, where it can sink a deal;
  // an actor without a veto that would turn the deal down is marked, as no veto stops it.
  const ratifiers = ratifiersIn(an);
  for (const a of an.actors) {
    const who = a.veto ? "" : ratifiers.has(a.id) ? " (ratifies at home)" : " (no veto)";
    rows.push([`${a.name}${who}: utility (surplus)`, ...sols.map((s) => (s.sol ? `${num(s.sol.utilities[a.id])} (${signed(s.sol.surplus[a.id])})${!a.veto && !s.sol.accepts[a.id] ? " rejects" : ""}` : "–"))]);
  }
  return {head: ["issue or actor", ...sols.map((s) => s.title)], rows, numeric: []};
}

// optionsTable says, issue by issue, which options some deal of the zone takes (with how
// many deals) and which none does.
export function optionsTable(an, issues) {
  const n = (is, o) => an.issues[is.id][o.id];
  return {head: ["issue", "in the zone (deals)", "never in the zone"], rows: issues.map((is) => [is.name,
    is.options.filter((o) => n(is, o) > 0).map((o) => `${o.id} (${count(n(is, o))})`).join(", "),
    is.options.filter((o) => !(n(is, o) > 0)).map((o) => o.id).join(", ") || "–"]), numeric: []};
}

// ruledZone names the deals of the zone of scenario sc under a decision rule or
// ratification, as negsim play says it; "" when the veto actors' yes is the whole of it.
export function ruledZone(sc) {
  const rules = [];
  if (sc.decision && sc.decision.votes_needed > 0) rules.push(`gather at least ${plural(sc.decision.votes_needed, "vote", "votes")} at the table`);
  if (sc.actors.some((a) => a.ratification && (a.ratification.by || []).length)) rules.push("are ratified at home");
  if (!rules.length) return "";
  return (sc.actors.some((a) => a.veto) ? "the deals every veto actor accepts that " : "the deals that ") + rules.join(" and ");
}

// partiesWord is who the frontier weighs: the veto actors, or, when none holds a veto, the
// table's voters.
export const partiesWord = (sc) => sc.actors.some((a) => a.veto) ? "veto actor" : "party";

// roundsSummary says how the talks ran and how they ended, in one sentence each; a
// breakdown names what no proposal won, which the analysis an (when there is one) says.
export function roundsSummary(tr, say, an) {
  const won = agreementTakes(an);
  const o = tr.outcome;
  const how = tr.protocol === "mediated" ? `Mediated talks${tr.mediator ? ` (${say.actorName(tr.mediator)} mediates)` : ""}` : "Alternating offers";
  return `${how}, deadline ${tr.deadline} rounds. ` +
    (tr.ripe_at === null || tr.ripe_at === undefined ? "The zone never opens. " : `The zone opens at round ${tr.ripe_at}. `) +
    (o.agreement ? `Agreement at round ${o.round}: ${say.dealPairs(o.deal.options)}.` : `Breakdown at the deadline: no proposal won ${won}; everyone keeps its reservation.`);
}

// agreementTakes names what a proposal must win to be agreed, as negsim rounds names it: every
// veto actor, the votes needed and ratification at home, each where the analysis an asks for
// it. With no veto actor at all the votes alone decide; without the analysis at hand only the
// vetoes are named.
function agreementTakes(an) {
  const needs = !an || an.actors.some((a) => a.veto) ? ["every veto actor"] : [];
  if (an && an.decision) needs.push("the votes needed");
  if (an && an.ratification) needs.push("ratification at home");
  return needs.length === 1 ? needs[0] : `${needs.slice(0, -1).join(", ")} and ${needs[needs.length - 1]}`;
}

// FALLBACKS mark a proposal's basis when it is no real offer, as negsim rounds marks it.
const FALLBACKS = {closest: " (closest)", own_best: " (own best)"};

// roundsNotes says what the rounds table's marks mean, once each for the marks the talks use,
// in the words negsim rounds prints above its table: a fallback text is no real offer, and a
// misjudged actor is one the proposer's beliefs had wrong.
export function roundsNotes(tr, an) {
  const used = new Set(tr.rounds.filter((x) => x.proposal).map((x) => x.proposal.basis));
  const notes = [];
  if (used.has("closest")) {
    notes.push(an && (an.decision || an.ratification)
      ? `"closest" beside the proposer: no deal would have won ${agreementTakes(an)} in that round, so it put forward the deal nearest to passing: the one that would pass if every actor lowered what it asks for by the least.`
      : "\"closest\" beside the proposer: no deal gave every veto actor its aspiration, so it put forward the deal whose largest shortfall below an aspiration is smallest.");
  }
  if (used.has("own_best")) {
    // With no veto actor no one else's red lines bound what a proposer offers.
    const ruledOut = an && an.ratification ? "its aspiration, or the vote at home on its deals," : "its aspiration";
    const offered = an && !an.actors.some((a) => a.veto) ? "every deal, so it offered its own best deal"
      : "every deal within the veto actors' red lines, so it offered its own best deal among them";
    notes.push(`"own best" beside the proposer: ${ruledOut} ruled out ${offered}.`);
  }
  if (tr.rounds.some((x) => (x.misjudged || []).length)) notes.push("Misjudged: the proposer believed its proposal would pass, but the actors named rejected it; its picture of them (its beliefs) was wrong.");
  return notes;
}

// roundWords says, for the rounds table, who proposed (or "–" when nobody did), what the
// proposal changed from the last one (or why nothing was on the table), who accepted it and
// with how many votes under a decision rule, and what happened. A ratifier's yes is a vote
// at home, said apart after the table's, and the actors a proposer misjudged are named, as
// negsim rounds says both. an is the analysis (its decision and ratification), when there is
// one; noText is a noTextTeller kept for the whole table.
export function roundWords(x, an, say, noText) {
  const p = x.proposal;
  const changed = p ? p.changed.map((i) => `${i}=${p.options[i]}`).join(", ") || "the same as before" : noText(x);
  const needed = an && an.decision ? an.decision.votes_needed : 0;
  const votes = x.votes === undefined || x.votes === null || !needed ? "" : ` (${plural(x.votes, "vote", "votes")}; ${needed} needed)`;
  const ratifiers = ratifiersIn(an);
  const atTable = x.accepted_by.filter((id) => !ratifiers.has(id)).map(say.actorName);
  const atHome = x.accepted_by.filter((id) => ratifiers.has(id)).map(say.actorName);
  let accepted = (atTable.join(", ") || "nobody") + votes;
  // The round of agreement says it too: the ratifiers' yes is part of what made it.
  if (atHome.length) accepted += `; yes at home: ${atHome.join(", ")}`;
  if ((x.misjudged || []).length) accepted += `; misjudged ${x.misjudged.map(say.actorName).join(", ")}`;
  return {
    // A proposer that found no deal meeting every aspiration fell back on the closest deal
    // or its own best: said as negsim rounds says it, since such a text is no real offer.
    by: p ? (p.by ? say.actorName(p.by) : "the mediator") + (FALLBACKS[p.basis] || "") : "–",
    proposal: changed,
    accepted,
    events: x.events.map((e) => e.why).join("; "),
  };
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

// points writes a utility as points out of 100 to one decimal, as negsim score does (Go's
// %.1f): a value exactly halfway, such as 12.25, rounds to the even digit, where toFixed
// would round it up.
export function points(u) {
  const p = 100 * u, tenths = p * 10;
  if (Number.isInteger(tenths * 2) && !Number.isInteger(tenths)) {
    const down = Math.floor(tenths), even = down % 2 === 0 ? down : down + 1;
    return (even / 10).toFixed(1);
  }
  const out = p.toFixed(1);
  return out === "-0.0" ? "0.0" : out;
}
// signedPoints shows a surplus or gain as signed points, as negsim score does: a gain that
// rounds to zero reads +0.0, a loss is a shortfall (shortPoints) with its minus.
export function signedPoints(u) {
  if (u < -1e-9) return `-${shortPoints(-u)}`;
  return 100 * u < 0.05 ? "+0.0" : `+${points(u)}`;
}

// shortPoints writes how far a deal falls short of a walk-away value, in points, as negsim
// does: to a tenth, but never as 0.0, which read as no shortfall at all; one under a tenth
// gets the decimals that show its first digit.
export function shortPoints(u) {
  const p = 100 * u;
  for (let d = 1; d < 9; d++) {
    const s = p.toFixed(d);
    if (/[1-9]/.test(s)) return d === 1 ? points(u) : s;
  }
  return p.toFixed(9);
}

// zoneOf is what ruledZone reads, as the analysis an of the same what-if gives it: the
// vetoes, the votes a deal needs and who ratifies, after every change the student made.
const zoneOf = (an) => ({decision: an.decision, actors: an.actors.map((a) => ({veto: a.veto, ratification: an.ratification && an.ratification[a.id]}))});

// scoreWords says what negsim score says of a deal: whether it is in the zone and, if not,
// who would not sign it or what it lacks; its joint gain; its votes and ratification;
// whether it is Pareto-optimal, and if not the change that does better; and how far it lies
// from the Nash solution. s is the score method's answer, an the analysis of the same
// what-if, issues the scenario's; say.optionWords(issue, id) names an option as the
// command line does, "mid (Middle band)". It also gives the table of the actors.
export function scoreWords(s, an, issues, say) {
  const lines = [];
  const zone = ruledZone(zoneOf(an));
  const vetoes = s.actors.filter((a) => a.veto);
  if (s.in_zopa) {
    lines.push(zone ? `In the ZOPA: it is one of ${zone}.` : "In the ZOPA: every veto actor accepts it.");
    lines.push(`Joint gain (the veto actors' surpluses added up): ${signedPoints(s.joint_gain)} points.`);
  } else {
    const who = vetoes.filter((a) => !a.accepts).map(signedAgainst);
    const signers = vetoes.length ? "every veto actor would sign it" : "no actor holds a veto";
    const why = who.length ? `${joinAnd(who)} (see why not)` : `${signers}, but ${joinAnd(shortOfRules(s, an))}`;
    lines.push(`Not in the ZOPA: ${why}, so it counts as no agreement: every actor keeps its walk-away value.`);
    lines.push(`Joint gain (the veto actors' surpluses added up): ${signedPoints(s.joint_gain)} points, as no agreement; signed as written it would be ${signedPoints(s.joint_gain_if_signed)}.`);
  }
  if (s.votes !== undefined && s.votes !== null) lines.push(`Votes at the table: ${s.votes}, of the ${an.decision.votes_needed} a deal needs.`);
  for (const a of s.actors) {
    const got = s.ratification && s.ratification[a.id];
    if (got === undefined) continue;
    const r = an.ratification[a.id];
    const verdict = got < r.votes_needed ? "not ratified" : "ratified";
    lines.push(r.votes === 1
      ? `At home for ${a.name}: ${verdict}, ${got === 0 ? "without" : "with"} the vote of ${joinAnd(r.by.map(say.actorName))}.`
      : `At home for ${a.name}: ${got} of the ratifiers' ${r.votes} votes, ${r.votes_needed} needed: ${verdict}.`);
  }
  let deals = "the deals every veto actor accepts", aDeal = "a deal every veto actor accepts", paretoAmong = "the deals the parties accept", party = "veto actor", each = "";
  if (zone) {
    party = partiesWord(an);
    [deals, aDeal, paretoAmong, each] = [zone, `one of ${zone}`, zone, ` ${party}`];
  }
  const d = s.dominated_by;
  const changes = d ? issues.filter((is) => d.options[is.id] !== s.options[is.id]).map((is) => `${is.id} to ${say.optionWords(is.id, d.options[is.id])}`) : [];
  const gains = d ? s.actors.filter((a) => d.gains[a.id] !== undefined).map((a) => `${a.name} ${signedPoints(d.gains[a.id])}`) : [];
  // What the better deal does to every other actor whose points it moves, as negsim score says it.
  const moved = d ? s.actors.filter((a) => (d.others || {})[a.id]).map((a) => `${a.name} ${signedPoints(d.others[a.id])}`) : [];
  const others = moved.length ? ` The others' points change too: ${moved.join(", ")}.` : "";
  if (s.pareto) lines.push(`Pareto-optimal among ${paretoAmong}: no ZOPA deal is at least as good for every ${party} and better for one.`);
  else if (s.in_zopa && d) lines.push(`Not Pareto-optimal: value was left on the table. Changing ${joinAnd(changes)} gives ${aDeal}, at least as good for each${each} (${gains.join(", ")} points; the smallest gain ${signedPoints(d.min_gain)}).${others}`);
  else if (d) lines.push(`Not Pareto-optimal: that is judged among ${deals}, and this one is not among them. Changing ${joinAnd(changes)} gives one that is, at least as good for each ${party} (${gains.join(", ")} points).${others}`);
  else lines.push(`Not Pareto-optimal: that is judged among ${deals}, and this one is not among them.`);
  const n = s.nash;
  if (!n) lines.push("No Nash solution to compare with: the ZOPA is empty.");
  else if (n.issues_differing === 0) lines.push("It is the Nash solution.");
  else {
    const differ = issues.filter((is) => n.options[is.id] !== s.options[is.id]).map((is) => `${is.id} (Nash: ${n.options[is.id]})`);
    lines.push(`Distance to the Nash solution (of ${plural(an.zopa.count, "ZOPA deal", "ZOPA deals")}): ${issuesDiffer(n.issues_differing, issues.length)}, ${differ.join(", ")}; the veto actors' points lie ${points(n.utility_distance)} apart (Euclidean distance).`);
  }
  const rows = s.actors.map((a) => [a.name, a.veto ? "yes" : "no", points(a.utility), points(a.reservation), signedPoints(a.surplus), a.accepts ? "yes" : "no", rejectionWords(a.rejections)]);
  return {lines, table: {head: ["actor", "veto", "points", "walk-away", "surplus", "accepts", "why not"], rows, numeric: [2, 3, 4]}};
}

// signedAgainst says where a veto actor that would not take a deal signed it all the same:
// across its red lines, against its own condition, below its walk-away value.
function signedAgainst(a) {
  const red = a.rejections.filter((r) => r.kind === "red_line").length;
  const where = [];
  if (red === 1) where.push("across a red line");
  if (red > 1) where.push(`across ${red} of its red lines`);
  if (a.rejections.some((r) => r.kind === "constraint")) where.push("against its own condition");
  if (a.rejections.some((r) => r.kind === "reservation")) where.push("below its walk-away value");
  return `${a.name} signed it ${joinAnd(where)}`;
}

// shortOfRules names what a deal every veto actor accepts still lacks: votes at the
// table, ratification at home.
function shortOfRules(s, an) {
  const out = [];
  if (s.votes !== undefined && s.votes !== null && s.votes < an.decision.votes_needed) out.push(`it gathers only ${s.votes} of the ${plural(an.decision.votes_needed, "vote", "votes")} needed`);
  for (const a of s.actors) {
    const got = s.ratification && s.ratification[a.id];
    if (got !== undefined && got < an.ratification[a.id].votes_needed) out.push(`${possessive(a.name)} ratifiers give ${got} of the ${plural(an.ratification[a.id].votes_needed, "vote", "votes")} needed at home`);
  }
  return out.length ? out : ["it does not pass"];
}

// ratifiersIn are the actors an analysis has ratify at home for another.
export const ratifiersIn = (an) => new Set(Object.values((an && an.ratification) || {}).flatMap((r) => r.by));

// rejectionWords says why an actor would not take a deal, as negsim score's "why not".
function rejectionWords(rs) {
  return rs.map((r) => r.kind === "red_line" ? `red line: ${r.issue} = ${r.option}`
    : r.kind === "constraint" ? `condition: ${r.why.split(/\s+/).join(" ").trim().replace(/\.$/, "")}`
    : `${shortPoints(r.shortfall)} points below the walk-away`).join("; ");
}

// standingWords says what an actor without a veto counts for, as negsim explain says it:
// a ratifier its votes at home; an actor at the table its votes under a decision rule, or
// only its score. Empty for a veto actor.
function standingWords(a, say) {
  const st = a.standing;
  const votes = (n) => plural(n, "vote", "votes");
  switch (st.kind) {
    case "ratifier":
      return `No seat at the table for ${a.name}: ${votes(st.votes)} at home on the deals ${say.actorName(st.ratifies_for)} signs, yes to each deal worth at least the reservation.`;
    case "scored":
      return `No veto for ${a.name}: scored and reported, but unable to block a deal.`;
    case "indispensable":
      return `No veto for ${a.name}, but the others hold ${votes(st.other_votes)} between them, fewer than the ${st.votes_needed} a deal needs: there is no deal without ${a.name}.`;
    case "never_decides":
      return `No veto for ${a.name}: ${votes(st.votes)} toward the ${st.votes_needed} a deal needs, but the actors with a veto, whose yes every deal needs, hold ${votes(st.veto_votes)} between them: its vote never decides a deal.`;
    case "with_others":
      return `No veto for ${a.name}: ${votes(st.votes)} toward the ${st.votes_needed} a deal needs, so a deal is blocked only together with others.`;
  }
  return "";
}

// actorWords says what one actor wants, from negsim explain's JSON, as the In words view
// and the report's "The scenario in words" show it: what it cares most about, the best and
// worst option of each issue, its red lines and conditions, and what its reservation
// leaves it.
export function actorWords(a, say) {
  const share = (p) => `${Math.round(p.share * 100)}%`;
  const options = (issue, ids, conj) => joinWords(ids.map((id) => say.optionLabel(issue, id)), conj);
  const st = a.standing;
  const blocks = [{heading: st.kind === "ratifier" ? `${a.name}, ratifying at home for ${say.actorName(st.ratifies_for)}` : `${a.name}${a.veto ? "" : " (no veto)"}`}];
  const standing = standingWords(a, say);
  if (standing) blocks.push({para: [standing]});
  const believes = say.beliefLines(a.id);
  if (believes.length) blocks.push({para: [`What ${a.name} believes about the others, where it differs from this file:`]}, {list: believes.map((b) => [b])});
  // As negsim explain says it: an actor to which every option is worth the same has no
  // stake in any issue, whatever its weights.
  const indifferent = a.priorities.every((p) => !p.worst.length);
  blocks.push({para: [(indifferent ? `Nothing matters to ${a.name}: every option of every issue is worth the same to it.`
    : `Cares most about ${joinAnd(a.priorities.slice(0, 3).map((p) => `${say.issueName(p.issue)} (${share(p)})`))}.`) +
    (a.ignores.length ? ` Gives no weight to ${joinAnd(a.ignores.map(say.issueName))}.` : "")]});
  blocks.push({list: a.priorities.map((p) => [`${say.issueName(p.issue)}, ${share(p)}: best ${options(p.issue, p.best, "or")}` +
    (p.worst.length ? `; worst ${options(p.issue, p.worst, "or")}.` : ".")])});
  if (a.red_lines.length) {
    blocks.push({para: ["Red lines:"]}, {list: a.red_lines.map((r) => [r.excluded.length
      ? `${say.issueName(r.issue)}: accepts only ${options(r.issue, r.acceptable, "or")}; rules out ${options(r.issue, r.excluded, "and")}.`
      : `${say.issueName(r.issue)}: accepts every option; none is ruled out.`])});
  } else if (!a.constraints.length) {
    blocks.push({para: ["No red lines."]});
  } else {
    // negsim explain lists conditions as red lines: "No red lines." above them read as if
    // every deal kept to its red lines, and the count below says otherwise.
    blocks.push({para: ["No red line on any one issue; its conditions below are its red lines."]});
  }
  if (a.constraints.length) {
    const cond = (cs, verb) => joinAnd(cs.map((c) => `${say.issueName(c.issue)} ${verb} ${options(c.issue, c.options, "or")}`));
    blocks.push({para: ["Conditions:"]}, {list: a.constraints.map((c) => [`If ${cond(c.if, "is")}, then ${cond(c.then, "must be")}${c.why ? ` (${c.why})` : ""}.`])});
  }
  blocks.push({para: [`Reservation ${num(a.reservation)}: of the ${deals(a.within_red_lines)} within the red lines, ${count(a.accepted)} acceptable.` +
    (!a.best ? "" : a.best.utility === a.worst.utility ? ` Every deal within the red lines is worth ${num(a.best.utility)}.`
      : ` Best deal within the red lines worth ${num(a.best.utility)}, worst ${num(a.worst.utility)}.`)]});
  return blocks;
}
