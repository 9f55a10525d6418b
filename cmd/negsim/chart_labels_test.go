package main

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A debrief's chart names each table beside its point, and no name is printed over
// another, over a point, over the Nash ring, across the frontier, or past the plotting
// area (onto the title or the axes). The test reads the chart as the page holds it.
//
// The geometry, in the SVG's units (points, y upwards, as gonum draws paths; a text is
// drawn flipped, transform="scale(1, -1)", so its baseline is at minus its y):
//   - A label's box runs from its x for its textLength, the width the SVG pins, and from
//     its baseline less the font's descent to the baseline plus its ascent. The charts set
//     text in Liberation Serif, with Times' metrics: ascent 1825/2048 = 0.891 em, descent
//     443/2048 = 0.216 em; a 12 px label is 0.216 × 12 = 2.59 below and 0.891 × 12 = 10.69
//     above its baseline.
//   - A point is a filled path: a circle "M x,y A r,r ..." starts at its rightmost point, so
//     its centre is (x − r, y) and its box reaches r each way; a square or a triangle is the
//     box of its corners. The Nash ring is an unfilled circle whose stroke, 2.5 wide, is
//     centred on its radius: its box reaches r + 1.25.
//   - The frontier is the solid line 2 wide: its segments are "M a L b L c ..."; a label
//     crosses it when some point of a segment lies within 1 (half the line) of the box.
//   - The plotting area is the box of the grid lines (grey, 0.25 wide). The title stands
//     right above it, so a label keeps a line, its font size, clear of the area's top.
//
// Before labels were placed one by one, all at one offset (7 right, 4 up), every case
// failed. The README's class: "red" overlapped the Nash ring circling its own point and a
// square of the frontier, and crossed the frontier; "green" crossed it and covered one of
// its squares; "purple" covered the frontier's last square. The fish-stock class: "A"
// overlapped its ring; "D", at the right edge, reached 7 past the plotting area; "C" stood
// 10.3 under its top (its box's top at 385.40 + 10.69 = 396.09, the area's at 406.39),
// under the 12 a line needs. Two tables at one deal: "south, annex" overlapped its ring and
// reached past the area's right edge.
func TestDebriefChartLabelsCollideWithNothing(t *testing.T) {
	classCSV := readmeBlock(t, readmeSection(t, "In the classroom"), "```csv\n", "deals file in a ```csv block")
	cases := []struct {
		name  string
		args  []string
		deals string
		// labels are the tables with a deal to draw: yellow and E reached none.
		labels []string
	}{
		{"the README's class", []string{"--variant", "sanctions-bite"}, classCSV, []string{"red", "blue", "green", "purple"}},
		{"fish stock", []string{"teaching-tied-hands"}, "table,quota\nA,q3\nB,q5\nC,q1\nD,q6\nE,\n", []string{"A", "B", "C", "D"}},
		{"two tables at one deal", []string{"testdata/two-by-two.yaml"}, "table,b,a\nsouth,b0,a0\nannex,b0,a0\nnorth,b1,a2\n", []string{"south, annex", "north"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			deals := writeTemp(t, "class.csv", tc.deals)
			svg := debriefSVG(t, append(tc.args, "--deals", deals))
			if again := debriefSVG(t, append(tc.args, "--deals", deals)); again != svg {
				t.Error("the same class drew two different charts")
			}
			ch := readLabelledChart(t, svg, tc.labels)
			for i, l := range ch.labels {
				if !inside(l.box, ch.area) {
					t.Errorf("%q %v reaches past the plotting area %v", l.text, l.box, ch.area)
				}
				if gap := ch.area[3] - l.box[3]; gap < l.size {
					t.Errorf("%q stands %.2f under the plotting area's top, where the title is; want a line, %g", l.text, gap, l.size)
				}
				for _, o := range ch.labels[:i] {
					if boxesOverlap(l.box, o.box) {
						t.Errorf("%q %v overlaps %q %v", l.text, l.box, o.text, o.box)
					}
				}
				for _, p := range ch.points {
					if boxesOverlap(l.box, p) {
						t.Errorf("%q %v overlaps the point or ring at %v", l.text, l.box, p)
					}
				}
				for _, s := range ch.frontier {
					if segmentNear(s, l.box, 1) {
						t.Errorf("%q %v crosses the frontier from %v to %v", l.text, l.box, s[0], s[1])
					}
				}
			}
		})
	}
}

// debriefSVG is the chart of the debrief page negsim writes for args.
func debriefSVG(t *testing.T, args []string) string {
	t.Helper()
	page := t.TempDir() + "/d.html"
	runOK(t, append(append([]string{"debrief"}, args...), "-o", page)...)
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	start := strings.Index(html, "<svg")
	end := strings.Index(html, "</svg>")
	if start < 0 || end < start {
		t.Fatal("the debrief page holds no chart")
	}
	return html[start:end]
}

// box is [minX, minY, maxX, maxY].
type box [4]float64

type chartLabel struct {
	text string
	box  box
	size float64
}

type labelledChart struct {
	labels   []chartLabel
	points   []box
	frontier [][2][2]float64
	area     box
}

func readLabelledChart(t *testing.T, svg string, want []string) labelledChart {
	t.Helper()
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q in the chart is no number", s)
		}
		return v
	}
	var ch labelledChart
	ch.area = box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	pairs := regexp.MustCompile(`(-?[0-9.]+),(-?[0-9.]+)`)
	paths := regexp.MustCompile(`<path d="([^"]*)" style="([^"]*)"`).FindAllStringSubmatch(svg, -1)
	for _, p := range paths {
		if strings.Contains(p[2], "stroke:#808080;stroke-width:0.25") {
			for _, xy := range pairs.FindAllStringSubmatch(p[1], -1) {
				x, y := num(xy[1]), num(xy[2])
				ch.area = box{min(ch.area[0], x), min(ch.area[1], y), max(ch.area[2], x), max(ch.area[3], y)}
			}
		}
	}
	if math.IsInf(ch.area[0], 0) {
		t.Fatal("the chart has no grid")
	}
	arc := regexp.MustCompile(`^M(-?[0-9.]+),(-?[0-9.]+)A([0-9.]+),`)
	for _, p := range paths {
		d, style := p[1], p[2]
		filled := !strings.Contains(style, "fill:none") && !strings.Contains(style, "#FFFFFF")
		ring := strings.Contains(style, "fill:none") && strings.Contains(style, "stroke-width:2.5")
		var b box
		if m := arc.FindStringSubmatch(d); m != nil && (filled || ring) {
			r := num(m[3])
			cx, cy := num(m[1])-r, num(m[2])
			if ring {
				r += 1.25
			}
			b = box{cx - r, cy - r, cx + r, cy + r}
		} else if filled {
			b = box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
			for _, xy := range pairs.FindAllStringSubmatch(d, -1) {
				x, y := num(xy[1]), num(xy[2])
				b = box{min(b[0], x), min(b[1], y), max(b[2], x), max(b[3], y)}
			}
		} else if strings.HasSuffix(style, "stroke-width:2") { // solid: a dashed one goes on with its dashes
			xys := pairs.FindAllStringSubmatch(d, -1)
			for i := 1; i < len(xys); i++ {
				s := [2][2]float64{{num(xys[i-1][1]), num(xys[i-1][2])}, {num(xys[i][1]), num(xys[i][2])}}
				if inside(box{s[0][0], s[0][1], s[0][0], s[0][1]}, ch.area) {
					ch.frontier = append(ch.frontier, s)
				}
			}
			continue
		} else {
			continue
		}
		// Only what lies in the plotting area: the legend beside it draws the same shapes.
		if cx, cy := (b[0]+b[2])/2, (b[1]+b[3])/2; inside(box{cx, cy, cx, cy}, ch.area) {
			ch.points = append(ch.points, b)
		}
	}
	texts := regexp.MustCompile(`<text textLength="([0-9.]+)"[^>]*\sx="(-?[0-9.]+)" y="(-?[0-9.]+)"[^>]*font-size:([0-9.]+)px">([^<]*)</text>`).FindAllStringSubmatch(svg, -1)
	for _, name := range want {
		found := false
		for _, m := range texts {
			if m[5] != name {
				continue
			}
			found = true
			width, x, base, size := num(m[1]), num(m[2]), -num(m[3]), num(m[4])
			ch.labels = append(ch.labels, chartLabel{text: name, box: box{x, base - 0.216*size, x + width, base + 0.891*size}, size: size})
		}
		if !found {
			t.Errorf("the chart names no table %q", name)
		}
	}
	if len(ch.points) == 0 || len(ch.frontier) == 0 {
		t.Fatalf("read %d points and %d frontier segments from the chart", len(ch.points), len(ch.frontier))
	}
	return ch
}

func inside(b, area box) bool {
	return b[0] >= area[0] && b[1] >= area[1] && b[2] <= area[2] && b[3] <= area[3]
}

func boxesOverlap(a, b box) bool {
	return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

// segmentNear reports whether some point of the segment, taken every 0.1, lies within m of
// the box.
func segmentNear(s [2][2]float64, b box, m float64) bool {
	n := int(math.Hypot(s[1][0]-s[0][0], s[1][1]-s[0][1])/0.1) + 1
	for i := 0; i <= n; i++ {
		f := float64(i) / float64(n)
		x, y := s[0][0]+f*(s[1][0]-s[0][0]), s[0][1]+f*(s[1][1]-s[0][1])
		if x > b[0]-m && x < b[2]+m && y > b[1]-m && y < b[3]+m {
			return true
		}
	}
	return false
}

// In a crowded class no place around a point may be free; a label then covers what it must,
// but never another label, whose text over its own reads as neither, nor the plot's edge.
// Twenty tables at twenty of sanctions-bite's best ZOPA deals, no two at one point (each
// has its own label), crowd about the Nash solution. When every place was taken, the place
// covering fewest things won, a label counting as one thing: "jo" printed over "dee", "kim"
// over "fay", "sam" over "ann" and "tam" over "max".
func TestDebriefChartLabelsInACrowd(t *testing.T) {
	zopa := csv.NewReader(strings.NewReader(runOK(t, "analyze", "--variant", "sanctions-bite", "--limit", "200", "--format", "csv")))
	rows, err := zopa.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := rows[0]
	col := func(name string) int { return slices.Index(header, name) }
	issues := header[col("territory"):col("utility_ukraine")]
	names := strings.Fields("ann bob cy dee eve fay gus hal ivy jo kim lu max ned oz pam quin ros sam tam")
	deals := "table," + strings.Join(issues, ",") + "\n"
	seen := map[[2]string]bool{}
	var tables []string
	for _, r := range rows[1:] {
		at := [2]string{r[col("utility_ukraine")], r[col("utility_russia")]}
		if seen[at] || len(tables) == len(names) {
			continue
		}
		seen[at] = true
		name := names[len(tables)]
		tables = append(tables, name)
		deals += name + "," + strings.Join(r[col("territory"):col("utility_ukraine")], ",") + "\n"
	}
	if len(tables) < len(names) {
		t.Fatalf("found %d deals at distinct points; want %d", len(tables), len(names))
	}
	ch := readLabelledChart(t, debriefSVG(t, []string{"--variant", "sanctions-bite", "--deals", writeTemp(t, "class.csv", deals)}), tables)
	for i, l := range ch.labels {
		if !inside(l.box, ch.area) {
			t.Errorf("%q %v reaches past the plotting area %v", l.text, l.box, ch.area)
		}
		for _, o := range ch.labels[:i] {
			if boxesOverlap(l.box, o.box) {
				t.Errorf("%q %v overlaps %q %v", l.text, l.box, o.text, o.box)
			}
		}
	}
}

// The rounds chart's event tags stand above the data, clear of its points: under
// sanctions-bite Russia's and Ukraine's aspirations start at 1 and their points at round 1
// (an event's round) sat under "E1", the text on the marks.
func TestRoundsEventTagsClearThePoints(t *testing.T) {
	file := filepath.Join(t.TempDir(), "rounds.svg")
	runOK(t, "rounds", "--variant", "sanctions-bite", "--chart", file)
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ch := readLabelledChart(t, string(data), []string{"E1", "E2"})
	for _, l := range ch.labels {
		for _, p := range ch.points {
			if boxesOverlap(l.box, p) {
				t.Errorf("the tag %q at %v covers a point at %v", l.text, l.box, p)
			}
		}
	}
}
