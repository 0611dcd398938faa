package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Breadcrumb renders "Forside › section › page" (DKFDS breadcrumbs with the
// chevron between the items); frontPage is the path of Forside, the only
// link. The section is a tab of the front page, not a page of its own.
func Breadcrumb(frontPage, section, page string) app.UI {
	return app.Nav().Class("breadcrumbs").Aria("label", "Brødkrumme").Body(app.Ul().Class("breadcrumbs__list").Body(
		app.Li().Class("breadcrumbs__list-item").Body(app.A().Class("breadcrumbs__link").Href(frontPage).Text("Forside")),
		app.Li().Class("breadcrumbs__list-item").Body(Icon("chevron-right", ""), app.Text(section)),
		app.Li().Class("breadcrumbs__list-item").Aria("current", "page").Body(Icon("chevron-right", ""), app.Text(page)),
	))
}
