package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// profilPage is Brugerprofil (SPEC A3; 003 «Brugerprofil»), reached from
// the citizen's name in the header: one page per "underpunkt", with the
// four in a side menu (DKFDS sidenav). Every form judges its input with
// the shared rules the server applies, shows a message at the field and
// keeps what was typed. A jobcenter caseworker who mirrors the citizen
// sees the data without forms; the a-kasse gets the server's refusal.
type profilPage struct {
	app.Compo
	Isub string // the sub-page's path

	sess    shared.Session
	load    pageLoad
	profile shared.Profile

	contact   shared.ContactInput
	contactSt formState
	contactOK string
	code      shared.EmailCodeInput
	codeSt    formState
	codeOK    bool
	addr      shared.TempAddressInput
	addrSt    formState
	addrOK    string

	username   shared.UsernameInput
	usernameSt formState
	usernameOK bool
	password   shared.PasswordInput
	passwordSt formState
	passwordOK bool

	notices   shared.NoticesInput
	noticesSt formState
	noticesOK bool

	del   shared.DeleteAccountInput
	delSt formState
}

func newProfilPage(sub string) *profilPage { return &profilPage{Isub: sub} }

// profilSubPages are the four, in 003's order.
var profilSubPages = []struct{ path, title string }{
	{shared.PageProfile, shared.ProfileContactTitle},
	{shared.PageProfileAccount, shared.ProfileAccountTitle},
	{shared.PageProfileNotices, shared.ProfileNoticesTitle},
	{shared.PageProfileDelete, shared.ProfileDeleteTitle},
}

func (p *profilPage) OnMount(ctx app.Context) { ctx.ObserveState(stateSession, &p.sess) }

func (p *profilPage) OnNav(ctx app.Context) {
	p.contactOK, p.codeOK, p.addrOK, p.usernameOK, p.passwordOK, p.noticesOK = "", false, "", false, false, false
	fetchThen(ctx, &p.load, api.Profile, &p.profile, func(app.Context) { p.fill(p.profile) })
}

// fill puts the profile in the forms.
func (p *profilPage) fill(pr shared.Profile) {
	p.contact = shared.ContactInput{Email: pr.Email, Phone: pr.Phone}
	if pr.PendingEmail != "" {
		p.contact.Email = pr.PendingEmail
	}
	p.addr = shared.TempAddressInput{}
	if a := pr.TempAddress; a != nil {
		p.addr = shared.TempAddressInput{Street: a.Street, Postcode: a.Postcode, City: a.City, From: a.From.String(), To: a.To.String()}
	}
	p.username = shared.UsernameInput{Username: pr.Username}
	p.notices = shared.NoticesInput{Subscriptions: make([]shared.Subscription, 0, len(shared.Campaigns))}
	for _, c := range shared.Campaigns {
		p.notices.Subscriptions = append(p.notices.Subscriptions, pr.Subscribed(c.Key))
	}
}

func (p *profilPage) title() string {
	for _, s := range profilSubPages {
		if s.path == p.Isub {
			return s.title
		}
	}
	return shared.ProfileContactTitle
}

func (p *profilPage) Render() app.UI {
	title := p.title()
	return newShell().Title(title).Access(forCitizenView).Body(
		ui.Breadcrumb(pathForside, shared.ProfileTitle, title),
		app.Div().Class("row jobnet-profil").Body(
			app.Div().Class("col-12 col-md-4").Body(p.renderNav()),
			app.Div().Class("col-12 col-md-8").Body(
				app.H1().Text(title),
				p.load.view(ui.Waiting("Henter din profil …"), func() app.UI {
					if !p.sess.Actor.MayWrite() && p.sess.Actor.CitizenID != 0 {
						return p.renderReadOnly()
					}
					switch p.Isub {
					case shared.PageProfileAccount:
						return p.renderAccount()
					case shared.PageProfileNotices:
						return p.renderNotices()
					case shared.PageProfileDelete:
						return p.renderDelete()
					}
					return p.renderContact()
				}),
			),
		),
	)
}

// renderNav is the side menu of the four sub-pages.
func (p *profilPage) renderNav() app.UI {
	return app.Nav().Aria("label", shared.ProfileTitle).Body(
		app.Ul().Class("sidenav-list").Body(
			app.Range(profilSubPages).Slice(func(i int) app.UI {
				s := profilSubPages[i]
				a := app.A().Href(s.path).Text(s.title)
				li := app.Li()
				if s.path == p.Isub {
					a = a.Aria("current", "page")
					li = li.Class("active current")
				}
				return li.Body(a)
			}),
		),
	)
}

func (p *profilPage) text(id, label, hint, typ, autocomplete, msg string, dst *string, changed func()) app.UI {
	return ui.Field(id).Label(label).Hint(hint).Type(typ).Autocomplete(autocomplete).Value(*dst).Error(msg).
		OnInput(func(ctx app.Context, e app.Event) {
			*dst = ui.InputValue(ctx)
			if changed != nil {
				changed()
			}
		})
}

// renderContact is Personlige oplysninger: Kontaktoplysninger with the
// code of a new e-mail, and the temporary address.
func (p *profilPage) renderContact() app.UI {
	pr := p.profile
	ferr := p.contactSt.ferr
	return app.Div().Body(
		app.Section().Aria("labelledby", "profil-contact-heading").Body(
			app.H2().ID("profil-contact-heading").Class("h3").Text("Kontaktoplysninger"),
			app.P().Text("Vi bruger dine kontaktoplysninger, når jobcentret eller Jobnet skal i kontakt med dig. En ny e-mailadresse skal bekræftes med en kode, før vi sender andet til den."),
			app.If(pr.Enrolled, func() app.UI {
				return app.P().ID("profil-contact-required").Text("Du er tilmeldt som ledig, så du skal angive mindst én af dem: telefon eller e-mail.")
			}),
			app.P().Class("form-hint").Text("Kontaktoplysningerne i dit CV er dem, arbejdsgivere ser. Du retter dem under Mit CV."),
			app.Form().ID("profil-contact-form").Attr("novalidate", true).Aria("label", "Kontaktoplysninger").OnSubmit(p.saveContact).Body(
				ferr.summary(),
				ui.Slot("jobnet-form-success", p.contactOK != "", func() app.UI { return ui.SuccessAlert(p.contactOK) }),
				p.text("profil-email", "E-mail", "", "email", "email", ferr.field(shared.FieldProfileEmail), &p.contact.Email, func() { p.contactOK = "" }),
				p.text("profil-phone", "Telefon", "8 cifre, fx 12 34 56 78", "tel", "tel", ferr.field(shared.FieldProfilePhone), &p.contact.Phone, func() { p.contactOK = "" }),
				app.Button().Type("submit").ID("profil-contact-save").Class("button button-primary").Disabled(p.contactSt.busy).Text("Gem kontaktoplysninger"),
			),
			ui.Slot("jobnet-profil-code", pr.PendingEmail != "", p.renderCode),
			app.If(pr.Email != "", func() app.UI {
				return app.P().ID("profil-email-confirmed").Text("Bekræftet e-mailadresse: " + pr.Email)
			}),
		),
		p.renderAddress(),
		newDataExportBox(),
	)
}

func (p *profilPage) renderCode() app.UI {
	ferr := p.codeSt.ferr
	return app.Form().ID("profil-code-form").Attr("novalidate", true).Aria("label", "Bekræft e-mailadresse").OnSubmit(p.confirmCode).Body(
		ui.InfoAlert(shared.MsgEmailCodeSent+" Adressen: "+p.profile.PendingEmail),
		ferr.summary(),
		p.text("profil-code", "Kode fra e-mailen", "6 cifre", "text", "one-time-code", ferr.field(shared.FieldProfileCode), &p.code.Code, nil),
		app.Button().Type("submit").ID("profil-code-confirm").Class("button button-primary").Disabled(p.codeSt.busy).Text("Bekræft e-mailadresse"),
	)
}

func (p *profilPage) renderAddress() app.UI {
	ferr := p.addrSt.ferr
	a := &p.addr
	ok := func() { p.addrOK = "" }
	return app.Section().Aria("labelledby", "profil-address-heading").Body(
		app.H2().ID("profil-address-heading").Class("h3").Text("Midlertidig adresse"),
		app.P().Text("En midlertidig adresse har en start- og en slutdato. Slutdatoen må højst være 90 dage efter startdatoen."),
		app.Form().ID("profil-address-form").Attr("novalidate", true).Aria("label", "Midlertidig adresse").OnSubmit(p.saveAddress).Body(
			ferr.summary(),
			ui.Slot("jobnet-form-success", p.addrOK != "", func() app.UI { return ui.SuccessAlert(p.addrOK) }),
			p.text("profil-street", "Adresse", "Vej, husnummer, etage", "text", "street-address", ferr.field(shared.FieldAddressStreet), &a.Street, ok),
			p.text("profil-postcode", "Postnummer", "4 cifre", "text", "postal-code", ferr.field(shared.FieldAddressPostcode), &a.Postcode, ok),
			p.text("profil-city", "By", "", "text", "address-level2", ferr.field(shared.FieldAddressCity), &a.City, ok),
			p.text("profil-from", "Startdato", "", "date", "off", ferr.field(shared.FieldAddressFrom), &a.From, ok),
			p.text("profil-to", "Slutdato", "Højst 90 dage efter startdatoen", "date", "off", ferr.field(shared.FieldAddressTo), &a.To, ok),
			app.Div().Class("jobnet-joblog-buttons").Body(
				app.Button().Type("submit").ID("profil-address-save").Class("button button-primary").Disabled(p.addrSt.busy).Text("Gem midlertidig adresse"),
				app.If(p.profile.TempAddress != nil, func() app.UI {
					return app.Button().Type("button").ID("profil-address-remove").Class("button button-secondary").Disabled(p.addrSt.busy).
						OnClick(p.removeAddress).Text("Fjern midlertidig adresse")
				}),
			),
		),
	)
}

func (p *profilPage) saveContact(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.contactOK = ""
	in := p.contact
	submitChecked(ctx, &p.contactSt, in.Check(p.profile.Enrolled), in, api.SaveContact, func(ctx app.Context, pr shared.Profile) {
		p.profile = pr
		p.contactOK = "Dine kontaktoplysninger er gemt."
		if pr.PendingEmail != "" {
			p.contactOK += " Bekræft din nye e-mailadresse med koden, vi har sendt."
			p.code, p.codeSt = shared.EmailCodeInput{}, formState{}
			ui.FocusSoon(ctx, "profil-code")
		}
	})
}

func (p *profilPage) confirmCode(ctx app.Context, e app.Event) {
	e.PreventDefault()
	in := p.code
	submitChecked(ctx, &p.codeSt, in.Check(), in, api.ConfirmEmail, func(ctx app.Context, pr shared.Profile) {
		p.profile, p.code = pr, shared.EmailCodeInput{}
		p.contact.Email = pr.Email
		p.contactOK = "Din e-mailadresse er bekræftet."
		ui.FocusSoon(ctx, "profil-email")
	})
}

func (p *profilPage) saveAddress(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.addrOK = ""
	in := p.addr
	_, err := in.Check(shared.DateOf(api.Now()))
	submitChecked(ctx, &p.addrSt, err, in, api.SaveTempAddress, func(ctx app.Context, pr shared.Profile) {
		p.profile = pr
		p.addrOK = "Din midlertidige adresse er gemt."
	})
}

func (p *profilPage) removeAddress(ctx app.Context, e app.Event) {
	p.addrOK = ""
	submitChecked(ctx, &p.addrSt, nil, struct{}{}, api.RemoveTempAddress, func(ctx app.Context, pr shared.Profile) {
		p.profile, p.addr = pr, shared.TempAddressInput{}
		p.addrOK = "Din midlertidige adresse er fjernet."
		ui.FocusSoon(ctx, "profil-street")
	})
}

// renderAccount is Brugernavn og adgangskode.
func (p *profilPage) renderAccount() app.UI {
	uerr, perr := p.usernameSt.ferr, p.passwordSt.ferr
	return app.Div().Body(
		app.Section().Aria("labelledby", "profil-username-heading").Body(
			app.H2().ID("profil-username-heading").Class("h3").Text("Brugernavn"),
			app.P().Text("Du kan ændre dit brugernavn uden at angive din adgangskode."),
			app.Form().ID("profil-username-form").Attr("novalidate", true).Aria("label", "Brugernavn").OnSubmit(p.saveUsername).Body(
				uerr.summary(),
				ui.Slot("jobnet-form-success", p.usernameOK, func() app.UI { return ui.SuccessAlert("Dit brugernavn er ændret.") }),
				p.text("profil-username", "Brugernavn", "Bogstaver, tal, punktum, bindestreg og understregning", "text", "username",
					uerr.field(shared.FieldUsername), &p.username.Username, func() { p.usernameOK = false }),
				app.Button().Type("submit").ID("profil-username-save").Class("button button-primary").Disabled(p.usernameSt.busy).Text("Gem brugernavn"),
			),
		),
		app.Section().Aria("labelledby", "profil-password-heading").Body(
			app.H2().ID("profil-password-heading").Class("h3").Text("Adgangskode"),
			app.P().Text("Du er logget ind med brugernavn og adgangskode, så du skal angive din nuværende adgangskode for at vælge en ny."),
			app.Form().ID("profil-password-form").Attr("novalidate", true).Aria("label", "Adgangskode").OnSubmit(p.savePassword).Body(
				perr.summary(),
				ui.Slot("jobnet-form-success", p.passwordOK, func() app.UI { return ui.SuccessAlert("Din adgangskode er ændret.") }),
				p.text("profil-old-password", "Nuværende adgangskode", "", "password", "current-password", perr.field(shared.FieldOldPassword), &p.password.OldPassword, nil),
				p.text("profil-new-password", "Ny adgangskode", "Mindst 10 tegn", "password", "new-password", perr.field(shared.FieldNewPassword), &p.password.Password, nil),
				p.text("profil-repeat-password", "Gentag ny adgangskode", "", "password", "new-password", perr.field(shared.FieldPasswordRepeat), &p.password.PasswordRepeat, nil),
				app.Button().Type("submit").ID("profil-password-save").Class("button button-primary").Disabled(p.passwordSt.busy).Text("Skift adgangskode"),
			),
		),
	)
}

func (p *profilPage) saveUsername(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.usernameOK = false
	submit(ctx, &p.usernameSt, p.username, api.SaveUsername, func(ctx app.Context, pr shared.Profile) {
		p.profile, p.usernameOK = pr, true
	})
}

func (p *profilPage) savePassword(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.passwordOK = false
	submit(ctx, &p.passwordSt, p.password, api.SavePassword, func(ctx app.Context, _ struct{}) {
		p.password, p.passwordOK = shared.PasswordInput{}, true
	})
}

// renderNotices is "Få besked på SMS og/eller e-mail": a fieldset per
// campaign with its two channels.
func (p *profilPage) renderNotices() app.UI {
	pr := p.profile
	ferr := p.noticesSt.ferr
	return app.Div().Body(
		app.P().Text("Vælg, hvilke beskeder du vil have på e-mail og på SMS. Beskeder på e-mail sendes til din bekræftede e-mailadresse under Personlige oplysninger. SMS sendes via NemSMS, som kræver, at dit mobilnummer er registreret hos NemSMS."),
		app.If(pr.Email == "", func() app.UI {
			return app.P().ID("profil-notices-no-email").Body(app.Text("Du har ingen bekræftet e-mailadresse. "),
				app.A().Href(shared.PageProfile).Text("Angiv og bekræft din e-mailadresse"))
		}).Else(func() app.UI { return app.P().ID("profil-notices-email").Text("E-mail sendes til: " + pr.Email) }),
		app.If(!pr.SMSVerified, func() app.UI {
			return app.P().ID("profil-notices-no-sms").Text("Dit telefonnummer er ikke registreret hos NemSMS, så du kan ikke vælge SMS.")
		}),
		app.Form().ID("profil-notices-form").Attr("novalidate", true).Aria("label", shared.ProfileNoticesTitle).OnSubmit(p.saveNotices).Body(
			ferr.summary(),
			ui.Slot("jobnet-form-success", p.noticesOK, func() app.UI { return ui.SuccessAlert("Dine valg er gemt.") }),
			ui.FieldError("profil-notices-email", ferr.field(shared.FieldNoticesEmail)),
			ui.FieldError("profil-notices-sms", ferr.field(shared.FieldNoticesSMS)),
			app.Range(shared.Campaigns).Slice(func(i int) app.UI {
				c := shared.Campaigns[i]
				s := &p.notices.Subscriptions[i]
				box := func(id, label string, checked bool, set func(bool)) app.UI {
					return app.Div().Class("form-group-checkbox").Body(
						app.Input().Type("checkbox").ID(id).Class("form-checkbox").Checked(checked).
							OnChange(func(ctx app.Context, e app.Event) { set(ctx.JSSrc().Get("checked").Bool()); p.noticesOK = false }),
						app.Label().Class("form-label").For(id).Text(label),
					)
				}
				return ui.Fieldset("profil-campaign-"+c.Key).Legend(c.Label).Body(
					box("profil-"+c.Key+"-email", "E-mail", s.Email, func(v bool) { s.Email = v }),
					box("profil-"+c.Key+"-sms", "SMS", s.SMS, func(v bool) { s.SMS = v }),
				)
			}),
			app.Button().Type("submit").ID("profil-notices-save").Class("button button-primary").Disabled(p.noticesSt.busy).Text("Gem valg"),
		),
	)
}

func (p *profilPage) saveNotices(ctx app.Context, e app.Event) {
	e.PreventDefault()
	p.noticesOK = false
	in := p.notices
	submitChecked(ctx, &p.noticesSt, in.Check(p.profile), in, api.SaveNotices, func(ctx app.Context, pr shared.Profile) {
		p.profile, p.noticesOK = pr, true
	})
}

// renderDelete is "Slet min adgang": not for the enrolled (003).
func (p *profilPage) renderDelete() app.UI {
	if !p.profile.MayDeleteAccount() {
		return app.P().ID("profil-delete-enrolled").Text(shared.MsgDeleteEnrolled)
	}
	ferr := p.delSt.ferr
	return app.Div().Body(
		app.P().ID("profil-delete-intro").Text("Når du sletter din adgang, slettes din bruger på Jobnet: dit brugernavn og din adgangskode, dine kontaktoplysninger og dine valg af beskeder. Dit CV slettes ikke."),
		app.Form().ID("profil-delete-form").Attr("novalidate", true).Aria("label", shared.ProfileDeleteTitle).OnSubmit(p.deleteAccount).Body(
			ferr.summary(),
			p.text("profil-delete-password", "Din adgangskode", "Angiv din adgangskode for at slette din adgang", "password", "current-password",
				ferr.field(shared.FieldDeletePassword), &p.del.Password, nil),
			app.Button().Type("submit").ID("profil-delete").Class("button button-primary").Disabled(p.delSt.busy).Text("Slet min adgang"),
		),
	)
}

func (p *profilPage) deleteAccount(ctx app.Context, e app.Event) {
	e.PreventDefault()
	submit(ctx, &p.delSt, p.del, api.DeleteAccount, func(ctx app.Context, _ struct{}) {
		// The login is gone, its session with it: the app forgets it as
		// at "Log ud" and shows the login page.
		ctx.SetState(stateSession, shared.Session{})
		ctx.Navigate(pathLogin)
	})
}

// renderReadOnly is what a jobcenter caseworker sees: the data, no forms.
func (p *profilPage) renderReadOnly() app.UI {
	pr := p.profile
	addr := "Ingen"
	if a := pr.TempAddress; a != nil {
		addr = a.Street + ", " + a.Postcode + " " + a.City + " (" + a.From.Danish() + " – " + a.To.Danish() + ")"
	}
	orNone := func(s string) string {
		if s == "" {
			return "Ikke angivet"
		}
		return s
	}
	rows := []app.UI{
		detail("E-mail:", orNone(pr.Email)),
		detail("Telefon:", orNone(pr.Phone)),
		detail("Midlertidig adresse:", addr),
	}
	for _, c := range shared.Campaigns {
		s := pr.Subscribed(c.Key)
		ch := "Ingen"
		switch {
		case s.Email && s.SMS:
			ch = "E-mail og SMS"
		case s.Email:
			ch = "E-mail"
		case s.SMS:
			ch = "SMS"
		}
		rows = append(rows, detail(c.Label+":", ch))
	}
	return app.Div().ID("profil-readonly").Body(
		ui.InfoAlert("Du kan se borgerens brugerprofil, men ikke ændre den."),
		app.Dl().Class("jobnet-seeking-details").Body(rows...),
		// "Hent alle mine data": the caseworker is told it is the citizen's.
		app.If(p.Isub == shared.PageProfile, func() app.UI { return newDataExportBox() }),
	)
}
