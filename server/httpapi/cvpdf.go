package httpapi

import (
	"fmt"
	"io"
	"strings"

	"jobnet/shared"
)

// Mit CV as a PDF ("Vis, udskriv eller eksporter mit CV", 000_…txt
// Billede 9), and the Præsentations-CV's PDF: a CV a person would hand
// over. Both start from newPDF (planpdf.go). The layouts are this
// project's: the sources show neither.

// renderCVPDF writes Mit CV: name, CV number and status, contact, the
// three folds with their entries, languages, driving licence, the link.
func renderCVPDF(w io.Writer, name string, cv shared.CV, today shared.Date) error {
	pdf, tr := newPDF("CV – "+name, today, func(page int) string {
		return fmt.Sprintf("CV for %s · udskrevet fra Jobnet %s · side %d", name, today.Danish(), page)
	})
	pdf.SetMargins(20, 20, 20)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 20)
	pdf.CellFormat(0, 10, tr(name), "", 1, "L", false, 0, "")
	pdf.SetFont("Helvetica", "", 10)
	number := cv.Number
	if number == "" {
		number = "ikke tildelt endnu"
	}
	pdf.MultiCell(0, 5, tr("CV-nummer: "+number+"\n"+cv.StatusText()), "", "L", false)
	contact := cvContactLines(cv.CVSettings)
	if len(contact) > 0 {
		pdf.MultiCell(0, 5, tr(strings.Join(contact, "\n")), "", "L", false)
	}
	pdf.Ln(4)
	heading := func(title string) {
		if pdf.GetY() > 255 {
			pdf.AddPage()
		}
		pdf.Bookmark(tr(title), 0, -1)
		pdf.SetFont("Helvetica", "B", 13)
		pdf.CellFormat(0, 8, tr(title), "B", 1, "L", false, 0, "")
		pdf.Ln(2)
	}
	for _, sec := range shared.CVSections {
		entries := cv.Entries(shared.CVSection(sec.Value))
		heading(fmt.Sprintf("%s (%d)", sec.Label, len(entries)))
		if len(entries) == 0 {
			pdf.SetFont("Helvetica", "I", 10)
			pdf.CellFormat(0, 6, tr("Intet angivet."), "", 1, "L", false, 0, "")
		}
		for _, e := range entries {
			pdf.SetFont("Helvetica", "B", 11)
			pdf.CellFormat(120, 6, tr(e.Title), "", 0, "L", false, 0, "")
			pdf.SetFont("Helvetica", "", 10)
			pdf.CellFormat(0, 6, tr(e.PeriodText()), "", 1, "R", false, 0, "")
			if e.Organisation != "" {
				label := "Uddannelsessted: "
				if e.Section == shared.CVExperience {
					label = "Arbejdsgiver: "
				}
				pdf.MultiCell(0, 5, tr(label+e.Organisation), "", "L", false)
			}
			if e.Description != "" {
				label := ""
				if e.Section == shared.CVExperience {
					label = "Ansvar / arbejdsopgaver / resultater: "
				}
				pdf.MultiCell(0, 5, tr(label+e.Description), "", "L", false)
			}
			pdf.Ln(2)
		}
		pdf.Ln(3)
	}
	heading("Sprog")
	pdf.SetFont("Helvetica", "", 10)
	if len(cv.Languages) == 0 {
		pdf.CellFormat(0, 6, tr("Intet angivet."), "", 1, "L", false, 0, "")
	}
	for _, l := range cv.Languages {
		pdf.CellFormat(0, 5.5, tr(l.Language+": "+shared.LanguageLevelLabel(l.Level)), "", 1, "L", false, 0, "")
	}
	pdf.Ln(3)
	heading("Kørekort")
	pdf.SetFont("Helvetica", "", 10)
	lic := "Intet angivet."
	if len(cv.Licences) > 0 {
		lic = "Kategori " + shared.LicenceText(cv.Licences)
	}
	pdf.CellFormat(0, 6, tr(lic), "", 1, "L", false, 0, "")
	return pdf.Output(w)
}

// cvContactLines are the CV's contact data and link, one per line.
func cvContactLines(s shared.CVSettings) []string {
	var out []string
	if s.Phone != "" {
		out = append(out, "Telefon: "+s.Phone)
	}
	if s.Email != "" {
		out = append(out, "E-mail: "+s.Email)
	}
	if s.Link != "" {
		out = append(out, "Link: "+s.Link)
	}
	return out
}

// presentationBlue is the colour of the Præsentations-CV's band and
// headings (DKFDS' primary blue, #0059b3).
var presentationBlue = [3]int{0, 89, 179}

// renderPresentationPDF writes the Præsentations-CV: a coloured band with
// the name and the headline, the contact line when chosen, and the four
// texts under their headings with a rule, in a roomier type than Mit CV's.
func renderPresentationPDF(w io.Writer, name string, p shared.PresentationCV, contact shared.CVSettings, today shared.Date) error {
	pdf, tr := newPDF("Præsentation – "+name, today, func(page int) string {
		return fmt.Sprintf("%s · side %d", name, page)
	})
	pdf.SetMargins(22, 22, 22)
	pdf.AddPage()
	r, g, b := presentationBlue[0], presentationBlue[1], presentationBlue[2]
	band := 38.0
	if p.Headline != "" {
		band = 48
	}
	pdf.SetFillColor(r, g, b)
	pdf.Rect(0, 0, 210, band, "F")
	pdf.SetTextColor(255, 255, 255)
	pdf.SetXY(22, 12)
	pdf.SetFont("Helvetica", "B", 24)
	pdf.CellFormat(0, 12, tr(name), "", 1, "L", false, 0, "")
	if p.Headline != "" {
		pdf.SetX(22)
		pdf.SetFont("Helvetica", "", 14)
		pdf.MultiCell(166, 7, tr(p.Headline), "", "L", false)
	}
	pdf.SetTextColor(40, 40, 40)
	pdf.SetY(band + 8)
	if p.IncludeContact {
		if lines := cvContactLines(contact); len(lines) > 0 {
			pdf.SetFont("Helvetica", "", 10)
			pdf.MultiCell(0, 5.5, tr(strings.Join(lines, "   ·   ")), "", "L", false)
			pdf.Ln(4)
		}
	}
	for _, sec := range p.Sections() {
		if sec.Text == "" {
			continue
		}
		if pdf.GetY() > 250 {
			pdf.AddPage()
		}
		pdf.SetTextColor(r, g, b)
		pdf.SetFont("Helvetica", "B", 15)
		pdf.CellFormat(0, 9, tr(sec.Title), "", 1, "L", false, 0, "")
		pdf.SetDrawColor(r, g, b)
		pdf.SetLineWidth(0.6)
		y := pdf.GetY()
		pdf.Line(22, y, 60, y)
		pdf.Ln(3)
		pdf.SetTextColor(40, 40, 40)
		pdf.SetFont("Helvetica", "", 11.5)
		pdf.MultiCell(0, 6.2, tr(sec.Text), "", "L", false)
		pdf.Ln(6)
	}
	return pdf.Output(w)
}

// cvPDFName and presentationPDFName are the files' names.
const (
	cvPDFName           = "mit-cv.pdf"
	presentationPDFName = "praesentations-cv.pdf"
)
