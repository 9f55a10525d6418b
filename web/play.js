// The Play view: the student takes one actor's seat and negotiates against the model's
// agents, by the rules of `negsim play`. The page keeps no game: every move so far lives in
// the page's address, and each request sends them all to the engine, which replays them (a
// replay takes milliseconds). So a reload, or the link sent to a teacher, resumes the
// session where it stood. The engine says what the seat may see; this file only words it.

import {deals, issuesDiffer, joinAnd, partiesWord, plural, possessive, ruledZone, shortPoints} from "./words.js";

// The session, as the address holds it.
const play = {as: "", coach: false, seed: 0, moves: []};
// The what-if the moves were made on: another scenario, variant or override starts afresh.
let playedOn = null;
let last = null; // the engine's latest answer
let ui = null; // what app.js lends: the engine, the query, names, and its helpers

const pts = (u) => (Math.round(u * 1000) / 10).toFixed(1);
// A loss is written with a minus sign (−), as in the page's tables, and never as 0.0.
const signedPts = (u) => (u < -1e-9 ? "−" + shortPoints(-u) : "+" + pts(Math.max(0, u)));

// A move in the address: accept, reject, quit, or offer:issue=option,... ; moves are
// separated by semicolons.
function moveText(m) {
  return m.deal ? `${m.move}:${m.deal}` : m.move;
}
function parseMove(text) {
  const i = text.indexOf(":");
  return i < 0 ? {move: text} : {move: text.slice(0, i), deal: text.slice(i + 1)};
}

export function readPlayHash(p) {
  play.as = p.get("as") || "";
  play.coach = p.get("coach") === "1";
  play.seed = Number(p.get("seed")) || 0;
  play.moves = (p.get("moves") || "").split(";").filter(Boolean).map(parseMove);
}

export function writePlayHash(p) {
  if (!play.as) return;
  p.set("as", play.as);
  if (play.coach) p.set("coach", "1");
  if (play.seed) p.set("seed", String(play.seed));
  if (play.moves.length) p.set("moves", play.moves.map(moveText).join(";"));
}

// Tests and the download read the transcript of the finished session.
window.negsimPlayTranscript = () => (last && last.transcript ? JSON.stringify(last.transcript, null, 2) + "\n" : "");

// sameTalks maps a query to another that names the same talks: a value a link sets where
// the file has it already is dropped from the query once the page knows the file's values
// (app.js, buildControls), and the session the link opened goes on rather than starting
// afresh at round 0, its moves lost.
const sameTalks = new Map();
export function noteSameTalks(before, after) {
  sameTalks.set(JSON.stringify(before), JSON.stringify(after));
}
const talksOf = (key) => sameTalks.get(key) || key;

// drawPlay draws the Play view for the query q. ctx lends app.js's engine and helpers:
// {engine, h, table, actorName, optionLabel, scenario, changed (the address must be
// rewritten), busy(on), showError}.
export async function drawPlay(q, ctx) {
  ui = ctx;
  const key = talksOf(JSON.stringify(q));
  // Another scenario opened (a file, the list) without the seat's actor: its seats are
  // offered, rather than the old seat refused. A link naming no such seat is still told so.
  if (playedOn !== null && JSON.parse(playedOn).scenario !== q.scenario && play.as && !ctx.scenario.actors.some((a) => a.id === play.as)) {
    play.as = "";
    ctx.changed();
  }
  if (playedOn !== null && talksOf(playedOn) !== key) play.moves = [];
  playedOn = key;
  await ask();
}

async function ask(score, focus) {
  const root = document.getElementById("play");
  if (!play.as) {
    root.replaceChildren(seatChooser());
    return;
  }
  let r;
  ui.busy(true);
  const asked = request(score);
  // A link followed while the engine answered has changed the state: the answer is for a
  // seat no longer open, and drawing it would ask the engine about the old scenario with
  // the new link's variant and values. Whether the page is busy is then the new state's
  // to say.
  const stale = () => JSON.stringify(request(score)) !== JSON.stringify(asked);
  try {
    r = await ui.engine.call("play", asked);
  } catch (e) {
    if (stale()) return;
    ui.busy(false);
    root.replaceChildren(seatChooser());
    ui.showError(e);
    return;
  }
  if (stale()) return;
  ui.busy(false);
  if (r.rejected) {
    // A mistyped or untimely move costs nothing: the moves up to it stand.
    play.moves = r.moves;
    ui.changed();
  }
  last = r;
  // A link of the view followed by keyboard (the notice of a session without a move) goes
  // with the rest: the focus moves to the turn, as after a move, not to the page's start.
  const focused = root.contains(document.activeElement);
  // Starting again comes after the turn: before it, a key meant for the turn, tabbing from
  // the tabs, could end the session.
  root.replaceChildren(...session(r), h3Again(), seatChooser());
  if (focus || focused) {
    // The turn reads down from its heading: the heading goes to the window's top, clear of
    // the edge (style.css), where focus() alone left it flush with the top or the bottom
    // edge, in a short window with nothing of the turn in sight.
    const now = document.getElementById("play-now");
    now.focus({preventScroll: true});
    now.scrollIntoView({block: "start"});
  }
}

function request(score) {
  const req = {...ui.query(), as: play.as, moves: play.moves};
  if (play.coach) req.coach = true;
  if (play.seed) req.seed = play.seed;
  if (score) req.score = score;
  return req;
}

// move sends one move; the engine answers with the next turn, which takes the focus.
async function move(m) {
  play.moves = [...play.moves, m];
  ui.changed();
  await ask(undefined, true);
}

const h3Again = () => ui.h("h3", {text: "Start again or take another seat"});

function seatChooser() {
  const {h} = ui;
  // Required: taking the seat with no actor chosen says so at the list, where the focus
  // goes, rather than redrawing the form and leaving the focus nowhere.
  // A ratifier sits at no table and cannot be played (negsim play refuses it): it is not
  // offered as a seat.
  const sel = h("select", {id: "play-as", required: true}, h("option", {value: "", text: "Choose an actor…"}),
    ui.scenario.actors.filter((a) => !ui.ratifiers.has(a.id)).map((a) => h("option", {value: a.id, text: a.name})));
  sel.value = play.as;
  const coach = h("input", {type: "checkbox", id: "play-coach"});
  coach.checked = play.coach;
  const start = () => {
    play.as = sel.value;
    play.coach = coach.checked;
    play.moves = [];
    ui.changed();
    ask(undefined, true);
  };
  const button = h("button", {type: "submit", id: "play-start", text: play.as ? "Start again" : "Take the seat"});
  const form = h("form", {class: "play-seat", onsubmit: (ev) => {
    ev.preventDefault();
    // The moves live only in the page's address, which starting again clears: with moves
    // made it asks first, in the page, where the focus and a screen reader are.
    if (play.as && play.moves.length) confirmStart(form, button, sel, coach, start);
    else start();
  }},
    play.as ? "" : h("p", {class: "hint", text: "Take one actor's seat: every other actor is the model's agent, as in Rounds. You see only what your actor would know. Each move is kept in this page's link, so reloading it or sending it resumes the session."}),
    h("div", {class: "pick"}, h("label", {for: "play-as", text: "You play"}), sel),
    h("label", {class: "switch"}, coach, "Coach: show my surplus and the red lines a proposal crosses"),
    button);
  return form;
}

// confirmStart asks before the session's moves are cleared. The question takes the focus,
// so that Enter pressed once too often answers nothing; Keep playing and Escape put the
// focus back on Start again, and the form back to the session's seat.
function confirmStart(form, button, sel, coach, start) {
  const {h} = ui;
  const open = document.getElementById("play-confirm-ask");
  if (open) {
    open.focus();
    return;
  }
  const n = play.moves.length;
  const lost = n === 1 ? "The 1 move made so far is lost: this page's link holds it" : `The ${n} moves made so far are lost: this page's link holds them`;
  const question = h("p", {id: "play-confirm-ask", tabindex: "-1", text: `Start again? ${lost}, and starting again clears it.`});
  const keep = () => {
    box.remove();
    sel.value = play.as;
    coach.checked = play.coach;
    button.focus();
  };
  const box = h("div", {id: "play-confirm", role: "group", "aria-labelledby": "play-confirm-ask",
    onkeydown: (ev) => { if (ev.key === "Escape") { ev.preventDefault(); keep(); } }},
    question,
    h("div", {class: "play-moves"},
      h("button", {type: "button", id: "play-keep", onclick: keep, text: last && last.over ? "Keep this session" : "Keep playing"}),
      h("button", {type: "button", id: "play-restart", onclick: start, text: "Start again, clearing the moves"})));
  form.append(box);
  question.focus();
}

// margin says how a deal stands against the seat's walk-away value and red lines, in the
// terminal's words.
function margin(w) {
  let text = w.surplus >= -0.0005
    ? `${pts(Math.max(0, w.surplus))} points above your walk-away value of ${pts(w.reservation)} (surplus ${signedPts(w.surplus)}).`
    : `${shortPoints(-w.surplus)} points below your walk-away value of ${pts(w.reservation)} (surplus ${signedPts(w.surplus)}).`;
  const crossed = (w.rejections || []).flatMap((r) => r.kind === "red_line" ? [`${r.issue} = ${r.option}`] : r.kind === "constraint" ? ["your condition: " + clause(r.why)] : []);
  if (crossed.length) text += ` It crosses your red lines: ${crossed.join("; ")}.`;
  if (w.ratified === false) text += " It would not be ratified at home.";
  else if (w.ratified === true) text += " It would be ratified at home.";
  return text;
}

// names lists who answered as the terminal does: "A", "A and B", "A, B and C", or no one.
const names = (ids) => (ids.length ? joinAnd(ids) : "no one");
// atHome is the ratifiers' answers, a vote at home rather than at the table, as the
// terminal says them: "yes from A, no from B", or "" where no one ratifies.
const atHome = (yes, no) => [yes.length ? `yes from ${joinAnd(yes)}` : "", no.length ? `no from ${joinAnd(no)}` : ""].filter(Boolean).join(", ");
// clause is an author's sentence set inside one of the page's own, its closing full stop
// dropped, as the terminal's clause does.
const clause = (s) => s.replace(/\.$/, "");

function session(r) {
  const {h} = ui;
  const v = r.view;
  const out = [];
  if (r.rejected) {
    out.push(h("p", {class: "error", role: "alert", text: `Not taken: ${r.rejected.message}`}));
  }
  const heading = v.turn === "over" ? "The talks are over" : `Round ${v.round} (the last is round ${v.deadline - 1})`;
  const now = h("h3", {id: "play-now", tabindex: "-1", text: heading});
  out.push(now);
  // What the last move did is said first, as negsim play says it before the next round, and
  // it describes the heading that takes the focus after a move: below the heading came the
  // seat, the rules and the next proposal, and the move's answer stood last, in the log.
  // The move that ends the talks is answered before the end, as the terminal answers it
  // before "The talks are over": the coach on the seat's own offer, and who accepted the
  // round's text or rejected it, which the end's table of points does not say. A move the
  // engine heard nothing after (leaving the table at one's own turn) has no answer.
  const endedByMove = v.turn === "over" && r.moves.length > 0 && r.log.length > 0 && r.log.at(-1).move === r.moves.length;
  const answered = v.turn !== "over" || endedByMove ? sinceLastMove(r).map((w, i) => h("p", {id: `play-answered-${i}`, text: w.text})) : [];
  const described = answered.map((p) => p.id);
  if (answered.length) out.push(h("div", {id: "play-answered"}, answered));
  if (v.turn === "over") {
    now.setAttribute("aria-describedby", [...described, "play-outcome"].join(" "));
    out.push(...ending(r));
  } else {
    if (described.length) now.setAttribute("aria-describedby", described.join(" "));
    out.push(...turn(r));
    if (!firstTurn(r)) out.push(h("details", {class: "play-rules"}, h("summary", {text: "How the talks run"}), seatWords(r)));
  }
  out.push(brief(r.brief.role), ...log(r));
  return out;
}

// sinceLastMove is what the log says of the last move, as the engine marks each entry with
// the move after which it was heard: the proposal the seat answered, its counter offer, and
// the rounds that passed since with nothing on the table. Before the first move, the
// rounds that passed so.
function sinceLastMove(r) {
  const last = r.log.length ? r.log.at(-1).move : 0;
  // A walk-away value changed by the round of a move was told at that turn, before the
  // move, as negsim play tells it: it is not told again after it. With the coach on, the
  // engine weighs the seat's own offer at the round it made it, and the terminal says so
  // before the others' answers to it.
  return logWords(r).flatMap((w, i) => {
    const e = r.log[i];
    if (e.move !== last) return [];
    const coach = e.coach ? [{text: `Coach: your offer is worth ${pts(e.coach.utility)} points to you: ${margin(e.coach)}`}] : [];
    return [...coach, {...w, text: w.none ? w.text + w.now : w.text}];
  });
}

// votesOf is the table votes a seat holds under the brief's decision rule d: 0 without one.
const votesOf = (d, seat) => (d ? (d.votes.find((p) => p.id === seat) || {votes: 0}).votes : 0);

// standing says what the seat's yes counts for, as negsim play says it: a veto, votes the
// others cannot pass a deal without, or neither; and under a decision rule (d, the brief's)
// how many votes it holds.
function standing(v, d) {
  const own = votesOf(d, v.seat);
  const others = d ? d.votes.filter((p) => p.id !== v.seat).reduce((n, p) => n + p.votes, 0) : 0;
  let text = "You hold no veto: the others can settle without you.";
  if (v.veto) text = "You hold a veto: there is no deal without your acceptance.";
  else if (d && own > 0 && others < d.votes_needed) {
    text = `You hold no veto, but the others hold ${plural(others, "vote", "votes")} between them, fewer than the ${d.votes_needed} a deal needs: there is no deal without your vote.`;
  }
  // Votes the vetoes' yes already brings never decide a deal, which the seat is told, as
  // negsim play tells it.
  const vetoVotes = d ? d.votes.filter((p) => p.veto).reduce((n, p) => n + p.votes, 0) : 0;
  const never = d && !v.veto && own > 0 && others >= d.votes_needed && vetoVotes >= d.votes_needed
    ? `, but the parties with a veto, whose yes every deal needs, hold ${plural(vetoVotes, "vote", "votes")} between them: your vote never decides a deal` : "";
  return d ? `${text} Your acceptance counts for ${plural(own, "vote", "votes")}${never}.` : text;
}

// rules says how the talks run, what ends them and where the seat's own deals must pass at
// home, in the words negsim play opens with: without them a seat with no veto learnt only
// from the first round's answers that it has no turn and how many votes a deal needs.
function rules(r) {
  const v = r.view;
  const d = r.brief.decision;
  // The parties take the turns: the veto actors, or, when none holds a veto, every actor
  // with a vote (MODEL.md section 6).
  // A seat that takes every turn is told so: "on your turn" promised turns of the others
  // that never came.
  const anyVeto = !d || d.votes.some((p) => p.veto);
  const proposers = v.proposers || [];
  const proposes = proposers.includes(v.seat);
  const yourTurn = "you propose on your turn and may answer any proposal with a counter offer.";
  const noTurn = "you hold none, so you have no turn, but you may answer any proposal with a counter offer.";
  const turns = anyVeto ? "the parties with a veto propose in turn, in the file's order" : "no party holds a veto, so the parties with a vote propose in turn, in the file's order";
  let how = `Alternating offers: ${turns}; ${proposes ? yourTurn : noTurn}`;
  if (v.protocol === "mediated" && v.mediator === v.seat) {
    how = "Mediated talks, and you are the mediator: each round you put one text on the table (offer) and the others answer.";
  } else if (v.protocol === "mediated") {
    how = `Mediated talks: each round ${v.mediator ? ui.actorName(v.mediator) : "a neutral mediator"} puts one text on the table; you accept or reject it.`;
  } else if (proposes && proposers.length === 1) {
    how = `Alternating offers: ${turns}; you hold the only ${anyVeto ? "veto" : "vote"}, so you propose every round and the others answer.`;
  } else if (proposes && anyVeto) {
    how = `Alternating offers: the parties propose in turn, in the file's order; ${yourTurn}`;
  }
  const votes = d && d.votes_needed > 0 ? `that wins ${plural(d.votes_needed, "vote", "votes")}` : "";
  let agreed = "every party with a veto accepts";
  if (votes) agreed = anyVeto ? `${agreed} and ${votes}` : votes;
  if (ui.ratifiers.size) agreed += " (and that is ratified at home where the scenario asks it)";
  const said = [how, `The other actors are the model's agents. The talks end at the first deal ${agreed}, or break down after round ${v.deadline - 1} (rounds count from 0); then everyone keeps its walk-away value.`];
  const rr = r.brief.role.ratification;
  if (rr && rr.by.length) said.push(`A deal you agree must be ratified at home by ${joinAnd(rr.by.map(ui.actorName))}: ${ratifiersNeeded(rr.votes_needed, rr.votes)}.`);
  return said.join(" ");
}

// ratifiersNeeded says how many of the ratifiers' votes a deal needs, as negsim play does.
function ratifiersNeeded(needed, votes) {
  if (votes === 1) return "it needs their vote";
  if (needed === votes) return `it needs all ${votes} of their votes`;
  return `it needs ${needed} of their ${votes} votes`;
}

// byProposer says who proposed a deal it has not accepted, and why, as negsim play says it:
// a mediator without a veto may table a text that crosses its own red lines, and a
// proposer whose deals are ratified at home may offer one that gives it all it asks and
// fails there.
function byProposer(name, notRatified, crossesRedLines) {
  if (crossesRedLines) return `accepted by the proposer, ${name}: the proposal crosses the proposer's own red lines`;
  return notRatified
    ? `accepted by the proposer, ${name}: its deals must be ratified at home, and this one would not be`
    : `accepted by the proposer, ${name}: the proposal gives less than the proposer's aspiration`;
}

// votesSoFar tells the seat, before it answers, the others' votes for the proposal against
// those a deal needs and the count with its own, in negsim play's words.
function votesSoFar(gathered, needed, own) {
  const so = `So far ${plural(gathered, "vote", "votes")} of the ${needed} needed`;
  return own === 0 ? `${so}; you hold no vote.` : `${so}; with yours, ${gathered + own}.`;
}

// seatWords are the seat's standing and the rules, which negsim play says once, at its
// start.
function seatWords(r) {
  const {h} = ui;
  const v = r.view;
  return [h("p", {text: `You play ${v.seat_name}. ${standing(v, r.brief.decision)} Your walk-away value is ${pts(v.reservation)} points.`}),
    h("p", {class: "hint", text: rules(r)})];
}

// firstTurn is whether the seat has made no move yet: its turn then opens with its
// standing and the rules, and every later turn leaves them to "How the talks run", which a
// screen reader reading down the turn passes over, as the terminal says them once.
const firstTurn = (r) => r.moves.length === 0;

// sameValue compares walk-away values as they are shown, as negsim play compares them: the
// log carries a round's value as computed, the turn its presented value, and a change too
// small to show would read "now 41.0" after 41.0.
const sameValue = (a, b) => pts(a) === pts(b);

function turn(r) {
  const {h} = ui;
  const v = r.view;
  const out = firstTurn(r) ? seatWords(r) : [];
  for (const why of v.events) out.push(h("p", {class: "changes", text: `Event: ${clause(why)}.`}));
  // After the first turn a walk-away value is told where it moves, as negsim play tells it
  // after an event: against the value last told, that of the round last heard.
  const told = r.log.length ? r.log.at(-1).reservation : v.reservation;
  if (!firstTurn(r) && !sameValue(told, v.reservation)) out.push(h("p", {class: "changes", text: `Your walk-away value is now ${pts(v.reservation)} points.`}));
  if (v.proposal) {
    const p = v.proposal;
    const by = p.by ? ui.actorName(p.by) : "The mediator";
    // The first text on the table changes nothing, and is shown whole, unmarked.
    const first = !r.log.some((e) => e.basis !== "none");
    out.push(h("p", {text: first ? `${by} puts this on the table:` : p.changed.length ? `${by} puts this on the table (* changed since the last proposal):` : sameDeal(r, by)}));
    const rows = ui.scenario.issues.map((is) => [is.name, ui.optionLabel(is.id, p.options[is.id]), ...(first ? [] : [p.changed.includes(is.id) ? "*" : ""])]);
    out.push(h("div", {class: "scroll"}, stack(ui.table(first ? ["issue", "option"] : ["issue", "option", "changed"], rows, [], `${possessive(by)} proposal`))));
    out.push(h("p", {class: "play-worth", text: `Worth ${pts(p.utility)} points to you.`}));
    if (v.coach) out.push(h("p", {class: "detail", text: `Coach: ${margin(v.coach)}`}));
    const others = ui.scenario.actors.filter((a) => a.id !== v.seat);
    // A proposer offers the best it can when nothing within everyone's red lines meets
    // what it asks for now, and does not accept that itself: it is not counted as rejecting.
    const holdsOut = p.by && p.by !== v.seat && !v.accepted_by.includes(p.by);
    const answered = others.filter((a) => a.id !== (holdsOut ? p.by : ""));
    const [table, home] = [answered.filter((a) => !ui.ratifiers.has(a.id)), answered.filter((a) => ui.ratifiers.has(a.id))];
    const said = (list, yes) => list.filter((a) => v.accepted_by.includes(a.id) === yes).map((a) => a.name);
    out.push(h("p", {text: `Accepted so far by: ${names(said(table, true))}. Rejected by: ${names(said(table, false))}.`}));
    const d = r.brief.decision;
    if (d && d.votes_needed > 0) {
      const gathered = d.votes.filter((p) => p.id !== v.seat && v.accepted_by.includes(p.id)).reduce((n, p) => n + p.votes, 0);
      const own = votesOf(d, v.seat);
      out.push(h("p", {text: votesSoFar(gathered, d.votes_needed, own)}));
    }
    const homeSays = atHome(said(home, true), said(home, false));
    if (homeSays) out.push(h("p", {text: `At home so far, ${homeSays}.`}));
    if (holdsOut) out.push(h("p", {text: `Not yet ${byProposer(by, (p.not_ratified_for || []).includes(p.by), p.crosses_proposer_red_lines)}.`}));
    out.push(h("div", {class: "play-moves"},
      h("button", {type: "button", id: "play-accept", onclick: () => move({move: "accept"}), text: "Accept"}),
      h("button", {type: "button", id: "play-reject", onclick: () => move({move: "reject"}), text: "Reject"})));
  } else {
    out.push(h("p", {text: v.protocol === "mediated" ? "You are the mediator: put a text on the table." : "Your turn to propose."}));
  }
  if (v.turn === "offer" || v.can_counter) out.push(offerForm(r));
  out.push(h("p", {}, h("button", {type: "button", id: "play-quit", onclick: () => move({move: "quit"}), text: "Leave the table"}),
    v.veto ? " The talks end without agreement." : " The others talk on without you, as if you rejected every text."));
  return out;
}

// offerForm is one select per issue; the deal's worth shows before it is sent. It starts at
// the deal on the table, or with none at the seat's own best option on each issue (the most
// points within its red lines, as its brief lists them), not at each issue's first option.
function offerForm(r) {
  const {h} = ui;
  const v = r.view;
  const better = (a, b) => (b.acceptable !== a.acceptable ? b.acceptable : b.points > a.points) ? b : a;
  const start = v.proposal ? v.proposal.options
    : Object.fromEntries(r.brief.role.issues.map((is) => [is.issue, is.options.reduce(better).option]));
  const selects = ui.scenario.issues.map((is) => {
    const s = h("select", {id: `play-offer-${is.id}`, "data-issue": is.id},
      is.options.map((o) => h("option", {value: o.id, text: ui.optionLabel(is.id, o.id)})));
    if (start[is.id]) s.value = start[is.id];
    return s;
  });
  const deal = () => selects.map((s) => `${s.dataset.issue}=${s.value}`).join(",");
  const worth = h("p", {id: "play-offer-worth", class: "detail", "aria-live": "polite", text: " "});
  const value = async () => {
    const asked = deal(), seat = JSON.stringify(request());
    try {
      const a = await ui.engine.call("play", request(asked));
      if (asked !== deal() || seat !== JSON.stringify(request())) return;
      worth.textContent = a.worth ? `This deal is worth ${pts(a.worth.utility)} points to you. ${margin(a.worth)}` : a.score_invalid;
    } catch (e) {
      ui.showError(e);
    }
  };
  for (const s of selects) s.addEventListener("change", value);
  value();
  const title = v.turn === "offer" ? "Your offer" : "Or answer with a counter offer";
  return h("form", {class: "play-offer", onsubmit: (ev) => { ev.preventDefault(); move({move: "offer", deal: deal()}); }},
    h("fieldset", {}, h("legend", {text: title}),
      ui.scenario.issues.map((is, k) => h("div", {class: "pick"}, h("label", {for: selects[k].id, text: is.name}), selects[k])),
      worth,
      h("button", {type: "submit", id: "play-offer", text: v.turn === "offer" ? "Offer this deal" : "Counter with this deal"})));
}

function brief(role) {
  const {h} = ui;
  const rows = role.issues.flatMap((is) => is.options.map((o) => [ui.issueNameOf(is.issue), ui.optionLabel(is.issue, o.option), pts(o.points / 100), o.acceptable ? "" : "red line"]));
  return h("details", {class: "play-brief"}, h("summary", {text: "Your brief: your points for every option, your red lines, your walk-away value"}),
    h("p", {text: `Your walk-away value this round is ${pts(role.reservation)} points: a deal worth less leaves you worse off than no deal. A deal is worth the sum of its options' points, at most 100.`}),
    role.borderline ? h("p", {text: borderlineWords(role.borderline, role.reservation_points)}) : "",
    h("div", {class: "scroll"}, stack(ui.table(["issue", "option", "your points", "red line"], rows, [2], "Your points for every option"))),
    (role.constraints || []).length ? h("ul", {}, role.constraints.map((c) => h("li", {text: `Your condition: ${c.why || JSON.stringify(c)}`}))) : "");
}

// borderlineWords tells a player who adds up the rounded points where the sum may put a
// deal on the wrong side of the walk-away value, in negsim brief's words. The check it
// points to is the coach's, at this round's walk-away value: Score a deal weighs a deal at
// the scenario's starting values.
function borderlineWords(b, walkAway) {
  const sums = b.low === b.high ? `exactly ${pts(b.low / 100)}` : `between ${pts(b.low / 100)} and ${pts(b.high / 100)}`;
  // A sum at or above the printed walk-away value can only overstate the deal, one below
  // it only understate it.
  const lo = Math.round(10 * b.low), hi = Math.round(10 * b.high), w = Math.round(10 * walkAway);
  const worth = lo >= w ? `a little less than ${pts(walkAway / 100)}` : hi < w ? `${pts(walkAway / 100)} or more after all` : `a little more or a little less than ${pts(walkAway / 100)}`;
  return `The points below are rounded to a tenth, so a deal whose points add up to ${sums} may be worth ${worth}: before you sign one, check that it reaches your walk-away value (with Coach on, each proposal and your offer say how far above or below it they are).`;
}

// stack lets a table of three columns or more be read row by row on a phone (style.css),
// where its last columns (the surplus, the red line, what changed, What would it take's
// Try it) were scrolled out of sight: each value carries its column's name, shown before it there, unless it says it.
// The table keeps its roles, which a browser may drop from a table drawn as blocks, so
// that a screen reader still reads it as one.
export function stack(t) {
  const head = [...t.tHead.rows[0].cells].map((c) => c.textContent);
  t.classList.add("stack");
  t.setAttribute("role", "table");
  for (const g of [t.tHead, ...t.tBodies]) g.setAttribute("role", "rowgroup");
  for (const tr of t.rows) {
    tr.setAttribute("role", "row");
    [...tr.cells].forEach((c, i) => {
      // A value that is its column's name ("red line") says it once.
      if (c.tagName === "TD" && c.textContent !== head[i]) c.dataset.label = head[i];
      c.setAttribute("role", c.tagName === "TD" ? "cell" : c.scope === "row" ? "rowheader" : "columnheader");
    });
  }
  return t;
}

// sameDeal words a proposal that changes nothing since the last one: a repeat when the same
// party made that one, else whose deal it takes up (the seat's counter offer, say), as the
// terminal words it.
function sameDeal(r, by) {
  const last = r.log.filter((e) => e.basis !== "none").at(-1);
  const lastBy = last.basis === "counter" ? r.view.seat : last.by || "";
  if ((r.view.proposal.by || "") === lastBy) return `${by} puts the same deal on the table again.`;
  return `${by} puts on the table the same deal as ${proposalWords(last, r.view.seat)}.`;
}

// proposalWords names an answered proposal by who made it, from the seat's side.
function proposalWords(e, seat) {
  if (e.basis === "counter") return "your counter offer";
  if (e.by === seat) return "your proposal";
  if (!e.by) return "the mediator's proposal";
  return `the proposal by ${ui.actorName(e.by)}`;
}

// log words every answered proposal from the start, as the terminal reports them.
function log(r) {
  const {h} = ui;
  const items = logWords(r).map((w) => h("li", {class: w.none ? "play-no-text" : undefined, text: w.text + w.now}));
  return [h("h3", {text: "What happened"}), items.length ? h("ol", {id: "play-log"}, items) : h("p", {id: "play-log", text: "Nothing yet."})];
}

// logWords is the terminal's line for each round of the log: {text, now, none}: now tells
// a walk-away value changed since the round before, and none marks a round with nothing
// on the table.
function logWords(r) {
  const seat = r.view.seat;
  // The walk-away value is told where it changes, from round 0's on; and a reason for an
  // empty table once, until it changes, as the terminal tells them.
  let walkAway = r.log.length ? r.log[0].reservation : null;
  let lastNoText = "";
  return r.log.map((e) => {
    const now = walkAway !== null && !sameValue(e.reservation, walkAway) ? ` Your walk-away value is now ${pts(e.reservation)} points.` : "";
    walkAway = e.reservation;
    if (e.basis === "none") {
      const text = e.no_text === lastNoText
        ? `Round ${e.round}: nothing on the table again, for the same reason.`
        : `Round ${e.round}: nothing on the table; ${e.no_text}.`;
      lastNoText = e.no_text;
      return {text, now, none: true};
    }
    lastNoText = "";
    const what = proposalWords(e, seat);
    const who = (a) => (a.id === seat ? "you" : a.name);
    // As at the turn: a proposer that offers less than it asks for now has not accepted its
    // own text, which is not rejecting it.
    const holdsOut = e.by && e.by !== seat && !e.accepted_by.includes(e.by);
    // A seat that has left gave no answer: it is named apart, after the answers.
    const said = (atTable, yes) => ui.scenario.actors
      .filter((a) => ui.ratifiers.has(a.id) !== atTable && e.accepted_by.includes(a.id) === yes && !(holdsOut && a.id === e.by) && !(e.seat_away && a.id === seat)).map(who);
    const homeSays = atHome(said(false, true), said(false, false));
    const aside = (holdsOut ? `; not ${byProposer(ui.actorName(e.by), (e.not_ratified_for || []).includes(e.by), e.crosses_proposer_red_lines)}` : "")
      + (e.seat_away ? "; you had left the table" : "");
    let end = e.agreement ? "Agreement." : "No agreement.";
    // Home is the reason only where the table agreed: a veto actor's no, said in the answers
    // before, comes first.
    const tableSaidNo = ui.scenario.actors.some((a) => a.veto && !e.accepted_by.includes(a.id));
    if (!e.agreement && (e.not_ratified_for || []).length && !tableSaidNo) {
      end = `No agreement: it would not be ratified at home for ${joinAnd(e.not_ratified_for.map((id) => (id === seat ? "you" : ui.actorName(id))))}.`;
    }
    if (e.votes !== undefined && e.votes !== null) {
      const d = r.brief.decision || {};
      // Votes enough without agreement read as a miscount unless the vetoes are named.
      const vetoed = (d.votes || []).filter((p) => p.veto && !e.accepted_by.includes(p.id)).map((p) => (p.id === seat ? "you" : ui.actorName(p.id)));
      if (!e.agreement && !(e.not_ratified_for || []).length && e.votes >= d.votes_needed && vetoed.length) {
        end = `No agreement: ${joinAnd(vetoed)} ${vetoed.length > 1 || vetoed[0] === "you" ? "hold" : "holds"} a veto and did not accept it.`;
      }
      end = `${plural(e.votes, "vote", "votes")} of the ${d.votes_needed} needed. ${end}`;
    }
    return {text: `Round ${e.round}, ${what}: accepted by ${names(said(true, true))}; rejected by ${names(said(true, false))}${homeSays ? `; at home, ${homeSays}` : ""}${aside}. ${end}`, now};
  });
}

function ending(r) {
  const {h} = ui;
  const tr = r.transcript;
  const out = tr.outcome;
  const parts = [];
  if (r.idle) parts.push(idle(r.idle));
  // A seat without a veto that left is told so in the line that says how the others' talks
  // ended, as negsim play says it.
  // Under a decision rule a seat's absence still counts: its votes are missing from every
  // proposal after, and a deal short of just those failed for want of them.
  const d = r.brief.decision, own = votesOf(d, tr.seat);
  const left = tr.left_in_round === undefined ? ""
    : d && d.votes_needed > 0 && own > 0 ? `You left the table in round ${tr.left_in_round}; the others talked on without you, and ${own === 1 ? "your vote" : `your ${own} votes`} counted as no on every proposal after. `
      : `You left the table in round ${tr.left_in_round}; without a veto, you could not stop the others, who talked on without you. `;
  if (tr.ended === "quit") parts.push(h("p", {id: "play-outcome", text: `You left the table in round ${out.round}: no agreement, and everyone keeps its walk-away value.`}));
  else if (tr.ended === "deadline") parts.push(h("p", {id: "play-outcome", text: `${left}No deal was agreed by the deadline (round ${out.round}): everyone keeps its walk-away value.`}));
  else {
    parts.push(h("p", {id: "play-outcome", text: `${left}Agreement in round ${out.round}:`}));
    parts.push(h("div", {class: "scroll"}, ui.table(["issue", "option"], ui.scenario.issues.map((is) => [is.name, ui.optionLabel(is.id, out.deal.options[is.id])]), [], "The deal agreed")));
    // The person may agree a deal the seat's own values rule out; the table shows only points.
    if (r.agreed && (r.agreed.rejections || []).length) {
      parts.push(h("p", {id: "play-ruled-out", class: "error", text: `Your own values rule this deal out: ${margin(r.agreed)}`}));
    }
  }
  parts.push(...noTexts(tr));
  parts.push(h("p", {text: `Points at round ${out.round}'s walk-away values:`}));
  parts.push(h("div", {class: "scroll"}, stack(ui.table(["actor", "veto", "points", "walk-away", "surplus"],
    r.table.map((a) => [a.seat ? `${a.name} (you)` : a.name, a.veto ? "yes" : "no", pts(a.utility), pts(a.reservation), signedPts(a.surplus)]), [2, 3, 4], "Each party's points"))));
  // As negsim play says it: where the rounds move values, the class's scores are not these.
  if ((ui.scenario.events || []).length || ui.scenario.actors.some((a) => a.reservation_drift)) {
    parts.push(h("p", {text: "Score and debrief weigh the session at the scenario's starting values, before the rounds' drift and events, so their points can differ from these."}));
  }
  // The rule the session was played under: the votes needed from the seat's brief and the
  // vetoes from the table, which follow a what-if; who ratifies, from the file.
  const played = {...ui.scenario, decision: r.brief.decision || {},
    actors: ui.scenario.actors.map((a) => ({...a, veto: (r.table.find((t) => t.actor === a.id) || a).veto}))};
  if (!out.deal && tr.rounds.length) {
    // Whether the talks could have ended otherwise, as negsim play says at a breakdown.
    const last = tr.rounds[tr.rounds.length - 1];
    const zone = ruledZone(played);
    parts.push(h("p", {id: "play-possible", text: last.zopa_size > 0 && zone
      ? `A deal was possible: ${deals(last.zopa_size)} in the zone at round ${last.round}'s walk-away values, ${zone}.`
      : last.zopa_size > 0
      ? `A deal was possible: ${deals(last.zopa_size)} every party with a veto would have accepted at round ${last.round}'s walk-away values.`
      : tr.ripe_at === null || tr.ripe_at === undefined
        ? "No deal was possible: the zone of possible agreement was empty in every round played."
        : `The zone of possible agreement was open from round ${tr.ripe_at}, and closed again by round ${last.round}.`}));
  }
  if (out.deal) {
    // The frontier is of the zone, as negsim play says: a deal within everyone's red lines
    // may still fail a ratifier or the votes.
    const rival = `deal in the zone of possible agreement at round ${out.round}'s walk-away values is better for one ${partiesWord(played)} and no worse for any.`;
    parts.push(h("p", {text: out.outside_zone
      ? `Not on the Pareto frontier: the deal is outside the zone of possible agreement at round ${out.round}'s walk-away values, and the frontier is made of the zone's deals.`
      : out.deal.pareto ? `On the Pareto frontier: no other ${rival}` : `Not on the Pareto frontier: another ${rival}`}));
    const nash = (out.solutions || []).find((s) => s.solution === "nash");
    if (nash) {
      const differ = ui.scenario.issues.filter((is) => nash.options[is.id] !== out.deal.options[is.id]).map((is) => `${is.id} (Nash: ${nash.options[is.id]})`);
      parts.push(h("p", {text: differ.length
        ? `Compared with the Nash deal at round ${out.round}'s walk-away values: ${issuesDiffer(differ.length, ui.scenario.issues.length)}, ${differ.join(", ")}; the parties' points lie ${pts(nash.utility_distance)} apart.`
        : `It is the Nash deal at round ${out.round}'s walk-away values.`}));
    }
  }
  parts.push(h("p", {}, h("button", {type: "button", id: "play-download", onclick: download, text: "Download the transcript (JSON)"}),
    " negsim score --transcript and debrief --transcripts read it."));
  return parts;
}

// idle says that the session gave the seat no move at all, and links to what would: the
// same seat with the parties proposing in turn, or in a variant where it has a move.
function idle(d) {
  const {h} = ui;
  const linkWith = (edit) => {
    const p = new URLSearchParams(location.hash.slice(1));
    p.delete("moves");
    edit(p);
    return "#" + p.toString();
  };
  const tries = [];
  if (d.alternating) {
    tries.push(h("li", {}, h("a", {href: linkWith((p) => p.append("set", "protocol.kind=alternating")), text: "the parties proposing in turn"}),
      ", you among them (negsim play --set protocol.kind=alternating)"));
  }
  if (d.variants.length) {
    tries.push(h("li", {}, "a variant in which you have a move: ",
      d.variants.flatMap((v, i) => [i ? ", " : "", h("a", {href: linkWith((p) => p.set("variant", v)), text: v})])));
  }
  const why = d.no_text ? ` Nothing was put on the table in any round: ${d.no_text}.` : "";
  return h("div", {id: "play-idle", role: "status"},
    h("p", {class: "error", text: `You had no move in this session.${why} The rounds passed without you to the deadline.`}),
    tries.length ? h("p", {text: "To negotiate, try:"}) : "", tries.length ? h("ul", {}, tries) : "",
    d.variants_cut ? h("p", {text: "The search for variants in which you have a move stopped at the time limit, before it had tried them all."}) : "");
}

// noTexts says in which rounds nothing was on the table, and why.
function noTexts(tr) {
  const {h} = ui;
  const nts = tr.no_text || [];
  if (!nts.length) return [];
  if (nts.length === tr.rounds.length) return [h("p", {text: `Nothing was on the table in any round: ${nts[0].why}.`})];
  const byWhy = new Map();
  for (const nt of nts) byWhy.set(nt.why, [...(byWhy.get(nt.why) || []), nt.round]);
  return [...byWhy].map(([why, rounds]) => h("p", {text: `Nothing was on the table in ${rounds.length > 1 ? "rounds" : "round"} ${joinAnd(rounds.map(String))}: ${why}.`}));
}

function download() {
  const text = window.negsimPlayTranscript();
  const url = URL.createObjectURL(new Blob([text], {type: "application/json"}));
  const a = document.createElement("a");
  a.href = url;
  a.download = `negsim-play-${play.as}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
