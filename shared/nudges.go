package shared

// PlanNudge is one of the nudging elements at the bottom of Min Plan
// (003_…txt "Nudgende elementer under Plan": by plan type and the citizen's
// situation; the texts are Jobnet's own, so these are ours). Href is a page
// of this portal, or with External a public site the real Jobnet also sends
// its users to.
type PlanNudge struct {
	Title    string `json:"title"`
	Text     string `json:"text"`
	Link     string `json:"link"`
	Href     string `json:"href"`
	External bool   `json:"external,omitempty"`
}

// PlanNudges are the nudges for a plan of type t, given which counters the
// citizen has (f). Only built pages and public sites are linked: the
// nudges towards Joblog and Find Job come with those features.
func PlanNudges(t PlanType, f Features) []PlanNudge {
	out := []PlanNudge{}
	switch t {
	case PlanJob:
		// 000_…txt Billede 4: "Gode råd til jobsøgningen … Bemærk, at der
		// åbnes på www.info.jobnet.dk".
		out = append(out, PlanNudge{Title: "Gode råd til jobsøgningen", Text: "Få gode råd til dit CV, dine ansøgninger og jobsamtalen.",
			Link: "Find gode råd på info.jobnet.dk", Href: "https://info.jobnet.dk/", External: true})
	case PlanEducation:
		// 002_…txt Bilag 3: "Når du skal finde uddannelsessteder, kan du få
		// hjælp på siden Få hjælp til at finde uddannelser".
		out = append(out, PlanNudge{Title: "Få hjælp til at finde uddannelser", Text: "På UddannelsesGuiden kan du se uddannelser, hvor de findes, og hvad der skal til for at komme ind.",
			Link: "Gå til UddannelsesGuiden på ug.dk", Href: "https://www.ug.dk/", External: true})
	}
	if f.Dagpengetaellere {
		out = append(out, PlanNudge{Title: "Følg din dagpengeret", Text: "Se, hvor meget af din dagpengeret du har brugt, og hvordan arbejde kan forlænge den.",
			Link: "Se dine dagpengetællere", Href: "/dagpengetaellere"})
	}
	if f.Timer225 {
		out = append(out, PlanNudge{Title: "225-timers-reglen", Text: "Se, hvor mange timers arbejde du mangler for at beholde din hjælp.",
			Link: "Se dine timer", Href: "/225-timers-reglen"})
	}
	return out
}
