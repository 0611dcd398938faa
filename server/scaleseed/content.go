package scaleseed

import (
	"fmt"
	"math/rand/v2"

	"jobnet/shared"
)

// The words of the generated documents: the plan items, logs, letters and
// meetings the demo's citizens have, in varying combinations.

type itemTemplate struct {
	kind         shared.ItemKind
	title, what  string
	why          string
	hours        float64
	company      string
	meeting, dur bool // an agreement with a meeting time; a period with an end
}

var itemTemplates = []itemTemplate{
	{kind: "krav_til_jobsoegning", title: "Krav til jobsøgning", what: "Du skal søge mindst 2 job om ugen og registrere dem i din joblog.", why: "Rådighed", dur: true},
	{kind: "virksomhedspraktik", title: "Virksomhedspraktik som lagermedarbejder", what: "Praktik i 4 uger med fokus på truck og pluk.", why: "Afklaring af jobmål", hours: 30, company: "Dansk Lager A/S", dur: true},
	{kind: "loentilskud", title: "Løntilskud som kontorassistent", what: "Ansættelse med løntilskud i den offentlige sektor.", why: "Opkvalificering", hours: 37, company: "Kommunens borgerservice", dur: true},
	{kind: "kursus", title: "Kursus i truckcertifikat", what: "AMU-kursus, 2 uger.", why: "Krav i jobannoncer", hours: 37, dur: true},
	{kind: "uddannelse", title: "Ordinær uddannelse", what: "Optagelse på erhvervsuddannelse.", why: "Uddannelsespålæg", hours: 30, dur: true},
	{kind: "mentor", title: "Mentorstøtte", what: "En mentor hjælper med struktur i hverdagen.", why: "Fastholdelse", hours: 2, dur: true},
	{kind: "sundhedsindsats", title: "Forløb hos fysioterapeut", what: "Genoptræning efter skade.", why: "Helbred", hours: 3, dur: true},
	{kind: "socialindsats", title: "Samtaler med misbrugskonsulent", what: "Ugentlige samtaler.", why: "Stabilitet", hours: 1, dur: true},
	{kind: "aftale_jobcenter", title: "Samtale i jobcentret", what: "Opfølgning på din jobsøgning.", meeting: true},
	{kind: "aftale_akasse", title: "CV-samtale i a-kassen", what: "Gennemgang af dit CV.", meeting: true},
	{kind: "nytteindsats", title: "Nytteindsats i parkafdelingen", what: "Grønne områder.", hours: 20, company: "Park og Vej", dur: true},
}

var jobTitles = []string{"Lagermedarbejder", "Social- og sundhedshjælper", "Pædagogmedhjælper", "Kontorassistent", "Buschauffør",
	"Rengøringsassistent", "Kok", "Butiksmedarbejder", "Tømrer", "Elektriker", "Sygeplejerske", "Salgskonsulent", "Bogholder",
	"Køkkenmedhjælper", "Lastbilchauffør", "Smed", "IT-supporter", "Kundeservicemedarbejder", "Maler", "Pakkeriarbejder"}

var companies = []string{"Coop Danmark", "Salling Group", "Region Hovedstaden", "ISS Facility Services", "Arriva", "Danish Crown",
	"Novo Nordisk", "Vestas", "DSV", "Carlsberg", "Kommunens hjemmepleje", "Bygma", "Netto", "Lidl Danmark", "Postnord", "Rema 1000",
	"Dansk Byggeri", "Falck", "Arla Foods", "Elgiganten"}

var caseworkerNames = []string{"Nina Pettersen", "Berit Hansen", "Karsten Mølgaard", "Lise Frandsen", "Jakob Ravn", "Susanne Friis",
	"Ali Demir", "Marie Kjeldsen"}

// itemCount is the plan's size: most 5–30 items (fewer more often: the
// smaller of two draws), some up to 80, a few up to 200 (a long
// ressourceforløb's years of items).
func itemCount(r *rand.Rand) int {
	switch n := r.IntN(100); {
	case n < 88:
		return 5 + min(r.IntN(26), r.IntN(26))
	case n < 98:
		return 31 + r.IntN(50)
	default:
		return 81 + r.IntN(120)
	}
}

// plan is citizen p's one plan version.
func (g *generator) plan(p person) shared.Plan {
	r := g.rng(p.i, streamPlan)
	jc := g.jobcentres[p.jc]
	pl := shared.Plan{VersionID: fmt.Sprintf("skala-%d-1", p.i), Type: shared.PlanJob,
		Description: "For at nå mit mål har vi aftalt, at jeg søger job inden for mine jobmål og deltager i de aftalte aktiviteter."}
	switch p.kg {
	case 4, 5:
		pl.Type = shared.PlanEducation
		pl.EducationGoals = []shared.EducationGoal{{Title: "Erhvervsuddannelse"}}
	case 7, 9:
		pl.Type = shared.PlanRehabilitate
	case 3, 6, 10, 11:
		pl.Type = shared.PlanFollowUp
	}
	if pl.Type == shared.PlanJob {
		for k := range 1 + r.IntN(3) {
			pl.JobGoals = append(pl.JobGoals, shared.JobGoal{Title: jobTitles[(p.i+k*7)%len(jobTitles)], AgreedWith: jc.name})
		}
	}
	pl.JobcenterAgreement = &shared.Agreement{Text: "Vi har aftalt planen sammen.", AgreedWith: jc.name, Date: p.from.AddDays(7)}
	if p.akasse >= 0 && p.dagpenge() {
		pl.AKasseAgreement = &shared.Agreement{Text: "Vi har aftalt din jobsøgning.", AgreedWith: g.akasser[p.akasse].name, Date: p.from.AddDays(10)}
	}
	pl.IntegrationContract = p.kg == 18
	for k := range itemCount(r) {
		t := itemTemplates[r.IntN(len(itemTemplates))]
		from := g.today.AddDays(r.IntN(400) - 300)
		it := shared.PlanItem{ID: fmt.Sprintf("i%d", k+1), Kind: t.kind, Title: t.title, What: t.what, Why: t.why, HoursPerWeek: t.hours,
			Company: t.company, Organisation: jc.name, Period: shared.Period{From: from}}
		if t.dur {
			it.Period.To = from.AddDays(14 + r.IntN(120))
		}
		if t.meeting {
			it.MeetingTime, it.MeetingForm, it.Caseworker = fmt.Sprintf("%02d:%02d", 9+r.IntN(6), 15*r.IntN(4)), shared.FormFremmoede,
				caseworkerNames[r.IntN(len(caseworkerNames))]
		}
		if t.company != "" {
			it.Place, it.CompanyAddress = p.postcode.Name, fmt.Sprintf("Industrivej %d, %s %s", 1+r.IntN(80), p.postcode.Code, p.postcode.Name)
		}
		if from.Before(g.today) {
			it.Statuses = append(it.Statuses, shared.PlanStatus{Date: from, Text: "Påbegyndt"})
			if !it.Period.To.IsZero() && it.Period.To.Before(g.today) {
				it.Statuses = append(it.Statuses, shared.PlanStatus{Date: it.Period.To, Text: "Afsluttet", Final: true})
			}
		}
		pl.Items = append(pl.Items, it)
	}
	return pl
}

// joblog is one of p's logs, made on day: mostly applications.
func (g *generator) joblog(p person, r *rand.Rand, day shared.Date) shared.JoblogInput {
	if r.IntN(5) == 0 {
		d := day
		return shared.JoblogInput{Kind: shared.JoblogActivity, Title: "Jobsamtale-træning", Date: &d, Place: g.jobcentres[p.jc].name,
			Description: "Øvede samtaler med min jobkonsulent."}
	}
	statuses := []shared.JoblogStatus{shared.JoblogNotApplied, shared.JoblogApplied, shared.JoblogApplied, shared.JoblogInterview}
	pcs := g.postcodes[p.jc]
	pc := pcs[r.IntN(len(pcs))]
	deadline := day.AddDays(r.IntN(21))
	return shared.JoblogInput{Kind: shared.JoblogJob, Title: jobTitles[r.IntN(len(jobTitles))], WorkingTime: shared.FullTimeJob,
		Deadline: &deadline, Company: companies[r.IntN(len(companies))], Contact: caseworkerNames[r.IntN(len(caseworkerNames))],
		Postcode: pc.Code, City: pc.Name, Status: statuses[r.IntN(len(statuses))], FoundVia: shared.JoblogFoundViaOptions[r.IntN(len(shared.JoblogFoundViaOptions))].Value,
		ApplyVia: shared.JoblogApplyViaOptions[r.IntN(len(shared.JoblogApplyViaOptions))].Value,
		Closed:   r.IntN(4) == 0}
}

type letter struct {
	subject, body         string
	important, answerable bool
}

var letters = []letter{
	{"Indkaldelse til samtale", "Kære %s\n\nDu er indkaldt til en samtale om din jobsøgning. Se tid og sted under Møder.", true, false},
	{"Husk at opdatere dit CV", "Kære %s\n\nDit CV skal være synligt og opdateret, så arbejdsgivere kan finde dig.", false, false},
	{"Din plan er opdateret", "Kære %s\n\nVi har opdateret din plan efter vores samtale. Du kan se den under Min Plan.", false, false},
	{"Spørgsmål til din jobsøgning", "Kære %s\n\nVil du fortælle os, hvilke job du har søgt den seneste måned?", false, true},
	{"Kursus i jobsøgning", "Kære %s\n\nDu tilbydes et kursus i jobsøgning. Svar gerne, om du ønsker at deltage.", false, true},
	{"Vigtigt: Dokumentation mangler", "Kære %s\n\nVi mangler dokumentation for din seneste periode. Send den hurtigst muligt.", true, false},
}

var meetingTypes = []struct {
	code, name string
	minutes    int
}{
	{"SAMTALE", "Samtale om job", 45}, {"CV", "CV-samtale", 30}, {"OPF", "Opfølgningssamtale", 30}, {"RAAD", "Rådighedssamtale", 60},
}
