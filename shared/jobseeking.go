package shared

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// "Jeg søger job som" (SPEC C2; FEATURES.md 2; 003_…txt «"Jeg søger job
// som"»; 000_…txt 4.3 and Billede 7; 002_…txt 3.1, 4.1): the occupations
// of the taxonomy a citizen seeks work as — each once, chosen by its title
// or an alias, with whether the citizen is educated in it and their
// experience — and the employment conditions. Every citizen may keep the
// list; those with a duty to seek work keep at least one occupation
// (HasDutyToSeekWork). Caseworkers see it as the citizen does and change
// nothing (002_…txt 3.1: "du kan ikke redigere i jobmålene"); the a-kasse
// sees it whole (000_…txt 4.3).
//
// Decisions where the sources are silent:
//   - Experience is optional; given, it is whole years (0–60) and the last
//     year worked in the occupation (1950 to this year), months (0–11)
//     optional [003: "Angives erfaring skal angives antal år og hvornår det
//     senest er brugt"]. "Uddannet" is a required Ja or Nej: the source
//     says "skal angives hvorvidt man har uddannelse".
//   - At most MaxSoughtOccupations occupations: more than a person seeks,
//     few enough to bound a page.
//   - "Ansættelsesstart" may be both "Hurtigst muligt" and "Efter aftale"
//     (Billede 7 shows the two side by side), and at least one.

// Limits of the list and its fields.
const (
	MaxSoughtOccupations = 20
	MaxExperienceYears   = 60
	FirstYearWorked      = 1950
	// FindJobRadiusKm is the circle round home of the Find job button
	// [003: "inden for en radius af 50 km i forhold til borgers bopæls
	// geokoordinat"].
	FindJobRadiusKm = 50
)

// JobSeeking is the page "Jeg søger job som".
type JobSeeking struct {
	// Occupations in the order they were added.
	Occupations []SoughtOccupation `json:"occupations"`
	// Conditions are the Ansættelsesbetingelser; nil until the citizen has
	// said.
	Conditions *EmploymentConditions `json:"conditions,omitempty"`
	// HomePostcode is the postcode whose centre is home for the Find job
	// button; empty when Jobnet knows no home.
	HomePostcode string `json:"home_postcode,omitempty"`
	// MustKeepOne: the citizen has a duty to seek work today and may not
	// remove the last occupation.
	MustKeepOne bool `json:"must_keep_one"`
}

// SoughtOccupation is one occupation the citizen seeks work as.
type SoughtOccupation struct {
	OccupationID int    `json:"occupation_id"`
	Title        string `json:"title"`
	// Alias is the alias it was chosen by, as the taxonomy spells it.
	Alias      string      `json:"alias,omitempty"`
	Educated   bool        `json:"educated"`
	Experience *Experience `json:"experience,omitempty"`
	Added      time.Time   `json:"added"`
	// Discontinued: the occupation is udgået from the taxonomy, and
	// ReplacedBy what replaces it, if anything [003: "Under "Jeg søger job
	// som" er tillige fremhævet hvilken stilling, der er udgået"].
	Discontinued bool           `json:"discontinued,omitempty"`
	ReplacedBy   *OccupationRef `json:"replaced_by,omitempty"`
	// NearbyAds is the number of live ads of the occupation within
	// FindJobRadiusKm of home: the Find job button shows when there are any.
	NearbyAds int `json:"nearby_ads"`
}

// OccupationRef names an occupation of the taxonomy.
type OccupationRef struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
}

// Label is the occupation as the list shows it: "Kontorassistent
// (kontorfunktionær)" when chosen by an alias.
func (o SoughtOccupation) Label() string { return OccupationLabel(o.Title, o.Alias) }

// OccupationLabel is a title "efterfulgt af et evt. alias, der er
// efterstillet i parentes" [003], the alias in lower case, as the list and
// the suggestions show it.
func OccupationLabel(title, alias string) string {
	if alias == "" {
		return title
	}
	return title + " (" + strings.ToLower(alias) + ")"
}

// AliasOfLabel is the alias of an alias suggestion's label (OccupationLabel),
// "" for a title alone.
func AliasOfLabel(label string) string {
	i := strings.LastIndex(label, " (")
	if i < 0 || !strings.HasSuffix(label, ")") {
		return ""
	}
	return label[i+2 : len(label)-1]
}

// Experience is the citizen's experience in an occupation.
type Experience struct {
	Years      int `json:"years"`
	Months     int `json:"months"`
	LastWorked int `json:"last_worked"` // the year
}

// Text is the experience as Billede 7 says it: "12 år og 3 måneder".
func (e Experience) Text() string {
	unit := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	}
	years := unit(e.Years, "år", "år")
	switch {
	case e.Months == 0:
		return years
	case e.Years == 0:
		return unit(e.Months, "måned", "måneder")
	}
	return years + " og " + unit(e.Months, "måned", "måneder")
}

// SoughtOccupationInput adds an occupation (POST) or changes its details
// (PUT; the occupation and the alias stay as chosen). The numbers are
// pointers: absent is not zero.
type SoughtOccupationInput struct {
	OccupationID     int    `json:"occupation_id"`
	Alias            string `json:"alias,omitempty" validate:"max=100"`
	Educated         *bool  `json:"educated"`
	ExperienceYears  *int   `json:"experience_years,omitempty" validate:"omitempty,gte=0,lte=60"`
	ExperienceMonths *int   `json:"experience_months,omitempty" validate:"omitempty,gte=0,lte=11"`
	LastWorked       *int   `json:"last_worked,omitempty" validate:"omitempty,gte=1950"`
}

// Field names of SoughtOccupationInput, where its messages go.
const (
	FieldOccupation       = "occupation_id"
	FieldEducated         = "educated"
	FieldExperienceYears  = "experience_years"
	FieldExperienceMonths = "experience_months"
	FieldLastWorked       = "last_worked"
)

// Check judges the input as the browser and the server both do: the tags,
// then what they cannot say — an occupation chosen, Ja or Nej, years and
// the last year worked together, and no year after today's.
func (in SoughtOccupationInput) Check(today Date) error {
	c, err := checking(in)
	if err != nil {
		return err
	}
	field := c.add
	if in.OccupationID <= 0 {
		field(FieldOccupation, "Vælg en stilling på listen med forslag.")
	}
	if in.Educated == nil {
		field(FieldEducated, "Svar ja eller nej.")
	}
	if in.ExperienceYears != nil || in.ExperienceMonths != nil || in.LastWorked != nil {
		if in.ExperienceYears == nil {
			field(FieldExperienceYears, "Skriv, hvor mange år du har arbejdet i faget.")
		}
		if in.LastWorked == nil {
			field(FieldLastWorked, "Skriv, hvilket år du sidst arbejdede i faget.")
		}
	}
	if in.LastWorked != nil && *in.LastWorked > today.Year {
		field(FieldLastWorked, fmt.Sprintf("Må højst være %d.", today.Year))
	}
	return c.err()
}

// Experience is the input's experience, nil when none is given.
func (in SoughtOccupationInput) Experience() *Experience {
	if in.ExperienceYears == nil {
		return nil
	}
	x := &Experience{Years: *in.ExperienceYears}
	if in.ExperienceMonths != nil {
		x.Months = *in.ExperienceMonths
	}
	if in.LastWorked != nil {
		x.LastWorked = *in.LastWorked
	}
	return x
}

// OccupationForm is the form of an occupation as typed: the numbers as
// text, so that nothing typed is lost when a message shows.
type OccupationForm struct {
	OccupationID int
	Alias        string
	Educated     string // "ja", "nej" or "" (not answered)
	Years        string
	Months       string
	LastWorked   string
}

// Input reads the form, with the messages of SoughtOccupationInput.Check
// and "Skriv et helt tal." at a number that is not one.
func (f OccupationForm) Input(today Date) (SoughtOccupationInput, error) {
	in := SoughtOccupationInput{OccupationID: f.OccupationID, Alias: f.Alias}
	switch f.Educated {
	case "ja", "nej":
		educated := f.Educated == "ja"
		in.Educated = &educated
	}
	var notNumbers []FieldError
	number := func(field, text string) *int {
		text = strings.TrimSpace(text)
		if text == "" {
			return nil
		}
		n, err := strconv.Atoi(text)
		if err != nil {
			notNumbers = append(notNumbers, FieldError{Field: field, Message: "Skriv et helt tal."})
			return nil
		}
		return &n
	}
	in.ExperienceYears = number(FieldExperienceYears, f.Years)
	in.ExperienceMonths = number(FieldExperienceMonths, f.Months)
	in.LastWorked = number(FieldLastWorked, f.LastWorked)
	return in, withFieldErrors(notNumbers, in.Check(today))
}

// OccupationFormOf is the form of an occupation on the list, for "Redigér".
func OccupationFormOf(o SoughtOccupation) OccupationForm {
	f := OccupationForm{OccupationID: o.OccupationID, Alias: o.Alias, Educated: "nej"}
	if o.Educated {
		f.Educated = "ja"
	}
	if x := o.Experience; x != nil {
		f.Years, f.LastWorked = strconv.Itoa(x.Years), strconv.Itoa(x.LastWorked)
		if x.Months != 0 {
			f.Months = strconv.Itoa(x.Months)
		}
	}
	return f
}

// CheckAdd judges adding in to the list: Check, then each occupation once
// and at most MaxSoughtOccupations. The server judges again against what
// is stored.
func (s JobSeeking) CheckAdd(in SoughtOccupationInput, today Date) error {
	if err := in.Check(today); err != nil {
		return err
	}
	for _, o := range s.Occupations {
		if o.OccupationID == in.OccupationID {
			return ErrOccupationTwice(o.Title)
		}
	}
	if len(s.Occupations) >= MaxSoughtOccupations {
		return ErrTooManyOccupations()
	}
	return nil
}

// CheckRemove judges removing an occupation from the list: a citizen with
// a duty to seek work keeps at least one (002_…txt 3.1).
func (s JobSeeking) CheckRemove() error {
	if s.MustKeepOne && len(s.Occupations) <= 1 {
		return ErrLastOccupation()
	}
	return nil
}

// occupationError is a refusal with its message at the occupation.
func occupationError(msg string) *Error {
	return &Error{Code: EInvalid, Message: defaultMessages[EInvalid], Fields: []FieldError{{Field: FieldOccupation, Message: msg}}}
}

// ErrOccupationTwice refuses an occupation already on the list [003: "En
// stillingsbetegnelse kan kun vælges én gang"], by its title or an alias.
func ErrOccupationTwice(title string) error {
	return occupationError("Du har allerede valgt " + title + ". En stilling kan kun vælges én gang.")
}

// ErrTooManyOccupations refuses one more than MaxSoughtOccupations.
func ErrTooManyOccupations() error {
	return occupationError(fmt.Sprintf("Du kan højst have %d job under \"Jeg søger job som\".", MaxSoughtOccupations))
}

// ErrLastOccupation refuses removing the last occupation of a citizen with
// a duty to seek work.
func ErrLastOccupation() error {
	return occupationError("Du har pligt til at være aktivt jobsøgende og skal altid have mindst ét job under \"Jeg søger job som\". Tilføj et andet job, før du fjerner dette.")
}

// ErrNotOnList answers a change to an occupation the list does not have.
func ErrNotOnList() error { return Errorf(ENotFound, "Stillingen er ikke på din liste.") }

// ErrOccupationUnknown refuses an occupation the taxonomy does not have,
// or no longer has (udgået), or an alias that is not the occupation's.
func ErrOccupationUnknown() error {
	return occupationError("Stillingen findes ikke. Vælg en stilling på listen med forslag.")
}

// EmploymentConditions are "Ansættelsesbetingelser" (Billede 7):
// "Ugentlig arbejdstid" and "Ansættelsesstart".
type EmploymentConditions struct {
	WorkingTime      WorkingTime `json:"working_time" validate:"omitempty,oneof=fuldtid deltid"`
	StartASAP        bool        `json:"start_asap"`
	StartByAgreement bool        `json:"start_by_agreement"`
}

// Field names of EmploymentConditions' messages.
const (
	FieldWorkingTime = "working_time"
	FieldStart       = "start"
)

// Check judges the conditions: a working time, and at least one start.
func (c EmploymentConditions) Check() error {
	if err := Validate(c); err != nil {
		return err
	}
	e := &Error{Code: EInvalid, Message: defaultMessages[EInvalid]}
	if c.WorkingTime == "" {
		e.Fields = append(e.Fields, FieldError{Field: FieldWorkingTime, Message: "Vælg fuldtid eller deltid."})
	}
	if !c.StartASAP && !c.StartByAgreement {
		e.Fields = append(e.Fields, FieldError{Field: FieldStart, Message: "Vælg mindst én."})
	}
	if len(e.Fields) > 0 {
		return e
	}
	return nil
}

// StartText is "Ansættelsesstart" as Billede 7 shows it.
func (c EmploymentConditions) StartText() string {
	var s []string
	if c.StartASAP {
		s = append(s, "Hurtigst muligt")
	}
	if c.StartByAgreement {
		s = append(s, "Efter aftale")
	}
	return strings.Join(s, ", ")
}

// SoughtOccupationChange is one add or remove in the history [003
// «Historik»: "Søgt Job som viser de seneste 3 års tilføjelser og
// fjernelser"].
type SoughtOccupationChange struct {
	OccupationID int       `json:"occupation_id"`
	Title        string    `json:"title"`
	Alias        string    `json:"alias,omitempty"`
	Change       string    `json:"change"` // OccupationAdded or OccupationRemoved
	At           time.Time `json:"at"`
}

// The changes the history records.
const (
	OccupationAdded   = "tilfoejet"
	OccupationRemoved = "fjernet"
)

// SoughtOccupationHistoryYears is how far back the history shows.
const SoughtOccupationHistoryYears = 3
