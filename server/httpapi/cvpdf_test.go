package httpapi

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"jobnet/shared"
)

// bigCV is a CV with 100 entries in each fold (shared.CVMaxEntries).
func bigCV() shared.CV {
	cv := shared.CV{Number: "1000001", CVSettings: shared.CVSettings{Searchable: true, Phone: "12 34 56 78",
		Languages: []shared.CVLanguage{{Language: "Dansk", Level: "modersmaal"}}, Licences: []string{"B", "CE"}}}
	for i := range shared.CVMaxEntries {
		in := shared.CVEntryInput{Title: fmt.Sprintf("Stilling %d", i), Organisation: "Virksomhed ApS", From: "01/2004", To: "01/2016",
			Description: strings.Repeat("Ansvar for æøå. ", 12)}
		e := func(s shared.CVSection) shared.CVEntry {
			x := in
			x.Section = s
			return shared.CVEntry{ID: int64(i), CVEntryInput: x}
		}
		cv.Experience = append(cv.Experience, e(shared.CVExperience))
		cv.Education = append(cv.Education, e(shared.CVEducation))
		cv.Qualifications = append(cv.Qualifications, e(shared.CVQualification))
	}
	return cv
}

// BenchmarkCVPDF renders Mit CV at its limit: 300 entries.
func BenchmarkCVPDF(b *testing.B) {
	today, cv := shared.MustDate("2026-11-22"), bigCV()
	var size int
	for b.Loop() {
		var buf bytes.Buffer
		if err := renderCVPDF(&buf, "Mads Kristensen", cv, today); err != nil {
			b.Fatal(err)
		}
		size = buf.Len()
	}
	b.ReportMetric(float64(size), "bytes")
}

// The PDFs are a function of the data and the day: the same bytes twice.
func TestCVPDFsRepeatable(t *testing.T) {
	today, cv := shared.MustDate("2026-11-22"), bigCV()
	render := func() ([]byte, []byte) {
		var a, b bytes.Buffer
		if err := renderCVPDF(&a, "Mads Kristensen", cv, today); err != nil {
			t.Fatal(err)
		}
		if err := renderPresentationPDF(&b, "Mads Kristensen", shared.PresentationCV{Headline: "Rørlægger", About: "Om mig"}, cv.CVSettings, today); err != nil {
			t.Fatal(err)
		}
		return a.Bytes(), b.Bytes()
	}
	a1, b1 := render()
	a2, b2 := render()
	if !bytes.Equal(a1, a2) {
		t.Error("the same CV gave two different PDFs")
	}
	if !bytes.Equal(b1, b2) {
		t.Error("the same Præsentations-CV gave two different PDFs")
	}
}
