package shared

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Mit CV (SPEC C4; FEATURES.md 4.1; 000_…txt 4.5 and Billede 9; 003_…txt
// «Personlige oplysninger», «CV-banken», «Slet min adgang»): the citizen's
// CV, which employers search in the CV-banken. The jobcenter sees it whole;
// the a-kasse sees it "som medlemmet ser det" (000_…txt 4.5); neither
// changes it.
//
// From the sources:
//   - three folds whose headings carry their count: "Erhvervserfaring (1)",
//     "Uddannelser, kurser og certificeringer (1)", "Kvalifikationer (1)";
//     an entry's period is written "01/2004 - 01/2016" (MM/YYYY);
//   - "CV kan kun gøres søgbart, når borger kan kontaktes af evt.
//     arbejdsgivere, så for ledige er angivelse af en eller flere
//     kontaktinformationer obligatorisk" [003 «Personlige oplysninger»];
//   - the CV's status (søgbart or not) and its CV number are shown [001];
//   - the LinkedIn nudge with "TILFØJ LINK", "SENERE" and "Vis ikke denne
//     besked igen" [000 Billede 9];
//   - the CV is not deleted with the account [003 «Slet min adgang»: "CV i
//     Jobsearch slettes for nuværende ikke"].
//
// Decisions where the sources are silent (README, "Mit CV"):
//   - The contact data (telefon, e-mail) belong to Brugerprofil →
//     Personlige oplysninger, which is not built; until it is, Mit CV asks
//     for them itself, as "Kontaktoplysninger til arbejdsgivere".
//   - An entry's period is MM/YYYY text as typed (also M/YYYY, stored
//     MM/YYYY). A job or an education still going on has "Nuværende"
//     instead of an end. A start may not lie after the current month; an
//     end may lie up to ten years ahead (an education's expected end).
//     Experience and education need a period; a qualification has none.
//   - Languages with a level and driving licence categories are NOT IN THE
//     SOURCES (SPEC C4 names them, no source does): they are what Danish
//     employers expect on a CV. The levels and the categories are this
//     project's lists (CVLanguageLevels, CVLicenceCategories).
//   - The CV number is a number from 1000001 up, given once, when the CV is
//     first saved, and never changed nor reused.
//   - Searchable is the citizen's choice, refused without contact data; a
//     citizen enrolled as ledig must keep at least one contact (CVSettings.Check).

// CVSection is one of the CV's three folds.
type CVSection string

const (
	CVExperience    CVSection = "erhvervserfaring"
	CVEducation     CVSection = "uddannelse"
	CVQualification CVSection = "kvalifikation"
)

// CVSections are the folds in the page's order, with their headings.
var CVSections = []Option{
	{string(CVExperience), "Erhvervserfaring", "Work experience"},
	{string(CVEducation), "Uddannelser, kurser og certificeringer", "Education, courses and certifications"},
	{string(CVQualification), "Kvalifikationer", "Qualifications"},
}

// Label is the fold's heading.
func (s CVSection) Label() string {
	for _, o := range CVSections {
		if o.Value == string(s) {
			return o.Label
		}
	}
	return string(s)
}

// Limits of a CV.
const (
	CVMinYear          = 1940
	CVFutureYears      = 10 // an end may lie this many years ahead
	CVMaxEntries       = 100
	CVMaxLanguages     = 20
	CVPhoneMinDigits   = 8
	CVPhoneMaxDigits   = 15
	CVOngoingLabel     = "Nuværende"
	CVFirstNumber      = 1000001
	cvMonthYearExample = "fx 03/2019"
)

// MonthYear is a month of a year, written MM/YYYY.
type MonthYear struct {
	Year  int
	Month time.Month
}

// String is MM/YYYY.
func (m MonthYear) String() string { return fmt.Sprintf("%02d/%04d", int(m.Month), m.Year) }

// Compare orders months.
func (m MonthYear) Compare(o MonthYear) int {
	return cmp.Or(cmp.Compare(m.Year, o.Year), cmp.Compare(m.Month, o.Month))
}

// MonthOf is the month of a day.
func MonthOf(d Date) MonthYear { return MonthYear{Year: d.Year, Month: d.Month} }

// ParseMonthYear reads MM/YYYY (or M/YYYY), with its Danish message for
// what is not one: the form, the month 01–12, a year from CVMinYear to
// CVFutureYears after today.
func ParseMonthYear(s string, today Date) (MonthYear, error) {
	s = strings.TrimSpace(s)
	mm, yyyy, ok := strings.Cut(s, "/")
	if !ok || len(mm) < 1 || len(mm) > 2 || len(yyyy) != 4 || !allDigits(mm) || !allDigits(yyyy) {
		return MonthYear{}, Errorf(EInvalid, "Skriv måned og år som MM/ÅÅÅÅ, %s.", cvMonthYearExample)
	}
	m, _ := strconv.Atoi(mm)
	y, _ := strconv.Atoi(yyyy)
	if m < 1 || m > 12 {
		return MonthYear{}, Errorf(EInvalid, "Måneden skal være fra 01 til 12.")
	}
	if last := today.Year + CVFutureYears; y < CVMinYear || y > last {
		return MonthYear{}, Errorf(EInvalid, "Året skal være fra %d til %d.", CVMinYear, last)
	}
	return MonthYear{Year: y, Month: time.Month(m)}, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// CVEntryInput is one entry of a fold as the form and the API send it.
type CVEntryInput struct {
	Section CVSection `json:"section" validate:"required,oneof=erhvervserfaring uddannelse kvalifikation"`
	// Title is the job ("Opvasker"), the education, course or
	// certification, or the qualification.
	Title string `json:"title" validate:"max=200"`
	// Organisation is "Arbejdsgiver:" or the place of education.
	Organisation string `json:"organisation,omitempty" validate:"max=200"`
	// From and To are MM/YYYY; Ongoing is "Nuværende" and has no To.
	From    string `json:"from,omitempty" validate:"max=7"`
	To      string `json:"to,omitempty" validate:"max=7"`
	Ongoing bool   `json:"ongoing,omitempty"`
	// Description is "Ansvar / arbejdsopgaver / resultater:" of a job, or
	// what the education or qualification holds.
	Description string `json:"description,omitempty" validate:"max=3000"`
}

// Field names of CVEntryInput, where its messages go.
const (
	FieldCVTitle        = "title"
	FieldCVOrganisation = "organisation"
	FieldCVFrom         = "from"
	FieldCVTo           = "to"
)

// Valid: one of the three folds.
func (s CVSection) Valid() bool { return isOption(CVSections, string(s)) }

// hasPeriod: experience and education have one, a qualification none.
func (s CVSection) hasPeriod() bool { return s == CVExperience || s == CVEducation }

// Normalized is the entry as stored: the text trimmed, a month written
// M/YYYY as MM/YYYY, no end when it is ongoing, and no organisation or
// period on a qualification.
func (in CVEntryInput) Normalized(today Date) CVEntryInput {
	for _, s := range []*string{&in.Title, &in.Organisation, &in.From, &in.To, &in.Description} {
		*s = strings.TrimSpace(*s)
	}
	if !in.Section.hasPeriod() {
		return CVEntryInput{Section: in.Section, Title: in.Title, Description: in.Description}
	}
	if in.Ongoing {
		in.To = ""
	}
	for _, s := range []*string{&in.From, &in.To} {
		if m, err := ParseMonthYear(*s, today); err == nil {
			*s = m.String()
		}
	}
	return in
}

// Check judges a normalized entry as the browser and the server both do:
// a title; for a job its employer; for a job and an education a start and
// an end (or "Nuværende"), each MM/YYYY, the start not after this month
// and the end not before the start.
func (in CVEntryInput) Check(today Date) error {
	c, err := checking(in)
	if err != nil {
		return err
	}
	if in.Title == "" {
		c.add(FieldCVTitle, map[CVSection]string{
			CVExperience:    "Skriv din stilling.",
			CVEducation:     "Skriv uddannelsen, kurset eller certificeringen.",
			CVQualification: "Skriv kvalifikationen.",
		}[in.Section])
	}
	if in.Section == CVExperience && in.Organisation == "" {
		c.add(FieldCVOrganisation, "Skriv arbejdsgiverens navn.")
	}
	if !in.Section.hasPeriod() {
		return c.err()
	}
	month := func(field, s, missing string) (MonthYear, bool) {
		if s == "" {
			c.add(field, missing)
			return MonthYear{}, false
		}
		m, err := ParseMonthYear(s, today)
		if err != nil {
			c.add(field, ErrorMessageOf(err))
			return MonthYear{}, false
		}
		return m, true
	}
	from, okFrom := month(FieldCVFrom, in.From, "Skriv, hvornår du begyndte (MM/ÅÅÅÅ).")
	if okFrom && from.Compare(MonthOf(today)) > 0 {
		c.add(FieldCVFrom, "Startdatoen må ikke ligge efter denne måned.")
	}
	if in.Ongoing {
		return c.err()
	}
	to, okTo := month(FieldCVTo, in.To, "Skriv, hvornår du sluttede (MM/ÅÅÅÅ), eller vælg \""+CVOngoingLabel+"\".")
	if okFrom && okTo && to.Compare(from) < 0 {
		c.add(FieldCVTo, "Slutdatoen må ikke ligge før startdatoen.")
	}
	return c.err()
}

// PeriodText is "01/2004 - 01/2016", or "03/2021 - Nuværende".
func (in CVEntryInput) PeriodText() string {
	if !in.Section.hasPeriod() || in.From == "" {
		return ""
	}
	end := in.To
	if in.Ongoing {
		end = CVOngoingLabel
	}
	return in.From + " - " + end
}

// CVEntry is one stored entry.
type CVEntry struct {
	ID int64 `json:"id"`
	CVEntryInput
	Updated time.Time `json:"updated"`
}

// sortKey orders a fold newest first: ongoing entries, then by end, then
// by start; equal ones by id, newest first.
func (e CVEntry) sortKey() (ongoing bool, to, from string) {
	rev := func(s string) string { // MM/YYYY → YYYYMM
		if m, y, ok := strings.Cut(s, "/"); ok {
			return y + m
		}
		return s
	}
	return e.Ongoing, rev(e.To), rev(e.From)
}

// SortCVEntries puts a fold's entries newest first.
func SortCVEntries(es []CVEntry) {
	slices.SortStableFunc(es, func(a, b CVEntry) int {
		ao, at, af := a.sortKey()
		bo, bt, bf := b.sortKey()
		if ao != bo {
			if ao {
				return -1
			}
			return 1
		}
		return cmp.Or(-cmp.Compare(at, bt), -cmp.Compare(af, bf), -cmp.Compare(a.ID, b.ID))
	})
}

// CVLanguage is a language the citizen speaks, with its level.
type CVLanguage struct {
	Language string `json:"language" validate:"max=60"`
	Level    string `json:"level" validate:"max=20"`
}

// CVLanguageLevels: this project's levels (NOT IN THE SOURCES).
var CVLanguageLevels = []Option{
	{"modersmaal", "Modersmål", "Native"},
	{"flydende", "Flydende", "Fluent"},
	{"godt", "Godt", "Good"},
	{"noget", "Nogenlunde", "Fair"},
	{"begynder", "Begynder", "Beginner"},
}

// CVLicenceCategories are the Danish driving licence categories
// (kørekortbekendtgørelsen); NOT IN THE SOURCES as part of Jobnet's CV.
var CVLicenceCategories = []Option{
	{"AM", "AM (knallert)", "AM (moped)"},
	{"A1", "A1 (lille motorcykel)", "A1"},
	{"A2", "A2 (mellemstor motorcykel)", "A2"},
	{"A", "A (motorcykel)", "A"},
	{"B", "B (almindelig bil)", "B"},
	{"BE", "B/E (bil med stort påhængskøretøj)", "BE"},
	{"C1", "C1 (lille lastbil)", "C1"},
	{"C1E", "C1/E", "C1E"},
	{"C", "C (lastbil)", "C"},
	{"CE", "C/E (lastvogntog)", "CE"},
	{"D1", "D1 (lille bus)", "D1"},
	{"D1E", "D1/E", "D1E"},
	{"D", "D (bus)", "D"},
	{"DE", "D/E (bus med påhængskøretøj)", "DE"},
	{"T", "Traktor/motorredskab", "Tractor"},
}

// CVSettings are the CV's own fields besides the folds: whether it is
// søgbart, how employers reach the citizen, the link, languages and
// driving licence.
type CVSettings struct {
	Searchable bool         `json:"searchable"`
	Phone      string       `json:"phone,omitempty" validate:"max=30"`
	Email      string       `json:"email,omitempty" validate:"omitempty,max=254,email"`
	Link       string       `json:"link,omitempty" validate:"omitempty,max=500,http_url"`
	Languages  []CVLanguage `json:"languages" validate:"max=20,dive"`
	Licences   []string     `json:"licences" validate:"max=15"`
}

// Field names of CVSettings.
const (
	FieldCVSearchable = "searchable"
	FieldCVPhone      = "phone"
	FieldCVEmail      = "email"
	FieldCVLink       = "link"
	FieldCVLanguages  = "languages"
	FieldCVLicences   = "licences"
)

// HasContact: an employer can reach the citizen.
func (s CVSettings) HasContact() bool { return s.Phone != "" || s.Email != "" }

// Normalized trims the text, drops empty language rows, and keeps the
// licence categories once each, in the list's order.
func (s CVSettings) Normalized() CVSettings {
	s.Phone, s.Email, s.Link = strings.Join(strings.Fields(s.Phone), " "), strings.TrimSpace(s.Email), strings.TrimSpace(s.Link)
	langs := []CVLanguage{}
	for _, l := range s.Languages {
		l.Language, l.Level = strings.TrimSpace(l.Language), strings.TrimSpace(l.Level)
		if l.Language != "" || l.Level != "" {
			langs = append(langs, l)
		}
	}
	s.Languages = langs
	lic := []string{}
	for _, o := range CVLicenceCategories {
		if slices.Contains(s.Licences, o.Value) {
			lic = append(lic, o.Value)
		}
	}
	for _, l := range s.Licences {
		if !isOption(CVLicenceCategories, l) && !slices.Contains(lic, l) {
			lic = append(lic, l) // an unknown one stays for Check to refuse
		}
	}
	s.Licences = lic
	return s
}

// Check judges normalized settings: the tags; a phone number of 8 to 15
// digits (spaces and a leading + allowed); a language with its level;
// known licence categories; and the source's rule [003 «Personlige
// oplysninger»]: searchable only with a phone number or an e-mail, and a
// citizen enrolled as ledig keeps at least one of them.
func (s CVSettings) Check(enrolment EnrolmentStatus) error {
	c, err := checking(s)
	if err != nil {
		return err
	}
	if s.Phone != "" && !validPhone(s.Phone) {
		c.add(FieldCVPhone, "Skriv et telefonnummer med 8 cifre, fx 12 34 56 78, eller med landekode, fx +46 70 123 45 67.")
	}
	for i, l := range s.Languages {
		switch {
		case l.Language == "":
			c.add(fmt.Sprintf("languages[%d].language", i), "Skriv sproget.")
		case !isOption(CVLanguageLevels, l.Level):
			c.add(fmt.Sprintf("languages[%d].level", i), "Vælg, hvor godt du taler og skriver "+l.Language+".")
		}
	}
	for _, l := range s.Licences {
		if !isOption(CVLicenceCategories, l) {
			c.add(FieldCVLicences, "Ukendt kørekortkategori.")
		}
	}
	if !s.HasContact() {
		if enrolment == EnrolmentTilmeldt {
			c.add(FieldCVPhone, MsgCVContactRequired)
		}
		if s.Searchable {
			c.add(FieldCVSearchable, MsgCVSearchableNeedsContact)
		}
	}
	return c.err()
}

// The searchability rule's messages.
const (
	MsgCVContactRequired        = "Som tilmeldt ledig skal du give arbejdsgiverne mindst én måde at kontakte dig på: telefon eller e-mail."
	MsgCVSearchableNeedsContact = "Dit CV kan kun gøres søgbart, når arbejdsgivere kan kontakte dig. Skriv dit telefonnummer eller din e-mail."
)

func validPhone(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	s = strings.TrimPrefix(s, "+")
	return allDigits(s) && len(s) >= CVPhoneMinDigits && len(s) <= CVPhoneMaxDigits
}

// CV is Mit CV as the page shows it.
type CV struct {
	// Number is the CV number, "" until the CV is first saved.
	Number string `json:"number,omitempty"`
	CVSettings
	// LinkNudgeDismissed: "Vis ikke denne besked igen" was chosen.
	LinkNudgeDismissed bool `json:"link_nudge_dismissed,omitempty"`
	// ContactRequired: the citizen is enrolled as ledig, so the CV must
	// carry contact data (CVSettings.Check), which the form says.
	ContactRequired bool `json:"contact_required,omitempty"`
	// Eures is Job i Europa's choice (SPEC C6), shown on Mit CV.
	Eures          bool       `json:"eures"`
	Experience     []CVEntry  `json:"experience"`
	Education      []CVEntry  `json:"education"`
	Qualifications []CVEntry  `json:"qualifications"`
	Updated        *time.Time `json:"updated,omitempty"`
}

// Entries are a fold's entries.
func (cv CV) Entries(s CVSection) []CVEntry {
	switch s {
	case CVExperience:
		return cv.Experience
	case CVEducation:
		return cv.Education
	}
	return cv.Qualifications
}

// Enrolment is what the settings are judged for: enrolled when contact
// data is required.
func (cv CV) Enrolment() EnrolmentStatus {
	if cv.ContactRequired {
		return EnrolmentTilmeldt
	}
	return EnrolmentAfmeldt
}

// SearchableNow is the status shown: søgbart only with contact data.
func (cv CV) SearchableNow() bool { return cv.Searchable && cv.HasContact() }

// StatusText is the CV's status as the page and the PDF say it.
func (cv CV) StatusText() string {
	if cv.SearchableNow() {
		return "Dit CV er søgbart: arbejdsgivere kan finde det i CV-banken."
	}
	return "Dit CV er ikke søgbart: arbejdsgivere kan ikke finde det."
}

// Empty: nothing is written in the CV yet.
func (cv CV) Empty() bool {
	return len(cv.Experience)+len(cv.Education)+len(cv.Qualifications)+len(cv.Languages)+len(cv.Licences) == 0
}

// LicenceText is the categories as one line: "B, C/E".
func LicenceText(cats []string) string {
	out := make([]string, 0, len(cats))
	for _, c := range cats {
		out = append(out, strings.Replace(c, "E", "/E", 1))
	}
	return strings.Join(out, ", ")
}

// LanguageLevelLabel is a level's label.
func LanguageLevelLabel(v string) string {
	for _, o := range CVLanguageLevels {
		if o.Value == v {
			return o.Label
		}
	}
	return v
}

// ErrCVEntryNotFound answers an entry the citizen does not have.
func ErrCVEntryNotFound() error { return Errorf(ENotFound, "Oplysningen findes ikke på dit CV.") }

// ErrCVTooManyEntries refuses an entry beyond CVMaxEntries in a fold.
func ErrCVTooManyEntries() error {
	return Errorf(EInvalid, "Der kan højst være %d oplysninger i hver del af dit CV.", CVMaxEntries)
}

// CVLinkNudge is the LinkedIn box's choice: "Vis ikke denne besked igen".
type CVLinkNudge struct {
	Dismissed bool `json:"dismissed"`
}

// The LinkedIn box's texts [000 Billede 9].
const (
	CVLinkNudgeTitle = "Vil du tilføje et link til fx din LinkedIn profil?"
	CVLinkNudgeText  = "Her kan du linke til din LinkedIn profil eller en anden webside - fx med dit portfolio. Vidste du, at virksomhederne i stigende grad anvender LinkedIn til at finde deres næste medarbejder?"
)

// ShowLinkNudge: the box shows while the CV has no link and the citizen
// has not chosen "Vis ikke denne besked igen" ("Senere" hides it for the
// visit, which the app remembers).
func (cv CV) ShowLinkNudge() bool { return cv.Link == "" && !cv.LinkNudgeDismissed }
