package shared

import "slices"

// What a caseworker is not shown (SPEC K1, K4; issue 16), as data: the
// mirror banner names these kinds for the caseworker's role, and the server
// enforces the same entries, so the banner cannot promise what the server
// does not do:
//
//   - a kind with a Refusal is a page refused whole. Its APIPath is where
//     its data is served; the route table (server/httpapi) refuses the role
//     with Withhold(kind) on every route under it, and refuses the role no
//     citizen read in any other way, so every refusal has its line here
//     (checkPolicy).
//   - a kind without one is left out of pages the role does see, by the
//     a-kasse's projection (akasse.go, akasse_views.go, akasse_rules.go);
//     TestAKasseWithheldProjected holds each such kind to a case that shows
//     the projection leaving it out.
//
// The banner says only what the role is never shown, never whether the
// citizen has any of it: that would itself tell.

// WithheldKind names one kind of data a caseworker role is not shown.
type WithheldKind string

const (
	WithheldOtherTargetGroups   WithheldKind = "andre-maalgrupper"
	WithheldInterventions       WithheldKind = "indsatser"
	WithheldLetterSecrecy       WithheldKind = "brevhemmelighed"
	WithheldHistorik            WithheldKind = "historik"
	WithheldPresentationCV      WithheldKind = "praesentations-cv"
	WithheldMinSag              WithheldKind = "min-sag"
	WithheldIntegrationContract WithheldKind = "integrationskontrakt"
	WithheldAbsenceHistory      WithheldKind = "historisk-fravaer"
	WithheldHours225            WithheldKind = "225-timer"
	WithheldEducationDrafts     WithheldKind = "uddannelsespaalaeg-kladder"
	WithheldBrugerprofil        WithheldKind = "brugerprofil"
)

// Withheld is one kind of data a role is not shown, as the banner says it.
type Withheld struct {
	Kind WithheldKind `json:"kind"`
	What string       `json:"what"` // the kind of data
	Why  string       `json:"why"`  // the reason, in one line
	// Refusal is the message of a page refused whole, served under APIPath;
	// both are empty for data left out of the pages the role sees.
	Refusal string `json:"refusal,omitempty"`
	APIPath string `json:"api_path,omitempty"`
}

// API paths of pages not built yet that the a-kasse will be refused
// (akasse_rules.go): named now so that the route table refuses them from
// their first route.
const (
	APIPresentationCV = "/api/cv/presentation"
	APIMinSag         = "/api/minsag"
)

// akasseWithheld is what an a-kasse caseworker is not shown, in the order
// the banner lists it (000_…txt sections 3–5).
var akasseWithheld = []Withheld{
	{Kind: WithheldOtherTargetGroups, What: "Perioder i andre målgrupper end dagpengemodtager og dimittend",
		Why: "A-kassen har kun adgang til medlemmets forløb som dagpengemodtager eller dimittend, ikke fx sygedagpenge- eller ressourceforløb."},
	{Kind: WithheldInterventions, What: "Hjælpemidler, personlig assistance, mentor, social- og sundhedsindsatser",
		Why: "A-kassen har ikke hjemmel til at modtage oplysninger om disse indsatser."},
	{Kind: WithheldLetterSecrecy, What: "Indholdet af beskeder, som a-kassen ikke er part i",
		Why: "Reglerne om brevhemmelighed i Straffeloven. Du kan se, at der er en besked, og om den er læst."},
	{Kind: WithheldHistorik, What: "Historik",
		Why: "A-kassen har ikke adgang til medlemmets historik, fx tidligere versioner af Min Plan.", Refusal: MsgNoAccessHistory, APIPath: APILoginHistory},
	{Kind: WithheldPresentationCV, What: "Præsentations-CV",
		Why: "Det er et CV for udsatte borgere, som a-kassen ikke har adgang til. Du kan se medlemmets CV på Jobnet.", Refusal: MsgNoAccessPresentationCV, APIPath: APIPresentationCV},
	{Kind: WithheldMinSag, What: "Min sag til teamet",
		Why: "Det er rehabiliteringsteamets univers for et ressourceforløb. Medlemmet kan selv dele dokumenter med dig.", Refusal: MsgNoAccessMinSag, APIPath: APIMinSag},
	{Kind: WithheldIntegrationContract, What: "Kontrakten under integrationsloven",
		Why: "Den hører under integrationsloven. Du kan se, at medlemmet har en.", Refusal: MsgNoAccessIntegrationContract, APIPath: APIPlanContractPDF},
	{Kind: WithheldAbsenceHistory, What: "Historisk fravær og fravær, der ikke er lovligt på dagpenge",
		Why: "A-kassen ser kun aktuelt fravær, der er lovligt for en dagpengemodtager eller dimittend."},
	{Kind: WithheldHours225, What: "225-timers-reglen",
		Why: "Den gælder kontanthjælp, uddannelseshjælp og integrationsydelse, som a-kassen ikke har del i."},
	{Kind: WithheldEducationDrafts, What: "Svar på uddannelsespålæg, som medlemmet ikke har sendt",
		Why: "Kladder er medlemmets egne, indtil de er sendt til jobcentret."},
	{Kind: WithheldBrugerprofil, What: "Brugerprofil",
		Why: "Kontaktoplysninger, login og beskedvalg er medlemmets egne og indgår ikke i a-kassens opgaver.", Refusal: MsgNoAccessProfile, APIPath: APIProfile},
}

// MsgNoAccessProfile refuses the a-kasse Brugerprofil (issue 14: "nothing
// of Brugerprofil"; the sources name no a-kasse access to it, 000 3–5).
const MsgNoAccessProfile = "Du har ikke adgang til medlemmets brugerprofil."

// WithheldFrom is what a caseworker in the role is not shown: the
// jobcenter sees the citizen's Jobnet whole (SPEC K1), the a-kasse as the
// law filters it (SPEC K4).
func WithheldFrom(r Role) []Withheld {
	if r == RoleAKasse {
		return slices.Clone(akasseWithheld)
	}
	return nil
}

// WithheldEntry is the role's entry for the kind; false when the role is
// shown that kind.
func WithheldEntry(r Role, k WithheldKind) (Withheld, bool) {
	for _, w := range WithheldFrom(r) {
		if w.Kind == k {
			return w, true
		}
	}
	return Withheld{}, false
}
