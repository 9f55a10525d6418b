package pagetest

// LabelCases are the bargaining solutions' row labels and marks, as negsim analyze heads
// and marks its own rows (checked there by TestSolutionsNameRatifiersAndRejections).
// Home's parliament ratifies for Home (teaching-tied-hands.yaml): its row said "(no veto)",
// as if its yes counted for nothing, where its vote at home can sink a deal. Harborco's
// environmental coalition, without a veto, gets 0 from small/full, 0.5 below its
// reservation (teaching-harborco-quota.yaml): the terminal marks it "rejects", the page
// showed the bare numbers.
var LabelCases = []CountedCase{
	{Hash: "scenario=teaching-tied-hands", Where: `document.getElementById("solutions").textContent`, Says: "Home's parliament (ratifies at home): utility (surplus)"},
	{Hash: "scenario=teaching-harborco-quota", Where: `document.getElementById("solutions").textContent`, Says: "Environmental coalition (no veto): utility (surplus)0.000 (-0.500) rejects"},
}
