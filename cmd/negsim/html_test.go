package main

import (
	"bytes"
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/negsim/negsim/sim"
	"github.com/negsim/negsim/web"
)

// only is the one table htmlGridFor laid a grid out as, failing the test when it made several.
func only(t *testing.T, tables []*htmlGrid) *htmlGrid {
	t.Helper()
	if len(tables) != 1 {
		t.Fatalf("%d tables; want one", len(tables))
	}
	return tables[0]
}

// A table keeps its shape while its columns fit the printed width, is transposed when that
// fits instead, or transposed in parts of at least four rows, and otherwise becomes one
// small table a row. The widths, worked by hand at
// 8 pt (10.667 px, the smallest print a handout should carry) with DejaVu Sans's advances:
// "m" is 0.98 em, so "mmmmmmmmmm" is 104.53 px and its column 109.53 px with the 5 px of
// padding and border; the "#" column holds "#" (0.84 em, 8.96 px) and "1" to "8" (0.64 em,
// 6.83 px), so 13.96 px.
func TestHTMLGridFitsThePrintedWidth(t *testing.T) {
	wideGrid := func(columns, rows int) *grid {
		g := &grid{header: []string{"#"}}
		for c := range columns {
			g.header = append(g.header, string(rune('a'+c)))
		}
		for r := range rows {
			row := []string{string(rune('1' + r))}
			for range columns {
				row = append(row, "mmmmmmmmmm")
			}
			g.add(row...)
		}
		return g
	}
	// The layouts are worked out at the size the print styles give tables, never under 8 pt:
	// at 7 pt a printed ZOPA table or brief read as footnotes beside 12 pt prose.
	_, printStyles, _ := strings.Cut(pageStyle, "@media print")
	if !strings.Contains(printStyles, "table{width:100%;font-size:8pt;") || printFont != 8*96.0/72 {
		t.Errorf("printed tables are not set in 8 pt (printFont %.3f px):\n%s", printFont, printStyles)
	}
	// 13.96 + 6 · 109.53 = 671.1 px, within A4's 703.
	if got := only(t, htmlGridFor(wideGrid(6, 8))); got.RowHeads || got.Records != nil || len(got.Header) != 7 {
		t.Errorf("six columns: header %v, transposed %v, %d records; want the table as it is", got.Header, got.RowHeads, len(got.Records))
	}
	// 13.96 + 7 · 109.53 = 780.7 px is too wide; one row transposed is 13.96 + 109.53 = 123.5.
	if got := only(t, htmlGridFor(wideGrid(7, 1))); !got.RowHeads || strings.Join(got.Header, ",") != "#,1" || len(got.Rows) != 7 || got.Rows[6][0].Text != "g" {
		t.Errorf("seven columns, one row: header %v, %d rows, transposed %v; want column g as the last row", got.Header, len(got.Rows), got.RowHeads)
	}
	// Seven rows transposed are as wide as seven columns: 780.7 px. In two parts, of four
	// rows and of three, the wider is 13.96 + 4 · 109.53 = 452.1 px: it fits.
	parts := htmlGridFor(wideGrid(7, 7))
	if len(parts) != 2 || strings.Join(parts[0].Header, ",") != "#,1,2,3,4" || strings.Join(parts[1].Header, ",") != "#,5,6,7" || !parts[1].RowHeads || len(parts[1].Rows) != 7 {
		t.Errorf("seven columns, seven rows: %d tables; want rows 1 to 4 and 5 to 7 transposed, each of seven rows", len(parts))
	}
	// Four rows are the fewest a part holds: with values of 60 "m" (632 px a column with its
	// padding) in column a, a part of
	// four is 13.96 + 4 · 632 px wide, and three records a row use the page as well as
	// three columns would. One record a row.
	g := wideGrid(7, 7)
	for i := range g.rows {
		g.rows[i][1] = strings.Repeat("m", 60)
	}
	got := only(t, htmlGridFor(g))
	if len(got.Records) != 7 || got.Records[6].Title != "# 7" || len(got.Records[6].Fields) != 7 || got.Records[6].Fields[0].Name != "a" {
		t.Fatalf("seven columns, seven rows, one of them wide: %d records, want seven of seven fields each: %+v", len(got.Records), got.Records)
	}
}

// A utility column stays numeric wherever the layout puts it, and the page marks the
// names that head each row of a transposed table or of a record.
func TestHTMLGridKeepsNumbersAndNames(t *testing.T) {
	g := &grid{header: []string{"#", "territory", "ukraine"}, right: []bool{false, false, true}}
	for r := 1; r <= 20; r++ {
		g.add(count(uint64(r)), "withdraw-donetsk", "0.523 (+0.123)")
	}
	// The columns ask for "20" (1.28 em), "withdraw-" (5.01 em) and "(+0.123)" (4.5 em):
	// about 116 px with padding. The table stays as it is, the surplus under the utility.
	if full := only(t, htmlGridFor(g)); full.RowHeads || full.Records != nil || !full.Rows[0][2].Numeric || full.Rows[0][2].Text != "0.523\n(+0.123)" {
		t.Errorf("a narrow table changed layout or lost its numbers: %+v", full.Rows[0])
	}
	// A note of 200 letters is 1120 px wide; transposed, twenty columns of at least
	// "withdraw-" are over 1000 px: one record a row.
	g.header = append(g.header, "note")
	for i := range g.rows {
		g.rows[i] = append(g.rows[i], strings.Repeat("x", 200))
	}
	rec := only(t, htmlGridFor(g))
	if len(rec.Records) != 20 || !rec.Records[0].Fields[1].Numeric || rec.Records[0].Fields[0].Numeric {
		t.Fatalf("a table too wide either way: %+v", rec.Records)
	}
	r := &report{sections: []section{{grid: g}}}
	var b bytes.Buffer
	if err := r.writeHTML(&b); err != nil {
		t.Fatal(err)
	}
	if page := b.String(); !strings.Contains(page, `<th scope="row">ukraine</th><td class="num">0.523`) || !strings.Contains(page, `<div class="wide records">`) {
		t.Errorf("the records are not marked up as name and value:\n%s", page)
	}
}

// A heading is written so that it can wrap only between words and at the joints of ids:
// a <wbr> after each hyphen or underscore between letters or digits (browsers break after
// neither "_" nor the hyphen of "elected-1" on their own) and nowhere else, not after a
// minus sign; and the print styles keep its words whole.
func TestHTMLHeadingsBreakOnlyBetweenWords(t *testing.T) {
	g := &grid{header: []string{"russian-hardliners r / a / u", "elected-1", "vote_share", "change (-0.5)", "x-", "a<b"}}
	g.add("1", "2", "3", "4", "5", "6")
	var b bytes.Buffer
	if err := (&report{sections: []section{{grid: g}}}).writeHTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{
		"<th>russian-<wbr>hardliners r / a / u</th>",
		"<th>elected-<wbr>1</th>",
		"<th>vote_<wbr>share</th>",
		"<th>change (-0.5)</th>",
		"<th>x-</th>",
		"<th>a&lt;b</th>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no %s in the page:\n%s", want, page)
		}
	}
	if n := strings.Count(page, "<wbr>"); n != 3 {
		t.Errorf("%d <wbr> in the page; want the 3 of the three ids", n)
	}
	_, printStyles, _ := strings.Cut(pageStyle, "@media print")
	if !strings.Contains(printStyles, "th{overflow-wrap:normal;hyphens:manual}") || strings.Contains(printStyles, "th{overflow-wrap:anywhere") {
		t.Errorf("the print styles let a heading break inside a word:\n%s", printStyles)
	}
	// word-break:keep-all keeps Latin words no more whole than normal does; all it did was
	// forbid a Chinese heading, which has no spaces, to break at all.
	if strings.Contains(pageStyle, "keep-all") {
		t.Errorf("the styles keep Chinese and Japanese headings from breaking between characters:\n%s", printStyles)
	}
}

// A Chinese or Japanese text breaks between its characters, in a cell as in a heading, and
// each is one em wide, not the two cells a terminal gives it. The estimate counted a
// 40-character label as one word of 80 em: 853 px at 8 pt, wider than A4's 703, so a
// two-column table of options printed as records. Its longest unbreakable run is now a
// character with the mark that closes it, 2 em or 21.3 px at most; with "partial" (7 bold letters at most 1.05 em each, under
// 80 px) the table is far within 703 px and keeps its shape. A heading of 36 characters
// (once 36 · 2 em, 768 px) likewise.
func TestHTMLGridBreaksChineseBetweenCharacters(t *testing.T) {
	label := strings.Repeat("完全开放所有港口和铁路线路均可使用不设任何数量限制", 2)[:40*3] // 40 characters of 3 bytes
	if n := len([]rune(label)); n != 40 {
		t.Fatalf("the label has %d characters", n)
	}
	g := &grid{header: []string{"option", "label"}}
	g.add("partial", label)
	if got := only(t, htmlGridFor(g)); got.RowHeads || got.Records != nil {
		t.Errorf("a 40-character Chinese label: transposed %v, %d records; want the table as it is", got.RowHeads, len(got.Records))
	}
	heading := "粮食走廊的开放程度与过境安排包括港口铁路和公路运输的所有细节以及时间表格"
	if n := len([]rune(heading)); n != 36 {
		t.Fatalf("the heading has %d characters", n)
	}
	h := &grid{header: []string{"option", heading}}
	h.add("partial", strings.Repeat("mmmmmmmmmm ", 5))
	if got := only(t, htmlGridFor(h)); got.RowHeads || got.Records != nil {
		t.Errorf("a 36-character Chinese heading: transposed %v, %d records; want the table as it is", got.RowHeads, len(got.Records))
	}
}

// The estimate of a table's printed width counts each heading's longest word, in bold: a
// heading too long for its column no longer narrows to a letter a line. The six columns of
// "mmmmmmmmmm" fit as 671.1 px (TestHTMLGridFitsThePrintedWidth). Heading the first with
// 13 "m" instead of "a": 13 bold "m" (1.05 em) are 13.65 em, 145.6 px at 10.667 px, so that
// column is 150.6 px with padding and the table 671.1 - 109.53 + 150.6 = 712.2 px, over
// A4's 703. Transposed it is wider still (eight columns of 109.53 px and the names); in two
// parts of four rows, each is 13 "m" (135.9 px, 140.9 with padding) and four columns of
// 109.53 px, 579 px: it prints so. Cut at a hyphen, an underscore or a space the longest piece is
// "mmmmmmm" (7.35 em, 78.4 px) or shorter, narrower than the column's cells: the table
// stays as it is.
func TestHTMLGridCountsHeadingWords(t *testing.T) {
	table := func(heading string) []*htmlGrid {
		g := &grid{header: []string{"#", heading, "b", "c", "d", "e", "f"}}
		for r := range 8 {
			row := []string{string(rune('1' + r))}
			for range 6 {
				row = append(row, "mmmmmmmmmm")
			}
			g.add(row...)
		}
		return htmlGridFor(g)
	}
	if got := table("mmmmmmmmmmmmm"); len(got) != 2 || !got[0].RowHeads || strings.Join(got[1].Header, ",") != "#,5,6,7,8" || got[0].Rows[0][0].Text != "mmmmmmmmmmmmm" {
		t.Errorf("a heading of one long word: %d tables; want two of four rows transposed, the heading first", len(got))
	}
	for _, heading := range []string{"mmmmmm-mmmmmmm", "mmmmmm_mmmmmmm", "mmmmmm mmmmmmm"} {
		if got := only(t, table(heading)); got.RowHeads || got.Records != nil || got.Header[1] != heading {
			t.Errorf("%q: header %v, transposed %v, %d records; want the table as it is", heading, got.Header, got.RowHeads, len(got.Records))
		}
	}
}

// In a record, the last layout, a name keeps its words whole up to half the record's width,
// and only a longer word may break, so that the values beside it keep their room. A record
// printed three abreast 4 mm (15.12 px) apart is (703 - 2 · 15.12) / 3 = 224.25 px wide; a
// name in the body's weight may ask 224.25 / 2 - 5 = 107.1 px: "m" is 0.98 em, 10.453 px
// at 8 pt, so ten are 104.5 px and keep whole, twelve are 125.4 px and may break. The title,
// in bold, may ask the whole record less its cell, 219.25 px: "# 1" does; "# " and 25 bold
// "m" (25 · 1.05 em · 10.667 = 280 px) do not.
func TestHTMLRecordsBreakOnlyWordsTooLongForThem(t *testing.T) {
	whole, twelve := strings.Repeat("m", 10), strings.Repeat("m", 12)
	g := &grid{header: []string{"#", whole, twelve, "note"}}
	g.add("1", "x", "y", strings.Repeat("x", 200))
	g.add(strings.Repeat("m", 25), "x", "y", strings.Repeat("x", 200))
	got := only(t, htmlGridFor(g))
	if len(got.Records) != 2 || len(got.Records[0].Fields) != 3 {
		t.Fatalf("want two records of three fields: %+v", got)
	}
	first, second := got.Records[0], got.Records[1]
	if first.Fields[0].NameBreaksWords || !first.Fields[1].NameBreaksWords || first.Fields[2].NameBreaksWords {
		t.Errorf("names breaking words: %s %v, %s %v, note %v; want only the twelve letters",
			whole, first.Fields[0].NameBreaksWords, twelve, first.Fields[1].NameBreaksWords, first.Fields[2].NameBreaksWords)
	}
	if first.TitleBreaksWords || !second.TitleBreaksWords {
		t.Errorf("titles breaking words: %q %v, %q %v; want only the second", first.Title, first.TitleBreaksWords, second.Title, second.TitleBreaksWords)
	}
	var b bytes.Buffer
	if err := (&report{sections: []section{{grid: g}}}).writeHTML(&b); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if !strings.Contains(page, `<th scope="row" class="break-words">`+twelve+`</th>`) || !strings.Contains(page, `<th scope="row">`+whole+`</th>`) || strings.Count(page, `class="break-words"`) != 3 {
		t.Errorf("want the twelve letters marked in both records and the second record's title, no other heading:\n%s", page)
	}
}

// The report the page downloads prints its tables as negsim report does, never under 8 pt:
// it is handed in on paper beside the command line's. Its print rule for tables read 7pt.
func TestPageReportPrintsTablesAtEightPoints(t *testing.T) {
	src, err := fs.ReadFile(web.Files, "report.js")
	if err != nil {
		t.Fatal(err)
	}
	_, print, ok := strings.Cut(string(src), "@media print")
	rule := regexp.MustCompile(`(?m)^\s*table\s*\{[^}]*font-size:\s*([\d.]+)pt`).FindStringSubmatch(print)
	if !ok || rule == nil {
		t.Fatalf("report.js has no print rule sizing its tables:\n%s", print)
	}
	if size, _ := strconv.ParseFloat(rule[1], 64); size < 8 {
		t.Errorf("the downloaded report prints its tables at %s pt; want at least 8", rule[1])
	}
}

// A short table prints on one page: the public brief of sanctions-bite printed on A4 cut
// the territory table's four options two and two across pages 1 and 2, so a student read
// two options of four and turned over for the rest. A table of up to wholeRows rows moves
// whole to the next page instead (12 rows, at most half a page
// at 8 pt unless its cells wrap); a longer one (a role's 37 options) may still break
// between rows, under its repeated header, rather than leave most of a page blank.
func TestHTMLShortTablesPrintOnOnePage(t *testing.T) {
	page := runOK(t, "brief", "--variant", "sanctions-bite", "--actor", "russia", "--format", "html")
	_, print, _ := strings.Cut(pageStyle, "@media print")
	if !regexp.MustCompile(`(?m)^table\.whole\{break-inside:avoid\}`).MatchString(print) {
		t.Errorf("the print style keeps no table whole:\n%s", print)
	}
	tables := regexp.MustCompile(`(?s)<table( class="([^"]*)")?>.*?</table>`).FindAllStringSubmatch(page, -1)
	short, long := 0, 0
	for _, m := range tables {
		rows := strings.Count(m[0], "<tr>") - 1 // the header's row
		whole := slices.Contains(strings.Fields(m[2]), "whole")
		if rows <= 12 {
			short++
		} else {
			long++
		}
		if whole != (rows <= 12) {
			t.Errorf("a table of %d rows is marked whole: %v; want %v:\n%s", rows, whole, rows <= 12, m[0])
		}
	}
	// The parties (4 rows), those who ratify at home (4), twelve issues of 3 or 4 options,
	// and the role's 37 options.
	if short != 14 || long != 1 {
		t.Errorf("found %d short tables and %d long; want 14 and 1", short, long)
	}
}

// HTML sets the scenario's right-to-left names apart, each where it stands as a whole word,
// and leaves a sentence written in Hebrew to the browser, commas and all: set apart clause
// by clause, "שלום לכם, זה תרחיש" was drawn with its clauses left to right, the first at
// the left, where a Hebrew reader starts at the right. Each want is read off the text by
// eye.
func TestHTMLSetsApartTheScenariosNames(t *testing.T) {
	names := []string{"ארצות הברית", "גבולות", "ישראל", "מצרים"}
	for _, c := range []struct {
		text string
		want []string
	}{
		{"the signature of ישראל, מצרים and ארצות הברית.", []string{"ישראל", "מצרים", "ארצות הברית"}},
		{"Cares most about גבולות (70%), מצרים (30%).", []string{"גבולות", "מצרים"}},
		{"שלום לכם, זה תרחיש לדוגמה, עם שלושה צדדים.", nil},
		{"הנחה של ישראל, לא מקור.", []string{"ישראל"}},
		{"ישראלי, not ישראל's", []string{"ישראל"}},
		{"Ukraine, Russia", nil},
	} {
		var got []string
		for _, span := range nameSpans(c.text, names) {
			got = append(got, c.text[span[0]:span[1]])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: set apart %q, want %q", c.text, got, c.want)
		}
	}
	if got := bidiHTML("Ukraine's <b>", names); got != "Ukraine's <b>" {
		t.Errorf("text with none of the names came back as %#v, for the template to escape as before", got)
	}
	if got, want := bidiHTML("ישראל & מצרים", names), template.HTML("<bdi>ישראל</bdi> &amp; <bdi>מצרים</bdi>"); got != want {
		t.Errorf("got %#v, want %#v", got, want)
	}
	sc := &sim.Scenario{Name: "Border talks", Issues: []sim.Issue{{Name: "גבולות", Options: []sim.Option{{Label: "קו 67"}, {Label: "new"}}}},
		Actors: []sim.Actor{{Name: "ישראל"}, {Name: "Jordan"}, {Name: "ארצות הברית"}}}
	if got, want := rightToLeftNames([]string{"שולחן 2", "ישראל", "red"}, sc), []string{"ארצות הברית", "גבולות", "שולחן 2", "ישראל", "קו 67"}; !slices.Equal(got, want) {
		t.Errorf("the names set apart are %q, want %q, longest first, each once", got, want)
	}
}
