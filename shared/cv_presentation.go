package shared

import (
	"strings"
	"time"
)

// Præsentations-CV (SPEC C4; FEATURES.md 4.2; 000_…txt 4.5; 002_…txt 4.1):
// "et CV, der er udarbejdet til udsatte borgere, og som gør det muligt at
// udarbejde et pænere CV, end hvad der p.t. er muligt på Jobnet". It is
// never searchable ("Det er alene borgerens CV-oplysninger på Jobnet i Mit
// CV, der kan gøres søgbart", 002) and the a-kasse gets "Ingen adgang"
// (000 Billede 10; the route table's Withhold).
//
// Its fields and layout are NOT IN THE SOURCES. This project's: a headline
// of one line, and four texts in the citizen's own words — about me, what
// I am good at, what I would like to work with, my experiences — as one
// writes them with a caseworker, rather than Mit CV's dated entries. "Om
// mig" is required (a presentation without it says nothing); the others
// are optional. The PDF may carry the contact data of Mit CV when the
// citizen chooses so. No photo: it would need an upload and storage of
// images, which Jobnet has nowhere else.
//
// Who sees the menu item (FEATURES.md 4.2: not in the sources): every
// citizen, as the a-kasse's screenshot lists it for a dagpenge member; the
// card's own text says it is filled "efter aftale med din sagsbehandler".
type PresentationCV struct {
	Headline       string `json:"headline,omitempty" validate:"max=120"`
	About          string `json:"about" validate:"max=1500"`
	GoodAt         string `json:"good_at,omitempty" validate:"max=1500"`
	WishFor        string `json:"wish_for,omitempty" validate:"max=1500"`
	Experiences    string `json:"experiences,omitempty" validate:"max=3000"`
	IncludeContact bool   `json:"include_contact,omitempty"`
}

// Field names of PresentationCV.
const (
	FieldPresentationHeadline = "headline"
	FieldPresentationAbout    = "about"
)

// PresentationSections are the four texts with their headings, in the
// page's and the PDF's order.
func (p PresentationCV) Sections() []PresentationSection {
	return []PresentationSection{
		{"Om mig", p.About},
		{"Det er jeg god til", p.GoodAt},
		{"Det vil jeg gerne arbejde med", p.WishFor},
		{"Mine erfaringer", p.Experiences},
	}
}

// PresentationSection is one heading and its text.
type PresentationSection struct {
	Title string
	Text  string
}

// Normalized trims the text.
func (p PresentationCV) Normalized() PresentationCV {
	for _, s := range []*string{&p.Headline, &p.About, &p.GoodAt, &p.WishFor, &p.Experiences} {
		*s = strings.TrimSpace(*s)
	}
	return p
}

// Check judges a normalized Præsentations-CV.
func (p PresentationCV) Check() error {
	c, err := checking(p)
	if err != nil {
		return err
	}
	if p.About == "" {
		c.add(FieldPresentationAbout, "Skriv lidt om dig selv under \"Om mig\".")
	}
	return c.err()
}

// PresentationCVPage is the page: the saved Præsentations-CV (zero before
// the first save) and when it was saved.
type PresentationCVPage struct {
	CV      PresentationCV `json:"cv"`
	Saved   bool           `json:"saved"`
	Updated *time.Time     `json:"updated,omitempty"`
}
