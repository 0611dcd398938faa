package demo

import "jobnet/shared"

// Demo plans: the plan examples of 002_…txt Bilag 1–3, one per demo
// citizen, cleaned of OCR errors and placed around today so that the
// timeline has a year of history and items ahead. The sygedagpenge items
// of Mads' first months are there for the a-kasse's projection (000_…txt
// pictures 14–15).

func period(d days, from, to int) shared.Period { return shared.Period{From: d(from), To: d(to)} }
func ongoing(d days, from int) shared.Period    { return shared.Period{From: d(from)} }
func day(d days, at int) shared.Period          { return shared.Period{From: d(at), To: d(at)} }

const nina = "Nina Pettersen"

// madsPlans: Bilag 1 (dagpengemodtager) and Bilag 2, in two versions.
func madsPlans(d days) []shared.Plan {
	v1 := shared.Plan{VersionID: "demo-mads-1", Type: shared.PlanJob,
		JobGoals:           []shared.JobGoal{{Title: "Rørlægger", AgreedWith: nina}},
		JobcenterAgreement: &shared.Agreement{Text: "Vi aftalte, at du deltager i kurser i svejsning for at styrke dine kompetencer.", AgreedWith: nina, Date: d(-120)},
		Items: []shared.PlanItem{
			{ID: "mads-syg-1", Kind: "aftale_jobcenter", Title: "Sygeopfølgningssamtale", Period: day(d, -400), MeetingTime: "10:00-10:45", MeetingForm: "Personligt fremmøde", Caseworker: nina, Organisation: "Jobcenter København"},
			{ID: "mads-hj", Kind: "hjaelpemiddel", Title: "Hjælpemiddel", What: "Hæve-sænkebord på arbejdspladsen", Period: period(d, -380, -330), Organisation: "Jobcenter København"},
			{ID: "mads-krav", Kind: "krav_til_jobsoegning", Title: "Krav til jobsøgning", Authority: "A-kasse", Period: ongoing(d, -260),
				What: "Du skal søge job som rørlægger og svejser i Region Syddanmark, mindst to job om ugen.", Caseworker: "Berit Hansen"},
			{ID: "mads-kursus", Kind: "uddannelse", Title: "Videregående uddannelse", Period: period(d, -110, -75), HoursPerWeek: 37,
				What: "Kurser i mag-, tig-, gas- og lysbuesvejsning, 37 timer per uge. Aftalt med Kresten Hansen, Jobcenter Faaborg-Midtfyn.",
				Why:  "Du skal opkvalificeres til svejseopgaver, som er efterspurgt i skibsindustrien.", Place: "Petersmindevej 50, 5000 Odense",
				Contact: "Tolga Erkin, 65 32 46 89", Organisation: "Jobcenter Faaborg-Midtfyn",
				Statuses: []shared.PlanStatus{{Date: d(-75), Text: "Du har gennemført alle fire kurser og har fået certifikat i mag- og tig-svejsning.", Final: true}}},
		},
	}
	v2 := v1
	v2.VersionID = "demo-mads-2"
	v2.Description = "For at du kan komme i job som rørlægger, skal du styrke dine svejsekompetencer gennem kurser og løntilskud."
	v2.JobcenterAgreement = &shared.Agreement{Text: "Når dine kurser i mag, tig, gas og lysbuesvejsning er afsluttet, har vi aftalt, at du starter i løntilskud hos Svejsefabrikken for at styrke dine nye kompetencer og med henblik på fastansættelse.", AgreedWith: nina, Date: d(-70)}
	v2.AKasseAgreement = &shared.Agreement{Text: "Vi aftalte på mødet, at du tilmelder dig vikarbureauer for mulighed for hurtigere rekrutteringsproces.", AgreedWith: "Berit Hansen", Date: d(-100)}
	v2.Items = append(append([]shared.PlanItem{}, v1.Items...),
		shared.PlanItem{ID: "mads-lt", Kind: "loentilskud", Title: "Løntilskud", Period: period(d, -40, 50), HoursPerWeek: 30,
			What: "Svejser, 30 timer per uge. Aftalt med Nina Pettersen.", Why: "Du skal bruge dine nye svejsekompetencer i en virksomhed og have mulighed for fastansættelse.",
			Company: "Svejsefabrikken", CompanyAddress: "Svendborgvej 1, 5000 Odense", Place: "Svendborgvej 1, 5000 Odense", Contact: "Amilia Olsen, 12 34 56 78",
			Organisation: "Jobcenter København",
			Statuses:     []shared.PlanStatus{{Date: d(-10), Text: "Det går godt med at udvikle dine kompetencer. Du vil tale med din kontaktperson Amilia om mulighed for fastansættelse."}}},
		shared.PlanItem{ID: "mads-mode-1", Kind: "aftale_jobcenter", Title: "Aftale med jobcenter", Period: day(d, -70), MeetingTime: "13:30-14:00", MeetingForm: "Personligt fremmøde", Caseworker: nina, Organisation: "Jobcenter København"},
		shared.PlanItem{ID: "mads-mode-2", Kind: "aftale_akasse", Title: "Aftale med a-kasse", Period: day(d, 21), MeetingTime: "09:00-09:30", MeetingForm: "Telefonisk", Caseworker: "Berit Hansen", Organisation: "Det Faglige Hus A-kasse"},
	)
	return []shared.Plan{v1, v2}
}

// louisePlans: Louise, jobparat kontanthjælpsmodtager
func louisePlans(d days) []shared.Plan {
	return []shared.Plan{{VersionID: "demo-louise-1", Type: shared.PlanJob,
		JobGoals:           []shared.JobGoal{{Title: "Biblioteksassistent", AgreedWith: nina}},
		JobcenterAgreement: &shared.Agreement{Text: "Vi aftalte på mødet, at du skal tilmelde dig vikarbureauer for mulighed for hurtigere rekrutteringsproces.", AgreedWith: nina, Date: d(-30)},
		Items: []shared.PlanItem{
			{ID: "louise-krav", Kind: "krav_til_jobsoegning", Title: "Krav til jobsøgning", Authority: "Jobcenter", Period: ongoing(d, -240), What: "Du skal søge job som biblioteksassistent i Region Hovedstaden."},
			{ID: "louise-vp", Kind: "virksomhedspraktik", Title: "Virksomhedspraktik", Period: period(d, -200, -110), HoursPerWeek: 12,
				What: "Biblioteksassistent, 12 timer per uge. Aftalt med Evina Andersen, Jobcenter Rudersdal.", Why: "Du skal afprøve opgaverne som biblioteksassistent.",
				Company: "Lokalbiblioteket Uglen", CompanyAddress: "Uglevej 10, 3460 Birkerød", Place: "Uglevej 10, 3460 Birkerød", Contact: "Camilla Persson",
				Statuses: []shared.PlanStatus{{Date: d(-110), Text: "Biblioteket har ansat dig 10 timer ugentligt.", Final: true}}},
			{ID: "louise-mode", Kind: "aftale_jobcenter", Title: "Aftale med jobcenter", Period: day(d, 14), MeetingTime: "10:00-10:30", MeetingForm: "Personligt fremmøde", Caseworker: "Evina Andersen"},
		}}}
}

// jonasPlans: Jonas, kombiplan with uddannelsespålæg on step 2
func jonasPlans(d days) []shared.Plan {
	return []shared.Plan{{VersionID: "demo-jonas-1", Type: shared.PlanEducation,
		JobGoals:       []shared.JobGoal{{Title: "Account manager", AgreedWith: nina}},
		EducationGoals: []shared.EducationGoal{{Title: "Tømrer"}, {Title: "Smed"}},
		Description:    "Du skal nu til at undersøge, hvor du kan tage uddannelse som tømrer og smed. Når du har gjort det, skal du indtaste uddannelsesstederne her på Jobnet og sende dem til mig.",
		EducationOrder: &shared.EducationOrder{Step: 2, Deadline: d(14), Caseworker: nina},
		Items: []shared.PlanItem{
			{ID: "jonas-krav", Kind: "krav_til_jobsoegning", Title: "Krav til jobsøgning", Authority: "A-kasse", Period: ongoing(d, -150)},
			{ID: "jonas-mode", Kind: "aftale_jobcenter", Title: "Aftale med jobcenter", Period: day(d, 7), MeetingTime: "11:00-11:30", MeetingForm: "Personligt fremmøde", Caseworker: nina},
		}}}
}

// henrikPlans: Henrik, ressourceforløb
func henrikPlans(d days) []shared.Plan {
	return []shared.Plan{{VersionID: "demo-henrik-1", Type: shared.PlanRehabilitate,
		JobGoals: []shared.JobGoal{{Title: "Køkken- og kantinearbejde", Function: true}, {Title: "Servicefunktioner", Function: true}},
		Description: "Du skal deltage i et ressourceforløb. Målet med ressourceforløbet er, at du opnår lønnede timer og bliver ansat inden for køkken- og kantineområdet, eventuelt i et fleksjob. " +
			"Søren Hansen er din personlige jobformidler. Det er også aftalt, at du skal mødes med din koordinerende sagsbehandler Bitten Nielsen sammen med din jobformidler og følge op på udviklingen i forløbet hver anden måned.",
		JobcenterAgreement: &shared.Agreement{Text: "Vi har aftalt, at du starter i praktik inden for køkken- og kantineområdet på 8 timer ugentligt fra næste måned. Du vil få en mentor på virksomheden.", AgreedWith: "Bo Hansen", Date: d(-45)},
		Items: []shared.PlanItem{
			{ID: "henrik-vp", Kind: "virksomhedspraktik", Title: "Virksomhedspraktik", Period: period(d, -15, 150), HoursPerWeek: 8, What: "Køkkenmedhjælper, 8 timer per uge.", Company: "Kantinen på Rådhuset", Place: "Rådhuspladsen 1, 1550 København V"},
			{ID: "henrik-mentor", Kind: "mentor", Title: "Mentorstøtte", Period: period(d, -15, 150), What: "Mentor på virksomheden, 1 time om ugen."},
			{ID: "henrik-social", Kind: "socialindsats", Title: "Støtte- og kontaktperson", Period: period(d, -200, 100)},
			{ID: "henrik-sundhed", Kind: "sundhedsindsats", Title: "Genoptræning", Period: period(d, -120, 30)},
		}}}
}

// aminaPlans: Amina, integrationskontrakt
func aminaPlans(d days) []shared.Plan {
	return []shared.Plan{{VersionID: "demo-amina-1", Type: shared.PlanJob, IntegrationContract: true,
		JobGoals:           []shared.JobGoal{{Title: "Social- og sundhedsassistent", AgreedWith: nina}, {Title: "Rengøringsassistent", AgreedWith: nina}},
		Description:        "Du skal fortsætte med danskundervisning samtidig med, at du er i løntilskud som medhjælper på Lykke Plejehjem.",
		JobcenterAgreement: &shared.Agreement{Text: "Vi aftalte på mødet, at du mens du er i løntilskud fortsat skal søge job, og at du skal udvide din jobsøgning. Du kan få hjælp til at skrive ansøgninger i jobcenterets jobcafé, som har åbent hver onsdag.", AgreedWith: nina, Date: d(-20)},
		Items: []shared.PlanItem{
			{ID: "amina-lt", Kind: "loentilskud", Title: "Løntilskud", Period: period(d, -60, 120), HoursPerWeek: 25, What: "Medhjælper, 25 timer per uge.", Company: "Lykke Plejehjem"},
			{ID: "amina-dansk", Kind: "kursus", Title: "Danskuddannelse", Period: period(d, -180, 180), HoursPerWeek: 6},
		}}}
}

// mettePlans: Mette, fleksjob (Bilag 2)
func mettePlans(d days) []shared.Plan {
	return []shared.Plan{{VersionID: "demo-mette-1", Type: shared.PlanFollowUp,
		JobGoals:    []shared.JobGoal{{Title: "Sekretær", AgreedWith: nina}},
		Description: "Du er i fleksjob som sekretær hos Holleberg privatskole. Vi har drøftet, at der her er fokus på at afprøve, om du kan varetage flere arbejdsopgaver, så du på sigt kan øge dit timetal.",
		Items: []shared.PlanItem{
			{ID: "mette-fj", Kind: "fleksjob", Title: "Fleksjob", Period: period(d, -2900, 1300), HoursPerWeek: 16, What: "Sekretær, 16 timer per uge.",
				Company: "Holleberg privatskole", CompanyAddress: "Kilevej 12, 6600 Vejen", Contact: "Brian Hansen, bih@holleberg.dk",
				Statuses: []shared.PlanStatus{{Date: d(-30), Text: "Det går godt med at varetage de nye arbejdsopgaver, som aftalt på seneste opfølgning. Du trives med administrative opgaver."}}},
			{ID: "mette-hj", Kind: "hjaelpemiddel", Title: "Hjælpemiddel", Period: period(d, -200, 165), What: "Oplæsningshjælpemiddel til dysleksi. Aftalt med Christian Vedel, Jobcenter Vejen."},
		}}}
}

// sofiePlans: Sofie, dimittend: krav til jobsøgning from the a-kasse
func sofiePlans(d days) []shared.Plan {
	return []shared.Plan{{VersionID: "demo-sofie-1", Type: shared.PlanJob,
		JobGoals: []shared.JobGoal{{Title: "Arkæolog"}, {Title: "Akademisk medarbejder"}},
		Items: []shared.PlanItem{
			{ID: "sofie-krav", Kind: "krav_til_jobsoegning", Title: "Krav til jobsøgning", Authority: "A-kasse", Period: ongoing(d, -30),
				What: "Du skal søge flere job hver uge, heraf mindst én opslået fuldtidsstilling i Danmark, primært inden for arkæologi, forskning og universitetsundervisning i Hovedstaden og på Sjælland."},
		}}}
}

// emilPlans: Emil, uddannelsespålæg at step 3 as in Bilag 1, Bilag 3 meetings
func emilPlans(d days) []shared.Plan {
	return []shared.Plan{{VersionID: "demo-emil-1", Type: shared.PlanEducation,
		EducationGoals:     []shared.EducationGoal{{Title: "Tømrer"}, {Title: "Smed"}},
		Description:        "Det næste skridt er, at du skal søge ind på den eller de uddannelser, som du og din sagsbehandler er blevet enige om.",
		EducationOrder:     &shared.EducationOrder{Step: 3, Deadline: d(17), Caseworker: "Caroline Jensen", Places: []string{"EUC Lillebælt", "VUC Vestsjælland-Syd"}},
		JobcenterAgreement: &shared.Agreement{Text: "Vi aftalte, at du begynder på et brobygningsforløb på EUC Lillebælt for at lære mere om tømreruddannelsen og for at deltage i dansk og matematik. Du får tilknyttet en uddannelsesmentor.", AgreedWith: nina, Date: d(-5)},
		Items: []shared.PlanItem{
			{ID: "emil-bro", Kind: "uddannelse", Title: "Brobygningsforløb", Period: period(d, 10, 90), Company: "EUC Lillebælt"},
			{ID: "emil-mentor", Kind: "mentor", Title: "Uddannelsesmentor", Period: period(d, 10, 90)},
			{ID: "emil-mode-1", Kind: "aftale_jobcenter", Title: "Aftale med jobcenter", Period: day(d, -15), MeetingTime: "14:15-15:00", MeetingForm: "Personligt fremmøde", Caseworker: nina,
				What: "Du fik pjecer om uddannelser, vi talte om dine uddannelsesønsker, og du skal tage en FVU-test."},
			{ID: "emil-mode-2", Kind: "aftale_jobcenter", Title: "Aftale med jobcenter", Period: day(d, 18), MeetingTime: "13:30-14:00", MeetingForm: "Personligt fremmøde", Caseworker: nina, What: "Du skal tage FVU-testen."},
		}}}
}
