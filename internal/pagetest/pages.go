package pagetest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Paper is a sheet a teacher prints on, in inches.
type Paper struct {
	Name          string
	Width, Height float64
}

// Letter and A4 are the two papers a report must print well on.
var (
	Letter = Paper{"Letter", 8.5, 11}
	A4     = Paper{"A4", 210 / 25.4, 297 / 25.4}
)

// PrintedPages prints the document open in tab on paper, as a reader prints it (no header
// or footer, the document's own margins), and returns the text of each printed page as
// pdftotext lays it out (-layout: a table's cells keep their rows). The PDF goes to the
// test's artifact folder as name-paper.pdf, for a person to look at. It skips the test
// where pdftotext (Debian's poppler-utils) is not installed.
func PrintedPages(t *testing.T, tab context.Context, name string, paper Paper) []string {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("no pdftotext to read the printed pages: install Debian's poppler-utils (apt-get install -y poppler-utils) to run this test")
	}
	noHeader := false
	pdf, err := chromedp.Call(tab, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: paper.Width, PaperHeight: paper.Height, DisplayHeaderFooter: &noHeader})
	if err != nil {
		t.Fatalf("printing %s on %s: %v", name, paper.Name, err)
	}
	file := filepath.Join(t.ArtifactDir(), name+"-"+paper.Name+".pdf")
	if err := os.WriteFile(file, pdf.Data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	// pdftotext ends each page with a form feed.
	return strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")
}
