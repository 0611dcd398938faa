package shared

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Fravær og fritagelser (SPEC D7; FEATURES.md 6.1; 001 «Min side og
// selvbetjening»; 000 5.5, Billede 23–24): the page "Aktuelt fravær", the
// self-services Meld ferie, Meld syg/rask and Midlertidigt arbejde, and
// the absence types as data. The kinds, their labels and the lawful-on-
// dagpenge table are in akasse_rules.go (the a-kasse's projection); this
// file holds what the citizen may register, and when.

// Pages and API of Fravær.
const (
	PageFravaer        = "/fravaer"
	PageFravaerFerie   = "/fravaer/ferie"
	PageFravaerSyg     = "/fravaer/syg-rask"
	PageFravaerArbejde = "/fravaer/midlertidigt-arbejde"

	APIFravaer        = "/api/fravaer"
	APIFravaerFerie   = "/api/fravaer/ferie"
	APIFravaerSyg     = "/api/fravaer/syg"
	APIFravaerRask    = "/api/fravaer/rask"
	APIFravaerArbejde = "/api/fravaer/midlertidigt-arbejde"
)

// SelfService is one of Fravær's self-services (001: "Syge- og
// raskmelding (kun fra dags dato)", "Feriemelding (kun dagpengemodtager og
// med 14 dages varsel)", "Registrere midlertidigt arbejde").
type SelfService string

const (
	ServiceNone    SelfService = ""
	ServiceFerie   SelfService = "ferie"
	ServiceSygRask SelfService = "syg_rask"
	ServiceArbejde SelfService = "midlertidigt_arbejde"
)

// GroupRef names a target group: a kontaktgruppe, and for the dimittend a
// tilmeldekategori as well (0: any).
type GroupRef struct {
	Kontaktgruppe    int
	Tilmeldekategori int
}

func (g GroupRef) holds(f Forloeb) bool {
	return g.Kontaktgruppe == f.Kontaktgruppe && (g.Tilmeldekategori == 0 || g.Tilmeldekategori == f.Tilmeldekategori)
}

// AbsenceType is one row of the absence types as data (FEATURES.md 6.1:
// "a data table of (type, label, shown on Jobnet, self-registrable, legal
// for target groups)"). The label and the lawful-on-dagpenge mark are the
// kind's own (AbsenceKind.Label, LegalForDagpenge).
type AbsenceType struct {
	Kind AbsenceKind
	// Shown: "ikke alle fraværstyper bliver udstillet på Jobnet for
	// medlemmet" (000 5.5). A type not shown is the case system's alone:
	// it is neither listed on "Aktuelt fravær" nor in the Kalender.
	Shown bool
	// Service is the self-service that registers it; ServiceNone: only the
	// jobcenter registers it ("Skal du på barsel eller i borgerligt ombud,
	// skal du selv give dit jobcenter besked", 000 Billede 24).
	Service SelfService
}

// absenceTypes: the full AbsenceTypeIdentifier list is not in the sources
// (FEATURES.md 6.1); these are the kinds the sources name, all shown, as
// Billede 24 shows a fritagelse. Three are self-registered.
var absenceTypes = []AbsenceType{
	{AbsenceFerie, true, ServiceFerie},
	{AbsenceSygdom, true, ServiceSygRask},
	{AbsenceBarsel, true, ServiceNone},
	{AbsenceBorgerligtOmbud, true, ServiceNone},
	{AbsenceFritagetSelvbooking, true, ServiceNone},
	{AbsenceFritagetRaadighed, true, ServiceNone},
	{AbsenceJobsoegningUdland, true, ServiceNone},
	{AbsenceDelvisRaskmelding, true, ServiceNone},
	{AbsenceFritagetForhold, true, ServiceNone},
	{AbsencePasningAfBarn, true, ServiceNone},
	{AbsenceMidlertidigtArbejde, true, ServiceArbejde},
}

// AbsenceTypes lists the types in the order of AbsenceKinds.
func AbsenceTypes() []AbsenceType { return slices.Clone(absenceTypes) }

// AbsenceTypeOf is the kind's row; an unknown kind is not shown.
func AbsenceTypeOf(k AbsenceKind) AbsenceType {
	for _, t := range absenceTypes {
		if t.Kind == k {
			return t
		}
	}
	return AbsenceType{Kind: k}
}

var dimittend = GroupRef{8, TilmeldekategoriDimittend}

// serviceGroups: who may use each self-service, "afhængig af, hvilken
// kontaktgruppe brugeren er tilmeldt som" (001). The sources name the
// groups for ferie only; the rest is this project's reading:
//   - ferie: "kun dagpengemodtager" (001, SPEC D7), and the dimittend,
//     who is on dagpenge. The 2020 text's "Hvis du er medlem af en
//     a-kasse, får den også besked" hints at others; a group is one line
//     here when someone decides.
//   - syg/rask: every group the jobcenter holds to a kontaktforløb, the
//     sygedagpengemodtager (LAB 06) too, whose primary action is "at melde
//     sig rask" (003 «Primary action»). Not førtidspensionister,
//     selvforsørgende, the young under 18 or "Øvrige": they have no
//     availability to lose.
//   - midlertidigt arbejde: the groups whose ydelse temporary work
//     reduces (dagpenge, kontant- and uddannelseshjælp, dimittend,
//     integration programme).
var serviceGroups = map[SelfService][]GroupRef{
	ServiceFerie: {{1, 0}, dimittend},
	ServiceSygRask: {{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}, {6, 0}, {7, 0}, {8, 0}, {9, 0}, {10, 0}, {11, 0},
		{18, 0}, {19, 0}},
	ServiceArbejde: {{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}, dimittend, {18, 0}, {19, 0}},
}

// MayUse reports whether the citizen with these forløb may use the
// self-service today: their forløb of today is in its groups.
func (s SelfService) MayUse(fs []Forloeb, today Date) bool {
	cur, ok := CurrentForloeb(fs, today)
	if !ok {
		return false
	}
	return slices.ContainsFunc(serviceGroups[s], func(g GroupRef) bool { return g.holds(cur) })
}

// FerieNoticeDays: "Hvis din ferie ligger om mere end 14 dage, kan du
// melde ferie her på Jobnet" (000 Billede 23). 001 says "med 14 dages
// varsel", SPEC D7 "more than 14 days ahead"; this project follows the
// screen text the citizen reads: the first day of the holiday must lie
// strictly more than 14 days after today, so a holiday beginning exactly
// 14 days from today is refused ("mindre end 14 dage" is then what the
// citizen is told; FerieTooSoon).
const FerieNoticeDays = 14

// FerieHorizonDays: a holiday is registered at most a year ahead (this
// project's: the ferieår is the period a holiday belongs to).
const FerieHorizonDays = 365

// FerieMaxDays: one registration holds at most six weeks, the five weeks
// of ferie plus a week's feriefridage (this project's; a longer holiday is
// registered as more than one).
const FerieMaxDays = 42

// SygRaskHorizonDays: "Syge- og raskmelding (kun fra dags dato)" (001):
// never back in time. A raskmelding may be given for a day ahead (the
// doctor's "rask fra mandag"), applied on its day by the scheduled job,
// at most this many days ahead (this project's). A sygemelding starts
// today: sickness is reported when it has come.
const SygRaskHorizonDays = 14

// ArbejdeMaxDays: a period of midlertidigt arbejde is at most a year
// (this project's; longer work is not temporary); it is registered from
// today on, as the other self-services.
const ArbejdeMaxDays = 365

// AbsenceCommentMax is the length of "Kommentar".
const AbsenceCommentMax = 500

// The texts of the pages (000 Billede 23–24, exact where quoted).
const (
	FravaerTitle  = "Aktuelt fravær"
	FravaerIntro1 = "Det er vigtigt, at du giver os besked, når der sker ændringer, der kan betyde noget for din ydelse, fx"
	FravaerIntro2 = "Du skal fx give besked, når du bliver rask, og det skal du gøre her på Jobnet. Så får Jobcentret automatisk besked. Skal du på barsel eller i borgerligt ombud, skal du selv give dit jobcenter besked."
	FravaerIntro3 = "Her på siden kan du se, hvad du har registreret aktuelt og i den kommende tid."
	FravaerToHist = "Hvis du vil se en liste over, hvad du tidligere har haft registeret, kan du gå til Historik"
	FravaerList   = "Liste over fravær"
	FravaerNone   = "Du har ikke registreret fravær aktuelt eller i den kommende tid."

	FerieTitle      = "Ferie"
	FerieMoreQ      = "Er der mere end 14 dage til din ferie?"
	FerieMoreText   = "Hvis din ferie ligger om mere end 14 dage, kan du melde ferie her på Jobnet. Dit jobcenter får automatisk besked om din ferie. Hvis du er medlem af en a-kasse, får den også besked."
	FerieLessQ      = "Er der mindre end 14 dage til din ferie?"
	FerieLessText   = "Hvis din ferie ligger om mindre end 14 dage, kan du desværre ikke melde ferie her på Jobnet. Du skal i stedet kontakte dit jobcenter."
	FerieHusk1      = "Hvis du deltager i en uddannelse, er på kursus osv., skal du aftale din ferie med uddannelsesstedet."
	FerieHusk2      = "Dit CV skal kunne søges af arbejdsgiverne, mens du holder ferie."
	FerieNotAllowed = "Du kan ikke melde ferie her på Jobnet. Kontakt dit jobcenter, hvis du skal holde ferie."

	SygTitle      = "Meld syg eller rask"
	SygIntro      = "Du kan melde dig syg og rask her på Jobnet fra dags dato. Jobcentret får automatisk besked, og er du medlem af en a-kasse, får den også besked."
	SygNotAllowed = "Du kan ikke melde dig syg eller rask her på Jobnet. Kontakt dit jobcenter."

	ArbejdeTitle      = "Midlertidigt arbejde"
	ArbejdeIntro      = "Har du fået midlertidigt arbejde, skal du registrere perioden her. Jobcentret får automatisk besked, og er du medlem af en a-kasse, får den også besked."
	ArbejdeNotAllowed = "Du kan ikke registrere midlertidigt arbejde her på Jobnet. Kontakt dit jobcenter."
)

// The field messages of the forms.
const (
	MsgFerieTooSoon    = "Din ferie skal ligge mere end 14 dage ude i fremtiden. Kontakt i stedet dit jobcenter."
	MsgFerieTooFar     = "Du kan melde ferie højst et år frem."
	MsgFerieTooLong    = "Du kan melde højst 6 uger ferie ad gangen."
	MsgToBeforeFrom    = "Slutdatoen skal være samme dag som eller efter startdatoen."
	MsgFromRequired    = "Angiv den første dag."
	MsgToRequired      = "Angiv den sidste dag."
	MsgNotBeforeToday  = "Du kan kun registrere fra dags dato, ikke tilbage i tiden."
	MsgSygToday        = "Du kan kun melde dig syg fra i dag."
	MsgRaskTooFar      = "Du kan melde dig rask højst 14 dage frem."
	MsgRaskBeforeSyg   = "Du kan ikke melde dig rask, før din sygemelding begynder."
	MsgAlreadySick     = "Du er allerede meldt syg."
	MsgNotSick         = "Du er ikke meldt syg."
	MsgArbejdeTooLong  = "Midlertidigt arbejde kan højst registreres for et år ad gangen."
	MsgCommentTooLong  = "Kommentaren må højst være 500 tegn."
	MsgOverlapsFerie   = "Du har allerede meldt ferie i en del af perioden."
	MsgOverlapsArbejde = "Du har allerede registreret midlertidigt arbejde i en del af perioden."
)

// PeriodInput is the form of Meld ferie and Midlertidigt arbejde: the first
// and the last day, and an optional comment.
type PeriodInput struct {
	From    Date   `json:"from"`
	To      Date   `json:"to"`
	Comment string `json:"comment"`
}

// DayInput is the form of Meld syg and Meld rask: the day — the first sick
// day, or the first day the citizen is well again.
type DayInput struct {
	Day Date `json:"day"`
}

// CheckFerie holds a ferie to the rules on today, given the citizen's
// absences: more than FerieNoticeDays ahead (000 Billede 23), at most a
// year ahead and six weeks long, not overlapping a registered ferie.
func CheckFerie(in PeriodInput, today Date, existing []Absence) error {
	c := &check{e: Error{Code: EInvalid, Message: defaultMessages[EInvalid]}}
	periodFields(c, in)
	if !in.From.IsZero() {
		switch {
		case !FerieInTime(in.From, today):
			c.add("from", MsgFerieTooSoon)
		case in.From.After(today.AddDays(FerieHorizonDays)):
			c.add("from", MsgFerieTooFar)
		}
	}
	if !in.From.IsZero() && !in.To.IsZero() && !in.To.Before(in.From) && in.To.DaysSince(in.From)+1 > FerieMaxDays {
		c.add("to", MsgFerieTooLong)
	}
	if c.e.FieldMessage("from") == "" && c.e.FieldMessage("to") == "" && overlapsKind(existing, AbsenceFerie, in) {
		c.add("from", MsgOverlapsFerie)
	}
	return c.err()
}

// FerieInTime reports whether a holiday from its first day from may be
// reported on today: "mere end 14 dage" (FerieNoticeDays).
func FerieInTime(from, today Date) bool { return from.After(today.AddDays(FerieNoticeDays)) }

// CheckArbejde holds a period of midlertidigt arbejde to the rules: from
// today, at most ArbejdeMaxDays, not overlapping one registered.
func CheckArbejde(in PeriodInput, today Date, existing []Absence) error {
	c := &check{e: Error{Code: EInvalid, Message: defaultMessages[EInvalid]}}
	periodFields(c, in)
	if !in.From.IsZero() && in.From.Before(today) {
		c.add("from", MsgNotBeforeToday)
	}
	if !in.From.IsZero() && !in.To.IsZero() && !in.To.Before(in.From) && in.To.DaysSince(in.From)+1 > ArbejdeMaxDays {
		c.add("to", MsgArbejdeTooLong)
	}
	if c.e.FieldMessage("from") == "" && c.e.FieldMessage("to") == "" && overlapsKind(existing, AbsenceMidlertidigtArbejde, in) {
		c.add("from", MsgOverlapsArbejde)
	}
	return c.err()
}

func periodFields(c *check, in PeriodInput) {
	if in.From.IsZero() {
		c.add("from", MsgFromRequired)
	}
	if in.To.IsZero() {
		c.add("to", MsgToRequired)
	} else if !in.From.IsZero() && in.To.Before(in.From) {
		c.add("to", MsgToBeforeFrom)
	}
	if utf8.RuneCountInString(strings.TrimSpace(in.Comment)) > AbsenceCommentMax {
		c.add("comment", MsgCommentTooLong)
	}
}

func overlapsKind(abs []Absence, k AbsenceKind, in PeriodInput) bool {
	p := Period{From: in.From, To: in.To}
	for _, a := range abs {
		if a.Kind == k && overlaps(a.Period, p) {
			return true
		}
	}
	return false
}

// overlaps reports whether two periods share a day (a zero To is open).
func overlaps(a, b Period) bool {
	return (a.To.IsZero() || !a.To.Before(b.From)) && (b.To.IsZero() || !b.To.Before(a.From))
}

// CheckSyg holds a sygemelding to "kun fra dags dato" (001): its first day
// is today, and no sygemelding holds today already — an open one, one
// whose raskmelding waits for a later day, or one that ends today ("resten
// af dagen").
func CheckSyg(in DayInput, today Date, existing []Absence) error {
	switch {
	case in.Day.IsZero():
		return fieldError("day", MsgFromRequired)
	case in.Day != today:
		return fieldError("day", MsgSygToday)
	}
	if _, ok := SickOn(existing, today); ok {
		return fieldError("day", MsgAlreadySick)
	}
	if _, ok := OpenSygemelding(existing, today); ok {
		return fieldError("day", MsgAlreadySick)
	}
	return nil
}

// CheckRask holds a raskmelding on today: the first day the citizen is
// well, from today (001) up to SygRaskHorizonDays ahead, not before the
// sygemelding began. It returns the sygemelding it ends.
func CheckRask(in DayInput, today Date, existing []Absence) (Absence, error) {
	syg, ok := OpenSygemelding(existing, today)
	switch {
	case !ok:
		return Absence{}, fieldError("day", MsgNotSick)
	case in.Day.IsZero():
		return syg, fieldError("day", MsgFromRequired)
	case in.Day.Before(today):
		return syg, fieldError("day", MsgNotBeforeToday)
	case in.Day.After(today.AddDays(SygRaskHorizonDays)):
		return syg, fieldError("day", MsgRaskTooFar)
	case in.Day.Before(syg.Period.From):
		return syg, fieldError("day", MsgRaskBeforeSyg)
	}
	return syg, nil
}

// LastSickDay is the sygemelding's last day when the citizen is well from
// the day well: the day before, and at least the sygemelding's first day
// — a citizen who reports sick and well on the same day "er registreret i
// jobcentret som sygemeldt resten af dagen" (the front page's words).
func LastSickDay(syg Absence, well Date) Date {
	last := well.AddDays(-1)
	if last.Before(syg.Period.From) {
		return syg.Period.From
	}
	return last
}

func fieldError(field, msg string) error {
	return &Error{Code: EInvalid, Message: defaultMessages[EInvalid], Fields: []FieldError{{Field: field, Message: msg}}}
}

// OpenSygemelding is the citizen's sygemelding with no raskmelding yet
// that has not ended on today: the one a raskmelding ends. A raskmelding
// waiting for its day (RaskFra) leaves none open.
func OpenSygemelding(abs []Absence, today Date) (Absence, bool) {
	for _, a := range abs {
		if a.Kind == AbsenceSygdom && a.Period.To.IsZero() && a.RaskFra.IsZero() && !today.Before(a.Period.From) {
			return a, true
		}
	}
	return Absence{}, false
}

// SickOn reports the sygemelding that holds today, if any (a raskmelding
// waiting for its day included).
func SickOn(abs []Absence, today Date) (Absence, bool) {
	for _, a := range abs {
		if a.Kind == AbsenceSygdom && a.Period.Contains(today) {
			return a, true
		}
	}
	return Absence{}, false
}

// SygemeldingNotification is "Vigtig information"'s notice of a citizen
// registered as sick today, derived from the absence, never stored: "Du
// er registreret i jobcentret som sygemeldt resten af dagen" once the last
// sick day is today (the sources' text); before that, this project's.
func SygemeldingNotification(abs []Absence, today Date) (Notification, bool) {
	a, ok := SickOn(abs, today)
	if !ok {
		return Notification{}, false
	}
	n := Notification{Kind: NotifySygemelding, Title: "Du er registreret som sygemeldt"}
	switch {
	case a.Period.To == today:
		n.Text = "Du er registreret i jobcentret som sygemeldt resten af dagen."
	case !a.RaskFra.IsZero():
		n.Text = "Du er registreret i jobcentret som sygemeldt. Du har meldt dig rask fra " + a.RaskFra.DanishLong() + "."
	default:
		n.Text = "Du er registreret i jobcentret som sygemeldt. Husk at melde dig rask her på Jobnet, når du er rask."
	}
	return n, true
}

// Fravaer is the page "Aktuelt fravær" with what the citizen may do.
type Fravaer struct {
	// Absences are those shown on Jobnet that have not ended today, the
	// latest start first (000 line 405: "aktuelt og i den kommende tid").
	Absences []Absence `json:"absences"`
	// Services are the self-services the citizen may use today.
	Services []SelfService `json:"services"`
	// Sick: a sygemelding open for a raskmelding (OpenSygemelding).
	Sick *Absence `json:"sick,omitempty"`
	// Straks: the citizen is straksbookingramt, so a raskmelding includes
	// booking a jobsamtale (003 «Tilmelding (eller raskmelding) som
	// straksbookingramt»).
	Straks bool `json:"straks,omitempty"`
}

// FravaerOf is the page on today from every absence of the citizen.
func FravaerOf(abs []Absence, fs []Forloeb, today Date) Fravaer {
	p := Fravaer{Absences: []Absence{}, Services: []SelfService{}}
	for _, a := range abs {
		if AbsenceTypeOf(a.Kind).Shown && a.NotEnded(today) {
			p.Absences = append(p.Absences, a)
		}
	}
	for _, s := range []SelfService{ServiceFerie, ServiceSygRask, ServiceArbejde} {
		if s.MayUse(fs, today) {
			p.Services = append(p.Services, s)
		}
	}
	if s, ok := OpenSygemelding(abs, today); ok {
		p.Sick = &s
	}
	return p
}

// Offers reports whether the page offers the self-service.
func (p Fravaer) Offers(s SelfService) bool { return slices.Contains(p.Services, s) }

// AKasseFravaer is the a-kasse's view of the page: the current absences
// lawful on dagpenge (projectAbsences); the forms are shown, their
// registration refused (MsgAKasseCannotRegister).
type AKasseFravaer struct {
	Absences []AKasseAbsence `json:"absences"`
	Services []SelfService   `json:"services"`
}

// ProjectFravaerForAKasse is the a-kasse's view of the page on today.
func ProjectFravaerForAKasse(p Fravaer, today Date) AKasseFravaer {
	return AKasseFravaer{Absences: projectAbsences(p.Absences, today), Services: slices.Clone(p.Services)}
}

// FravaerReceipt answers a registration: the absence as registered, and
// whether a raskmelding's citizen must book a jobsamtale now.
type FravaerReceipt struct {
	Absence Absence `json:"absence"`
	Straks  bool    `json:"straks,omitempty"`
}

// AbsenceWhen is the Fra or Til of the list: "onsdag den 5. feb. 2020"
// (Billede 24); an open end is "Ikke angivet".
func AbsenceWhen(d Date) string {
	if d.IsZero() {
		return "Ikke angivet"
	}
	return danishWeekdays[d.time().Weekday()] + " den " + d.DanishShort()
}

// PeriodForm is Meld ferie's and Midlertidigt arbejde's form as typed: the
// dates as the date field gives them (YYYY-MM-DD), so that nothing typed
// is lost when a message shows.
type PeriodForm struct {
	From, To, Comment string
}

// MsgBadDate is the message at a date the form cannot read.
const MsgBadDate = "Skriv en gyldig dato."

// Read is the input of the form; a date it cannot read is an error at its
// field, beside the check's errors at the others (check: CheckFerie or
// CheckArbejde on today).
func (f PeriodForm) Read(check func(PeriodInput) error) (PeriodInput, error) {
	in := PeriodInput{Comment: f.Comment}
	var bad []FieldError
	for _, d := range []struct {
		field, s string
		dst      *Date
	}{{"from", f.From, &in.From}, {"to", f.To, &in.To}} {
		if strings.TrimSpace(d.s) == "" {
			continue
		}
		v, err := ParseDate(strings.TrimSpace(d.s))
		if err != nil {
			bad = append(bad, FieldError{Field: d.field, Message: MsgBadDate})
			continue
		}
		*d.dst = v
	}
	return in, withFieldErrors(bad, check(in))
}
