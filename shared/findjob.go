package shared

import "time"

// Find Job (SPEC C1, C7, G; FEATURES.md 1.1–1.2): job ads, the search and
// its facets. The ads arrive from the case systems and the employer side
// through the ingestion API; anyone searches them.
//
// The sources leave the values of "Ansættelsesvilkår" and "Ansættelsens
// varighed" open (FEATURES.md 1.1). This project's choice, from the ad
// marks the sources do name (Hotjob, Fleksjob, løntilskudsjob, elev) and the
// kinds of employment Danish ads state:
//   - Ansættelsesvilkår: Almindelige vilkår, Fleksjob, Løntilskud, Elev eller
//     lærling (one per ad), and Hotjob (a mark an ad of any terms may carry).
//   - Ansættelsens varighed: Fast, Tidsbegrænset, Vikariat.

// DeadlineKind is how an ad states its application deadline.
type DeadlineKind string

const (
	DeadlineDate     DeadlineKind = "dato"
	DeadlineSnarest  DeadlineKind = "snarest"
	DeadlineUnstated DeadlineKind = "ikke_oplyst"
)

// StartKind is how an ad states when the job starts.
type StartKind string

const (
	StartDate       StartKind = "dato"
	StartSnarest    StartKind = "snarest"
	StartByAgreeing StartKind = "efter_aftale"
)

// WorkingTime is full or part time.
type WorkingTime string

const (
	FullTimeJob WorkingTime = "fuldtid"
	PartTimeJob WorkingTime = "deltid"
)

// Terms are an ad's ansættelsesvilkår.
type Terms string

const (
	TermsOrdinary    Terms = "ordinaer"
	TermsFleksjob    Terms = "fleksjob"
	TermsLoentilskud Terms = "loentilskud"
	TermsElev        Terms = "elev"
)

// Duration is an ad's ansættelsens varighed.
type Duration string

const (
	DurationPermanent Duration = "fast"
	DurationFixedTerm Duration = "tidsbegraenset"
	DurationTemporary Duration = "vikariat"
)

// Option is a value of a closed list with its Danish and English labels.
type Option struct {
	Value   string `json:"value"`
	Label   string `json:"label"`
	LabelEN string `json:"label_en"`
}

// The closed lists, in the order the filters show them.
var (
	TermsOptions = []Option{
		{string(TermsOrdinary), "Almindelige vilkår", "Ordinary terms"},
		{string(TermsFleksjob), "Fleksjob", "Flexi-job"},
		{string(TermsLoentilskud), "Løntilskud", "Wage subsidy"},
		{string(TermsElev), "Elev eller lærling", "Apprentice or trainee"},
	}
	DurationOptions = []Option{
		{string(DurationPermanent), "Fast", "Permanent"},
		{string(DurationFixedTerm), "Tidsbegrænset", "Fixed term"},
		{string(DurationTemporary), "Vikariat", "Temporary cover"},
	}
	WorkingTimeOptions = []Option{
		{string(FullTimeJob), "Fuldtid", "Full time"},
		{string(PartTimeJob), "Deltid", "Part time"},
	}
)

// In is the label in English (Work in Denmark) or Danish.
func (o Option) In(english bool) string {
	if english {
		return o.LabelEN
	}
	return o.Label
}

// OptionText is the label of value in opts, in English or Danish, or value
// itself.
func OptionText(opts []Option, value string, english bool) string {
	for _, o := range opts {
		if o.Value == value {
			return o.In(english)
		}
	}
	return value
}

// OptionLabel is the Danish label of value in opts, or value itself.
func OptionLabel(opts []Option, value string) string { return OptionText(opts, value, false) }

// Employer is who posts the ad and where the job is.
type Employer struct {
	Name    string `json:"name" validate:"required,max=200"`
	Address string `json:"address" validate:"max=300"`
	// Postcode is the Danish postnummer of the workplace; empty for a job
	// abroad, which names its Country instead.
	Postcode string `json:"postcode" validate:"omitempty,len=4,numeric"`
	Country  string `json:"country" validate:"max=100"`
}

// JobAd is one ad as the case systems send it and as its detail page shows
// it. The sender's organisation and SenderID identify it: sending the same
// SenderID again updates the ad.
type JobAd struct {
	SenderID     string       `json:"sender_id" validate:"required,max=100"`
	Title        string       `json:"title" validate:"required,max=200"`
	OccupationID int          `json:"occupation_id" validate:"required,gt=0"`
	Description  string       `json:"description" validate:"required,max=20000"`
	Employer     Employer     `json:"employer"`
	DeadlineKind DeadlineKind `json:"deadline_kind" validate:"required,oneof=dato snarest ikke_oplyst"`
	Deadline     Date         `json:"deadline,omitempty"` // with DeadlineDate
	StartKind    StartKind    `json:"start_kind" validate:"required,oneof=dato snarest efter_aftale"`
	Start        Date         `json:"start,omitempty"` // with StartDate
	WorkingTime  WorkingTime  `json:"working_time" validate:"required,oneof=fuldtid deltid"`
	// HoursPerWeek: a part-time ad may state its hours.
	HoursPerWeek  float64  `json:"hours_per_week,omitempty" validate:"gte=0,lt=37"`
	Terms         Terms    `json:"terms" validate:"required,oneof=ordinaer fleksjob loentilskud elev"`
	Duration      Duration `json:"duration" validate:"required,oneof=fast tidsbegraenset vikariat"`
	Hotjob        bool     `json:"hotjob"`
	WorkInDenmark bool     `json:"work_in_denmark"`
	// ExternalURL makes the ad external: it opens at its source, and has
	// no detail page on Jobnet.
	ExternalURL string    `json:"external_url,omitempty" validate:"omitempty,http_url,max=2000"`
	Published   time.Time `json:"published"`
}

// JobAdView is an ad as Find Job shows it: the ad, Jobnet's id and what
// the server knows about where it is.
type JobAdView struct {
	ID int64 `json:"id"`
	JobAd
	OccupationTitle string   `json:"occupation_title"`
	Town            string   `json:"town"`         // the postcode's name
	Municipality    string   `json:"municipality"` // the kommune's name
	Area            string   `json:"area"`         // the Find Job area's name
	Lat             *float64 `json:"lat,omitempty"`
	Lon             *float64 `json:"lon,omitempty"`
	// DistanceKm is the distance from a radius search's centre.
	DistanceKm *float64 `json:"distance_km,omitempty"`
}

// External reports whether the ad opens at its source.
func (a JobAdView) External() bool { return a.ExternalURL != "" }

// Place is where the job is, as a teaser says it: "2300 København S",
// or the country abroad.
func (a JobAdView) Place() string {
	if a.Employer.Postcode == "" {
		return a.Employer.Country
	}
	return a.Employer.Postcode + " " + a.Town
}

// DeadlineText is the deadline as Danish readers expect it.
func (a JobAd) DeadlineText() string {
	switch a.DeadlineKind {
	case DeadlineDate:
		return a.Deadline.Danish()
	case DeadlineSnarest:
		return "Snarest"
	}
	return "Ikke oplyst"
}
