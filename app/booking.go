package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/ui"
	"jobnet/shared"
)

// bookingPage is "Planer og aftaler → Møder → Book et møde" (SPEC D4;
// FEATURES.md 5.2; 000 Billede 16–18): the title, the intro and the flow
// (bookingFlow). ?ombook=id rebooks a meeting booked in Jobnet (the Møder
// page's "Ombook"); ?straks=1 is the straksbooking flow for a citizen
// who is straksbookingramt (for anyone else the ordinary flow).
type bookingPage struct {
	app.Compo
}

func newBookingPage() *bookingPage { return &bookingPage{} }

func (p *bookingPage) Render() app.UI {
	return newShell().Title(shared.BookingTitle).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, "Planer og aftaler", shared.BookingTitle),
		app.H1().ID("booking-title").Text(shared.BookingTitle),
		app.P().ID("booking-intro").Class("font-lead").Text(shared.BookingIntro),
		newBookingFlow(),
	)
}
