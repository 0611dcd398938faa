package demo

import (
	"context"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// demoCV is a demo citizen's Mit CV and Præsentations-CV (issue 12): the
// entries of their occupation from the README's situations, each period
// counted back from the day in months, so that the set is a pure function
// of today and holds on every day of the year.
type demoCV struct {
	settings     shared.CVSettings
	entries      func(today shared.Date) []shared.CVEntryInput
	presentation *shared.PresentationCV
}

// monthsAgo is the month n months before today, MM/YYYY.
func monthsAgo(today shared.Date, n int) string { return shared.MonthOf(today.AddMonths(-n)).String() }

func entry(section shared.CVSection, title, organisation, from, to, description string) shared.CVEntryInput {
	return shared.CVEntryInput{Section: section, Title: title, Organisation: organisation, From: from, To: to, Description: description}
}

var demoCVs = map[string]demoCV{
	"120385-1231": { // Mads, rørlægger; his last job ended 11 months ago ("Jeg søger job som": 14 years)
		settings: shared.CVSettings{Searchable: true, Phone: "20 45 67 89", Email: "mads.kristensen@example.dk",
			Languages: []shared.CVLanguage{{Language: "Dansk", Level: "modersmaal"}, {Language: "Engelsk", Level: "godt"}},
			Licences:  []string{"B", "BE"}},
		entries: func(today shared.Date) []shared.CVEntryInput {
			return []shared.CVEntryInput{
				entry(shared.CVExperience, "Rørlægger", "Amager VVS & Blik ApS", monthsAgo(today, 11+9*12), monthsAgo(today, 11),
					"Service og renovering af vand-, varme- og afløbsinstallationer i etageejendomme; udskiftning af faldstammer; tilbud og afregning med kunder."),
				entry(shared.CVExperience, "Rørlægger", "Hansen & Søn VVS A/S", monthsAgo(today, 11+14*12+2), monthsAgo(today, 11+9*12+1),
					"Nybyggeri og installation af gulvvarme, fjernvarmeunits og sanitet. Ansvarlig for to lærlinge."),
				entry(shared.CVEducation, "Rørlægger, erhvervsuddannelse", "TEC – Technical Education Copenhagen", monthsAgo(today, 11+18*12), monthsAgo(today, 11+14*12+3),
					"Svendebrev som rørlægger."),
				entry(shared.CVEducation, "Kursus i energioptimering af varmeanlæg", "AMU Hovedstaden", monthsAgo(today, 40), monthsAgo(today, 40), ""),
				entry(shared.CVQualification, "Rørsvejsning (gas og MIG)", "", "", "", "Svejsecertifikat efter DS/EN ISO 9606-1."),
				entry(shared.CVQualification, "Arbejde med asbest i bygninger", "", "", "", "Gennemført lovpligtigt asbestkursus."),
			}
		},
	},
	"030792-2468": { // Louise, biblioteksassistent; last job ended 8 months ago
		settings: shared.CVSettings{Searchable: true, Email: "louise.holm@example.dk", Link: "https://www.linkedin.com/in/louise-holm-eksempel",
			Languages: []shared.CVLanguage{{Language: "Dansk", Level: "modersmaal"}, {Language: "Engelsk", Level: "flydende"}, {Language: "Tysk", Level: "noget"}},
			Licences:  []string{"B"}},
		entries: func(today shared.Date) []shared.CVEntryInput {
			return []shared.CVEntryInput{
				entry(shared.CVExperience, "Biblioteksassistent", "Gentofte Bibliotekerne", monthsAgo(today, 8+6*12), monthsAgo(today, 8),
					"Udlån og vejledning af lånere, arrangementer for børn, katalogisering og drift af selvbetjening."),
				entry(shared.CVExperience, "Butiksassistent (deltid)", "Holte Boghandel", monthsAgo(today, 8+8*12), monthsAgo(today, 8+6*12+1), ""),
				entry(shared.CVEducation, "Kontoruddannelse med speciale i offentlig administration", "Niels Brock", monthsAgo(today, 8+10*12), monthsAgo(today, 8+8*12+1), ""),
				entry(shared.CVQualification, "Formidling for børn og unge", "", "", "", "Planlægger og afholder læseklubber og skoleklassebesøg."),
			}
		},
	},
	"140271-3579": { // Henrik, ressourceforløb, køkken- og kantinearbejde: the Præsentations-CV's citizen
		settings: shared.CVSettings{Languages: []shared.CVLanguage{{Language: "Dansk", Level: "modersmaal"}}},
		entries: func(today shared.Date) []shared.CVEntryInput {
			return []shared.CVEntryInput{
				entry(shared.CVExperience, "Køkkenmedhjælper", "Kantinen på Rådhuset", monthsAgo(today, 30), monthsAgo(today, 18),
					"Opvask, anretning af salatbar og rengøring af køkkenet."),
				entry(shared.CVQualification, "Hygiejnebevis", "", "", "", ""),
			}
		},
		presentation: &shared.PresentationCV{
			Headline:    "Stabil køkkenmedhjælper, der gerne tager fat",
			About:       "Jeg hedder Henrik og har arbejdet i køkkener det meste af mit liv. Jeg er rolig, møder til tiden og kan lide at have faste opgaver.",
			GoodAt:      "Opvask og rengøring, så alt er klar til næste dag. Anretning af salatbar. At hjælpe nye kolleger i gang.",
			WishFor:     "Et job i et kantinekøkken eller et plejecenter, gerne 15–20 timer om ugen til at begynde med.",
			Experiences: "Jeg har været køkkenmedhjælper i kantinen på Rådhuset i et år. Før det har jeg været med til at lave mad til 200 gæster ved byfesten hvert år.",
		},
	},
}

// seedCVs gives the demo citizens their CVs, once: a citizen whose CV
// has a number keeps what is there.
func seedCVs(ctx context.Context, store *storage.Store, now time.Time) error {
	for cpr, d := range demoCVs {
		who, err := store.CitizenByCPR(ctx, shared.CPR(cpr))
		if err != nil {
			return err
		}
		c := store.Citizen(who.ID)
		have, err := c.CV(ctx)
		if err != nil {
			return err
		}
		if have.Number != "" {
			continue
		}
		if _, err := c.SaveCVSettings(ctx, d.settings, who.Enrolment, now); err != nil {
			return err
		}
		for _, e := range d.entries(shared.DateOf(now)) {
			if _, err := c.AddCVEntry(ctx, e, now); err != nil {
				return err
			}
		}
		if d.presentation != nil {
			if _, err := c.SavePresentationCV(ctx, *d.presentation, now); err != nil {
				return err
			}
		}
	}
	return nil
}
