package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// contactFolds are the side folds "Kontakt dit jobcenter" and "Kontakt
// supporten" of every sub-page (000 Billede 18), DKFDS accordions folded
// by default. A caseworker who mirrors a citizen sees what the citizen
// sees.
//
// The picture shows the folds' titles only; their texts are put together
// from what the sources say elsewhere, each with its place. The sources
// give no phone number, opening hours or address of a jobcenter or of the
// support, so the folds say where to find them and invent none. The
// session does not say which jobcenter the citizen belongs to
// (shared.Actor.Organisation is a caseworker's own organisation, nil for a
// citizen), so "Kontakt dit jobcenter" names none; when the session
// carries it, its name belongs in the first paragraph.
type contactFolds struct {
	app.Compo

	jobcenterOpen bool
	supportOpen   bool
}

func newContactFolds() *contactFolds { return &contactFolds{} }

func (c *contactFolds) toggleJobcenter(ctx app.Context, e app.Event) {
	c.jobcenterOpen = !c.jobcenterOpen
}

func (c *contactFolds) toggleSupport(ctx app.Context, e app.Event) {
	c.supportOpen = !c.supportOpen
}

func (c *contactFolds) Render() app.UI {
	return app.Ul().Class("accordion jobnet-contact").Body(
		fold("contact-jobcenter", "Kontakt dit jobcenter", c.jobcenterOpen, c.toggleJobcenter,
			// 001 «Tilknytning til jobcenter»: "Tilmeldte vil automatisk
			// blive knyttet til det jobcenter, hvor de har
			// folkeregisteradresse."
			app.P().Text("Du hører til jobcentret i den kommune, hvor du har folkeregisteradresse."),
			// 001 «Tilmelding af kontant- og starthjælpsansøgere»: "Det vil
			// fremgå af kvitteringen for tilmeldingen, hvilket
			// jobcenter, den ledige tilknyttes, så man kan slå adresse og
			// åbningstider op." Where to look them up is not in the
			// sources: the municipality's website is where they are.
			app.P().Text("Hvilket jobcenter du er tilknyttet, står på kvitteringen for din tilmelding som ledig. Jobcentrets adresse, telefonnummer og åbningstider finder du på din kommunes hjemmeside."),
			// 000 Billede 17, "Hvis du har spørgsmål", word for word.
			app.P().Text("Hvis du har spørgsmål om dine dagpenge, skal du kontakte din a-kasse. Hvis du har andre spørgsmål, kan du finde mange svar på Jobnet. Ellers er du velkommen i jobcentret."),
		),
		fold("contact-support", "Kontakt supporten", c.supportOpen, c.toggleSupport,
			// 003, under «Figur 2: Borgerens indgangsmenu i Jobnet»:
			// "Borgerne har adgang til at kontakte STAR's Landssupport i
			// forbindelse med anvendelse af Jobnet"; 003 «Jobbanken»
			// names it "Jobnet-supporten".
			app.P().Text("Har du brug for hjælp til at bruge Jobnet, kan du kontakte Jobnet-supporten, som er STAR's Landssupport (Styrelsen for Arbejdsmarked og Rekruttering)."),
			// 004: guides "som trin for trin fortæller om brugen af
			// værktøjerne på Jobnet", "på Jobnets supportside", e.g. "Book,
			// ombook eller meld afbud til et møde med dit jobcenter".
			app.P().Text("På Jobnets supportside finder du vejledninger, der trin for trin fortæller, hvordan du bruger Jobnet, fx hvordan du booker, ombooker eller melder afbud til et møde med dit jobcenter."),
			// 003 «Oprettelse og login»: "Hvis borgeren skal melde sig ledig
			// her og nu, men ikke kan finde sit nøglekort, kan han tilgå en
			// formular på supporthjemmesiden, hvor han kan melde sig ledig og
			// få ydelse fra datoen."
			app.P().Text("Skal du melde dig ledig i dag, men kan du ikke logge ind, kan du melde dig ledig med en formular på supportsiden. Så kan du få ydelse fra den dag."),
			// Not in the sources: the support's phone number and hours.
			app.P().Text("Supportens telefonnummer og åbningstider står på supportsiden."),
		),
	)
}

// fold is one DKFDS accordion item: its title a button in a heading, with
// aria-expanded and aria-controls, over its content (id), hidden while
// folded. DKFDS hides .accordion-content unless aria-hidden is "false", so
// the attribute is always set.
func fold(id, title string, open bool, toggle app.EventHandler, content ...app.UI) app.UI {
	return app.Li().Body(
		app.H2().Body(
			app.Button().Type("button").ID(id+"-button").Class("accordion-button").
				Aria("expanded", boolString(open)).Aria("controls", id).OnClick(toggle).Body(
				app.Span().Class("accordion-title").Text(title),
			),
		),
		app.Div().ID(id).Class("accordion-content").Aria("hidden", boolString(!open)).Body(content...),
	)
}
