package pagetest

// contrastJS lists the texts of the whole page, as shown, whose colour stands out from what
// lies behind them by less than WCAG 2.2's minimum (1.4.3): a contrast ratio of 4.5, or 3
// for large text (24 px, or 18.66 px bold). What lies behind a text is the first opaque
// background among it and its ancestors, with any translucent ones above it laid on top,
// and the page's canvas when none is; behind a chart's words is the chart's own
// background, since its plot area is painted white whatever the page's colours. Disabled
// controls are exempt, as WCAG exempts them; hidden texts are not shown. Each problem names
// the text, its two colours and the ratio.
const contrastJS = `(() => {
	const rgba = (c) => {
		const m = /rgba?\(([^)]*)\)/.exec(c || "");
		if (!m) return null;
		const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
		return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
	};
	const over = (top, under) => ({
		r: top.r * top.a + under.r * (1 - top.a),
		g: top.g * top.a + under.g * (1 - top.a),
		b: top.b * top.a + under.b * (1 - top.a), a: 1});
	const canvas = () => matchMedia("(prefers-color-scheme: dark)").matches && getComputedStyle(document.documentElement).colorScheme.includes("dark")
		? {r: 18, g: 18, b: 18, a: 1} : {r: 255, g: 255, b: 255, a: 1};
	const behind = (el) => {
		const layers = [];
		for (let e = el; e; e = e.parentElement) {
			const c = rgba(getComputedStyle(e).backgroundColor);
			if (!c || c.a === 0) continue;
			layers.push(c);
			if (c.a === 1) break;
		}
		let ground = layers.length && layers[layers.length - 1].a === 1 ? layers.pop() : canvas();
		while (layers.length) ground = over(layers.pop(), ground);
		return ground;
	};
	const name = (c) => "rgb(" + [c.r, c.g, c.b].map(Math.round).join(", ") + ")";
	const luminance = (c) => (` + luminanceJS + `)(name(c));
	const ratio = (a, b) => { const x = luminance(a), y = luminance(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
	const out = [];
	for (const el of document.querySelectorAll("body *")) {
		if (["SCRIPT", "STYLE", "OPTION", "NOSCRIPT", "TITLE"].includes(el.tagName)) continue;
		if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
		if (el.closest("[hidden], .visually-hidden, .skip, :disabled") || el.getClientRects().length === 0) continue;
		const style = getComputedStyle(el);
		if (style.visibility !== "visible") continue;
		const svg = el.closest("svg");
		const ink = rgba(svg ? style.fill : style.color);
		if (!ink) continue;
		const ground = behind(svg || el);
		const seen = ink.a < 1 ? over(ink, ground) : ink;
		const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
		const least = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
		const got = ratio(seen, ground);
		if (got < least) out.push(JSON.stringify(el.textContent.trim().slice(0, 40)) + " in " + name(seen) + " on " + name(ground) + ": " + got.toFixed(2) + " (at least " + least + ")");
	}
	return out;
})()`

// luminanceJS is a function of a CSS colour that gives its relative luminance, WCAG's
// measure of how light it is: 0 for black, 1 for white.
const luminanceJS = `((c) => {
	const p = /rgba?\(([^)]*)\)/.exec(c)[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
	const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
	return 0.2126 * f(p[0]) + 0.7152 * f(p[1]) + 0.0722 * f(p[2]);
})`
