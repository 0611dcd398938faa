package httpapi

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"jobnet/shared"
)

// The plan as a PDF ("Hent som PDF", SPEC D3, 002_…txt): only current goals,
// agreements and interventions, unfolded, after a table of contents. The
// integration-contract variant ends with a signature line.

// planSection is one heading of the PDF with its content.
type planSection struct {
	title string
	body  func(pdf *fpdf.Fpdf, tr func(string) string)
}

// currentItems are the items that have not ended by today: running,
// ongoing and coming interventions and agreements.
func currentItems(p shared.Plan, today shared.Date) []shared.PlanItem {
	var out []shared.PlanItem
	for _, it := range p.Items {
		if _, shown := shared.TimelineRowOf(it.Kind); !shown {
			continue
		}
		if it.Period.To.IsZero() || !it.Period.To.Before(today) {
			out = append(out, it)
		}
	}
	return out
}

func planSections(p shared.Plan, today shared.Date, contract bool) []planSection {
	para := func(text string) func(*fpdf.Fpdf, func(string) string) {
		return func(pdf *fpdf.Fpdf, tr func(string) string) { pdf.MultiCell(0, 5.5, tr(text), "", "L", false) }
	}
	var s []planSection
	if len(p.JobGoals) > 0 {
		var lines []string
		for _, g := range p.JobGoals {
			l := g.Title
			if g.AgreedWith != "" {
				l += " (aftalt med " + g.AgreedWith + ")"
			}
			lines = append(lines, "• "+l)
		}
		s = append(s, planSection{"Jobmål", para(strings.Join(lines, "\n"))})
	}
	if len(p.EducationGoals) > 0 {
		var lines []string
		for i, g := range p.EducationGoals {
			lines = append(lines, fmt.Sprintf("%d. %s", i+1, g.Title))
		}
		s = append(s, planSection{"Uddannelsesmål", para(strings.Join(lines, "\n"))})
	}
	if p.Description != "" {
		title := "For at nå mit mål, har vi aftalt"
		if p.Type == shared.PlanEducation {
			title = "Din sagsbehandlers kommentar til dig"
		}
		s = append(s, planSection{title, para(p.Description)})
	}
	for _, a := range []struct {
		title string
		a     *shared.Agreement
	}{{"Seneste aftale med jobcenter", p.JobcenterAgreement}, {"Seneste aftale med a-kasse", p.AKasseAgreement}} {
		if a.a != nil {
			s = append(s, planSection{a.title, para(a.a.Text + "\nAftalt med " + a.a.AgreedWith + ", den " + a.a.Date.Danish())})
		}
	}
	items := currentItems(p, today)
	if len(items) > 0 {
		s = append(s, planSection{"Indsatser og aftaler", func(pdf *fpdf.Fpdf, tr func(string) string) {
			for _, it := range items {
				pdf.SetFont("Helvetica", "B", 11)
				pdf.MultiCell(0, 6, tr(it.Heading()), "", "L", false)
				pdf.SetFont("Helvetica", "", 10)
				for _, f := range it.PopupFields() {
					pdf.MultiCell(0, 5, tr(f.Label+": "+f.Value), "", "L", false)
				}
				pdf.Ln(3)
			}
		}})
	}
	if contract {
		s = append(s, planSection{"Underskrift", func(pdf *fpdf.Fpdf, tr func(string) string) {
			pdf.MultiCell(0, 5.5, tr("Jeg har læst og forstået min plan inklusiv kontrakt efter integrationsloven."), "", "L", false)
			for _, who := range []string{"Borgerens underskrift", "Jobcentrets underskrift"} {
				pdf.Ln(14)
				pdf.CellFormat(90, 6, "", "B", 1, "L", false, 0, "")
				pdf.CellFormat(90, 6, tr(who+" og dato"), "", 1, "L", false, 0, "")
			}
		}})
	}
	return s
}

// renderPlanPDF writes the plan's PDF. It lays the sections out twice: the
// first pass learns the page of each heading for the table of contents on
// page 1, the second writes the document.
func renderPlanPDF(w io.Writer, name string, p shared.Plan, today shared.Date, contract bool) error {
	sections := planSections(p, today, contract)
	pages := make([]int, len(sections))
	build := func(withTOC bool) *fpdf.Fpdf {
		pdf, tr := newPDF("Min plan – "+name, today, func(page int) string {
			return fmt.Sprintf("Min plan for %s · udskrevet %s · side %d", name, today.Danish(), page)
		})
		pdf.AddPage()
		pdf.SetFont("Helvetica", "B", 18)
		title := "Min plan"
		if contract {
			title = "Min plan inklusiv kontrakt"
		}
		pdf.CellFormat(0, 10, tr(title), "", 1, "L", false, 0, "")
		pdf.SetFont("Helvetica", "", 11)
		pdf.CellFormat(0, 7, tr(name), "", 1, "L", false, 0, "")
		pdf.Ln(4)
		pdf.SetFont("Helvetica", "B", 13)
		pdf.CellFormat(0, 8, tr("Indholdsfortegnelse"), "", 1, "L", false, 0, "")
		pdf.SetFont("Helvetica", "", 11)
		for i, sec := range sections {
			page := ""
			if withTOC {
				page = fmt.Sprint(pages[i])
			}
			pdf.CellFormat(160, 6.5, tr(sec.title), "", 0, "L", false, 0, "")
			pdf.CellFormat(0, 6.5, page, "", 1, "R", false, 0, "")
		}
		pdf.AddPage()
		for i, sec := range sections {
			if pdf.GetY() > 250 {
				pdf.AddPage()
			}
			pages[i] = pdf.PageNo()
			pdf.Bookmark(tr(sec.title), 0, -1)
			pdf.SetFont("Helvetica", "B", 14)
			pdf.MultiCell(0, 8, tr(sec.title), "", "L", false)
			pdf.SetFont("Helvetica", "", 11)
			sec.body(pdf, tr)
			pdf.Ln(5)
		}
		return pdf
	}
	build(false) // learn the pages
	pdf := build(true)
	return pdf.Output(w)
}

// newPDF is an A4 document of Jobnet's, the setup every PDF shares (the
// plan's, the CV's, the Præsentations-CV's, the Forberedelsesskema's receipt): text in cp1252 through tr (æ,
// ø, å in the core fonts), its title, Danish, dated today (so the bytes
// are a function of the data and the day), and footer's line of each page
// at its foot.
func newPDF(title string, today shared.Date, footer func(page int) string) (*fpdf.Fpdf, func(string) string) {
	pdf := fpdf.New("P", "mm", "A4", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: æ, ø, å
	pdf.SetTitle(title, true)
	pdf.SetLang("da-DK")
	day := time.Date(today.Year, today.Month, today.Day, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(day)
	pdf.SetModificationDate(day) // fpdf's default is the moment of writing
	pdf.SetCatalogSort(true)     // the fonts in order, not in map order
	pdf.SetFooterFunc(func() {
		pdf.SetY(-15)
		pdf.SetFont("Helvetica", "", 8)
		pdf.SetTextColor(0, 0, 0)
		pdf.CellFormat(0, 10, tr(footer(pdf.PageNo())), "", 0, "C", false, 0, "")
	})
	return pdf, tr
}
