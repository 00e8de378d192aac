//go:build browser

package browsertest

// LowContrast lists the text on the tab's page whose colour does not stand
// out enough from the background behind it, by WCAG AA: 4.5:1, or 3:1 for
// large text (24 px, or 18.66 px bold). The background is found by
// compositing the backgrounds of the element and its ancestors up to the
// first opaque one; elements with a background image are skipped (their
// contrast cannot be read this way). Each entry names the element, the
// start of its text, both colours and the ratio; at most eight are listed.
func (tab *Tab) LowContrast() []string { return Eval[[]string](tab, lowContrastJS) }

// ColourJS declares, for a script that measures colours, rgba (any CSS
// colour as [r, g, b, a], read back from a canvas), over (a colour
// composited over an opaque one), lum (relative luminance) and ratio
// (WCAG contrast ratio of two opaque colours).
const ColourJS = `	const c = document.createElement("canvas"); c.width = c.height = 1;
	const g = c.getContext("2d", {willReadFrequently: true});
	const rgba = (css) => { g.clearRect(0, 0, 1, 1); g.fillStyle = "#000"; g.fillStyle = css; g.fillRect(0, 0, 1, 1); const d = g.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], d[3] / 255]; };
	const over = (top, below) => [0, 1, 2].map(i => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
	const lin = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
	const lum = x => 0.2126 * lin(x[0]) + 0.7152 * lin(x[1]) + 0.0722 * lin(x[2]);
	const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
`

const lowContrastJS = `(() => {
` + ColourJS + `	const behind = el => {
		const layers = [];
		for (let e = el; e; e = e.parentElement) {
			const st = getComputedStyle(e);
			if (st.backgroundImage !== "none") return null;
			const b = rgba(st.backgroundColor);
			if (b[3] > 0) layers.push(b);
			if (b[3] === 1) break;
		}
		let bg = [255, 255, 255, 1];
		if (!layers.length || layers[layers.length - 1][3] < 1) bg = rgba(getComputedStyle(document.documentElement).colorScheme.includes("dark") && matchMedia("(prefers-color-scheme: dark)").matches ? "Canvas" : "#fff");
		for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
		return bg;
	};
	const out = [];
	for (const el of document.body.querySelectorAll("*")) {
		if (el.closest("svg") || !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
		const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
		if (!own) continue;
		const r = el.getBoundingClientRect();
		if (r.width <= 1 || r.height <= 1) continue;
		const bg = behind(el);
		if (!bg) continue;
		const st = getComputedStyle(el);
		const fg = over(rgba(st.color), bg);
		const size = parseFloat(st.fontSize), bold = parseInt(st.fontWeight, 10) >= 700;
		const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
		const got = ratio(fg, bg);
		if (got < need) {
			out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") +
				" " + JSON.stringify(el.textContent.trim().slice(0, 30)) + ": " + st.color + " on rgb(" + bg.slice(0, 3).map(Math.round).join(", ") + ") = " + got.toFixed(2) + " < " + need);
		}
		if (out.length === 8) break;
	}
	return out;
})()`
