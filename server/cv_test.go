package server

import (
	"bytes"
	"strings"
	"testing"

	"jobnet/shared"
)

// TestCVAPI: Mads reads his demo CV (number, status, folds), is refused an
// entry of month 13 at its field, adds one, edits and deletes it; a
// searchable CV without contact data is refused; the PDF holds the
// entries; the jobcenter and the a-kasse read the CV and its PDF as he
// does and change nothing; the Præsentations-CV is the jobcenter's to
// read and "Ingen adgang" for the a-kasse; Louise finds none of his.
func TestCVAPI(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")

	var cv shared.CV
	mads.decode(mads.do("GET", shared.APICV, nil), 200, &cv)
	if cv.Number == "" || !cv.SearchableNow() || len(cv.Experience) != 2 || cv.Experience[0].Organisation != "Amager VVS & Blik ApS" ||
		len(cv.Education) != 2 || len(cv.Qualifications) != 2 || !cv.ShowLinkNudge() {
		t.Fatalf("demo CV %+v", cv)
	}

	bad := shared.CVEntryInput{Section: shared.CVExperience, Title: "Opvasker ZXCV", Organisation: "Kroen", From: "13/2004", To: "01/2016"}
	if r := mads.do("POST", shared.APICVEntries, bad); r.status != 400 || r.err().FieldMessage(shared.FieldCVFrom) != "Måneden skal være fra 01 til 12." {
		t.Errorf("month 13: %d %s", r.status, r.body)
	}
	good := bad
	good.From = "01/2004"
	var e shared.CVEntry
	mads.decode(mads.do("POST", shared.APICVEntries, good), 200, &e)
	good.To = "12/2003"
	if r := mads.do("PUT", shared.CVEntryPath(e.ID), good); r.status != 400 || r.err().FieldMessage(shared.FieldCVTo) != "Slutdatoen må ikke ligge før startdatoen." {
		t.Errorf("end before start: %d %s", r.status, r.body)
	}
	good.To, good.Description = "01/2016", "Opvask ZXDESC"
	mads.decode(mads.do("PUT", shared.CVEntryPath(e.ID), good), 200, &e)

	noContact := cv.CVSettings
	noContact.Phone, noContact.Email = "", ""
	if r := mads.do("PUT", shared.APICVSettings, noContact); r.status != 400 ||
		r.err().FieldMessage(shared.FieldCVSearchable) != shared.MsgCVSearchableNeedsContact || r.err().FieldMessage(shared.FieldCVPhone) != shared.MsgCVContactRequired {
		t.Errorf("searchable without contact: %d %s", r.status, r.body)
	}

	pdf := mads.do("GET", shared.APICVPDF, nil)
	if pdf.status != 200 || pdf.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("PDF: %d %s", pdf.status, pdf.header)
	}
	text := pdfText(t, pdf.body)
	for _, want := range []string{"Mads Kristensen", "CV-nummer: " + cv.Number, "Dit CV er søgbart", "Erhvervserfaring (3)", "Opvasker ZXCV",
		"01/2004 - 01/2016", "Arbejdsgiver: Amager VVS & Blik ApS", "Opvask ZXDESC", "Kvalifikationer (2)", "Engelsk: Godt", "Kategori B, B/E", "Telefon: 20 45 67 89"} {
		if !strings.Contains(text, want) {
			t.Errorf("the CV's PDF lacks %q:\n%s", want, text)
		}
	}

	pres := shared.PresentationCV{Headline: "Rørlægger med godt humør", About: "Om Mads ZXPRES", IncludeContact: true}
	mads.decode(mads.do("PUT", shared.APIPresentationCV, pres), 200, nil)
	ptext := pdfText(t, mads.do("GET", shared.APIPresentationCVPDF, nil).body)
	for _, want := range []string{"Mads Kristensen", "Rørlægger med godt humør", "Om mig", "Om Mads ZXPRES", "mads.kristensen@example.dk"} {
		if !strings.Contains(ptext, want) {
			t.Errorf("the Præsentations-CV's PDF lacks %q:\n%s", want, ptext)
		}
	}

	// The caseworkers read Mit CV as Mads does and change nothing.
	madsCV := mads.do("GET", shared.APICV, nil).body
	for _, cw := range []string{"nina", "berit"} {
		m := env.mirror(cw, cprMads)
		if r := m.do("GET", shared.APICV, nil); r.status != 200 || !bytes.Equal(r.body, madsCV) {
			t.Errorf("%s reads the CV: %d %s", cw, r.status, r.body)
		}
		if r := m.do("GET", shared.APICVPDF, nil); r.status != 200 || !strings.Contains(pdfText(t, r.body), "Opvasker ZXCV") {
			t.Errorf("%s reads the CV's PDF: %d", cw, r.status)
		}
		for _, w := range []struct {
			method, path string
			body         any
		}{
			{"POST", shared.APICVEntries, good},
			{"PUT", shared.CVEntryPath(e.ID), good},
			{"DELETE", shared.CVEntryPath(e.ID), nil},
			{"PUT", shared.APICVSettings, cv.CVSettings},
			{"POST", shared.APICVLinkNudge, nil},
			{"PUT", shared.APIPresentationCV, pres},
		} {
			if r := m.do(w.method, w.path, w.body); r.status != 403 || r.err().Message != shared.MsgReadOnly {
				t.Errorf("%s: %s %s answered %d %s", cw, w.method, w.path, r.status, r.body)
			}
		}
	}
	nina := env.mirror("nina", cprMads)
	if r := nina.do("GET", shared.APIPresentationCV, nil); r.status != 200 || !strings.Contains(string(r.body), "Om Mads ZXPRES") {
		t.Errorf("the jobcenter reads the Præsentations-CV: %d %s", r.status, r.body)
	}
	berit := env.mirror("berit", cprMads)
	for _, path := range []string{shared.APIPresentationCV, shared.APIPresentationCVPDF} {
		if r := berit.do("GET", path, nil); r.status != 403 || r.err().Message != shared.MsgNoAccessPresentationCV || strings.Contains(string(r.body), "ZXPRES") {
			t.Errorf("the a-kasse reads %s: %d %s", path, r.status, r.body)
		}
	}

	// Another citizen finds none of it.
	louise := env.client()
	louise.loginCitizen("louise")
	if r := louise.do("DELETE", shared.CVEntryPath(e.ID), nil); r.status != 404 {
		t.Errorf("Louise deletes Mads' entry: %d", r.status)
	}
	if r := louise.do("GET", shared.APICV, nil); strings.Contains(string(r.body), "ZXCV") {
		t.Errorf("Louise's CV holds Mads' entry")
	}

	// "Vis ikke denne besked igen" is kept; the entry goes.
	mads.decode(mads.do("POST", shared.APICVLinkNudge, nil), 204, nil)
	mads.decode(mads.do("DELETE", shared.CVEntryPath(e.ID), nil), 200, nil)
	mads.decode(mads.do("GET", shared.APICV, nil), 200, &cv)
	if cv.ShowLinkNudge() || len(cv.Experience) != 2 {
		t.Errorf("after dismissing and deleting: %+v", cv)
	}
}
