package shared

import (
	"fmt"
	"slices"
	"strconv"
	"unicode"
)

// The front page's nudges (SPEC B2–B4): the two forsidekort, the order of
// "Vigtig information", and the one primary action. Each is a table of
// data judged by a pure function, so that a rule is changed in one place
// and tested as a row.

// ---- Forsidekort (SPEC B2, FEATURES.md 1.4) ----

// CardKind is one of the five kinds of forsidekort, named exactly as the
// sources name them.
type CardKind string

const (
	CardOpslaaede     CardKind = "Opslåede stillinger"
	CardLignende      CardKind = "Lignende job"
	CardVikarbureauer CardKind = "Vikarbureauer"
	CardSoegte        CardKind = "Søgte job"
	CardUopfordret    CardKind = "Uopfordret"
)

// cardKinds are the five kinds, the order they take turns in, and the
// target groups each is switched on for. "forsidekort dagpengemodtagere
// og jobparate kontanthjælpsmodtagere" [002, footnote 3]: LAB 01 and LAB
// 02. Switching a kind off for a group, or on for another, is a change
// here.
var cardKinds = []struct {
	Kind   CardKind
	Groups []string // Kontaktgruppe.Maalgruppe
}{
	{CardOpslaaede, []string{"LAB 01", "LAB 02"}},
	{CardLignende, []string{"LAB 01", "LAB 02"}},
	{CardVikarbureauer, []string{"LAB 01", "LAB 02"}},
	{CardSoegte, []string{"LAB 01", "LAB 02"}},
	{CardUopfordret, []string{"LAB 01", "LAB 02"}},
}

// CardsShown is how many cards the front page shows at a time: "Øverst
// på forsiden ser borgeren to Forsidekort" [003].
const CardsShown = 2

// CardNewDays is how far back "Opslåede stillinger" counts an ad as new.
const CardNewDays = 7

// CardFacts are the data that feed the cards, found at login in the
// citizen's labour market: the automatch square round home, the
// occupations under "Jeg søger job som" [000 4.1: "individualiseret i
// forhold til medlemmets jobmål … og arbejdsmarkedsopland"].
//
// The sources show the cards only as screenshots; what each card says and
// what feeds it is this project's decision:
//   - Opslåede stillinger: ads of the citizen's first occupation published
//     in the last CardNewDays days, to Find Job with that occupation.
//   - Lignende job: the occupation with most live ads in the same DISCO
//     unit group as one of the citizen's, not one of them, to Find Job
//     with it.
//   - Vikarbureauer: live vikariat ads of the citizen's occupations (the
//     vikarbureauer's ads), to Find Job with Varighed "Vikariat".
//   - Søgte job: the jobs in the citizen's Joblog they have applied for or
//     have an interview about, not afsluttet: a nudge to keep them up to
//     date, to the Joblog.
//   - Uopfordret: workplaces that advertised the citizen's occupation in
//     the last year, in the square: a nudge to apply unsolicited, to
//     Jobnet's advice on info.jobnet.dk.
type CardFacts struct {
	Occupation      *OccupationRef // the first under "Jeg søger job som"
	NewAds          int
	Related         *OccupationRef
	RelatedAds      int
	TemporaryAds    int
	Joblogs         int
	FormerEmployers int
	HomePostcode    string
}

// Card is one forsidekort as the front page draws it. A card links to
// one of Jobnet's pages (Page), to Find Job with Search, or to the public
// site at Href.
type Card struct {
	Kind   CardKind   `json:"kind"`
	Title  string     `json:"title"`
	Text   string     `json:"text"`
	Link   string     `json:"link"`
	Page   string     `json:"page,omitempty"`
	Search *JobSearch `json:"search,omitempty"`
	Href   string     `json:"href,omitempty"`
}

// cardOf is the kind's card from the facts, false when its data is
// missing: "Hvis de værdier, der initialiserer dem indeholder data" [003].
func cardOf(k CardKind, f CardFacts) (Card, bool) {
	if f.Occupation == nil {
		return Card{}, false
	}
	near := func(q JobSearch) *JobSearch {
		q.From = "forside"
		if f.HomePostcode != "" {
			q.Postcode, q.Km = f.HomePostcode, FindJobRadiusKm
		}
		return &q
	}
	occ := midSentence(f.Occupation.Title)
	switch k {
	case CardOpslaaede:
		if f.NewAds == 0 {
			return Card{}, false
		}
		return Card{Kind: k, Title: fmt.Sprintf("%s som %s", counted(f.NewAds, "nyt job", "nye job"), occ),
			Text: fmt.Sprintf("Opslået i dit område de sidste %d dage.", CardNewDays),
			Link: "Se de nye job", Search: near(JobSearch{Q: occ})}, true
	case CardLignende:
		if f.Related == nil || f.RelatedAds == 0 {
			return Card{}, false
		}
		return Card{Kind: k, Title: "Job, der ligner dit: " + f.Related.Title,
			Text: fmt.Sprintf("%s som %s i dit område kræver noget af det samme som job som %s.", counted(f.RelatedAds, "ledigt job", "ledige job"), midSentence(f.Related.Title), occ),
			Link: "Se jobbene", Search: near(JobSearch{Q: f.Related.Title})}, true
	case CardVikarbureauer:
		if f.TemporaryAds == 0 {
			return Card{}, false
		}
		return Card{Kind: k, Title: "Vikarjob som " + occ,
			Text: fmt.Sprintf("%s i dit område. Et vikariat giver erfaring og kan føre til fast job.", counted(f.TemporaryAds, "vikariat", "vikariater")),
			Link: "Se vikariaterne", Search: near(JobSearch{Q: occ, Durations: []string{string(DurationTemporary)}})}, true
	case CardSoegte:
		if f.Joblogs == 0 {
			return Card{}, false
		}
		return Card{Kind: k, Title: "Følg op på dine ansøgninger",
			Text: fmt.Sprintf("Du har %s i din Joblog, som du har søgt eller skal til samtale om. Hold dem opdateret, så din jobkonsulent kan se din indsats.",
				counted(f.Joblogs, "job", "job")),
			Link: "Gå til Joblog", Page: "/joblog"}, true
	case CardUopfordret:
		if f.FormerEmployers == 0 {
			return Card{}, false
		}
		return Card{Kind: k, Title: "Søg uopfordret",
			Text: fmt.Sprintf("%s i dit område har søgt en %s det seneste år. Send en uopfordret ansøgning.", counted(f.FormerEmployers, "arbejdsplads", "arbejdspladser"), occ),
			Link: "Få gode råd om uopfordrede ansøgninger på info.jobnet.dk", Href: "https://info.jobnet.dk/"}, true
	}
	return Card{}, false
}

// midSentence is an occupation's title inside a sentence: its first
// letter in lower case, unless the title starts with an abbreviation
// ("VVS-montør").
func midSentence(title string) string {
	r := []rune(title)
	if len(r) < 2 || unicode.IsUpper(r[1]) {
		return title
	}
	r[0] = unicode.ToLower(r[0])
	return string(r)
}

// counted is a count with its noun in the singular or the plural: "1
// vikariat", "3 vikariater".
func counted(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// Cards are the citizen's forsidekort: of the kinds switched on for the
// current target group and fed by data, CardsShown in turn, starting at
// a place the login chooses (seed), so that a citizen who logs in again
// meets the others ["Ved logon initialiseres kortene"]. No target group,
// or one without cards, shows none.
func Cards(group string, f CardFacts, seed uint64) []Card {
	var fed []Card
	for _, k := range cardKinds {
		if !slices.Contains(k.Groups, group) {
			continue
		}
		if c, ok := cardOf(k.Kind, f); ok {
			fed = append(fed, c)
		}
	}
	if len(fed) <= CardsShown {
		return fed
	}
	start := int(seed % uint64(len(fed)))
	out := make([]Card, 0, CardsShown)
	for i := range CardsShown {
		out = append(out, fed[(start+i)%len(fed)])
	}
	return out
}

// ---- Vigtig information (SPEC B3, FEATURES.md 1.5) ----

// notificationOrder is the order of "Vigtig information" by kind, as data:
// what the citizen must do to keep a benefit first, then what changed,
// then reminders. The booking deadline is not ranked here: it is always
// second ("Borger notificeres om fristerne som notifikation nummer to på
// forsiden" [003 «Frister»]).
var notificationOrder = []NotificationKind{
	NotifySygemelding,
	NotifyDagpengekort,
	NotifyPlan,
	NotifyMessage,
	NotifyUdgaaetStilling,
	NotifyJoblog,
}

// OrderNotifications puts the notifications in the front page's order:
// by kind as notificationOrder says, the newest first within a kind, and
// a booking deadline second (first when it is alone).
func OrderNotifications(ns []Notification) []Notification {
	rank := func(k NotificationKind) int {
		if i := slices.Index(notificationOrder, k); i >= 0 {
			return i
		}
		return len(notificationOrder)
	}
	out := slices.Clone(ns)
	slices.SortStableFunc(out, func(a, b Notification) int {
		if r := rank(a.Kind) - rank(b.Kind); r != 0 {
			return r
		}
		return b.Created.Compare(a.Created)
	})
	var frister, rest []Notification
	for _, n := range out {
		if n.Kind == NotifyBookingFrist {
			frister = append(frister, n)
		} else {
			rest = append(rest, n)
		}
	}
	if len(frister) == 0 {
		return out
	}
	at := min(1, len(rest))
	return slices.Concat(rest[:at], frister, rest[at:])
}

// Tone is how urgently a notification speaks; the front page colours it
// (DKFDS alert info, warning, error).
type Tone string

const (
	ToneInfo    Tone = "info"
	ToneWarning Tone = "warning"
	ToneError   Tone = "error"
)

// fristStages sharpen the booking deadline's notification as the deadline
// nears ["Fristnotifikationen vil løbende som deadline nærmer sig blive
// skærpet i udtryk og sprog" [003 «Frister»]]: the first stage whose
// DaysLeft the days left reach is used. The wording is this project's.
var fristStages = []struct {
	DaysLeft    int
	Tone        Tone
	Title, Text string // %s: the deadline, as "fredag den 22.05.2020"
}{
	{8, ToneInfo, "Husk at booke en samtale", "Du skal booke en samtale med dit jobcenter senest %s."},
	{3, ToneWarning, "Book din samtale snart", "Fristen for at booke en samtale er %s. Book den nu, så du er sikker på at nå det."},
	{1, ToneError, "Book din samtale i dag", "Fristen for at booke en samtale er %s. Overskrider du fristen, kan du miste din ydelse, indtil du har booket."},
	{0, ToneError, "Sidste frist i dag: book din samtale", "Du skal booke en samtale i dag, %s. Ellers bliver du afmeldt som ledig og kan miste din ydelse, indtil du har booket."},
}

// FristNotification is the booking deadline's notification on today,
// false once the deadline has passed (then the citizen must book at once,
// straksbooking, which is not a notification).
func FristNotification(deadline, today Date) (Notification, Tone, bool) {
	left := deadline.DaysSince(today)
	if left < 0 {
		return Notification{}, "", false
	}
	for _, s := range fristStages {
		if left >= s.DaysLeft {
			n := Notification{Kind: NotifyBookingFrist, Title: s.Title, Text: fmt.Sprintf(s.Text, deadline.DanishWithWeekday())}
			if s.Tone != ToneInfo {
				n.Tone = s.Tone
			}
			return n, s.Tone, true
		}
	}
	return Notification{}, "", false
}

// NotificationAction is what a notification lets the citizen do: a link
// to one of Jobnet's pages, or a button that marks it done.
type NotificationAction struct {
	Label string
	// Page is the portal path of the link; empty for Done.
	Page string
	// Done: the button marks the notification done ("Jeg har sendt dem").
	Done bool
}

// notificationActions are each kind's action [FEATURES.md 1.5]. A kind
// whose page Jobnet does not have yet (Joblog) has no action until that
// page comes: it is told, not linked. The booking deadline leads to the
// booking flow: "Ved klik på notifikationen ledes borger til
// bookingflowet, hvor fristen kan indfries" [003 «Frister»]. The message notice is
// one for all unread messages (MessageNotification), so it leads to Min
// beskedbakke ["Gå til beskeden" [000] names one message].
var notificationActions = map[NotificationKind]NotificationAction{
	NotifyDagpengekort:    {Label: "Jeg har sendt dem", Done: true},
	NotifyPlan:            {Label: "Gå til Min plan", Page: "/min-plan"},
	NotifyMessage:         {Label: "Gå til Min beskedbakke", Page: "/beskedbakke"},
	NotifyUdgaaetStilling: {Label: "Ret dine stillinger under Jeg søger job som", Page: "/jeg-soeger-job-som"},
	NotifyBookingFrist:    {Label: "Book et møde", Page: PageBookMeeting},
}

// ActionOf is the notification's action, false when it has none.
func ActionOf(k NotificationKind) (NotificationAction, bool) {
	a, ok := notificationActions[k]
	return a, ok
}

// DiscontinuedNotification is the notice of occupations under "Jeg søger
// job som" that are udgået (titles): "at "tilrette udgåede stillinger"
// under "jeg søger job som"" [003]. False when none is.
func DiscontinuedNotification(titles []string) (Notification, bool) {
	switch len(titles) {
	case 0:
		return Notification{}, false
	case 1:
		return Notification{Kind: NotifyUdgaaetStilling, Title: "En af dine stillinger er udgået",
			Text: titles[0] + " findes ikke længere som stillingsbetegnelse. Vælg en anden, så dine jobforslag passer til dig."}, true
	}
	return Notification{Kind: NotifyUdgaaetStilling, Title: "Nogle af dine stillinger er udgået",
		Text: JoinDanish(titles) + " findes ikke længere som stillingsbetegnelser. Vælg andre, så dine jobforslag passer til dig."}, true
}

// JoinDanish joins words as a Danish list: "a, b og c".
func JoinDanish(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	out := words[0]
	for _, w := range words[1 : len(words)-1] {
		out += ", " + w
	}
	return out + " og " + words[len(words)-1]
}

// ---- Primary action (SPEC B4, FEATURES.md 1.6) ----

// PrimaryAction is the one thing the front page asks the citizen to do:
// "Borger kan kun have én primær action boks ad gangen" [003].
type PrimaryAction struct {
	Title string `json:"title"`
	Text  string `json:"text"`
	Link  string `json:"link"`
	// Page is a portal path; Search, Find Job with that search; Href, a
	// public site.
	Page   string     `json:"page,omitempty"`
	Search *JobSearch `json:"search,omitempty"`
	Href   string     `json:"href,omitempty"`
}

// PrimaryFacts are what the primary action's rules look at.
type PrimaryFacts struct {
	Kontaktgruppe int // of today's forløb; 0 without one
	// DutyToSeekWork: HasDutyToSeekWork today.
	DutyToSeekWork bool
	Occupations    []OccupationRef
	Discontinued   bool // an occupation under "Jeg søger job som" is udgået
	HomePostcode   string
	// Sick: a sygemelding open for a raskmelding today (OpenSygemelding).
	Sick bool
}

// PrimaryCondition is a rule's test on the facts.
type PrimaryCondition string

const (
	WhenAlways         PrimaryCondition = "altid"
	WhenNoOccupation   PrimaryCondition = "ingen_stilling"
	WhenDiscontinued   PrimaryCondition = "udgaaet_stilling"
	WhenHasOccupation  PrimaryCondition = "har_stilling"
	WhenDutyToSeekWork PrimaryCondition = "pligt_til_jobsoegning"
	WhenSick           PrimaryCondition = "sygemeldt"
)

func (c PrimaryCondition) holds(f PrimaryFacts) bool {
	switch c {
	case WhenAlways:
		return true
	case WhenNoOccupation:
		return len(f.Occupations) == 0
	case WhenDiscontinued:
		return f.Discontinued
	case WhenHasOccupation:
		return len(f.Occupations) > 0
	case WhenDutyToSeekWork:
		return f.DutyToSeekWork
	case WhenSick:
		return f.Sick
	}
	return false
}

// The groups the primary action's rules name.
const (
	KontaktgruppeSygedagpenge = 6  // LAB 06
	KontaktgruppeFleksjob     = 10 // LAB 09, fleksjobvisiterede
)

// primaryRules are the primary action's rules in order: the first whose
// groups (none: every group) hold the citizen's kontaktgruppe and whose
// conditions all hold decides [FEATURES.md 1.6: "(kontaktgruppe, data
// predicate) → action, where the first match wins"]. The sources give
// two examples: a sygemeldt's "meld dig rask", which comes with the page
// Meld syg/rask, and a fleksjobber's 1-2-3 e-guide. The rest is this
// project's. A new or changed plan is not among them: "Vigtig
// information" says so already. The last rule holds for everyone, so
// there is always one.
var primaryRules = []struct {
	Groups []int
	When   []PrimaryCondition
	Action PrimaryAction // Search is filled in by the rule's kind below
	// SearchFirst: the action is Find Job with the first occupation.
	SearchFirst bool
}{
	// "Fx er det primær aktion for en sygemeldt, at melde sig rask" (003
	// «Primary action»): first, whatever the group, while a sygemelding
	// waits for its raskmelding.
	{When: []PrimaryCondition{WhenSick},
		Action: PrimaryAction{Title: "Meld dig rask", Text: "Når du er rask igen, skal du melde dig rask her på Jobnet. Så får jobcentret automatisk besked.",
			Link: "Meld dig rask", Page: PageFravaerSyg}},
	{Groups: []int{KontaktgruppeFleksjob}, When: []PrimaryCondition{WhenAlways},
		Action: PrimaryAction{Title: "Læs om fleksjob", Text: "Få overblik over, hvordan du finder et fleksjob, og hvad du selv kan gøre, i 1-2-3-guiden.",
			Link: "Læs guiden på info.jobnet.dk", Href: "https://info.jobnet.dk/"}},
	{When: []PrimaryCondition{WhenDiscontinued},
		Action: PrimaryAction{Title: "Ret dine stillinger", Text: "En stilling, du søger job som, er udgået. Vælg en ny, så dine jobforslag passer.",
			Link: "Gå til Jeg søger job som", Page: "/jeg-soeger-job-som"}},
	{When: []PrimaryCondition{WhenDutyToSeekWork, WhenNoOccupation},
		Action: PrimaryAction{Title: "Fortæl, hvilke job du søger", Text: "Du skal angive mindst én stilling, du søger job som. Så kan Jobnet også foreslå dig job.",
			Link: "Gå til Jeg søger job som", Page: "/jeg-soeger-job-som"}},
	// A sygedagpengemodtager's work is to get well; what the jobcenter and
	// the citizen agreed meanwhile is in the plan, once the sygemelding is
	// not open (then "Meld dig rask", the first rule).
	{Groups: []int{KontaktgruppeSygedagpenge}, When: []PrimaryCondition{WhenAlways},
		Action: PrimaryAction{Title: "Se, hvad du har aftalt med jobcentret", Text: "Mens du er sygemeldt, står dine aftaler med jobcentret i Min plan.",
			Link: "Gå til Min plan", Page: "/min-plan"}},
	{When: []PrimaryCondition{WhenHasOccupation}, SearchFirst: true,
		Action: PrimaryAction{Title: "Find job", Text: "Se de nyeste job i dit område.", Link: "Find job som %s"}},
	{When: []PrimaryCondition{WhenAlways},
		Action: PrimaryAction{Title: "Find job", Text: "Søg blandt alle ledige job i Danmark.", Link: "Gå til Find job", Search: &JobSearch{}}},
}

// PrimaryActionOf is the citizen's one primary action.
func PrimaryActionOf(f PrimaryFacts) PrimaryAction {
	for _, r := range primaryRules {
		if len(r.Groups) > 0 && !slices.Contains(r.Groups, f.Kontaktgruppe) {
			continue
		}
		if !allHold(r.When, f) {
			continue
		}
		a := r.Action
		if a.Search != nil {
			q := *a.Search
			q.From = "forside"
			a.Search = &q
		}
		if r.SearchFirst {
			occ := f.Occupations[0].Title
			a.Link = fmt.Sprintf(a.Link, occ)
			a.Search = &JobSearch{Q: occ, From: "forside"}
			if f.HomePostcode != "" {
				a.Search.Postcode, a.Search.Km = f.HomePostcode, FindJobRadiusKm
			}
		}
		return a
	}
	panic("shared: the last primary rule holds for everyone")
}

func allHold(cs []PrimaryCondition, f PrimaryFacts) bool {
	for _, c := range cs {
		if !c.holds(f) {
			return false
		}
	}
	return true
}
