package shared

import (
	"strings"
	"unicode/utf8"
)

// Til- og afmelding (SPEC D8; FEATURES.md 6.2; 001 «Tilmelding», 003
// «Tilmelding/Afmelding»): the rules of enrolment as ledig and of
// afmelding, judged here so that the page and the server agree. The
// counting of the jobcenter's open days (the kontanthjælp lapse) is the
// server's, in package shared/workdays, so the WASM app carries no holiday
// tables: the server sends the dates.

// Paths of the feature.
const (
	PageEnrolment     = "/tilmelding"
	APIEnrolment      = "/api/tilmelding"
	APIDeregistration = "/api/tilmelding/afmelding"
)

// Ages that decide the benefits offered ("Afhængig af borgers alder og evt.
// medlemsskab af a-kasse kan borger ved tilmelding søge forskellige
// ydelser", 003). The sources name no ages; this project's reading:
//   - EnrolmentBenefitMinAge: under 18 no ydelse is sought from Jobnet
//     (kontanthjælp and uddannelseshjælp start at 18, and the parents
//     have forsørgerpligt; a-kasse membership and dagpenge start at 18).
//   - EnrolmentDagpengeMaxAge: dagpenge and the dimittend's dagpengeret
//     end at folkepensionsalderen. The alder rises from 67 by birth year;
//     67 is the lowest, and a citizen above it is still offered Kontanthjælp
//     and Ingen ydelse, so nobody is locked out by the simplification:
//     the a-kasse judges the actual right.
const (
	EnrolmentBenefitMinAge  = 18
	EnrolmentDagpengeMaxAge = 67
)

// BenefitOption is one ydelse the citizen may choose, with the hint under
// it and the ledighed statuses asked for it.
type BenefitOption struct {
	Benefit    Benefit    `json:"benefit"`
	Label      string     `json:"label"`
	Hint       string     `json:"hint,omitempty"`
	Ledigheder []Ledighed `json:"ledigheder"`
}

// Hints under the options that depend on a-kasse membership.
const (
	HintDagpengeMember    = "Du er registreret som medlem af en a-kasse."
	HintDagpengeNonMember = "Vi kan ikke se, at du er medlem af en a-kasse. Vælger du dagpenge, bliver du tilmeldt uden ydelse, indtil a-kassen har registreret dit medlemskab."
	HintDimittend         = "Du bliver tilmeldt uden ydelse som dimittend, indtil a-kassen melder, at din ret til dagpenge begynder."
	HintKontanthjaelp     = "Du skal henvende dig i jobcentret på førstkommende åbningsdag."
)

// BenefitOptions are the ydelser offered to a citizen of age who is (or is
// not) a registered member of an a-kasse. Membership removes no option:
// dagpenge chosen without a registered membership is the sources' own case
// ("tilmeldes borgeren automatisk som tilmeldt uden ydelse", 001), as the
// register may lag behind the citizen's admission. It decides the outcome,
// which the hint says before the choice.
func BenefitOptions(age int, akasseMember bool) []BenefitOption {
	var out []BenefitOption
	if age >= EnrolmentBenefitMinAge && age < EnrolmentDagpengeMaxAge {
		hint := HintDagpengeNonMember
		if akasseMember {
			hint = HintDagpengeMember
		}
		out = append(out,
			BenefitOption{Benefit: BenefitDagpenge, Hint: hint},
			BenefitOption{Benefit: BenefitKontanthjaelp, Hint: HintKontanthjaelp},
			BenefitOption{Benefit: BenefitDimittend, Hint: HintDimittend})
	} else if age >= EnrolmentBenefitMinAge {
		out = append(out, BenefitOption{Benefit: BenefitKontanthjaelp, Hint: HintKontanthjaelp})
	}
	out = append(out, BenefitOption{Benefit: BenefitIngen})
	for i := range out {
		out[i].Label = out[i].Benefit.Label()
		out[i].Ledigheder = LedighedOptions(out[i].Benefit)
	}
	return out
}

// LedighedOptions are the statuses asked with a benefit: "om man er fuldt
// ledig eller delvis ledig" for everyone (001 «Ny bruger»), and for
// dagpenge "helt eller delvis ledige eller ikke ledige" (001 «Tilmelding»).
func LedighedOptions(b Benefit) []Ledighed {
	if b == BenefitDagpenge {
		return []Ledighed{LedighedHelt, LedighedDelvis, LedighedIkke}
	}
	return []Ledighed{LedighedHelt, LedighedDelvis}
}

// EnrolRequest is the enrolment form.
type EnrolRequest struct {
	Benefit  Benefit  `json:"benefit"`
	Ledighed Ledighed `json:"ledighed"`
}

// Field names and messages of the forms.
const (
	FieldEnrolBenefit      = "benefit"
	FieldEnrolLedighed     = "ledighed"
	FieldDeregisterReason  = "reason"
	FieldDeregisterFrom    = "from"
	MsgEnrolChooseBenefit  = "Vælg den ydelse, du søger."
	MsgEnrolChooseLedighed = "Vælg, om du er helt ledig, delvis ledig eller ikke ledig."
	MsgEnrolBenefitNotOpen = "Du kan ikke søge denne ydelse fra Jobnet. Vælg en af de viste."
	MsgEnrolLedighedNot    = "Vælg helt eller delvis ledig."
	MsgDeregisterReason    = "Vælg årsagen til din afmelding."
	MsgDeregisterFrom      = "Angiv den dato, du afmelder dig fra."
	MsgDeregisterFromRange = "Du kan afmelde dig fra i dag og højst 30 dage frem."
	MsgDeregisterSameDay   = "Du kan tidligst afmelde dig fra dagen efter, du blev tilmeldt."
)

// Check judges the form against the options offered.
func (r EnrolRequest) Check(options []BenefitOption) error {
	var fe []FieldError
	var opt *BenefitOption
	for i := range options {
		if options[i].Benefit == r.Benefit {
			opt = &options[i]
		}
	}
	switch {
	case r.Benefit == "":
		fe = append(fe, FieldError{Field: FieldEnrolBenefit, Message: MsgEnrolChooseBenefit})
	case opt == nil:
		fe = append(fe, FieldError{Field: FieldEnrolBenefit, Message: MsgEnrolBenefitNotOpen})
	}
	switch {
	case r.Ledighed == "":
		fe = append(fe, FieldError{Field: FieldEnrolLedighed, Message: MsgEnrolChooseLedighed})
	case opt != nil && !containsLedighed(opt.Ledigheder, r.Ledighed):
		fe = append(fe, FieldError{Field: FieldEnrolLedighed, Message: MsgEnrolLedighedNot})
	case !r.Ledighed.Valid():
		fe = append(fe, FieldError{Field: FieldEnrolLedighed, Message: MsgEnrolChooseLedighed})
	}
	return formErrors(fe)
}

func containsLedighed(ls []Ledighed, l Ledighed) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

func formErrors(fe []FieldError) error {
	if len(fe) == 0 {
		return nil
	}
	return &Error{Code: EInvalid, Message: "Oplysningerne er ikke udfyldt korrekt.", Fields: fe}
}

// Who cannot enrol from Jobnet (001 «Personer, der ikke kan tilmeldes fra
// Jobnet»), and the steps that come first (003 «Tilmelding/Afmelding»).
const (
	// MsgEnrolNotToBeEnrolled: "de modtager besked om, at de er
	// registreret i jobcentret, men ikke skal være tilmeldt og bekræfte
	// jobsøgning" (001), in the second person.
	MsgEnrolNotToBeEnrolled = "Du er registreret i jobcentret, men skal ikke være tilmeldt og bekræfte jobsøgning."
	MsgEnrolNoAddress       = "Du kan ikke tilmelde dig fra Jobnet, fordi du ikke har folkeregisteradresse i Danmark. Kontakt jobcentret."
	MsgEnrolNeedsOccupation = "Enhver tilmelding kræver, at du har udfyldt \"Jeg søger job som\". Tilføj mindst én stilling, du søger job som, og kom tilbage hertil."
	MsgEnrolDiscontinued    = "En af dine stillinger under \"Jeg søger job som\" er udgået. Ret den, før du tilmelder dig."
	MsgEnrolAlready         = "Du er allerede tilmeldt som ledig."
)

// Matchgrupper (LAB): 1 jobparat, 2 indsatsparat, 3 midlertidigt passiv.
// The jobcenter registers one when it effectuates a kontanthjælp
// enrolment; 0 is "none known".
const (
	Matchgruppe1 = 1
	Matchgruppe2 = 2
	Matchgruppe3 = 3
)

// benefitGroups are the kontaktgrupper whose forløb is an "aktivt
// kontaktforløb" with an ydelse, for the match 2 and 3 rule. This project's
// reading of the table in targetgroup.go: every group with an ydelse,
// which leaves out KG 8 (ledig uden ydelse), 13 (selvforsørgende), 14
// (under 18), 15 (øvrige) and 27 (selvforsørgende flygtninge).
var benefitGroups = map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 9: true,
	10: true, 11: true, 12: true, 18: true, 19: true, 29: true}

// Kontaktgrupper named by the rule's second sentence: "Det samme gælder
// fleksjobvisiterede og revalidender i match 1" (001).
const kontaktgruppeRevalidend = 11

// EnrolmentFacts are what the enrolment rules judge.
type EnrolmentFacts struct {
	Forloeb       []Forloeb
	Matchgruppe   int
	DanishAddress bool
	Today         Date
	Occupations   []SoughtOccupation
	Enrolled      bool
}

// EnrolmentBlock says why the citizen cannot enrol now, "" when they can.
// field names the step that comes first ("occupation") for the
// occupation rules, "" for the reasons the citizen cannot change.
func EnrolmentBlock(f EnrolmentFacts) (msg, field string) {
	if f.Enrolled {
		return MsgEnrolAlready, ""
	}
	// "Personer, der ikke har folkeregisteradresse i Danmark kan ikke
	// tilmelde sig fra Jobnet." (001)
	if !f.DanishAddress {
		return MsgEnrolNoAddress, ""
	}
	if cur, ok := CurrentForloeb(f.Forloeb, f.Today); ok {
		// "Personer, der modtager ydelse og har et aktivt kontaktforløb og
		// står i match 2 eller 3, kan ikke tilmelde sig." (001)
		if benefitGroups[cur.Kontaktgruppe] && (f.Matchgruppe == Matchgruppe2 || f.Matchgruppe == Matchgruppe3) {
			return MsgEnrolNotToBeEnrolled, ""
		}
		// "Det samme gælder fleksjobvisiterede og revalidender i match 1."
		if (cur.Kontaktgruppe == KontaktgruppeFleksjob || cur.Kontaktgruppe == kontaktgruppeRevalidend) && f.Matchgruppe == Matchgruppe1 {
			return MsgEnrolNotToBeEnrolled, ""
		}
	}
	// "Enhver tilmelding på Jobnet kræver angivelse af Jeg søger job som"
	// (003): the step is skipped when filled, and blocked by a discontinued
	// occupation.
	if len(f.Occupations) == 0 {
		return MsgEnrolNeedsOccupation, "occupation"
	}
	for _, o := range f.Occupations {
		if o.Discontinued {
			return MsgEnrolDiscontinued, "occupation"
		}
	}
	return "", ""
}

// CurrentEnrolment is the enrolment of today: the latest that is waiting or
// in effect and not ended before today. A pending afmelding (To in the
// future) leaves it current until then.
func CurrentEnrolment(es []Enrolment, today Date) (Enrolment, bool) {
	for _, e := range es { // latest first
		if e.State != EnrolmentAwaiting && e.State != EnrolmentEffective {
			continue
		}
		if e.Period.From.After(today) {
			continue
		}
		if e.Period.To.IsZero() || !e.Period.To.Before(today) {
			return e, true
		}
	}
	return Enrolment{}, false
}

// DeregistrationMaxDaysAhead: "Afmelding kan ske med afsæt i dags dato og
// maksimalt 30 dage frem." (003)
const DeregistrationMaxDaysAhead = 30

// DeregistrationReason is one reason of the afmelding's list. "Afmelding
// på Jobnet kræver angivelse af en årsag blandt flere mulige" (003); the
// list itself is NOT in the sources: these are this project's, as data,
// with "Andet" last ("Er den for borger relevante årsag ikke tilstede kan
// afmelding ske via jobcenter": "Andet" still lets the citizen do it here,
// the jobcenter learns the rest through the feed).
type DeregistrationReason struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

var deregistrationReasons = []DeregistrationReason{
	{"arbejde", "Jeg har fået arbejde"},
	{"selvstaendig", "Jeg starter som selvstændig"},
	{"uddannelse", "Jeg skal starte på uddannelse"},
	{"orlov", "Jeg skal på barselsorlov eller anden orlov"},
	{"flytter_udland", "Jeg flytter til udlandet"},
	{"pension", "Jeg går på pension eller efterløn"},
	{"andet", "Andet"},
}

// DeregistrationReasons lists the reasons in the form's order.
func DeregistrationReasons() []DeregistrationReason {
	return append([]DeregistrationReason(nil), deregistrationReasons...)
}

// DeregistrationReasonLabel is a reason's label, the code itself if unknown.
func DeregistrationReasonLabel(code string) string {
	for _, r := range deregistrationReasons {
		if r.Code == code {
			return r.Label
		}
	}
	return code
}

// DeregisterRequest is the afmelding form: the reason, and From, the first
// day the citizen is no longer enrolled. The enrolment's last day
// (Period.To) is the day before.
type DeregisterRequest struct {
	Reason string `json:"reason"`
	From   Date   `json:"from"`
}

// Check judges the afmelding on today for an enrolment that began on
// enrolledFrom: From from today up to 30 days ahead (003), and after the
// first day of the enrolment (an enrolment of no days is no enrolment:
// this project's choice, so the period keeps its last day ≥ its first).
func (r DeregisterRequest) Check(today, enrolledFrom Date) error {
	var fe []FieldError
	if DeregistrationReasonLabel(r.Reason) == r.Reason {
		fe = append(fe, FieldError{Field: FieldDeregisterReason, Message: MsgDeregisterReason})
	}
	switch {
	case r.From.IsZero():
		fe = append(fe, FieldError{Field: FieldDeregisterFrom, Message: MsgDeregisterFrom})
	case r.From.Before(today) || r.From.After(today.AddDays(DeregistrationMaxDaysAhead)):
		fe = append(fe, FieldError{Field: FieldDeregisterFrom, Message: MsgDeregisterFromRange})
	case !r.From.After(enrolledFrom):
		fe = append(fe, FieldError{Field: FieldDeregisterFrom, Message: MsgDeregisterSameDay})
	}
	return formErrors(fe)
}

// EnrolmentReceiptTextMax: the jobcenter's own text on the receipt, "Der
// er plads til 1500 karakterer" (001).
const EnrolmentReceiptTextMax = 1500

// CheckReceiptText holds a jobcenter's receipt text to its 1,500
// characters (runes, as a person counts them).
func CheckReceiptText(text string) error {
	if utf8.RuneCountInString(text) > EnrolmentReceiptTextMax {
		return formErrors([]FieldError{{Field: "text", Message: "Teksten må højst være 1500 tegn."}})
	}
	if strings.TrimSpace(text) == "" {
		return formErrors([]FieldError{{Field: "text", Message: "Angiv teksten."}})
	}
	return nil
}

// EnrolmentReceipt is the receipt of an enrolment, "tilpasset den ydelse,
// som borgeren søger" (001).
type EnrolmentReceipt struct {
	Benefit    Benefit  `json:"benefit"`
	Ledighed   Ledighed `json:"ledighed"`
	From       Date     `json:"from"`
	UdenYdelse bool     `json:"uden_ydelse,omitempty"`
	// Lines are the receipt's fixed texts for the benefit (ReceiptLines).
	Lines []string `json:"lines"`
	// DagpengeLinks: the links to dagpengekort and ledighedserklæring,
	// for dagpenge only ("der vil ikke være link til dagpengekort og
	// ledighedserklæring" uden ydelse, 001).
	DagpengeLinks bool `json:"dagpenge_links,omitempty"`
	// Jobcenter is the name of the jobcenter the citizen is attached to,
	// "så man kan slå adresse og åbningstider op" (001).
	Jobcenter string `json:"jobcenter,omitempty"`
	// ShowUpOn and ShowUpBy: kontanthjælp's first open day and the last
	// of the 6 (the server counts them, shared/workdays).
	ShowUpOn Date `json:"show_up_on,omitzero"`
	ShowUpBy Date `json:"show_up_by,omitzero"`
	// JobcenterText is the jobcenter's own text for the benefit, up to
	// 1,500 characters, from its case system.
	JobcenterText string `json:"jobcenter_text,omitempty"`
}

// ReceiptLines are the receipt's texts for an enrolment, per benefit, in
// the sources' words where they have them (001 «Tilmelding»).
func ReceiptLines(b Benefit, udenYdelse bool) []string {
	switch {
	case b == BenefitDagpenge && !udenYdelse:
		return []string{
			"Du er tilmeldt som ledig og søger dagpenge.",
			"Husk: Du skal sende din ledighedserklæring og dit dagpengekort til a-kassen.",
		}
	case b == BenefitDagpenge:
		return []string{
			"Du er tilmeldt som ledig uden ydelse, fordi der ikke er registreret et medlemskab af en a-kasse i A-kasseregistret.",
			"Henvend dig til din a-kasse for at få registreret dit medlemskab.",
		}
	case b == BenefitKontanthjaelp:
		return []string{
			"Du har søgt om at blive tilmeldt som ledig med kontanthjælp eller introduktionsydelse.",
			"Du skal henvende dig i jobcentret på førstkommende åbningsdag. Tilmeldingen træder først i kraft, når du har henvendt dig.",
			"Henvender du dig ikke inden for 6 dage, bliver tilmeldingen ikke gennemført.",
		}
	case b == BenefitDimittend:
		return []string{
			"Du er tilmeldt som ledig uden ydelse. Det fremgår af tilmeldingen, at du er dimittend.",
			"Din tilmelding skifter automatisk til dagpenge, når a-kassen melder, at din ret til dagpenge begynder, hvis du stadig er tilmeldt som dimittend.",
		}
	}
	return []string{
		"Du er tilmeldt som ledig uden ydelse.",
		"Du skal ikke møde i jobcentret for at blive tilmeldt.",
	}
}

// EnrolmentPage is the Til- og afmelding page: the status of today and the
// current enrolment, or why the citizen cannot enrol, the options, and the
// afmelding's reasons and last day.
type EnrolmentPage struct {
	Today   Date              `json:"today"`
	Status  EnrolmentStatus   `json:"status"`
	Current *Enrolment        `json:"current,omitempty"`
	Receipt *EnrolmentReceipt `json:"receipt,omitempty"`
	// DeregisterFrom is a pending afmelding's first day without
	// enrolment (zero when none): withdrawable until then.
	DeregisterFrom Date `json:"deregister_from,omitzero"`
	// Blocked is why the citizen cannot enrol ("" when they can);
	// BlockedField "occupation" when "Jeg søger job som" comes first.
	Blocked      string                 `json:"blocked,omitempty"`
	BlockedField string                 `json:"blocked_field,omitempty"`
	Options      []BenefitOption        `json:"options"`
	Reasons      []DeregistrationReason `json:"reasons"`
	LastFrom     Date                   `json:"last_from"`
	// Straksbooking: the citizen's booking deadline passed, so
	// re-enrolment includes booking a jobsamtale at once (003 «Tilmelding
	// (eller raskmelding) som straksbookingramt»).
	Straksbooking bool `json:"straksbooking,omitempty"`
}

// PendingDeregistration reports whether e carries an afmelding not yet in
// effect on today.
func (e Enrolment) PendingDeregistration(today Date) bool {
	return e.EndReason != "" && !e.Period.To.IsZero() && !e.Period.To.Before(today)
}

// AKasseEnrolment is what the a-kasse sees of an enrolment: a dagpenge or
// dimittend enrolment of its member (the target groups it follows, SPEC
// K1), without who registered it (Historik's, which it is refused).
type AKasseEnrolment struct {
	ID         int64          `json:"id"`
	Benefit    Benefit        `json:"benefit"`
	Ledighed   Ledighed       `json:"ledighed"`
	UdenYdelse bool           `json:"uden_ydelse,omitempty"`
	State      EnrolmentState `json:"state"`
	Period     Period         `json:"period"`
	EndReason  string         `json:"end_reason,omitempty"`
}

// AKasseEnrolmentPage is the a-kasse's view of Til- og afmelding: "Du kan
// se siden", every registration refused (000 5.5). It leaves out the
// receipt (the jobcenter's own text to the citizen), why the citizen
// cannot enrol (it tells the match group and other target groups) and an
// enrolment for another benefit.
type AKasseEnrolmentPage struct {
	Today          Date                   `json:"today"`
	Status         EnrolmentStatus        `json:"status"`
	Current        *AKasseEnrolment       `json:"current,omitempty"`
	DeregisterFrom Date                   `json:"deregister_from,omitzero"`
	Options        []BenefitOption        `json:"options"`
	Reasons        []DeregistrationReason `json:"reasons"`
	LastFrom       Date                   `json:"last_from"`
}

func (AKasseEnrolmentPage) akasseView() {}

// ProjectEnrolmentPageForAKasse is the a-kasse's view of p.
func ProjectEnrolmentPageForAKasse(p EnrolmentPage) AKasseEnrolmentPage {
	out := AKasseEnrolmentPage{Today: p.Today, Status: p.Status, Options: p.Options, Reasons: p.Reasons, LastFrom: p.LastFrom}
	if c := p.Current; c != nil && (c.Benefit == BenefitDagpenge || c.Benefit == BenefitDimittend) {
		out.Current = &AKasseEnrolment{ID: c.ID, Benefit: c.Benefit, Ledighed: c.Ledighed, UdenYdelse: c.UdenYdelse,
			State: c.State, Period: c.Period, EndReason: c.EndReason}
		out.DeregisterFrom = p.DeregisterFrom
	}
	return out
}
