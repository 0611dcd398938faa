package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jobnet/app/api"
	"jobnet/app/ui"
	"jobnet/shared"
)

// jobAgentBox is "Opret jobagent" on Find Job (issue 11): the current
// search mailed daily or weekly with its new ads. A citizen's agent
// starts at once and is listed here with "Slet"; anyone else's — Work in
// Denmark's visitors (in English) and Jobnet's without a login — starts
// when the link of the mail it sends is followed. A caseworker mirroring
// a citizen sees the citizen's agents and no controls (SPEC K2; the
// server refuses every write in any case).
type jobAgentBox struct {
	app.Compo

	Isearch shared.JobSearch // the page's search

	sess shared.Session
	open bool // the form is shown
	// The form as typed: the name follows the search until it is edited.
	name       string
	nameEdited bool
	frequency  string
	email      string
	form       formState
	done       string // what the last make did, said

	load      pageLoad
	agents    shared.JobAgents
	loadedFor int64 // whose list is loaded
	delErr    string
}

func newJobAgentBox() *jobAgentBox { return &jobAgentBox{frequency: shared.JobAgentDaily} }

// Search sets the search the agent would mail.
func (b *jobAgentBox) Search(q shared.JobSearch) *jobAgentBox { b.Isearch = q; return b }

func (b *jobAgentBox) OnMount(ctx app.Context) {
	ctx.ObserveState(stateSession, &b.sess).OnChange(func() { b.loadList(ctx) })
	b.loadList(ctx)
}

func (b *jobAgentBox) en() bool { return b.Isearch.WIDK }

func (b *jobAgentBox) t(da, en string) string {
	if b.en() {
		return en
	}
	return da
}

// citizens: a citizen's own Jobnet or a mirrored one has a list; Work in
// Denmark has no login functions (FEATURES.md 1.2), so none there.
func (b *jobAgentBox) citizens() bool { return b.sess.Actor.CitizenID != 0 && !b.en() }

// mayCreate: anyone but a caseworker.
func (b *jobAgentBox) mayCreate() bool { return !b.sess.Actor.Role.IsCaseworker() }

func (b *jobAgentBox) loadList(ctx app.Context) {
	if !b.citizens() || app.IsServer {
		b.loadedFor = 0
		return
	}
	if b.loadedFor == b.sess.Actor.CitizenID {
		return
	}
	b.loadedFor = b.sess.Actor.CitizenID
	fetchInto(ctx, &b.load, api.JobAgents, &b.agents)
}

// input is the form's agent of the page's search.
func (b *jobAgentBox) input() shared.JobAgentInput {
	q := b.Isearch
	q.Page, q.Map, q.From = 1, false, ""
	return shared.JobAgentInput{Name: b.agentName(), Search: q.Query().Encode(), Frequency: b.frequency, Email: b.email}
}

func (b *jobAgentBox) agentName() string {
	if b.nameEdited {
		return b.name
	}
	return shared.JobAgentName(b.Isearch)
}

func (b *jobAgentBox) submit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	b.done = ""
	in := b.input()
	_, checkErr := in.Check()
	send := api.CreatePublicJobAgent
	if b.citizens() {
		send = api.CreateJobAgent
	}
	submitChecked(ctx, &b.form, checkErr, in, send, func(ctx app.Context, out shared.JobAgentCreated) {
		b.open, b.nameEdited, b.name = false, false, ""
		if out.Confirm {
			b.done = b.t("Vi har sendt en e-mail til "+in.Email+". Følg linket i den, så begynder jobagenten.",
				"We have sent an e-mail to "+in.Email+". Follow its link, and the job agent starts.")
			return
		}
		b.agents, b.done = out.Agents, "Jobagenten er oprettet. Du får en e-mail, når der er nye job i søgningen."
	})
}

func (b *jobAgentBox) remove(id int64) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		b.delErr, b.done = "", ""
		ctx.Async(func() {
			agents, err := api.DeleteJobAgent(ctx, id)
			ctx.Dispatch(func(app.Context) {
				if err != nil {
					b.delErr = shared.ErrorMessageOf(err)
					return
				}
				b.agents, b.done = agents, "Jobagenten er slettet."
			})
		})
	}
}

func (b *jobAgentBox) Render() app.UI {
	return app.Section().ID("jobagent").Class("jobnet-jobagent").Aria("labelledby", "jobagent-heading").Body(
		app.H2().ID("jobagent-heading").Class("h3").Text(b.t("Jobagent", "Job agent")),
		app.P().Text(b.t("Få de nye job i din søgning på e-mail, dagligt eller ugentligt.",
			"Get the new jobs of your search by e-mail, daily or weekly.")),
		ui.Slot("jobnet-jobagent-done", b.done != "", func() app.UI { return ui.SuccessAlert(b.done) }),
		app.If(b.mayCreate(), func() app.UI {
			return app.Div().Body(
				app.Button().Type("button").ID("jobagent-toggle").Class("button button-secondary").
					Aria("expanded", boolString(b.open)).Aria("controls", "jobagent-form").
					OnClick(func(ctx app.Context, e app.Event) { b.open, b.done = !b.open, "" }).
					Text(b.t("Opret jobagent", "Create job agent")),
				app.If(b.open, b.renderForm),
			)
		}),
		app.If(b.citizens(), b.renderList),
	)
}

func (b *jobAgentBox) renderForm() app.UI {
	ferr := b.form.ferr
	radio := func(value, label string) app.UI {
		id := "jobagent-frequency-" + value
		return app.Div().Class("form-group-radio").Body(
			app.Input().Type("radio").ID(id).Name("jobagent-frequency").Class("form-radio").Value(value).
				Checked(b.frequency == value).OnChange(func(ctx app.Context, e app.Event) { b.frequency = value }),
			app.Label().Class("form-label").For(id).Text(label),
		)
	}
	return app.Form().ID("jobagent-form").Class("jobnet-jobagent-form").NoValidate(true).OnSubmit(b.submit).Body(
		b.form.ferr.summary(),
		ui.Field("jobagent-name").Label(b.t("Navn på jobagenten", "Name of the job agent")).Value(b.agentName()).
			Error(ferr.field("name")).OnInput(func(ctx app.Context, e app.Event) { b.name, b.nameEdited = ui.InputValue(ctx), true }),
		ui.Fieldset("jobagent-frequency").Legend(b.t("Hvor ofte?", "How often?")).Error(ferr.field("frequency")).Body(
			radio(shared.JobAgentDaily, b.t("Dagligt", "Daily")),
			radio(shared.JobAgentWeekly, b.t("Ugentligt", "Weekly")),
		),
		ui.Field("jobagent-email").Label(b.t("E-mailadresse", "E-mail address")).Type("email").Autocomplete("email").
			Hint(b.hint()).Value(b.email).Error(ferr.field("email")).
			OnInput(func(ctx app.Context, e app.Event) { b.email = ui.InputValue(ctx) }),
		app.Button().Type("submit").ID("jobagent-submit").Class("button button-primary").Disabled(b.form.busy).
			Text(b.t("Opret jobagent", "Create job agent")),
	)
}

// hint says what happens to the address.
func (b *jobAgentBox) hint() string {
	if b.citizens() {
		return "Jobagenten sender til denne adresse. Hver e-mail har et link, du kan afmelde den med."
	}
	return b.t("Vi sender først en e-mail med et link, du bekræfter adressen med. Hver e-mail har et link, du kan afmelde den med.",
		"First we send an e-mail with a link to confirm the address. Every e-mail has a link to unsubscribe.")
}

// renderList is the citizen's agents; "Slet" only for the citizen.
func (b *jobAgentBox) renderList() app.UI {
	write := b.sess.Actor.MayWrite()
	return app.Div().Class("jobnet-jobagent-list").Body(
		app.H3().Class("h4").Text("Dine jobagenter"),
		ui.ErrorSlot("jobnet-jobagent-error", b.delErr),
		b.load.view(ui.Waiting("Henter …"), func() app.UI {
			if len(b.agents.Agents) == 0 {
				return app.P().ID("jobagent-none").Text("Du har ingen jobagenter.")
			}
			return app.Ul().ID("jobagent-list").Class("unstyled-list").Body(
				app.Range(b.agents.Agents).Slice(func(i int) app.UI {
					a := b.agents.Agents[i]
					often := "Dagligt"
					if a.Frequency == shared.JobAgentWeekly {
						often = "Ugentligt"
					}
					return app.Li().Class("jobnet-jobagent-item").Body(
						app.A().Href(pathFindJob+"?"+a.Search).Text(a.Name),
						app.Text(" · "+often+" til "+a.Email),
						app.If(write, func() app.UI {
							return app.Button().Type("button").ID("jobagent-delete-"+strconv.FormatInt(a.ID, 10)).
								Class("button button-tertiary").OnClick(b.remove(a.ID)).Body(
								app.Text("Slet"), app.Span().Class("sr-only").Text(" jobagenten "+a.Name))
						}),
					)
				}),
			)
		}),
	)
}
