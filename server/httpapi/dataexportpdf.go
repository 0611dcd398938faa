package httpapi

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"jobnet/server/storage"
	"jobnet/shared"
)

// "Hent alle mine data" as a readable PDF: the JSON file's sections, each
// under its Danish title, its data written out as labelled lines — a
// nested object indented under its label, a list's items numbered. Dates
// and times are written the Danish way in the portal's time zone; empty
// values are left out. The layout is this project's (the sources are
// silent): the same data as the JSON, so that the two never differ.

// dataExportLabels names the JSON keys a reader meets most; any other key
// is written with its underscores as spaces.
var dataExportLabels = map[string]string{
	"name": "Navn", "cpr": "CPR-nummer", "username": "Brugernavn", "title": "Titel", "text": "Tekst",
	"kind": "Type", "from": "Fra", "to": "Til", "from_date": "Fra", "to_date": "Til", "created_at": "Oprettet",
	"updated_at": "Ændret", "at": "Tidspunkt", "subject": "Emne", "body": "Tekst", "email": "E-mail",
	storage.ExportFileContentKey: "Indhold", "phone": "Telefon", "status": "Status", "period": "Periode", "sent_at": "Sendt", "read_at": "Læst",
}

func renderDataExportPDF(w io.Writer, name string, ex shared.DataExport, today shared.Date, loc *time.Location) error {
	pdf, tr := newPDF("Alle mine data fra Jobnet – "+name, today, func(page int) string {
		return fmt.Sprintf("Alle data om %s i Jobnet · hentet %s · side %d", name, today.Danish(), page)
	})
	pdf.SetMargins(20, 20, 20)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 20)
	pdf.MultiCell(0, 10, tr("Alle mine data fra Jobnet"), "", "L", false)
	pdf.SetFont("Helvetica", "", 10)
	pdf.MultiCell(0, 5, tr(fmt.Sprintf("%s\nHentet %s. Det samme indhold findes som JSON-fil (%s).",
		name, today.Danish(), shared.DataExportJSONName)), "", "L", false)
	pdf.Ln(4)
	p := exportPDF{pdf: pdf, tr: tr, loc: loc}
	for _, s := range ex.Sections {
		if pdf.GetY() > 250 {
			pdf.AddPage()
		}
		pdf.Bookmark(tr(s.Title), 0, -1)
		pdf.SetFont("Helvetica", "B", 13)
		pdf.CellFormat(0, 8, tr(s.Title), "B", 1, "L", false, 0, "")
		pdf.Ln(1)
		var v any
		if err := json.Unmarshal(s.Data, &v); err != nil {
			return err
		}
		if empty(v) {
			pdf.SetFont("Helvetica", "I", 10)
			pdf.CellFormat(0, 6, tr("Ingen data."), "", 1, "L", false, 0, "")
		} else {
			p.value(0, v)
		}
		pdf.Ln(3)
	}
	return pdf.Output(w)
}

type exportPDF struct {
	pdf *fpdf.Fpdf
	tr  func(string) string
	loc *time.Location
}

// line writes "label: text" indented by depth.
func (p exportPDF) line(depth int, label, text string) {
	p.pdf.SetX(20 + float64(depth)*5)
	if label != "" {
		p.pdf.SetFont("Helvetica", "B", 9)
		p.pdf.Write(5, p.tr(label+": "))
	}
	p.pdf.SetFont("Helvetica", "", 9)
	p.pdf.Write(5, p.tr(text))
	p.pdf.Ln(5)
}

func (p exportPDF) value(depth int, v any) {
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p.field(depth, k, label(k), v[k])
		}
	case []any:
		for i, it := range v {
			p.field(depth, "", fmt.Sprintf("%d", i+1), it)
		}
	default:
		p.line(depth, "", p.scalar(v))
	}
}

func (p exportPDF) field(depth int, key, label string, v any) {
	if empty(v) {
		return
	}
	if key == storage.ExportFileContentKey {
		p.line(depth, label, "findes i JSON-filen")
		return
	}
	switch v.(type) {
	case map[string]any, []any:
		p.line(depth, label, "")
		p.value(depth+1, v)
	default: // a scalar
		p.line(depth, label, p.scalar(v))
	}
}

func (p exportPDF) scalar(v any) string {
	switch v := v.(type) {
	case bool:
		if v {
			return "ja"
		}
		return "nej"
	case float64:
		return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
	case string:
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			t = t.In(p.loc)
			return shared.DateOf(t).Danish() + " kl. " + t.Format("15:04")
		}
		if d, err := shared.ParseDate(v); err == nil && len(v) == 10 {
			return d.Danish()
		}
		return v
	}
	return fmt.Sprint(v)
}

func label(k string) string {
	if l, ok := dataExportLabels[k]; ok {
		return l
	}
	k = strings.ReplaceAll(k, "_", " ")
	if k == "" {
		return k
	}
	return strings.ToUpper(k[:1]) + k[1:]
}

// empty: nothing to write (null, "", an empty list or object).
func empty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	case map[string]any:
		for _, x := range v {
			if !empty(x) {
				return false
			}
		}
		return true
	}
	return false
}
