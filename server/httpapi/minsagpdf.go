package httpapi

import (
	"fmt"
	"io"
	"strings"

	"jobnet/shared"
)

// renderRehabRecommendationPDF writes the rehabiliteringsteam's
// recommendation ("indstillingen kan downloades som PDF", 003_…txt «Min
// sag til teamet»): the title, Navn, CPR-nummer, the team and the day, the
// outcome with what it means, and the team's own text. The layout is not
// in the sources; it follows the Forberedelsesskema's receipt (newPDF).
func renderRehabRecommendationPDF(w io.Writer, name, cpr string, c shared.RehabCase, today shared.Date) error {
	r := *c.Recommendation
	const title = "Rehabiliteringsteamets indstilling"
	pdf, tr := newPDF(title, today, func(page int) string {
		return fmt.Sprintf("%s for %s · udskrevet %s · side %d", title, name, today.Danish(), page)
	})
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 18)
	pdf.MultiCell(0, 10, tr(title), "", "L", false)
	pdf.Ln(2)
	for _, f := range [][2]string{{"Navn:", name}, {"CPR-nummer:", cpr}, {"Team:", r.Team}, {"Dato:", r.Decided.Danish()}} {
		pdf.SetFont("Helvetica", "B", 11)
		pdf.CellFormat(35, 6.5, tr(f[0]), "", 0, "L", false, 0, "")
		pdf.SetFont("Helvetica", "", 11)
		pdf.MultiCell(0, 6.5, tr(f[1]), "", "L", false)
	}
	pdf.Ln(4)
	pdf.SetFont("Helvetica", "B", 14)
	pdf.MultiCell(0, 8, tr("Indstilling: "+r.Outcome.Label()), "", "L", false)
	pdf.SetFont("Helvetica", "", 11)
	pdf.MultiCell(0, 5.5, tr(r.Outcome.Explanation()), "", "L", false)
	if text := strings.TrimSpace(r.Text); text != "" {
		pdf.Ln(4)
		pdf.SetFont("Helvetica", "B", 12)
		pdf.MultiCell(0, 7, tr("Teamets begrundelse"), "", "L", false)
		pdf.SetFont("Helvetica", "", 11)
		pdf.MultiCell(0, 5.5, tr(text), "", "L", false)
	}
	return pdf.Output(w)
}
