package httpapi

import (
	"net/http"
	"strings"

	"jobnet/server/storage"
	"jobnet/shared"
)

// Job agents (issue 11): a citizen's own, listed on Find Job, which the
// jobcenter and the a-kasse see read-only (000_…txt 4.2: the caseworker
// sees the member's "søgeprofil" and cannot create one); anyone's,
// confirmed by a mail's link; and the links of the mails, which need no
// login: the token is the authority, so they are open to anyone (a
// caseworker's session does not change what a link does).

// handleGetJobAgents: GET /api/jobagents — the citizen's agents.
func handleGetJobAgents(req *citizenRequest) (shared.JobAgents, error) {
	return req.citizen.JobAgents(req.ctx())
}

// handleCreateJobAgent: POST /api/jobagents — "Opret jobagent" for a
// search, confirmed at once (storage.CreateJobAgent).
func handleCreateJobAgent(req *citizenRequest) (shared.JobAgentCreated, error) {
	in, q, err := decodeJobAgent(req.r)
	if err != nil {
		return shared.JobAgentCreated{}, err
	}
	if err := req.citizen.CreateJobAgent(req.ctx(), in, q, req.now); err != nil {
		return shared.JobAgentCreated{}, err
	}
	agents, err := req.citizen.JobAgents(req.ctx())
	return shared.JobAgentCreated{Agents: agents}, err
}

// decodeJobAgent reads an agent's form and judges it; the search is the
// one it names.
func decodeJobAgent(r *http.Request) (shared.JobAgentInput, shared.JobSearch, error) {
	var in shared.JobAgentInput
	if err := decode(r, &in); err != nil {
		return in, shared.JobSearch{}, err
	}
	q, err := in.Check()
	return in, q, err
}

// handleDeleteJobAgent: DELETE /api/jobagents/{id} — "Slet".
func handleDeleteJobAgent(req *citizenRequest) (shared.JobAgents, error) {
	id, err := idInPath(req.r, func() error { return shared.Errorf(shared.ENotFound, "Jobagenten findes ikke.") })
	if err != nil {
		return shared.JobAgents{}, err
	}
	if err := req.citizen.DeleteJobAgent(req.ctx(), id); err != nil {
		return shared.JobAgents{}, err
	}
	return req.citizen.JobAgents(req.ctx())
}

// handleCreatePublicJobAgent: POST /api/v1/jobagents — an agent without a
// login (Work in Denmark's, in English, and Jobnet's); it sends nothing
// until the link of the confirmation mail is followed.
func handleCreatePublicJobAgent(req *sessionRequest) (shared.JobAgentCreated, error) {
	in, q, err := decodeJobAgent(req.r)
	if err != nil {
		return shared.JobAgentCreated{}, err
	}
	if err := req.api.store.CreateAnonymousJobAgent(req.ctx(), in, q, req.api.publicURL(req.r), req.now); err != nil {
		return shared.JobAgentCreated{}, err
	}
	return shared.JobAgentCreated{Confirm: true}, nil
}

// publicURL is the portal's address for links in mails: the configured
// one, or the address this request came to.
func (a *API) publicURL(r *http.Request) string {
	if a.cfg.PublicURL != "" {
		return strings.TrimSuffix(a.cfg.PublicURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// linkLang is the language of a link's page when its agent is not
// found: the links of Work in Denmark's agents carry WIDK=true.
func linkLang(r *http.Request) string {
	if strings.EqualFold(r.URL.Query().Get("WIDK"), "true") {
		return "en"
	}
	return "da"
}

// The mails' links are fetched by mail scanners as well as by people, so
// a GET changes nothing: it shows the agent and a button whose POST does
// the change. The one-click unsubscribe of RFC 8058 is a POST already.

// handleConfirmJobAgentPage: GET /api/v1/jobagents/confirm?token= — the
// confirmation mail's link: the agent and "Bekræft jobagenten".
func handleConfirmJobAgentPage(req *sessionRequest) (shared.NoticePage, error) {
	name, lang, err := req.api.store.JobAgentToConfirm(req.ctx(), req.r.URL.Query().Get("token"))
	if storage.IsNotFound(err) {
		return confirmLinkBroken(req.r), nil
	}
	if err != nil {
		return shared.NoticePage{}, err
	}
	p := notice(http.StatusOK, lang,
		"Bekræft din jobagent", "Bekræft jobagenten «"+name+"», så får du en e-mail, når der er nye job i søgningen.",
		"Confirm your job agent", "Confirm the job agent “"+name+"”, and you will get an e-mail when there are new jobs in the search.")
	p.Action, p.Button = req.r.URL.RequestURI(), pick(lang, "Bekræft jobagenten", "Confirm the job agent")
	return p, nil
}

// handleConfirmJobAgent: POST /api/v1/jobagents/confirm?token= — the
// confirmation page's button.
func handleConfirmJobAgent(req *sessionRequest) (shared.NoticePage, error) {
	lang, err := req.api.store.ConfirmJobAgent(req.ctx(), req.r.URL.Query().Get("token"), req.now)
	if storage.IsNotFound(err) {
		return confirmLinkBroken(req.r), nil
	}
	if err != nil {
		return shared.NoticePage{}, err
	}
	return notice(http.StatusOK, lang,
		"Din jobagent er bekræftet", "Du får en e-mail, når der er nye job i din søgning. Hver e-mail har et link, du kan afmelde jobagenten med.",
		"Your job agent is confirmed", "You will get an e-mail when there are new jobs in your search. Every e-mail has a link to unsubscribe the job agent."), nil
}

func confirmLinkBroken(r *http.Request) shared.NoticePage {
	return notice(http.StatusNotFound, linkLang(r),
		"Linket virker ikke", "Linket er ugyldigt, allerede brugt, eller jobagenten er slettet, fordi den ikke blev bekræftet inden en uge.",
		"The link does not work", "The link is not valid or has been used, or the job agent was deleted because it was not confirmed within a week.")
}

// handleUnsubscribePage: GET /api/v1/jobagents/unsubscribe?token= — an
// agent mail's unsubscribe link: the agent and "Afmeld jobagenten".
func handleUnsubscribePage(req *sessionRequest) (shared.NoticePage, error) {
	name, lang, err := req.api.store.JobAgentToUnsubscribe(req.ctx(), req.r.URL.Query().Get("token"))
	if storage.IsNotFound(err) {
		return agentGone(req.r), nil
	}
	if err != nil {
		return shared.NoticePage{}, err
	}
	p := notice(http.StatusOK, lang,
		"Afmeld jobagenten", "Vil du afmelde jobagenten «"+name+"»? Den bliver slettet, og du får ikke flere e-mails fra den.",
		"Unsubscribe the job agent", "Do you want to unsubscribe the job agent “"+name+"”? It will be deleted, and you will get no more e-mails from it.")
	p.Action, p.Button = req.r.URL.RequestURI(), pick(lang, "Afmeld jobagenten", "Unsubscribe")
	return p, nil
}

// handleUnsubscribe: POST /api/v1/jobagents/unsubscribe?token= — the
// unsubscribe page's button, answered with a page, or the one-click
// unsubscribe of RFC 8058 (List-Unsubscribe-Post), sent by the receiver's
// mail system with the body "List-Unsubscribe=One-Click", which wants no
// page.
func handleUnsubscribe(req *sessionRequest) (any, error) {
	lang, err := req.api.store.UnsubscribeJobAgent(req.ctx(), req.r.URL.Query().Get("token"))
	if req.r.PostFormValue("List-Unsubscribe") == "One-Click" {
		if err != nil {
			return nil, err
		}
		return shared.Unsubscribed{Unsubscribed: true}, nil
	}
	if storage.IsNotFound(err) {
		return agentGone(req.r), nil
	}
	if err != nil {
		return nil, err
	}
	return notice(http.StatusOK, lang, "Du er afmeldt", "Jobagenten er slettet, og du får ikke flere e-mails fra den.",
		"You are unsubscribed", "The job agent is deleted, and you will get no more e-mails from it."), nil
}

func agentGone(r *http.Request) shared.NoticePage {
	return notice(http.StatusNotFound, linkLang(r),
		"Jobagenten findes ikke", "Linket er ugyldigt, eller jobagenten er allerede afmeldt.",
		"The job agent does not exist", "The link is not valid, or the job agent is already unsubscribed.")
}

func pick(lang, da, en string) string {
	if lang == "en" {
		return en
	}
	return da
}

func notice(status int, lang, titleDa, textDa, titleEn, textEn string) shared.NoticePage {
	if lang == "en" {
		return shared.NoticePage{Status: status, Lang: lang, Title: titleEn, Text: textEn}
	}
	return shared.NoticePage{Status: status, Lang: "da", Title: titleDa, Text: textDa}
}
