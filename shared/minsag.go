package shared

import (
	"slices"
	"strings"
	"time"
)

// Min sag til teamet (SPEC D13; 003_…txt «Min sag til teamet»; 000_…txt 3;
// FEATURES.md 7.3): the citizen's part of a case before the
// rehabiliteringsteam.
//
//   - "borgere i rehabiliteringsforløb … får et ekstra menupunkt i
//     topmenuen, kaldet "Min sag til teamet"" [003]. The jobcenter's case
//     system sends the case (RehabilitationProcessService [003]); the item
//     shows while the case is open, whatever the target group, as the
//     Forberedelsesskema's shows while a screening is shown.
//   - "Under dette menupunkt er relevante punkter for rehabiliteringssagen
//     listet op, alt afhængig af hvilken status sagen har" [003]:
//     MinSagItems, by RehabStatus.
//   - The preparatory part: "udfylde et CV, der adskiller sig en smule fra
//     standard-CV'et" and "en screening, kaldet "Min situation". Dette er et
//     spørgeskema, hvor borger profilerer sig selv" [003]. The differences
//     and the questions are NOT IN THE SOURCES; ours are RehabCV and
//     MinSituationQuestions, marked as this project's.
//   - "På bagrund af den forberedende del kommer indstillingen, … Et
//     rehabiliteringsforløb kan fuldstændig afvises med "almindelig
//     indsats". Det kan også falde ud som Ressourceforløb, Fleksjob,
//     Førtidspension, Første jobafklaringsforløb eller Nyt
//     jobafklaringsforløb. Borger kan under "Min sag til teamet" se
//     indstilingen i GUI, ligesom indstillingen kan downloades som PDF"
//     [003]: RehabOutcome, RehabRecommendation (RehabilitationRecommendation-
//     Service [003]).
//   - The a-kasse: the menu item is greyed out ("afblændet", 000 3);
//     WithheldMinSag refuses its API whole.
//
// Decisions where the sources are silent:
//   - The citizen may change the CV to the team and Min situation until the
//     team's recommendation has come: the team decided on what it had, so
//     after that both are shown read-only.
//   - A case the jobcenter closes is no longer shown (no menu item); the
//     recommendation is kept with the case's rows until the citizen's data
//     are deleted, as a plan is (Historik keeps plans all their life).
//   - One case at a time: the citizen sees the latest open one.

// RehabStatus is where the case stands, judged from its data (RehabCase.Status).
type RehabStatus string

const (
	// RehabForberedelse: the preparatory part; the citizen fills in the CV
	// to the team and Min situation.
	RehabForberedelse RehabStatus = "forberedelse"
	// RehabIndstillet: the team has given its recommendation.
	RehabIndstillet RehabStatus = "indstillet"
)

// RehabOutcome is the team's recommendation, the six of 003 «Min sag til
// teamet».
type RehabOutcome string

const (
	RehabAlmindeligIndsats   RehabOutcome = "almindelig_indsats"
	RehabRessourceforloeb    RehabOutcome = "ressourceforloeb"
	RehabFleksjob            RehabOutcome = "fleksjob"
	RehabFoertidspension     RehabOutcome = "foertidspension"
	RehabFoersteJobafklaring RehabOutcome = "foerste_jobafklaringsforloeb"
	RehabNytJobafklaring     RehabOutcome = "nyt_jobafklaringsforloeb"
)

// RehabOutcomes are the outcomes in the order 003 names them.
func RehabOutcomes() []RehabOutcome {
	return []RehabOutcome{RehabAlmindeligIndsats, RehabRessourceforloeb, RehabFleksjob, RehabFoertidspension,
		RehabFoersteJobafklaring, RehabNytJobafklaring}
}

// Label is the outcome as 003 writes it.
func (o RehabOutcome) Label() string {
	switch o {
	case RehabAlmindeligIndsats:
		return "Almindelig indsats"
	case RehabRessourceforloeb:
		return "Ressourceforløb"
	case RehabFleksjob:
		return "Fleksjob"
	case RehabFoertidspension:
		return "Førtidspension"
	case RehabFoersteJobafklaring:
		return "Første jobafklaringsforløb"
	case RehabNytJobafklaring:
		return "Nyt jobafklaringsforløb"
	}
	return string(o)
}

// PlanFollows reports whether a targeted Min plan follows the
// recommendation: "Indstilles borger til et ressourceforløb eller
// jobafklaringsforløb skal borgeren have en Min plan, der er målrettet
// deres forløb" [003].
func (o RehabOutcome) PlanFollows() bool {
	switch o {
	case RehabRessourceforloeb, RehabFoersteJobafklaring, RehabNytJobafklaring:
		return true
	}
	return false
}

// Explanation is the page's one line about what the outcome means for the
// citizen. OURS, NOT IN THE SOURCES beyond "fuldstændig afvises" and the
// plan that follows [003]; the words of the law's forløb kept plain.
func (o RehabOutcome) Explanation() string {
	switch o {
	case RehabAlmindeligIndsats:
		return "Teamet indstiller, at du ikke skal have et rehabiliteringsforløb, men fortsætter med den almindelige indsats i jobcentret."
	case RehabRessourceforloeb:
		return "Teamet indstiller, at du skal have et ressourceforløb. Dit jobcenter laver en plan til dig, som du kan se i Min plan."
	case RehabFleksjob:
		return "Teamet indstiller, at du skal have fleksjob."
	case RehabFoertidspension:
		return "Teamet indstiller, at du skal have førtidspension."
	case RehabFoersteJobafklaring, RehabNytJobafklaring:
		return "Teamet indstiller, at du skal have et jobafklaringsforløb. Dit jobcenter laver en plan til dig, som du kan se i Min plan."
	}
	return ""
}

// RehabRecommendationMaxText is the most characters of the team's own
// text the case system may send. OURS: the sources give no length; a
// recommendation is a few pages at most.
const RehabRecommendationMaxText = 20000

// RehabRecommendation is the team's recommendation as the case system
// sends it: the outcome, the day of the team's meeting, the team's name
// and its own words.
type RehabRecommendation struct {
	Outcome RehabOutcome `json:"outcome"`
	Decided Date         `json:"decided"`
	Team    string       `json:"team"`
	Text    string       `json:"text"`
}

// RehabCV is the CV to the team: the standard CV's entries, which the page
// shows from Mit CV, and three texts of the citizen's own that the
// standard CV has not. "et CV, der adskiller sig en smule fra
// standard-CV'et" [003]; WHICH differences is NOT IN THE SOURCES: ours
// are what the rehabiliteringsteam asks about besides work and education
// (resources, what is hard, what the citizen wants).
type RehabCV struct {
	Resources  string `json:"resources" validate:"max=2000"`
	Challenges string `json:"challenges" validate:"max=2000"`
	Wishes     string `json:"wishes" validate:"max=2000"`
}

// RehabCV's labels and help texts, one place for the page and the PDF.
const (
	RehabCVResourcesLabel  = "Mine ressourcer"
	RehabCVResourcesHint   = "Hvad er du god til, og hvad giver dig energi? Fx erfaringer fra arbejde, fritid eller familie."
	RehabCVChallengesLabel = "Det er svært for mig"
	RehabCVChallengesHint  = "Hvad gør det svært for dig at arbejde eller uddanne dig lige nu? Fx helbred, skånehensyn eller andet."
	RehabCVWishesLabel     = "Det vil jeg gerne"
	RehabCVWishesHint      = "Hvilket arbejde eller hvilken uddannelse drømmer du om, og hvad skal der til?"
	MsgRehabCVEmpty        = "Skriv mindst én af de tre tekster, før du gemmer."
)

// Normalized trims the texts and turns Windows line ends into "\n".
func (cv RehabCV) Normalized() RehabCV {
	n := func(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")) }
	return RehabCV{Resources: n(cv.Resources), Challenges: n(cv.Challenges), Wishes: n(cv.Wishes)}
}

// Empty reports whether no text is written.
func (cv RehabCV) Empty() bool {
	n := cv.Normalized()
	return n.Resources == "" && n.Challenges == "" && n.Wishes == ""
}

// Check judges the texts: each at most 2,000 characters, and at least one
// written (an empty save would only wipe what the team may already have
// read; the message is at the first field).
func (cv RehabCV) Check() error {
	c, err := checking(cv.Normalized())
	if err != nil {
		return err
	}
	if cv.Empty() {
		c.add("resources", MsgRehabCVEmpty)
	}
	return c.err()
}

// MinSituation is the citizen's answer to "Min situation": the chosen
// options by question id, as the Forberedelsesskema's (ScreeningAnswerInput
// judges it), and a text of the citizen's own.
type MinSituation struct {
	Answers map[string][]string `json:"answers" validate:"max=50"`
	Comment string              `json:"comment" validate:"max=2000"`
}

// Check judges the answer against MinSituationQuestions.
func (s MinSituation) Check() error {
	c, err := checking(s)
	if err != nil {
		return err
	}
	if err := (ScreeningAnswerInput{ScreeningID: 1, Answers: s.Answers}).Check(MinSituationQuestions()); err != nil {
		if e, ok := err.(*Error); ok {
			for _, f := range e.Fields {
				c.add(f.Field, f.Message)
			}
		} else {
			return err
		}
	}
	return c.err()
}

// minSituationQ is one question of Min situation.
func minSituationQ(id, text string, multiple bool, options ...string) ScreeningQuestion {
	q := ScreeningQuestion{ID: id, Text: text, Multiple: multiple, Required: true}
	for i, o := range options {
		q.Options = append(q.Options, ScreeningOption{ID: id + "-" + string(rune('a'+i)), Text: o})
	}
	return q
}

// MinSituationQuestions are the questions of "Min situation", a fresh copy.
// "et spørgeskema, hvor borger profilerer sig selv" [003]; the questions
// are NOT IN THE SOURCES. Ours ask what a rehabiliteringsteam weighs
// (health, how much work, what fills most, what help is wanted, how the
// citizen sees work ahead), each with "Ved ikke" or a way out, so that
// nobody must claim more than they know. Every question is required; the
// comment is free.
func MinSituationQuestions() []ScreeningQuestion {
	return []ScreeningQuestion{
		minSituationQ("helbred", "Hvordan vil du beskrive dit helbred lige nu?", false,
			"Meget godt", "Godt", "Hverken godt eller dårligt", "Dårligt", "Meget dårligt"),
		minSituationQ("timer", "Hvor mange timer om ugen tror du, at du kan arbejde lige nu?", false,
			"Ingen", "1-9 timer", "10-19 timer", "20-29 timer", "30 timer eller flere", "Ved ikke"),
		minSituationQ("fylder", "Hvad fylder mest i din hverdag lige nu?", true,
			"Mit fysiske helbred", "Mit psykiske helbred", "Min økonomi", "Min bolig", "Min familie", "Andet", "Ingen af delene"),
		minSituationQ("hjaelp", "Hvad vil du gerne have hjælp til?", true,
			"At komme i arbejde", "At tage en uddannelse", "At få afklaret mit helbred", "Min økonomi eller bolig", "At få det bedre socialt", "Andet"),
		minSituationQ("fremtid", "Hvordan ser du på at skulle arbejde i fremtiden?", false,
			"Jeg tror, jeg kan arbejde på fuld tid", "Jeg tror, jeg kan arbejde på nedsat tid", "Jeg tror ikke, jeg kan arbejde", "Ved ikke"),
	}
}

// MinSituationCommentLabel is the free text's label.
const MinSituationCommentLabel = "Er der andet, du vil fortælle teamet om din situation?"

// RehabCase is the citizen's open case as the page shows it.
type RehabCase struct {
	ID     int64 `json:"id"`
	Opened Date  `json:"opened"`
	// TeamMeeting is the day the team meets about the case, when the
	// jobcenter has sent it.
	TeamMeeting Date    `json:"team_meeting,omitzero"`
	CV          RehabCV `json:"cv"`
	// CVSaved and SituationSaved are when the citizen last saved each.
	CVSaved        *time.Time           `json:"cv_saved,omitempty"`
	Situation      MinSituation         `json:"situation"`
	SituationSaved *time.Time           `json:"situation_saved,omitempty"`
	Recommendation *RehabRecommendation `json:"recommendation,omitempty"`
}

// Status is where the case stands: indstillet once the recommendation has
// come, else the preparatory part.
func (c RehabCase) Status() RehabStatus {
	if c.Recommendation != nil {
		return RehabIndstillet
	}
	return RehabForberedelse
}

// MayEdit reports whether the citizen may still change the CV to the team
// and Min situation: in the preparatory part only (the decision above).
func (c RehabCase) MayEdit() bool { return c.Status() == RehabForberedelse }

// MinSagItem is one point listed under the menu item.
type MinSagItem struct {
	// Anchor is the section's id on the page.
	Anchor string `json:"anchor"`
	Title  string `json:"title"`
	Text   string `json:"text"`
}

// The page's sections.
const (
	MinSagAnchorIndstilling = "indstilling"
	MinSagAnchorCV          = "cv-til-teamet"
	MinSagAnchorSituation   = "min-situation"
)

// MinSagItems are the points listed for the case's status, in order
// ("relevante punkter … alt afhængig af hvilken status sagen har", 003):
// the preparatory part asks for the CV and Min situation; once the
// recommendation has come it comes first, and the two follow as what the
// team had.
func MinSagItems(s RehabStatus) []MinSagItem {
	cv := MinSagItem{MinSagAnchorCV, "Mit CV til teamet", "Fortæl teamet om dine ressourcer, hvad der er svært, og hvad du gerne vil."}
	sit := MinSagItem{MinSagAnchorSituation, "Min situation", "Besvar spørgsmål om din situation, så teamet kender den."}
	if s == RehabIndstillet {
		cv.Text = "Det, du fortalte teamet om dig selv."
		sit.Text = "Dine svar om din situation, som teamet havde."
		return []MinSagItem{{MinSagAnchorIndstilling, "Teamets indstilling", "Se rehabiliteringsteamets indstilling, og hent den som PDF."}, cv, sit}
	}
	return []MinSagItem{cv, sit}
}

// RehabCVEntry is one line of Mit CV as the CV to the team shows it: a
// job or an education, with its period.
type RehabCVEntry struct {
	Section      CVSection `json:"section"`
	Title        string    `json:"title"`
	Organisation string    `json:"organisation,omitempty"`
	Period       string    `json:"period,omitempty"`
}

// RehabCVEntries are the work experience and the education of Mit CV, in
// its order, which the CV to the team shows above the citizen's three
// texts: the team reads one CV, the citizen keeps one up to date. Mit CV's
// contact data, searchability, languages and qualifications are left out:
// they are for employers (our reading of "adskiller sig en smule", 003).
func RehabCVEntries(cv CV) []RehabCVEntry {
	out := []RehabCVEntry{}
	for _, e := range slices.Concat(cv.Experience, cv.Education) {
		if strings.TrimSpace(e.Title) == "" {
			continue
		}
		r := RehabCVEntry{Section: e.Section, Title: e.Title, Organisation: e.Organisation}
		switch {
		case e.From != "" && e.Ongoing:
			r.Period = e.From + " – nu"
		case e.From != "" && e.To != "":
			r.Period = e.From + " – " + e.To
		case e.From != "":
			r.Period = e.From
		}
		out = append(out, r)
	}
	return out
}

// MinSagPage is GET /api/minsag: the open case, nil when there is none.
type MinSagPage struct {
	Case *RehabCase `json:"case"`
	// FromCV is Mit CV's part of the CV to the team (RehabCVEntries).
	FromCV []RehabCVEntry `json:"from_cv"`
	// Questions are Min situation's, sent with the page so that the form
	// and its answers travel together.
	Questions []ScreeningQuestion `json:"questions"`
	Items     []MinSagItem        `json:"items"`
}

// Min sag's API under APIMinSag (withheld.go): the page (GET APIMinSag),
// the citizen's CV to the team and Min situation (PUT), the
// recommendation's PDF.
const (
	APIMinSagCV        = APIMinSag + "/cv"
	APIMinSagSituation = APIMinSag + "/situation"
	APIMinSagPDF       = APIMinSag + "/indstilling/pdf"
	// PageMinSag is the page.
	PageMinSag = "/min-sag-til-teamet"
)

// MinSagMenuText is the menu item's text. OURS: the sources name the item
// only.
const MinSagMenuText = "Forbered din sag til rehabiliteringsteamet, og se teamets indstilling."

// MsgNoRehabCase is the answer of a write without an open case.
const MsgNoRehabCase = "Du har ingen sag til rehabiliteringsteamet."

// MsgRehabDecided is the answer of a write after the recommendation.
const MsgRehabDecided = "Teamet har givet sin indstilling. Du kan ikke længere ændre det, du sendte til teamet."
