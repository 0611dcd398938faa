package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"jobnet/shared"
)

// "Hent alle mine data" (GDPR article 20; shared/dataexport.go has the
// decisions). The export is the sections below, each read with the store's
// own read for its page where one exists, so that the file holds what the
// pages hold; a kind of data no page shows whole gets a plain read here.
//
// DataExportTables is the registry of every table that holds a citizen's
// data. The completeness test (server/dataexport_test.go) walks the
// database's schema for every table with a citizen_id column or a foreign
// key to citizens, directly or through a parent, and fails naming any table
// missing here; it then plants a marker in each and looks for it in the
// export. A new table is one line here, naming its section.

// exportTable is one table of citizen data and the section it is exported in.
type exportTable struct {
	Table   string
	Section string
}

// DataExportTables: one line per table.
var DataExportTables = []exportTable{
	{"citizens", "borger"},
	{"forloeb", "borger"},
	{"citizen_accounts", "borger"},
	{"sessions", "sessioner"},
	{"login_events", "login"},
	{"notifications", "notifikationer"},
	{"counters", "taellere"},
	{"behaviour_events", "jobsoegningsdata"},
	{"plan_versions", "plan"},
	{"plan_visits", "plan"},
	{"education_answers", "plan"},
	{"sought_occupations", "jegsoeger"},
	{"sought_occupation_history", "jegsoeger"},
	{"cv_searchability_history", "cv"},
	{"employment_conditions", "jegsoeger"},
	{"outbox", "mails"},
	{"mail_subscriptions", "mails"},
	{"sms_outbox", "mails"},
	{"sms_subscriptions", "mails"},
	{"contact_details", "profil"},
	{"temporary_addresses", "profil"},
	{"email_codes", "profil"},
	{"saved_jobs", "gemt"},
	{"seen_job_ads", "gemt"},
	{"saved_searches", "gemt"},
	{"job_agents", "jobagenter"},
	{"job_agent_tokens", "jobagenter"},
	{"joblogs", "joblog"},
	{"joblog_documents", "filer"},
	{"cvs", "cv"},
	{"cv_entries", "cv"},
	{"presentation_cvs", "cv"},
	{"screenings", "forberedelsesskema"},
	{"messages", "beskeder"},
	{"message_reply_attachments", "filer"},
	{"meetings", "moeder"},
	{"meeting_deadlines", "moeder"},
	{"meeting_events", "moeder"},
	{"calendar_feeds", "kalender"},
	{"absences", "registreringer"},
	{"absence_events", "registreringer"},
	{"enrolment_events", "registreringer"},
	{"enrolments", "registreringer"},
	{"rehab_cases", "minsag"},
}

// exportSection is one section of the file: its key, Danish title and read.
type exportSection struct {
	Key, Title string
	read       func(ctx context.Context, c Citizen) (any, error)
}

// exportSections in the file's order.
var exportSections = []exportSection{
	{"borger", "Dine oplysninger", exportCitizen},
	{"profil", "Brugerprofil", exportProfile},
	{"registreringer", "Fravær og tilmeldinger", exportRegistrations},
	{"plan", "Min Plan", exportPlan},
	{"moeder", "Møder og frister for selvbooking", exportMeetings},
	{"beskeder", "Min beskedbakke", func(ctx context.Context, c Citizen) (any, error) { return c.Messages(ctx) }},
	{"cv", "Mit CV", exportCV},
	{"minsag", "Min sag til teamet", exportMinSag},
	{"jegsoeger", "Jeg søger job som", exportJobSeeking},
	{"joblog", "Joblog", exportJoblog},
	{"forberedelsesskema", "Forberedelsesskemaer", exportScreenings},
	{"taellere", "Tællere", exportCounters},
	{"gemt", "Gemte job og søgninger", exportSaved},
	{"jobagenter", "Jobagenter", exportJobAgents},
	{"notifikationer", "Notifikationer på forsiden", exportNotifications},
	{"kalender", "Kalenderabonnement", exportCalendar},
	{"mails", "Mails, SMS og abonnementer", exportMails},
	{"login", "Login-historik", func(ctx context.Context, c Citizen) (any, error) { return c.LoginHistory(ctx, time.Time{}) }},
	{"sessioner", "Sessioner", exportSessions},
	{"jobsoegningsdata", "Jobsøgningsdata (din brug af Jobnet)", exportBehaviour},
	{"filer", "Filer", exportFiles},
}

// DataExport reads everything Jobnet holds about the citizen, section by
// section, in one read-only snapshot when the accessor runs in a
// transaction (the handler gives it one).
func (c Citizen) DataExport(ctx context.Context, now time.Time) (shared.DataExport, error) {
	out := shared.DataExport{Format: shared.DataExportFormat, Generated: now, Sections: make([]shared.DataExportSection, 0, len(exportSections))}
	tables := map[string][]string{}
	for _, t := range DataExportTables {
		tables[t.Section] = append(tables[t.Section], t.Table)
	}
	for _, s := range exportSections {
		v, err := s.read(ctx, c)
		if err != nil {
			return shared.DataExport{}, fmt.Errorf("data export, %s: %w", s.Key, err)
		}
		data, err := json.Marshal(v)
		if err != nil {
			return shared.DataExport{}, fmt.Errorf("data export, %s: %w", s.Key, err)
		}
		out.Sections = append(out.Sections, shared.DataExportSection{Key: s.Key, Title: s.Title, Tables: tables[s.Key], Data: data})
	}
	return out, nil
}

// DataExportSectionKeys lists the sections, for the completeness test.
func DataExportSectionKeys() []string {
	keys := make([]string, len(exportSections))
	for i, s := range exportSections {
		keys[i] = s.Key
	}
	return keys
}

// jsonRows is a plain read as a JSON array: query selects the columns to
// export (never a secret's hash), $1 is the citizen.
func (c Citizen) jsonRows(ctx context.Context, query string) (json.RawMessage, error) {
	var out []byte
	err := prepared(ctx, c.db, `SELECT coalesce(json_agg(row_to_json(t)), '[]') FROM (`+query+`) t`, c.id).Scan(&out)
	return out, err
}

func exportCitizen(ctx context.Context, c Citizen) (any, error) {
	person, err := c.jsonRows(ctx, `SELECT c.name, c.cpr, c.jobcenter_code AS jobcenter, c.akasse_code AS akasse, c.enrolment,
		c.eures_visible, c.home_postcode, c.created_at, c.updated_at FROM citizens c WHERE c.id = $1`)
	if err != nil {
		return nil, err
	}
	forloeb, err := c.jsonRows(ctx, `SELECT kontaktgruppe, tilmeldekategori, from_date, to_date FROM forloeb WHERE citizen_id = $1 ORDER BY from_date`)
	if err != nil {
		return nil, err
	}
	// The account without its password's hash.
	account, err := c.jsonRows(ctx, `SELECT username, privacy_accepted_at, created_at FROM citizen_accounts WHERE citizen_id = $1`)
	if err != nil {
		return nil, err
	}
	return map[string]json.RawMessage{"borger": person, "forloeb": forloeb, "konto": account}, nil
}

func exportRegistrations(ctx context.Context, c Citizen) (any, error) {
	abs, err := c.Absences(ctx)
	if err != nil {
		return nil, err
	}
	// Whom Jobnet told of each absence the citizen registered, and when.
	told, err := c.jsonRows(ctx, `SELECT e.absence_id, e.kind, e.org, e.at FROM absence_events e
		JOIN absences a ON a.id = e.absence_id WHERE a.citizen_id = $1 ORDER BY e.seq`)
	if err != nil {
		return nil, err
	}
	enr, err := c.Enrolments(ctx)
	if err != nil {
		return nil, err
	}
	// What happened to each enrolment, and whom Jobnet told.
	enrTold, err := c.jsonRows(ctx, `SELECT e.enrolment_id, e.kind, e.org, e.at FROM enrolment_events e
		JOIN enrolments n ON n.id = e.enrolment_id WHERE n.citizen_id = $1 ORDER BY e.seq`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"fravaer": abs, "fravaer_meddelt": told, "tilmeldinger": enr, "tilmeldinger_meddelt": enrTold}, nil
}

// exportMinSag is every case before the rehabiliteringsteam, closed ones
// too, with its times in Danish time as the page shows them.
func exportMinSag(ctx context.Context, c Citizen) (any, error) {
	return c.RehabCases(ctx, copenhagen)
}

// exportPlan is every version of the plan, the newest first (Min Plan
// shows two; Historik all), the answers to an uddannelsespålæg, and what
// the citizen has seen of the plan.
func exportPlan(ctx context.Context, c Citizen) (any, error) {
	var rows []planVersionRow
	if err := c.db.NewSelect().Model(&rows).Column("id", "org_code", "version_id", "data", "published_at").
		Where("citizen_id = ?", c.id).Order("id DESC").Scan(ctx); err != nil {
		return nil, err
	}
	type version struct {
		Organisation string      `json:"organisation"`
		VersionID    string      `json:"version_id"`
		Published    time.Time   `json:"published"`
		Plan         shared.Plan `json:"plan"`
	}
	versions := make([]version, 0, len(rows))
	for _, r := range rows {
		p, err := decodePlan(r.Data)
		if err != nil {
			return nil, err
		}
		versions = append(versions, version{Organisation: r.OrgCode, VersionID: r.VersionID, Published: r.PublishedAt, Plan: p})
	}
	page, err := c.PlanPage(ctx)
	if err != nil {
		return nil, err
	}
	visits, err := c.jsonRows(ctx, `SELECT seen_version, first_box_dismissed FROM plan_visits WHERE citizen_id = $1`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"versioner": versions, "uddannelsespaalaeg": page.Education, "besoeg": visits}, nil
}

// exportMeetings is every meeting, past and coming, in every status, and
// every booking deadline (withdrawn ones too) with what happened to the
// meetings in Jobnet.
func exportMeetings(ctx context.Context, c Citizen) (any, error) {
	ms, err := c.MeetingsBetween(ctx, time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		return nil, err
	}
	deadlines, err := c.jsonRows(ctx, `SELECT org, origin_id, due, type_codes, met_by, withdrawn FROM meeting_deadlines
		WHERE citizen_id = $1 ORDER BY due`)
	if err != nil {
		return nil, err
	}
	events, err := c.jsonRows(ctx, `SELECT e.meeting_id, e.kind, e.at, e.org FROM meeting_events e JOIN meetings m ON m.id = e.meeting_id
		WHERE m.citizen_id = $1 ORDER BY e.seq`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"moeder": ms, "frister": deadlines, "haendelser": events}, nil
}

func exportCV(ctx context.Context, c Citizen) (any, error) {
	cv, err := c.CV(ctx)
	if err != nil && !IsNotFound(err) {
		return nil, err
	}
	pres, err := c.PresentationCV(ctx)
	if err != nil {
		return nil, err
	}
	eures, err := c.Eures(ctx)
	if err != nil {
		return nil, err
	}
	// Every change of the CV's søgbarhed still kept (Historik's rows).
	searchable, err := c.CVSearchabilityHistory(ctx, time.Time{})
	if err != nil {
		return nil, err
	}
	return map[string]any{"cv": cv, "praesentations_cv": pres, "job_i_europa": eures, "soegbarhed": searchable}, nil
}

func exportJobSeeking(ctx context.Context, c Citizen) (any, error) {
	js, err := c.JobSeeking(ctx)
	if err != nil {
		return nil, err
	}
	hist, err := c.SoughtOccupationHistory(ctx, time.Time{})
	if err != nil {
		return nil, err
	}
	// When the employment conditions were last set (the page shows them
	// without).
	conds, err := c.jsonRows(ctx, `SELECT updated_at FROM employment_conditions WHERE citizen_id = $1`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"jeg_soeger_job_som": js, "historik": hist, "ansaettelsesvilkaar_sat": conds}, nil
}

// exportJoblog is every log, open and closed, whole, with its documents
// listed (their files are on the log's page).
func exportJoblog(ctx context.Context, c Citizen) (any, error) {
	logs := []shared.Joblog{}
	for _, closed := range []bool{false, true} {
		list, err := c.Joblogs(ctx, shared.JoblogQuery{Closed: closed})
		if err != nil {
			return nil, err
		}
		for _, it := range list.Logs {
			l, err := c.Joblog(ctx, it.ID)
			if err != nil {
				return nil, err
			}
			logs = append(logs, l)
		}
	}
	return logs, nil
}

// exportScreenings is every Forberedelsesskema, answered or not (the page
// shows the current one only).
func exportScreenings(ctx context.Context, c Citizen) (any, error) {
	return c.jsonRows(ctx, `SELECT origin_org, kind, questions, published_at, answers, answered_at FROM screenings
		WHERE citizen_id = $1 ORDER BY published_at`)
}

func exportSaved(ctx context.Context, c Citizen) (any, error) {
	jobs, err := c.SavedJobs(ctx)
	if err != nil {
		return nil, err
	}
	searches, err := c.SavedSearches(ctx)
	if err != nil {
		return nil, err
	}
	seen, err := c.jsonRows(ctx, `SELECT ad_id, first_seen FROM seen_job_ads WHERE citizen_id = $1 ORDER BY first_seen`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"gemte_job": jobs, "gemte_soegninger": searches, "sete_jobannoncer": seen}, nil
}

// exportJobAgents: the agents, and when each agent's unsubscribe links
// were made (the links' tokens are secrets, kept as hashes only).
func exportJobAgents(ctx context.Context, c Citizen) (any, error) {
	agents, err := c.JobAgents(ctx)
	if err != nil {
		return nil, err
	}
	links, err := c.jsonRows(ctx, `SELECT t.agent_id, t.created_at FROM job_agent_tokens t JOIN job_agents a ON a.id = t.agent_id
		WHERE a.citizen_id = $1 ORDER BY t.created_at`)
	if err != nil {
		return nil, err
	}
	details, err := c.jsonRows(ctx, `SELECT id, name, search, frequency, weekday, lang, email, confirmed_at, created_at, last_run_at
		FROM job_agents WHERE citizen_id = $1 ORDER BY id`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"jobagenter": agents, "detaljer": details, "afmeldingslinks": links}, nil
}

func exportNotifications(ctx context.Context, c Citizen) (any, error) {
	return c.jsonRows(ctx, `SELECT kind, title, text, created_at, done_at FROM notifications WHERE citizen_id = $1 ORDER BY created_at`)
}

// exportCalendar: that a private calendar address exists and since when;
// the address is a secret (only its hash is kept).
func exportCalendar(ctx context.Context, c Citizen) (any, error) {
	return c.jsonRows(ctx, `SELECT created_at FROM calendar_feeds WHERE citizen_id = $1`)
}

// exportProfile is Brugerprofil as its pages show it (contact details,
// temporary address, campaigns), and the e-mail codes sent to confirm an
// address: to which address and when, never the code.
func exportProfile(ctx context.Context, c Citizen) (any, error) {
	p, err := c.Profile(ctx)
	if err != nil {
		return nil, err
	}
	codes, err := c.jsonRows(ctx, `SELECT email, created_at, expires_at, used_at, superseded_at FROM email_codes
		WHERE citizen_id = $1 ORDER BY id`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"profil": p, "bekraeftelseskoder": codes}, nil
}

// exportMails: every mail and SMS Jobnet has sent or will send the
// citizen, and the subscriptions of "Få besked på SMS og/eller e-mail".
func exportMails(ctx context.Context, c Citizen) (any, error) {
	mails, err := c.jsonRows(ctx, `SELECT created_at, to_address, kind, subject, text_body, sent_at FROM outbox
		WHERE citizen_id = $1 ORDER BY created_at`)
	if err != nil {
		return nil, err
	}
	subs, err := c.jsonRows(ctx, `SELECT campaign, email FROM mail_subscriptions WHERE citizen_id = $1 ORDER BY campaign`)
	if err != nil {
		return nil, err
	}
	sms, err := c.jsonRows(ctx, `SELECT created_at, to_number, kind, text_body, sent_at FROM sms_outbox
		WHERE citizen_id = $1 ORDER BY created_at, id`)
	if err != nil {
		return nil, err
	}
	smsSubs, err := c.jsonRows(ctx, `SELECT campaign AS sms_kampagne FROM sms_subscriptions WHERE citizen_id = $1 ORDER BY campaign`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"mails": mails, "abonnementer": subs, "sms": sms, "sms_abonnementer": smsSubs}, nil
}

// exportSessions: the citizen's own sessions (a caseworker's mirror
// session is the caseworker's; that a caseworker looked is in the login
// history). The session's token is a secret, kept as a hash only.
func exportSessions(ctx context.Context, c Citizen) (any, error) {
	return c.jsonRows(ctx, `SELECT s.created_at, s.last_seen_at, s.last_path, s.ended_at, s.end_reason
		FROM sessions s JOIN citizen_accounts a ON a.id = s.account_id WHERE a.citizen_id = $1 ORDER BY s.created_at`)
}

// exportBehaviour: the Jobsøgningsdata recorded of the citizen's own use
// (SPEC E1), without the sessions' hashes.
func exportBehaviour(ctx context.Context, c Citizen) (any, error) {
	return c.jsonRows(ctx, `SELECT kind, detail, at FROM behaviour_events WHERE citizen_id = $1 ORDER BY at, id`)
}

// exportFiles: the files themselves — what the citizen uploaded to a
// joblog or an answer, and the files of the letters sent to them — each
// whole, in base64 (key ExportFileContentKey), so that the JSON file holds
// everything; the PDF lists them by name. Their metadata is also in the
// Joblog's and the Beskedbakke's sections.
func exportFiles(ctx context.Context, c Citizen) (any, error) {
	docs, err := c.jsonRows(ctx, `SELECT joblog_id, kind, name, type, size, created_at,
		translate(encode(content, 'base64'), E'\n', '') AS `+ExportFileContentKey+`
		FROM joblog_documents WHERE citizen_id = $1 ORDER BY id`)
	if err != nil {
		return nil, err
	}
	replies, err := c.jsonRows(ctx, `SELECT message_id, name, type, size, created_at,
		translate(encode(content, 'base64'), E'\n', '') AS `+ExportFileContentKey+`
		FROM message_reply_attachments WHERE citizen_id = $1 ORDER BY id`)
	if err != nil {
		return nil, err
	}
	letters, err := c.jsonRows(ctx, `SELECT m.id AS message_id, a.name, a.type, a.size, a.sent_at,
		translate(encode(a.content, 'base64'), E'\n', '') AS `+ExportFileContentKey+`
		FROM messages m JOIN message_attachments a ON a.sender_org = m.sender_org AND a.origin_id = m.origin_id
		WHERE m.citizen_id = $1 AND m.withdrawn_at IS NULL ORDER BY m.id, a.position`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"joblog_dokumenter": docs, "svar_filer": replies, "besked_filer": letters}, nil
}

// ExportFileContentKey is the key of a file's content, in base64, in the
// export's "filer" section.
const ExportFileContentKey = "indhold_base64"

// exportCounters: the counters as their pages read them, and when each
// kind's figures were received.
func exportCounters(ctx context.Context, c Citizen) (any, error) {
	cs, err := c.Counters(ctx)
	if err != nil {
		return nil, err
	}
	received, err := c.jsonRows(ctx, `SELECT kind, as_of, updated_at FROM counters WHERE citizen_id = $1 ORDER BY kind`)
	if err != nil {
		return nil, err
	}
	return map[string]any{"taellere": cs, "modtaget": received}, nil
}
