package server

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"jobnet/shared"
)

// pdfText extracts a PDF's text with pdftotext (Debian's poppler-utils,
// which `make test` installs when missing).
func pdfText(t testing.TB, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is missing: `make test` installs poppler-utils")
	}
	f, err := os.CreateTemp(t.TempDir(), "*.pdf")
	if err != nil {
		t.Fatal(err)
	}
	f.Write(pdf)
	f.Close()
	out, err := exec.Command(bin, "-layout", f.Name(), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestPlanPDF(t *testing.T) {
	env := newTestEnv(t)
	mads := env.client()
	mads.loginCitizen("mads")
	r := mads.do("GET", "/api/plan/pdf", nil)
	if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("%d %s", r.status, r.body)
	}
	text := pdfText(t, r.body)
	for _, want := range []string{"Min plan", "Mads Kristensen", "Indholdsfortegnelse", "Jobmål", "Rørlægger",
		"For at nå mit mål, har vi aftalt", "Seneste aftale med jobcenter", "Seneste aftale med a-kasse",
		"Indsatser og aftaler", "Løntilskud", "Svejsefabrikken", "Hvad er aftalt", "Hvorfor", "Seneste status", "Krav til jobsøgning (A-kasse)", "Fra "} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	// Only current items: the ended course and the sygedagpenge meeting are not in it.
	for _, gone := range []string{"Videregående uddannelse", "Sygeopfølgningssamtale", "Hæve-sænkebord"} {
		if strings.Contains(text, gone) {
			t.Errorf("the PDF shows the ended item %q", gone)
		}
	}
	// The table of contents gives each section's page.
	if !regexp.MustCompile(`Indsatser og aftaler\s+\d+`).MatchString(text) {
		t.Errorf("no page number in the table of contents:\n%s", text)
	}
	if r := mads.do("GET", "/api/plan/contract.pdf", nil); r.status != 404 {
		t.Errorf("Mads has no contract: %d", r.status)
	}

	amina := env.client()
	amina.loginCitizen("amina")
	r = amina.do("GET", "/api/plan/contract.pdf", nil)
	if r.status != 200 || !strings.Contains(pdfText(t, r.body), "Borgerens underskrift") {
		t.Errorf("contract variant: %d", r.status)
	}
	// The jobcenter gets the same; the a-kasse gets its projection and no contract.
	nina := env.mirror("nina", "010190-2802")
	if r := nina.do("GET", "/api/plan/contract.pdf", nil); r.status != 200 {
		t.Errorf("jobcenter contract: %d", r.status)
	}
	berit := env.mirror("berit", cprMads)
	if r := berit.do("GET", "/api/plan/pdf", nil); r.status != 200 || !strings.Contains(pdfText(t, r.body), "Løntilskud") {
		t.Errorf("a-kasse PDF: %d", r.status)
	}
	// With a contract in Mads' plan, the a-kasse is still refused it.
	withContract := testPlan("pdf-contract", shared.DateOf(env.clock.Now()))
	withContract.IntegrationContract = true
	c := env.client()
	c.decode(c.do("POST", "/api/ingest/v1/plan", withContract, "Authorization", "Bearer demo-token-jobcenter-koebenhavn"), 200, nil)
	if r := berit.do("GET", "/api/plan/contract.pdf", nil); r.status != 403 || r.err().Message != shared.MsgNoAccessIntegrationContract {
		t.Errorf("a-kasse contract: %d %s", r.status, r.body)
	}
	pete := env.client()
	pete.loginCitizen("pete")
	if r := pete.do("GET", "/api/plan/pdf", nil); r.status != 404 {
		t.Errorf("no plan: %d", r.status)
	}
}
