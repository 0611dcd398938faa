package httpapi

import (
	"fmt"
	"io"
	"strings"

	"jobnet/shared"
)

// renderScreeningPDF writes the receipt of an answered Forberedelsesskema
// ("Hent som Pdf", 000_…txt Billede 11, FEATURES.md 4.3): the title, Dato,
// Navn and CPR-nummer, the receipt's texts, then "Dine svar på
// forberedelsesskemaet", each question with its chosen answers. The page
// layout is not in the sources; it follows Min plan's PDF (newPDF).
func renderScreeningPDF(w io.Writer, name, cpr string, s shared.Screening, answered, today shared.Date) error {
	pdf, tr := newPDF("Kvittering - forberedelsesskema", today, func(page int) string {
		return fmt.Sprintf("Kvittering - forberedelsesskema for %s · udskrevet %s · side %d", name, today.Danish(), page)
	})
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 18)
	pdf.MultiCell(0, 10, tr("Kvittering - forberedelsesskema"), "", "L", false)
	pdf.Ln(2)
	for _, f := range [][2]string{{"Dato:", answered.Danish()}, {"Navn:", name}, {"CPR-nummer:", cpr}} {
		pdf.SetFont("Helvetica", "B", 11)
		pdf.CellFormat(35, 6.5, tr(f[0]), "", 0, "L", false, 0, "")
		pdf.SetFont("Helvetica", "", 11)
		pdf.CellFormat(0, 6.5, tr(f[1]), "", 1, "L", false, 0, "")
	}
	pdf.Ln(4)
	for _, p := range shared.ScreeningReceiptTexts {
		pdf.MultiCell(0, 5.5, tr(p), "", "L", false)
		pdf.Ln(2)
	}
	pdf.Ln(3)
	pdf.SetFont("Helvetica", "B", 14)
	pdf.MultiCell(0, 8, tr(shared.ScreeningAnswersHeading), "", "L", false)
	for i, q := range s.Questions {
		pdf.SetFont("Helvetica", "B", 11)
		pdf.MultiCell(0, 6, tr(fmt.Sprintf("%d: %s", i+1, q.Text)), "", "L", false)
		pdf.SetFont("Helvetica", "", 11)
		chosen := s.ChosenTexts(q)
		text := "Ikke besvaret"
		if len(chosen) > 0 {
			text = "• " + strings.Join(chosen, "\n• ")
		}
		pdf.MultiCell(0, 5.5, tr(text), "", "L", false)
		pdf.Ln(2)
	}
	return pdf.Output(w)
}
