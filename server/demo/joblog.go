package demo

import (
	"bytes"
	"context"
	"time"

	"github.com/go-pdf/fpdf"

	"jobnet/server/storage"
	"jobnet/shared"
)

// demoJoblog is one of a demo citizen's logs, changed daysAgo days before
// the first seeding; sender is the organisation whose case system sent
// it, "" for one made in Jobnet.
type demoJoblog struct {
	daysAgo int
	sender  string
	in      func(today shared.Date) shared.JoblogInput
}

// demoApplications are the applications saved as PDFs on the logs of
// these titles made in Jobnet (issue 12's documents: the list's
// paperclip).
var demoApplications = map[string][]string{
	"Servicemontør, VVS": {"Ansøgning: Servicemontør, VVS", "Kære Nordhavn VVS A/S",
		"Jeg søger stillingen som servicemontør, fordi jeg som uddannet rørlægger med mange års erfaring " +
			"fra service og renovering kan løse opgaverne hos jeres kunder selvstændigt og med godt humør.",
		"Jeg ser frem til at høre fra jer.", "Med venlig hilsen", "Mads Kristensen"},
}

func job(title string, wt shared.WorkingTime, company, postcode string, status shared.JoblogStatus, foundVia, applyVia string, deadlineIn int) func(shared.Date) shared.JoblogInput {
	return func(today shared.Date) shared.JoblogInput {
		d := today.AddDays(deadlineIn)
		return shared.JoblogInput{Kind: shared.JoblogJob, Title: title, WorkingTime: wt, Company: company, Postcode: postcode,
			Status: status, FoundVia: foundVia, ApplyVia: applyVia, Deadline: &d}
	}
}

// demoJoblogs are Mads' and Louise's logs (issue 12): a few believable
// applications of their occupations near home, an anden aktivitet, for
// Mads one his a-kasse sent and one afsluttet. Every date is relative to
// the day, so the set holds on every day of the year.
var demoJoblogs = map[string][]demoJoblog{
	"120385-1231": { // Mads, rørlægger in København S
		{2, "", func(today shared.Date) shared.JoblogInput {
			in := job("Rørlægger", shared.FullTimeJob, "Valby VVS-Service ApS", "2500", shared.JoblogInterview, "jobnet", "skriftlig", 3)(today)
			in.Address, in.Contact = "Toftegårds Allé 14", "Henrik Sørensen, tlf. 33 12 34 56"
			return in
		}},
		{1, "ak-dfh", job("Rørlægger til renovering", shared.FullTimeJob, "Amager Rør ApS", "2300", shared.JoblogNotApplied, "jobcenter_akasse", "telefon", 10)},
		{6, "", job("Servicemontør, VVS", shared.FullTimeJob, "Nordhavn VVS A/S", "2150", shared.JoblogApplied, "anden_jobportal", "online_formular", -2)},
		{9, "", func(today shared.Date) shared.JoblogInput {
			d := today.AddDays(-9)
			return shared.JoblogInput{Kind: shared.JoblogActivity, Title: "Jobmesse for bygge- og anlægsbranchen", Date: &d,
				Place: "Bella Center, København S", Description: "Talte med tre VVS-firmaer om ledige stillinger og afleverede mit CV."}
		}},
		{20, "", func(today shared.Date) shared.JoblogInput {
			in := job("Rørlægger, vikariat", shared.FullTimeJob, "Byg & Vikar ApS", "", shared.JoblogApplied, "vikarbureau", "vikarbureau", -15)(today)
			in.PlaceUnknown, in.Area, in.Closed = true, "hovedstaden-og-bornholm", true
			return in
		}},
	},
	"030792-2468": { // Louise, biblioteksassistent in Holte
		{3, "", func(today shared.Date) shared.JoblogInput {
			in := job("Biblioteksassistent", shared.PartTimeJob, "Rudersdal Bibliotekerne", "2840", shared.JoblogApplied, "jobnet", "online_formular", -1)(today)
			hours := 30
			in.WeeklyHours = &hours
			return in
		}},
		{1, "", job("Kontorassistent", shared.FullTimeJob, "Holte Revision ApS", "2840", shared.JoblogNotApplied, "netvaerk", "skriftlig", 12)},
		{5, "", func(today shared.Date) shared.JoblogInput {
			d := today.AddDays(-5)
			return shared.JoblogInput{Kind: shared.JoblogActivity, Title: "Kaffemøde på Lyngby Hovedbibliotek", Date: &d,
				Place: "Kgs. Lyngby", Description: "Hørte om praktik og vikariater i bibliotekerne i Lyngby-Taarbæk."}
		}},
	},
}

// seedJoblogs gives Mads and Louise their logs, once: a citizen with any
// log keeps what is there.
func seedJoblogs(ctx context.Context, store *storage.Store, now time.Time) error {
	for cpr, logs := range demoJoblogs {
		who, err := store.CitizenByCPR(ctx, shared.CPR(cpr))
		if err != nil {
			return err
		}
		c := store.Citizen(who.ID)
		have, err := c.Joblogs(ctx, shared.JoblogQuery{Closed: true})
		if err != nil || have.Counts.All > 0 || len(have.Logs) > 0 {
			if err != nil {
				return err
			}
			continue
		}
		for i, l := range logs {
			at := now.AddDate(0, 0, -l.daysAgo)
			in := l.in(shared.DateOf(now))
			if l.sender != "" {
				err = c.IngestJoblog(ctx, l.sender, "demo-"+cpr+"-"+string(rune('a'+i)), in, at)
			} else {
				var saved shared.Joblog
				saved, err = c.CreateJoblog(ctx, in, at)
				if lines, ok := demoApplications[in.Title]; ok && err == nil {
					_, err = c.AddJoblogDocument(ctx, saved.ID, shared.DocumentApplication, "Ansøgning "+in.Company+".pdf",
						applicationPDF(lines, at), at)
				}
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// applicationPDF is a one-page application (or a message's enclosure): its heading and lines, dated
// at.
func applicationPDF(lines []string, at time.Time) []byte {
	pdf := fpdf.New("P", "mm", "A4", "")
	tr := pdf.UnicodeTranslatorFromDescriptor("") // cp1252: æ, ø, å
	pdf.SetTitle(lines[0], true)
	pdf.SetLang("da-DK")
	pdf.SetCreationDate(at.UTC().Truncate(time.Second))
	pdf.AddPage()
	pdf.SetFont("Helvetica", "B", 16)
	pdf.Cell(0, 12, tr(lines[0]))
	pdf.Ln(16)
	pdf.SetFont("Helvetica", "", 11)
	for _, line := range lines[1:] {
		pdf.MultiCell(0, 6, tr(line), "", "L", false)
		pdf.Ln(2)
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		panic("demo: the application's PDF: " + err.Error()) // fpdf fails only on bad input, which this is not
	}
	return b.Bytes()
}
