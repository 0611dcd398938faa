package storage

import (
	"context"
	"fmt"
	"time"

	"jobnet/shared"
)

// Retention (SPEC E2) of what Jobnet holds today. Each rule names a table,
// the moment a row's period starts and how long it is kept; a row is
// deleted once its period has passed. The background jobs run the rules;
// the rules' periods are decisions, written here:
//
//   - login history: 3 months (SPEC E2; shared.LoginHistoryMonths is also
//     how far back Historik → Login shows).
//   - sessions: 30 days after they ended, by "Log ud", the countdown or the
//     idle timeout (a session nobody closed ended when it went idle). A
//     session is needed only while it lives and for the next login's
//     return to the last page; who logged in when is in the login history.
//   - behaviour events (SPEC E1): 13 months. They are raw material for
//     the researchers' anonymised export (003_…txt "Jobsøgningsdata"),
//     which BI collects; the sources give no period, so we keep a year of
//     events and a month for the export to have run, and no longer.
//   - the outbox: 30 days after the mail was written. A mail is sent
//     within hours (River gives up after ten tries, about five), and the
//     copy is kept only to see what left and why one did not; the mail's
//     text is the citizen's data, and the receiver has the mail.
//   - seen marks on Find Job's teasers (issue 11): 6 months after the ad
//     was first opened, and at once when the ad is withdrawn. "Set" helps
//     the citizen through today's ads; an ad half a year old that the
//     citizen opened is rarely still news, and the bound keeps the table
//     to the live ads each citizen opened lately.
//   - job agents made without a login and never confirmed: a week after
//     they were made (the confirmation mail says so). Nothing is sent for
//     them, and the address may be someone else's.
//   - joblogs (SPEC C3, E2): 4 years after the log was last edited [003:
//     "Logs der ikke de seneste 4 år er redigeret, vil automatisk blive
//     slettet"]; any change, the list's status change too, starts the
//     period again. Its documents go with it (joblog_documents' foreign
//     key, ON DELETE CASCADE), as 003 says of them too.
//   - messages of the Beskedbakke (SPEC D6): 3 years after they were
//     sent, with the citizen's answer. The sources give no period; SPEC E2
//     keeps "histories" 3 years, and a message is the history of what the
//     authorities told the citizen. The sender keeps its own copy and
//     collected the answer. Its files go with it: the answer's by
//     their foreign key (ON DELETE CASCADE); the sender's, kept once for
//     every recipient (migration 024), with the last recipient's row, by
//     the trigger of migration 024, and by the rule
//     "message_attachments" if two deletions that ran at once each left
//     the other's last row (or a file is older than its message could
//     be).
//   - CVs (Mit CV and the Præsentations-CV, SPEC C4): no rule. They are
//     kept even when the account is deleted [003 «Slet min adgang»: "CV i
//     Jobsearch slettes for nuværende ikke"]; migrations/018_cv.
//   - screening answers (SPEC C5, E2): after the 90th day after the day
//     of the answer [003: "profilafklaringsresultatet vises på Jobnet i
//     90 dage efter besvarelsen … Efter 90 dage vil resultatet ikke kunne
//     ses længere"; 000 4.6: "kun tilgængelige på Jobnet i tre måneder"],
//     the day counted in the time zone of now (the server's is
//     Europe/Copenhagen), as shared.ScreeningShownUntil counts it. The
//     page stops showing the answer at that day's end whether or not the
//     job has run yet. An unanswered screening stays until the case
//     system withdraws or replaces it.
//   - meetings (SPEC D4): no rule. Historik → Møder shows the held
//     meetings and what was agreed, and Historik keeps "plans and
//     meetings all" [003 «Historik»]; a meeting goes with the citizen
//     (ON DELETE CASCADE). Its events for the case systems
//     (meeting_events) go with it: they are a few bytes each, and Jobnet
//     cannot tell when a case system has collected them.
//   - the times of online offers (SPEC D4, selvbooking): 30 days after
//     they began, when no meeting holds them. A time that has begun can
//     no longer be booked; the planner system has its own; a time a
//     meeting was booked on stays as long as the meeting.
//   - anonymised exports of the Jobsøgningsdata (SPEC E1, migration 039):
//     30 days after they were asked for. STAR fetches the file within
//     days; it holds no person's id, but a search's text may hold what a
//     citizen typed, so it is not kept longer than its fetching needs.
//   - Historik (SPEC D12; 003 «Jobnet Historik»), 3 years
//     (shared.HistoryRetentionYears): absences and exemptions of every
//     kind (Sygdomsregistreringer, Ferieregistreringer, Midlertidigt
//     arbejde, Andre fravær og fritagelser — for the last the sources
//     name no period; SPEC E2's 3 years) and enrolments
//     (Ledighedsstatusser) 3 years after the period's last day, the
//     Danish day (an open period is never deleted: it is still the
//     citizen's status); the CV's søgbarhed changes
//     (cv_searchability_history) and Søgt job som's adds and removes 3
//     years after the change. Plans (plan_versions) and meetings: no rule,
//     "alle" [003 «Jobnet Historik»]; they go with the citizen.
type RetentionRule struct {
	Name string
	// Cutoff is the start of the oldest period still kept.
	Cutoff func(now time.Time) time.Time
	// table and expired say which rows are past the cutoff (?0).
	table, expired string
}

// RetentionRules are the rules, in the order the jobs run them. idle is
// the session idle timeout.
func RetentionRules(idle time.Duration) []RetentionRule {
	return []RetentionRule{
		{Name: "login_history", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, -3, 0) },
			table: "login_events", expired: "at < ?0"},
		{Name: "sessions", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, 0, -30) },
			table: "sessions", expired: fmt.Sprintf("ended_at < ?0 OR (ended_at IS NULL AND last_seen_at < ?0::timestamptz - interval '%d seconds')", int(idle.Seconds()))},
		{Name: "behaviour_events", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, -13, 0) },
			table: "behaviour_events", expired: "at < ?0"},
		{Name: "outbox", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, 0, -30) },
			table: "outbox", expired: "created_at < ?0"},
		{Name: "seen_job_ads", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, -6, 0) },
			table: "seen_job_ads", expired: "first_seen < ?0 OR EXISTS (SELECT 1 FROM job_ads a WHERE a.id = seen_job_ads.ad_id AND a.withdrawn IS NOT NULL)"},
		{Name: "job_agents_unconfirmed", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, 0, -7) },
			table: "job_agents", expired: "confirmed_at IS NULL AND created_at < ?0"},
		{Name: "joblogs", Cutoff: func(now time.Time) time.Time { return now.AddDate(-shared.JoblogRetentionYears, 0, 0) },
			table: "joblogs", expired: "updated_at < ?0"},
		{Name: "messages", Cutoff: func(now time.Time) time.Time { return now.AddDate(-shared.MessageRetentionYears, 0, 0) },
			table: "messages", expired: "sent_at < ?0"},
		{Name: "message_attachments", Cutoff: func(now time.Time) time.Time { return now.AddDate(-shared.MessageRetentionYears, 0, 0) },
			table: "message_attachments", expired: "sent_at < ?0 OR NOT EXISTS (SELECT 1 FROM messages m " +
				"WHERE m.sender_org = message_attachments.sender_org AND m.origin_id = message_attachments.origin_id)"},
		{Name: "screenings", Cutoff: screeningCutoff, table: "screenings", expired: "answered_at < ?0"},
		{Name: "meeting_slots", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, 0, -30) },
			table: "meeting_slots", expired: "starts_at < ?0 AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.slot_id = meeting_slots.id)"},
		{Name: "behaviour_exports", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, 0, -30) },
			table: "behaviour_exports", expired: "requested_at < ?0"},
		{Name: "absences", Cutoff: historyCutoff, table: "absences", expired: historyPeriodExpired},
		{Name: "enrolments", Cutoff: historyCutoff, table: "enrolments", expired: historyPeriodExpired},
		{Name: "cv_searchability", Cutoff: historyCutoff, table: "cv_searchability_history", expired: "at < ?0"},
		{Name: "sought_occupation_history", Cutoff: historyCutoff, table: "sought_occupation_history", expired: "at < ?0"},
		// Brugerprofil (SPEC A3): an e-mail code lives EmailCodeLifetimeMin
		// minutes; spent, void or not, it is kept a week for support's
		// questions, then goes. A temporary address goes the week after it
		// ended: it is no longer a way to reach the citizen (this project's
		// decision; the sources keep no history of it).
		{Name: "email_codes", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, 0, -7) },
			table: "email_codes", expired: "created_at < ?0"},
		// The SMS outbox is kept as the mail outbox, 30 days.
		{Name: "sms_outbox", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, 0, -30) },
			table: "sms_outbox", expired: "created_at < ?0"},
		{Name: "temporary_addresses", Cutoff: func(now time.Time) time.Time { return now.AddDate(0, 0, -7) },
			table: "temporary_addresses", expired: "to_date < ?0::date"},
	}
}

// historyCutoff is the start of Historik's three years (SPEC D12).
func historyCutoff(now time.Time) time.Time { return now.AddDate(-shared.HistoryRetentionYears, 0, 0) }

// historyPeriodExpired: a period whose last day, a Danish day, lies
// before the cutoff's (shared.HistoryKept is the same rule on the page).
const historyPeriodExpired = "to_date < (?0::timestamptz AT TIME ZONE 'Europe/Copenhagen')::date"

// screeningCutoff is the start of the oldest day whose answers are still
// shown: an answer given on day D is shown through D+90, so at the start of
// D+91 every answer before the start of D+1 is past.
func screeningCutoff(now time.Time) time.Time {
	d := now.AddDate(0, 0, -shared.ScreeningShownDays)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, now.Location())
}

// CountExpired counts the rows the rule would delete now: the dry run.
func (s *Store) CountExpired(ctx context.Context, r RetentionRule, now time.Time) (int, error) {
	var n int
	err := s.db.NewRaw(`SELECT count(*) FROM `+r.table+` WHERE `+r.expired, r.Cutoff(now)).Scan(ctx, &n)
	return n, err
}

// DeleteExpired deletes up to batch rows the rule says are past their
// period and reports how many it deleted; the job calls it until it
// deletes fewer than batch, so that no statement holds locks for long.
func (s *Store) DeleteExpired(ctx context.Context, r RetentionRule, now time.Time, batch int) (int, error) {
	res, err := s.db.NewRaw(`DELETE FROM `+r.table+` WHERE ctid = ANY(ARRAY(SELECT ctid FROM `+r.table+` WHERE `+r.expired+` LIMIT ?1))`,
		r.Cutoff(now), batch).Exec(ctx)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}
