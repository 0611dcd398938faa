package shared

import "time"

// Registrations (SPEC D7, D8, D12): who made a registration, and the
// enrolments as ledig that Til- og afmelding writes and Historik →
// Ledighedsstatusser lists (migrations/028_absences_enrolments).

// Registrant is who made a registration: "Borger selv, sagsbehandler eller
// system (hvis eksempelvis det er et batchjob der har afviklet en hændelse
// sat til fremtidig eksekvering)" (003 «Jobnet Historik»).
type Registrant string

const (
	RegisteredByCitizen    Registrant = "borger"
	RegisteredByCaseworker Registrant = "sagsbehandler"
	RegisteredBySystem     Registrant = "system"
)

// Valid reports whether r is one of the three.
func (r Registrant) Valid() bool {
	return r == RegisteredByCitizen || r == RegisteredByCaseworker || r == RegisteredBySystem
}

// Label is the registrant as Historik shows it.
func (r Registrant) Label() string {
	switch r {
	case RegisteredByCitizen:
		return "Dig selv"
	case RegisteredByCaseworker:
		return "Sagsbehandler"
	case RegisteredBySystem:
		return "System"
	}
	return string(r)
}

// Benefit is the ydelse a citizen enrols for: "Dagpenge",
// "Kontanthjælp/Introduktionsydelse", "Dimittend", "Ingen ydelse"
// (001 «Tilmelding»).
type Benefit string

const (
	BenefitDagpenge      Benefit = "dagpenge"
	BenefitKontanthjaelp Benefit = "kontanthjaelp"
	BenefitDimittend     Benefit = "dimittend"
	BenefitIngen         Benefit = "ingen"
)

var benefitLabels = map[Benefit]string{
	BenefitDagpenge:      "Dagpenge",
	BenefitKontanthjaelp: "Kontanthjælp/Introduktionsydelse",
	BenefitDimittend:     "Dimittend",
	BenefitIngen:         "Ingen ydelse",
}

// Benefits lists the four in the order the sources name them.
func Benefits() []Benefit {
	return []Benefit{BenefitDagpenge, BenefitKontanthjaelp, BenefitDimittend, BenefitIngen}
}

// Valid reports whether b is one of the four.
func (b Benefit) Valid() bool { _, ok := benefitLabels[b]; return ok }

// Label is the benefit as the citizen reads it.
func (b Benefit) Label() string {
	if l, ok := benefitLabels[b]; ok {
		return l
	}
	return string(b)
}

// Ledighed is "om man er fuldt ledig eller delvis ledig", for dagpenge also
// "ikke ledige" (001).
type Ledighed string

const (
	LedighedHelt   Ledighed = "helt"
	LedighedDelvis Ledighed = "delvis"
	LedighedIkke   Ledighed = "ikke"
)

// Valid reports whether l is one of the three.
func (l Ledighed) Valid() bool { return l == LedighedHelt || l == LedighedDelvis || l == LedighedIkke }

// Label is the status as the citizen reads it.
func (l Ledighed) Label() string {
	switch l {
	case LedighedHelt:
		return "Helt ledig"
	case LedighedDelvis:
		return "Delvis ledig"
	case LedighedIkke:
		return "Ikke ledig"
	}
	return string(l)
}

// EnrolmentState is where an enrolment stands. Only kontanthjælp waits:
// "Tilmeldingen effektueres dog først ved henvendelsen i jobcentret. Hvis
// borgeren ikke henvender sig inden for 6 dage, vil tilmeldingen ikke
// effektueres og ikke slå igennem nogen steder." (001)
type EnrolmentState string

const (
	EnrolmentAwaiting  EnrolmentState = "afventer"
	EnrolmentEffective EnrolmentState = "effektueret"
	EnrolmentLapsed    EnrolmentState = "bortfaldet"
	EnrolmentRejected  EnrolmentState = "afvist"
)

// Valid reports whether s is one of the four.
func (s EnrolmentState) Valid() bool {
	return s == EnrolmentAwaiting || s == EnrolmentEffective || s == EnrolmentLapsed || s == EnrolmentRejected
}

// Counts reports whether the enrolment took effect: a lapsed or rejected
// kontanthjælp enrolment "slår ikke igennem nogen steder" (001), and one
// still waiting has not yet.
func (s EnrolmentState) Counts() bool { return s == EnrolmentEffective }

// Enrolment is one period of enrolment as ledig. Period.To is zero while it
// runs and no afmelding is set; a future To is an afmelding waiting for its
// day.
type Enrolment struct {
	ID         int64          `json:"id"`
	Benefit    Benefit        `json:"benefit"`
	Ledighed   Ledighed       `json:"ledighed"`
	UdenYdelse bool           `json:"uden_ydelse,omitempty"`
	State      EnrolmentState `json:"state"`
	Period     Period         `json:"period"`
	// EndReason is the afmelding's reason code, when it ended by one.
	EndReason    string     `json:"end_reason,omitempty"`
	RegisteredBy Registrant `json:"registered_by"`
	RegisteredAt time.Time  `json:"registered_at"`
}
