package pagetest

// SaidCases are what the page must say where it once said something else.
//
// The bargaining solutions' row labels and marks, as negsim analyze heads and marks its
// own rows (checked there by TestSolutionsNameRatifiersAndRejections).
// Home's parliament ratifies for Home (teaching-tied-hands.yaml): its row said "(no veto)",
// as if its yes counted for nothing, where its vote at home can sink a deal. Harborco's
// environmental coalition, without a veto, gets 0 from small/full, 0.5 below its
// reservation (teaching-harborco-quota.yaml): the terminal marks it "rejects", the page
// showed the bare numbers.
var SaidCases = []CountedCase{
	{Hash: "scenario=teaching-tied-hands", Where: `document.getElementById("solutions").textContent`, Says: "Home's parliament (ratifies at home): utility (surplus)"},
	{Hash: "scenario=teaching-harborco-quota", Where: `document.getElementById("solutions").textContent`, Says: "Environmental coalition (no veto): utility (surplus)0.000 (-0.500) rejects"},
	// The reference scenario's zone is empty and no single red line widened or condition
	// dropped lets a deal in (negsim sensitivity: 19 changes, each "no deal enters"): What
	// would it take listed 15 of them as "those that change the result first".
	{Hash: "scenario=ukraine-2026&view=take", Where: `document.getElementById("take").textContent`, Says: "The first 15 of 19; none of them changes the result."},
	// A value of the talks, named by no actor, starts its label with a capital, as the
	// actors' values start with their names: Harborco's tornado read "votes a deal needs"
	// among "Union: votes" and "Governor: votes".
	{Hash: "scenario=teaching-harborco-quota&view=take", Where: `"|" + [...document.querySelectorAll("#take svg text")].map((t) => t.firstChild.textContent).join("|") + "|"`, Says: "|Votes a deal needs|"},
}
