package shared

// The demo's question sets of the Forberedelsesskema: what the demo data,
// the tests and a case system's example send. Jobnet itself holds no set;
// each screening brings its own (see screening.go).
//
// Source: 000_…txt 4.6, Billede 11 ("Udsnit af kvittering for udfyldt
// forberedelsesskema"), the receipt of a dagpenge member's answer. It
// shows the eight questions word for word and only the answer chosen for
// each (FEATURES.md 4.3). So:
//
//   - the question texts are sourced, with the screenshot's spelling
//     ("hvilke type arbejde") kept;
//   - of the options, the one the screenshot shows is sourced (marked
//     "// 000 4.6"); every other option is OURS, NOT IN THE SOURCES: the
//     siblings an answer like "Inden for 6 måneder" implies;
//   - question 8 is the one with several answers (the screenshot lists
//     four);
//   - the sources do not say which questions are required; we mark all.
//
// The kontanthjælp set: 000_…txt 4.6 says only that "en stor del af
// spørgsmålene er identiske med spørgsmålene for dagpengemodtagere". Ours
// is the dagpenge set without questions 3 and 4, which ask about the
// notice given at the last job, a dagpenge member's situation. NOT IN THE
// SOURCES beyond that sentence.

// screeningQ is a question of the demo's sets.
func screeningQ(id, text string, multiple bool, options ...string) ScreeningQuestion {
	q := ScreeningQuestion{ID: id, Text: text, Multiple: multiple, Required: true}
	for i, o := range options {
		q.Options = append(q.Options, ScreeningOption{ID: id + "-" + string(rune('a'+i)), Text: o})
	}
	return q
}

var (
	screeningQ1 = screeningQ("uddannelse", "Hvad er den højeste uddannelse, du har gennemført?", false,
		"Grundskole (folkeskole, 9. eller 10. klasse)",
		"TAMU, produktionsskole, kombinationsprojekt", // 000 4.6
		"Gymnasial uddannelse (stx, hhx, htx, hf)",
		"Erhvervsuddannelse",
		"Kort videregående uddannelse",
		"Mellemlang videregående uddannelse (fx professionsbachelor)",
		"Lang videregående uddannelse (kandidat eller mere)",
		"Anden uddannelse")
	screeningQ2 = screeningQ("hvor-hurtigt", "Hvor hurtigt tror du, at du får et arbejde?", false,
		"Inden for 1 måned",
		"Inden for 3 måneder",
		"Inden for 6 måneder", // 000 4.6
		"Inden for 1 år",
		"Om mere end 1 år",
		"Ved ikke")
	screeningQ3 = screeningQ("opsagt", "Er du blevet opsagt, eller har du selv sagt op, fra dit tidligere arbejde?", false,
		"Jeg er blevet opsagt", // 000 4.6
		"Jeg har selv sagt op",
		"Min tidsbegrænsede ansættelse er udløbet",
		"Jeg har ikke haft arbejde før")
	screeningQ4 = screeningQ("vidst-ledig", "Hvor længe har du vidst, at du ville blive ledig?", false,
		"Jeg har vidst det i mindre end en uge", // 000 4.6
		"Jeg har vidst det i 1-4 uger",
		"Jeg har vidst det i 1-3 måneder",
		"Jeg har vidst det i mere end 3 måneder")
	screeningQ5 = screeningQ("job-soegt", "Hvor mange job har du søgt, fra du vidste, at du blev ledig til nu?", false,
		"Jeg har ikke søgt job endnu",
		"Jeg har søgt 1 job", // 000 4.6
		"Jeg har søgt 2-5 job",
		"Jeg har søgt 6-10 job",
		"Jeg har søgt mere end 10 job")
	screeningQ6 = screeningQ("jobmuligheder", "Hvordan vurderer du dine jobmuligheder er inden for de områder, hvor du søger arbejde?", false,
		"Mine jobmuligheder er meget gode",
		"Mine jobmuligheder er gode", // 000 4.6
		"Mine jobmuligheder er hverken gode eller dårlige",
		"Mine jobmuligheder er dårlige",
		"Mine jobmuligheder er meget dårlige")
	screeningQ7 = screeningQ("hvilket-arbejde", "Ved du hvilket arbejde, du gerne vil have?", false,
		"Jeg ved præcis, hvilket arbejde jeg gerne vil have",
		"Jeg har en idé om hvilke type arbejde, jeg gerne vil have", // 000 4.6
		"Jeg ved ikke, hvilket arbejde jeg gerne vil have")
	screeningQ8 = screeningQ("hvordan-soeger", "Hvordan søger du/planlægger du at søge arbejde?", true,
		"Svarer på annoncer i aviser, blade, internet, mv.",                                            // 000 4.6
		"Sender uopfordrede ansøgninger",                                                               // 000 4.6
		"Bruger sociale medier (Facebook, LinkedIn mv.)",                                               // 000 4.6
		"Bruger mit netværk (kontakter venner, familie, tidligere studie- eller arbejdskollegaer mv.)", // 000 4.6
		"Kontakter virksomheder direkte (telefon eller personligt)",
		"Bruger vikarbureauer",
		"På anden måde")
)

// ScreeningSet is the demo's question set for kind, a fresh copy.
func ScreeningSet(kind ScreeningKind) []ScreeningQuestion {
	var qs []ScreeningQuestion
	switch kind {
	case ScreeningDagpenge:
		qs = []ScreeningQuestion{screeningQ1, screeningQ2, screeningQ3, screeningQ4, screeningQ5, screeningQ6, screeningQ7, screeningQ8}
	case ScreeningKontanthjaelp:
		qs = []ScreeningQuestion{screeningQ1, screeningQ2, screeningQ5, screeningQ6, screeningQ7, screeningQ8}
	}
	out := make([]ScreeningQuestion, len(qs))
	for i, q := range qs {
		q.Options = append([]ScreeningOption(nil), q.Options...)
		out[i] = q
	}
	return out
}

// ScreeningSourceAnswers are the answers of 000_…txt Billede 11, in the
// dagpenge set: what the demo's answered screening and the tests give.
func ScreeningSourceAnswers() map[string][]string {
	return map[string][]string{
		"uddannelse":      {"uddannelse-b"},
		"hvor-hurtigt":    {"hvor-hurtigt-c"},
		"opsagt":          {"opsagt-a"},
		"vidst-ledig":     {"vidst-ledig-a"},
		"job-soegt":       {"job-soegt-b"},
		"jobmuligheder":   {"jobmuligheder-b"},
		"hvilket-arbejde": {"hvilket-arbejde-b"},
		"hvordan-soeger":  {"hvordan-soeger-a", "hvordan-soeger-b", "hvordan-soeger-c", "hvordan-soeger-d"},
	}
}
