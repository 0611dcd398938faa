package app

import (
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// access is who a page is for; the shell sends others to the right login.
type access int

const (
	// forAnyone pages work without a session (login, create account).
	forAnyone access = iota
	// forCitizenView pages show a citizen's Jobnet: the citizen's own or,
	// for a caseworker, the mirrored citizen's.
	forCitizenView
)

// shell is the frame around every page: the DKFDS header with the name and
// "Log ud", the mirror banner for caseworkers, the session countdown and the
// footer; on a sub-page also "Læs højt" and the side folds (renderPage).
// It loads the session on every navigation.
type shell struct {
	app.Compo

	ITitle  string
	IAccess access
	// IWIDK is Work in Denmark's look (FEATURES.md 1.2): English, its own
	// logo, no login, no Jobnet links.
	IWIDK bool
	// IFront marks the front page, where STAR's banner always shows.
	IFront bool
	IBody  []app.UI

	st        status
	sess      shared.Session
	remaining int // seconds until automatic sign-off
	ticking   bool
	signedOff bool
	// withheldOpen: the mirror banner's fold of what the caseworker's
	// role is not shown.
	withheldOpen bool
}

func newShell() *shell { return &shell{} }

func (s *shell) Title(v string) *shell   { s.ITitle = v; return s }
func (s *shell) Access(v access) *shell  { s.IAccess = v; return s }
func (s *shell) Body(v ...app.UI) *shell { s.IBody = app.FilterUIElems(v...); return s }
func (s *shell) WIDK(v bool) *shell      { s.IWIDK = v; return s }
func (s *shell) Front(v bool) *shell     { s.IFront = v; return s }
func (s *shell) signedIn() bool          { return s.st == loaded }
func (s *shell) caseworker() bool        { return s.sess.Actor.Role.IsCaseworker() }
func (s *shell) warnAt() int             { return shared.SessionWarnBefore(s.sess.IdleSeconds) }
func (s *shell) showCountdown() bool     { return s.signedIn() && s.remaining <= s.warnAt() }
func (s *shell) OnNav(ctx app.Context)   { s.load(ctx) }
func (s *shell) OnMount(ctx app.Context) { s.startTicking(ctx) }

func (s *shell) load(ctx app.Context) {
	if s.ITitle != "" {
		ctx.Page().SetTitle(s.ITitle + " - Jobnet")
	}
	// The session the server preloaded with the page draws the header in
	// the first render; otherwise the app asks.
	if sess, err := api.Session(api.PreloadOnly(ctx)); err == nil {
		s.gotSession(ctx, sess, nil)
		return
	}
	if app.IsServer {
		return
	}
	s.st = loading
	s.fetchSession(ctx)
}

// fetchSession asks the server for the session, which also counts as
// activity.
func (s *shell) fetchSession(ctx app.Context) {
	ctx.Async(func() {
		sess, err := api.Session(ctx)
		ctx.Dispatch(func(ctx app.Context) { s.gotSession(ctx, sess, err) })
	})
}

// gotSession takes the server's answer about the session.
func (s *shell) gotSession(ctx app.Context, sess shared.Session, err error) {
	if err != nil {
		s.st = loadingErr
		s.sess = shared.Session{}
		ctx.SetState(stateSession, shared.Session{})
		if s.IAccess == forCitizenView {
			ctx.Navigate(pathLogin)
		}
		return
	}
	s.st, s.sess, s.signedOff = loaded, sess, false
	s.remaining = sess.ExpiresInSeconds
	ctx.SetState(stateSession, sess)
	if s.IAccess == forCitizenView && sess.Actor.CitizenID == 0 && !app.IsServer {
		ctx.Navigate(pathCaseworker) // a caseworker who has not chosen a citizen
	}
}

// stateSession holds the signed-in shared.Session for pages that need it.
const stateSession = "session"

// startTicking runs the countdown once a second while the shell is mounted.
func (s *shell) startTicking(ctx app.Context) {
	if s.ticking || app.IsServer {
		return
	}
	s.ticking = true
	var tick func(app.Context)
	tick = func(ctx app.Context) {
		if !s.Mounted() {
			s.ticking = false
			return
		}
		shown := s.showCountdown() && !s.signedOff
		if s.signedIn() && !s.signedOff {
			s.remaining = s.sess.IdleSeconds - int(api.SinceActivity()/time.Second)
			if s.remaining <= 0 {
				s.autoSignOff(ctx)
			}
		}
		if !shown && !(s.showCountdown() && !s.signedOff) {
			// Nothing on the page changed: no drawing of the whole page
			// again every second (a long task on a phone).
			ctx.PreventUpdate()
		}
		ctx.After(time.Second, tick)
	}
	ctx.After(time.Second, tick)
}

// autoSignOff ends the session as an automatic sign-off: the next login
// returns to this page (SPEC A2).
func (s *shell) autoSignOff(ctx app.Context) {
	s.signedOff = true
	target := pathLogin
	if s.caseworker() {
		target = pathCaseworker
	}
	ctx.Async(func() {
		_ = api.ExpireSession(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			s.st = neverLoaded
			ctx.SetState(stateSession, shared.Session{})
			ctx.Navigate(target + "?udlobet=1")
		})
	})
}

// stayLoggedIn keeps the countdown, and so this button, until the server
// answers: go-app drops a Dispatch whose element is no longer mounted, so
// hiding the countdown first (as load does) would lose the answer.
func (s *shell) stayLoggedIn(ctx app.Context, e app.Event) {
	e.PreventDefault()
	s.fetchSession(ctx)
}

func (s *shell) logOut(ctx app.Context, e app.Event) {
	e.PreventDefault()
	target := pathLogin
	if s.caseworker() {
		target = pathCaseworker
	}
	ctx.Async(func() {
		_ = api.Logout(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			s.st, s.sess = neverLoaded, shared.Session{}
			ctx.SetState(stateSession, shared.Session{})
			ctx.Navigate(target)
		})
	})
}

func (s *shell) switchCitizen(ctx app.Context, e app.Event) {
	e.PreventDefault()
	ctx.Async(func() {
		_, err := api.StopMirror(ctx)
		ctx.Dispatch(func(ctx app.Context) {
			if err == nil {
				ctx.Navigate(pathCaseworker)
			}
		})
	})
}

func (s *shell) Render() app.UI {
	if s.IWIDK {
		return s.renderWIDK()
	}
	a := s.sess.Actor
	return app.Div().Class("jobnet-shell").Body(
		app.A().Class("skipnav").Href("#main-content").Text("Gå til sidens indhold"),
		app.Header().Class("header").Body(
			app.Div().Class("portal-info").Body(
				app.Div().Class("portal-info-inner container").Body(
					app.A().Href(pathForside).Class("jobnet-logo").Text("Jobnet"),
					app.If(s.signedIn(), func() app.UI {
						return app.Div().Class("jobnet-user").Body(
							app.P().Class("user").Body(
								// Brugerprofil is reached from the citizen's name in the
								// header (003 «Brugerprofil»); a caseworker's name is
								// their own and leads nowhere.
								app.If(a.Role == shared.RoleCitizen, func() app.UI {
									return app.A().Class("jobnet-user-name").ID("jobnet-profile-link").Href(shared.PageProfile).
										Title(shared.ProfileTitle).Text(a.Name)
								}).Else(func() app.UI { return app.Span().Class("jobnet-user-name").Text(a.Name) }),
								app.If(a.Organisation != nil, func() app.UI {
									return app.Span().Class("jobnet-user-org").Text(" – " + orgName(a))
								}),
							),
							app.Button().Type("button").Class("button button-tertiary jobnet-logout").
								OnClick(s.logOut).Text("Log ud"),
						)
					}),
				),
			),
		),
		// One wrapper for what comes and goes above the page, so that
		// <main> keeps its place: go-app matches children by position and
		// would otherwise rebuild the whole page (losing the focus and any
		// answer to a pending form) when the countdown shows or goes.
		app.Div().Class("jobnet-session-notices").Body(
			app.If(s.signedIn() && a.Mirroring(), func() app.UI { return s.renderMirrorBanner() }),
			app.If(s.showCountdown() && !s.signedOff, func() app.UI { return s.renderCountdown() }),
			app.If(s.showBanner(), func() app.UI { return s.renderBanner() }),
		),
		s.renderPage(),
		app.Footer().Body(
			app.Div().Class("footer").Body(
				app.Div().Class("container").Body(
					app.P().Text("Jobnet – drives som åben kildekode. Demo: alle personer og CPR-numre er fiktive."),
				),
			),
		),
	)
}

// showBanner: STAR's banner shows on the front page, and on the
// sub-pages when STAR marked it so (SPEC B1).
func (s *shell) showBanner() bool {
	b := s.sess.Banner
	if !s.signedIn() || b == nil {
		return false
	}
	crumb, _ := splitBreadcrumb(s.IBody)
	return s.IFront || (b.Subpages && crumb != nil)
}

// renderBanner is STAR's banner: a notice above the page, with its link.
func (s *shell) renderBanner() app.UI {
	b := s.sess.Banner
	return app.Div().Class("container").Body(
		app.Section().Class("alert alert-info jobnet-banner").Aria("label", "Meddelelse fra Jobnet").Body(
			app.Div().Class("alert-body").Body(
				app.P().Class("alert-text").Body(
					app.Text(b.Text),
					app.If(b.LinkURL != "", func() app.UI {
						return app.Span().Body(app.Text(" "), app.A().Href(b.LinkURL).Rel("noopener").Text(b.LinkText))
					}),
				),
			),
		),
	)
}

// renderWIDK is the frame of Work in Denmark's instance of Find Job: its
// logo in place of Jobnet's, in the header and the footer, English, and
// none of what needs a login or links to Jobnet ("Den loginaktiverede
// funktionalitet på siden fremgår derved ikke", FEATURES.md 1.2).
func (s *shell) renderWIDK() app.UI {
	logo := func() app.UI {
		return app.A().Href(pathFindJob+"?WIDK=true").Class("jobnet-logo jobnet-widk-logo").Body(
			app.Span().Class("jobnet-widk-mark").Aria("hidden", "true").Text("WiDK"),
			app.Text(" Work in Denmark"),
		)
	}
	return app.Div().Class("jobnet-shell jobnet-widk").Lang("en").Body(
		app.A().Class("skipnav").Href("#main-content").Text("Skip to content"),
		app.Header().Class("header").Body(
			app.Div().Class("portal-info").Body(app.Div().Class("portal-info-inner container").Body(logo())),
		),
		app.Main().ID("main-content").Class("page-container").Body(app.Div().Class("container").Body(s.IBody...)),
		app.Footer().Body(app.Div().Class("footer").Body(app.Div().Class("container").Body(
			logo(),
			app.P().Text("Jobs in Denmark for international job seekers. The search is Jobnet's Find Job."),
		))),
	)
}

// renderPage is the page in <main>. A sub-page, one whose body has a
// breadcrumb, gets "Læs højt" at the right of its breadcrumb bar and the
// folds "Kontakt dit jobcenter" and "Kontakt supporten" beside <main>, at
// its right on a desktop and below it on a phone (000 Billede 4, 10, 18;
// SPEC "on every sub-page"). The front page and the login pages are not
// sub-pages and keep the plain frame.
//
// The folds are an <aside> beside <main>, not in it: a complementary
// landmark belongs at the top level, and "Læs højt" reads <main> alone.
func (s *shell) renderPage() app.UI {
	crumb, body := splitBreadcrumb(s.IBody)
	if crumb == nil {
		return app.Main().ID("main-content").Class("page-container").Body(
			app.Div().Class("container").Body(s.IBody...),
		)
	}
	return app.Div().Class("page-container jobnet-subpage").Body(
		app.Div().Class("container").Body(
			app.Div().Class("row").Body(
				app.Main().ID("main-content").Class("col-12 col-lg-9 jobnet-subpage-main").Body(
					append([]app.UI{crumb.WithTools(newReadAloud().Source("main-content"))}, body...)...,
				),
				app.Aside().Class("col-12 col-lg-3 jobnet-side d-print-none").Aria("label", "Kontakt").Body(
					newContactFolds(),
				),
			),
		),
	)
}

// splitBreadcrumb takes the breadcrumb bar out of a page's body, leaving
// the page's value as it was; crumb is nil when the page has none.
func splitBreadcrumb(body []app.UI) (crumb ui.IBreadcrumb, rest []app.UI) {
	for i, el := range body {
		if b, ok := el.(ui.IBreadcrumb); ok {
			rest = append(append(rest, body[:i]...), body[i+1:]...)
			return b, rest
		}
	}
	return nil, body
}

func orgName(a shared.Actor) string {
	if a.Organisation == nil {
		return ""
	}
	return a.Organisation.Name
}

// renderMirrorBanner says whose Jobnet the caseworker sees, that it is
// read-only (SPEC K1, 000_…txt), and what the caseworker's role is not
// shown (renderWithheld).
func (s *shell) renderMirrorBanner() app.UI {
	a := s.sess.Actor
	return app.Div().Class("jobnet-mirror-banner").Aria("label", "Sagsbehandleradgang").Body(
		app.Div().Class("container").Body(
			app.Div().Class("jobnet-mirror-inner").Body(
				app.P().Body(
					app.Strong().Text("På vegne af borger: "+a.CitizenName),
					app.Span().Text(" · "+a.Name+" – "+orgName(a)),
				),
				app.P().Class("jobnet-readonly-notice").Text("Læseadgang: Ændringer kan ikke gemmes, og du kan som sagsbehandler ikke rette i borgerens oplysninger."),
				app.Button().Type("button").Class("button button-secondary jobnet-switch-citizen").
					OnClick(s.switchCitizen).Text("Skift til anden borger"),
			),
			s.renderWithheld(a.Role),
		),
	)
}

// renderWithheld names, from the policy the server enforces
// (shared.WithheldFrom), the kinds of data the role is not shown and why,
// folded by default. It depends on the role alone, never on the citizen:
// whether this citizen has any such data is itself withheld.
func (s *shell) renderWithheld(r shared.Role) app.UI {
	withheld := shared.WithheldFrom(r)
	chevron := "chevron-down"
	if s.withheldOpen {
		chevron = "chevron-up"
	}
	if len(withheld) == 0 {
		return app.P().ID("mirror-withheld").Class("jobnet-withheld-none").
			Text("Du ser borgerens Jobnet, som borgeren selv ser det.")
	}
	return app.Div().Class("jobnet-withheld").Body(
		app.Button().Type("button").ID("mirror-withheld-toggle").Class("button button-unstyled jobnet-withheld-toggle").
			Aria("expanded", boolString(s.withheldOpen)).Aria("controls", "mirror-withheld").
			OnClick(func(ctx app.Context, e app.Event) { s.withheldOpen = !s.withheldOpen }).Body(
			ui.Icon(chevron, ""),
			app.Text("Det kan du ikke se som sagsbehandler i a-kassen"),
		),
		app.Div().ID("mirror-withheld").Class("jobnet-withheld-content").Hidden(!s.withheldOpen).Body(
			app.P().Text("Nogle oplysninger, som medlemmet kan se på Jobnet, er ikke med i din visning. Listen gælder alle medlemmer og siger ikke, om netop dette medlem har sådanne oplysninger."),
			app.Ul().Class("jobnet-withheld-list").Body(
				app.Range(withheld).Slice(func(i int) app.UI {
					w := withheld[i]
					return app.Li().Body(app.Strong().Text(w.What+": "), app.Text(w.Why))
				}),
			),
		),
	)
}

func (s *shell) renderCountdown() app.UI {
	m, sec := max(s.remaining, 0)/60, max(s.remaining, 0)%60
	return app.Div().Class("container").Body(
		app.Div().Class("alert alert-warning jobnet-countdown").Role("alertdialog").
			Aria("labelledby", "countdown-heading").Body(
			app.Div().Class("alert-body").Body(
				app.H2().ID("countdown-heading").Class("alert-heading").Text("Du bliver snart logget ud"),
				app.P().Class("alert-text").Body(
					app.Text("Du bliver automatisk logget ud om "),
					app.Span().Class("jobnet-countdown-time").Text(fmt.Sprintf("%d:%02d", m, sec)),
					app.Text(" minutter, fordi du ikke har været aktiv."),
				),
				app.Button().Type("button").Class("button button-primary").OnClick(s.stayLoggedIn).Text("Forbliv logget ind"),
			),
		),
	)
}
