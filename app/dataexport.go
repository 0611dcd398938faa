package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// dataExportBox is "Hent alle mine data" (GDPR article 20): the two
// downloads of everything Jobnet holds about the citizen, the JSON file and
// the readable PDF (shared/dataexport.go), at the foot of Brugerprofil's
// Personlige oplysninger (profil.go): the citizen's data, where the
// citizen's own details are. A caseworker in a mirror session is told that only the citizen
// can fetch it; the server refuses the download anyway (routes.go,
// OwnOnly) — the box only hides the links.
type dataExportBox struct {
	app.Compo
	sess shared.Session
}

func newDataExportBox() *dataExportBox { return &dataExportBox{} }

func (b *dataExportBox) OnMount(ctx app.Context) {
	ctx.ObserveState(stateSession, &b.sess)
}

func (b *dataExportBox) Render() app.UI {
	return app.Section().ID("dataexport").Class("jobnet-dataexport").Aria("labelledby", "dataexport-heading").Body(
		app.H2().ID("dataexport-heading").Text("Hent alle mine data"),
		app.P().Text("Du kan hente en kopi af alle de oplysninger, Jobnet har om dig: dine oplysninger og forløb, "+
			"din plan i alle versioner, møder, beskeder med filer, CV, joblog, jobagenter, fravær, tilmeldinger, "+
			"login-historik og din brug af Jobnet."),
		app.P().Text("JSON-filen kan læses af andre systemer og indeholder også dine filer. "+
			"PDF-filen er den samme kopi skrevet ud, så du selv kan læse den."),
		app.If(b.sess.Actor.Role.IsCaseworker(), func() app.UI {
			return ui.InfoAlert(shared.MsgDataExportOwnOnly)
		}).Else(func() app.UI {
			return app.Ul().Class("nobullet-list jobnet-dataexport-links").Body(
				app.Li().Body(app.A().ID("dataexport-json").Class("button button-secondary").Href(shared.APIDataExportJSON).
					Attr("download", shared.DataExportJSONName).Text("Hent som JSON-fil")),
				app.Li().Body(app.A().ID("dataexport-pdf").Class("button button-secondary").Href(shared.APIDataExportPDF).
					Attr("download", shared.DataExportPDFName).Text("Hent som PDF")),
			)
		}),
	)
}
