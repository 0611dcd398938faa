package shared

import "fmt"

// Kontaktgruppe is the jobcenter's classification of a citizen's forløb. The
// table is data: pages and policies look a group up here instead of
// switching on numbers.
//
// The sources name KG 1 (dagpengemodtagere) and KG 8 with tilmeldekategori 5
// (dimittender) for the a-kasse rule, the integration groups KG 18, 19, 27 and
// 29, and "Øvrige" KG 8, 15, 20–23 (003_…txt). They do not give the numbers of
// the other LAB groups; those below (2–7, 9–14) follow the LAB §6 order and
// are this project's choice, to be replaced by DFDG's codes when known.
type Kontaktgruppe struct {
	Number     int    `json:"number"`
	Maalgruppe string `json:"maalgruppe"` // e.g. "LAB 01"
	Name       string `json:"name"`
	// Dagpenge marks the forløb during which the member's a-kasse may mirror
	// the citizen (SPEC K1). KG 8 counts only with tilmeldekategori 5.
	Dagpenge bool `json:"dagpenge"`
	// ActiveJobSeeker marks the groups with "pligt til at være aktivt
	// jobsøgende" (002_…txt chapter 3): they always keep at least one
	// occupation under "Jeg søger job som" (HasDutyToSeekWork).
	ActiveJobSeeker bool `json:"aktivt_jobsoegende"`
}

// Tilmeldekategori 5 marks a dimittend's enrolment in kontaktgruppe 8.
const TilmeldekategoriDimittend = 5

var kontaktgrupper = []Kontaktgruppe{
	{1, "LAB 01", "Dagpengemodtager", true, true},
	{2, "LAB 02", "Jobparat kontanthjælpsmodtager", false, true},
	{3, "LAB 03", "Aktivitetsparat kontanthjælpsmodtager", false, false},
	{4, "LAB 04", "Uddannelsesparat uddannelseshjælpsmodtager", false, false},
	{5, "LAB 05", "Aktivitetsparat uddannelseshjælpsmodtager", false, false},
	{6, "LAB 06", "Sygedagpengemodtager", false, false},
	{7, "LAB 07", "Jobafklaringsforløb", false, false},
	{8, "Øvrige", "Ledig uden ydelse", false, false},
	{9, "LAB 08", "Ressourceforløb", false, false},
	{10, "LAB 09", "Fleksjobvisiteret", false, false},
	{11, "LAB 10", "Revalidend", false, false},
	{12, "LAB 11", "Førtidspensionist", false, false},
	{13, "LAB 12", "Selvforsørgende, ikke i beskæftigelse", false, false},
	{14, "LAB 13", "Ung under 18", false, false},
	{15, "Øvrige", "Øvrige", false, false},
	{18, "Integrationsloven", "Omfattet af integrationsprogrammet", false, false},
	{19, "Integrationsloven", "Omfattet af introduktionsforløb", false, false},
	{27, "Integrationsloven", "Selvforsørgende flygtning eller familiesammenført", false, false},
	{29, "Integrationsloven", "Øvrige omfattet af integrationsloven", false, false},
}

// KontaktgruppeByNumber looks a group up by its number.
func KontaktgruppeByNumber(n int) (Kontaktgruppe, bool) {
	for _, k := range kontaktgrupper {
		if k.Number == n {
			return k, true
		}
	}
	return Kontaktgruppe{}, false
}

// Forloeb is one period in one kontaktgruppe ("forløb").
type Forloeb struct {
	Kontaktgruppe    int    `json:"kontaktgruppe" validate:"required,kontaktgruppe"`
	Tilmeldekategori int    `json:"tilmeldekategori" validate:"gte=0,lte=99"`
	Period           Period `json:"period"`
}

// IsDagpengeOrDimittend reports whether the forløb is one in which the
// citizen's a-kasse may follow them: kontaktgruppe 1, or kontaktgruppe 8 with
// tilmeldekategori 5 (SPEC K1, 000_…txt).
func (f Forloeb) IsDagpengeOrDimittend() bool {
	kg, ok := KontaktgruppeByNumber(f.Kontaktgruppe)
	if ok && kg.Dagpenge {
		return true
	}
	return f.Kontaktgruppe == 8 && f.Tilmeldekategori == TilmeldekategoriDimittend
}

// HasDutyToSeekWork reports whether the forløb of today carries "pligt
// til at være aktivt jobsøgende": such citizens "skal altid have mindst ét
// jobmål under "Jeg søger job som"" (002_…txt 3.1). Chapter 3 of 002_…txt
// names dagpengemodtagere, jobparate kontanthjælpsmodtagere,
// ledighedsydelsesmodtagere and overgangsydelsesmodtagere outside the
// introduction programme. This project's reading of its groups:
//   - yes: KG 1 (dagpenge), KG 2 (jobparat kontanthjælp) and a dimittend
//     (KG 8, tilmeldekategori 5), who is on dagpenge;
//   - no: the groups of chapter 4 (aktivitetsparate, sygedagpenge,
//     jobafklaring, ressourceforløb, fleksjob, …), the young with an
//     uddannelsespålæg (chapter 5), ledige uden ydelse and the integration
//     groups. KG 10 holds both fleksjobbere and ledighedsydelsesmodtagere,
//     and the overgangsydelse is no group of its own: without DFDG's
//     finer codes they are counted as without the duty, so that a citizen
//     is never held to a rule that may not be theirs.
func HasDutyToSeekWork(fs []Forloeb, today Date) bool {
	f, ok := CurrentForloeb(fs, today)
	if !ok {
		return false
	}
	if f.Kontaktgruppe == 8 && f.Tilmeldekategori == TilmeldekategoriDimittend {
		return true
	}
	kg, ok := KontaktgruppeByNumber(f.Kontaktgruppe)
	return ok && kg.ActiveJobSeeker
}

// Label is the group as the citizen reads it, e.g. "Dagpengemodtager (LAB 01)".
func (f Forloeb) Label() string {
	if f.Kontaktgruppe == 8 && f.Tilmeldekategori == TilmeldekategoriDimittend {
		return "Dimittend"
	}
	kg, ok := KontaktgruppeByNumber(f.Kontaktgruppe)
	if !ok {
		return fmt.Sprintf("Kontaktgruppe %d", f.Kontaktgruppe)
	}
	if kg.Maalgruppe == "" || kg.Maalgruppe == "Øvrige" || kg.Maalgruppe == "Integrationsloven" {
		return kg.Name
	}
	return kg.Name + " (" + kg.Maalgruppe + ")"
}

// CurrentForloeb returns the forløb that contains today, if any. When periods
// overlap (they should not), the latest start wins.
func CurrentForloeb(fs []Forloeb, today Date) (Forloeb, bool) {
	var cur Forloeb
	found := false
	for _, f := range fs {
		if f.Period.Contains(today) && (!found || f.Period.From.After(cur.Period.From)) {
			cur, found = f, true
		}
	}
	return cur, found
}

// EnrolmentStatus is whether the citizen is enrolled as unemployed.
type EnrolmentStatus string

const (
	EnrolmentTilmeldt EnrolmentStatus = "tilmeldt"
	EnrolmentAfmeldt  EnrolmentStatus = "afmeldt"
)

func (s EnrolmentStatus) Valid() bool {
	return s == EnrolmentTilmeldt || s == EnrolmentAfmeldt
}

// Label is the status as the citizen reads it.
func (s EnrolmentStatus) Label() string {
	if s == EnrolmentTilmeldt {
		return "Tilmeldt som ledig"
	}
	return "Ikke tilmeldt som ledig"
}
