package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// IBreadcrumb is a sub-page's breadcrumb bar: the trail "Forside › section
// › page" and, at its right, the bar's tools. The page shell finds it in a
// page's body and gives it its tool, "Læs højt" (000 Billede 4, 10, 18).
type IBreadcrumb interface {
	app.UI

	// WithTools returns a copy of the bar with v at its right. A copy, so
	// that the shell never changes the value the page gave it (which go-app
	// may have mounted).
	WithTools(v ...app.UI) IBreadcrumb
}

// Breadcrumb is the bar with "Forside › section › page" (DKFDS breadcrumbs
// with the chevron between the items); frontPage is the path of Forside,
// the only link. The section is a tab of the front page, not a page of its
// own.
func Breadcrumb(frontPage, section, page string) IBreadcrumb {
	return &breadcrumb{IfrontPage: frontPage, Isection: section, Ipage: page}
}

type breadcrumb struct {
	app.Compo

	IfrontPage string
	Isection   string
	Ipage      string
	ITools     []app.UI
}

func (b *breadcrumb) WithTools(v ...app.UI) IBreadcrumb {
	return &breadcrumb{IfrontPage: b.IfrontPage, Isection: b.Isection, Ipage: b.Ipage, ITools: app.FilterUIElems(v...)}
}

func (b *breadcrumb) Render() app.UI {
	return app.Div().Class("jobnet-breadcrumb-bar").Body(
		app.Nav().Class("breadcrumbs").Aria("label", "Brødkrumme").Body(app.Ul().Class("breadcrumbs__list").Body(
			app.Li().Class("breadcrumbs__list-item").Body(app.A().Class("breadcrumbs__link").Href(b.IfrontPage).Text("Forside")),
			app.Li().Class("breadcrumbs__list-item").Body(Icon("chevron-right", ""), app.Text(b.Isection)),
			app.Li().Class("breadcrumbs__list-item").Aria("current", "page").Body(Icon("chevron-right", ""), app.Text(b.Ipage)),
		)),
		// Always there, even empty: it holds the tools' place, so that
		// nothing moves when the app adds them to the prerendered page.
		app.Div().Class("jobnet-breadcrumb-tools d-print-none").Body(b.ITools...),
	)
}
