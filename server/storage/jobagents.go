package storage

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the Danish day without the host's zoneinfo

	"github.com/uptrace/bun"

	"jobnet/server/findjob"
	"jobnet/server/mail"
	"jobnet/shared"
)

// Job agents (issue 11): a saved Find Job search mailed daily or weekly
// with the ads new since the last mail (shared/jobagent.go).
//
//   - A citizen's agent is confirmed when made: the citizen is logged in,
//     sees the agent on Find Job and deletes it there, and every mail can
//     unsubscribe it in one click. An anonymous agent (Work in Denmark, and
//     Jobnet without a login, FEATURES 1.1 "kan dog også anvendes anonymt
//     … Endvidere kan jobagenter oprettes") gets a mail with a confirmation
//     link first and sends nothing until it is followed; unconfirmed ones
//     are deleted after a week (RetentionRules).
//   - What is new: each agent keeps the newest ad it has mailed by Find
//     Job's order (published, id). A run lists the agent's search over the
//     ads after it — the same conditions as Find Job (searchConds) — and
//     moves it, in the transaction that puts the mail in the outbox, so a
//     crash neither mails twice nor skips. A new agent starts at the moment
//     it is made. An ad published with a back-dated moment after that
//     moment has passed is not new to it (senders publish at "now", and an
//     ad's publication is Find Job's order too).
//   - A run does each agent once per period: the day (daily), or the week
//     from the agent's weekday (weekly, the weekday it was made on), so a
//     retried, doubled or late run mails nothing twice and a missed one
//     catches up.
//   - Tokens: 32 random bytes, only their SHA-256 stored. The confirmation
//     token is forgotten once used; each agent mail has its own
//     unsubscribe token, valid while the agent exists (jobAgentTokenDays
//     at most), since only a hash is kept and a later mail cannot repeat
//     an earlier link.

// jobAgentSettle: a run considers only ads published at least this long
// before it, so that an ad whose insert commits a moment late is not
// passed by the watermark.
const jobAgentSettle = time.Minute

// jobAgentTokenDays: an agent mail's unsubscribe link works this long.
const jobAgentTokenDays = 400

// JobAgentRunHour is the hour (Danish time) the daily run starts.
const JobAgentRunHour = 6

type jobAgentRow struct {
	bun.BaseModel `bun:"table:job_agents"`
	ID            int64      `bun:"id,pk,autoincrement"`
	CitizenID     *int64     `bun:"citizen_id"`
	Name          string     `bun:"name"`
	Search        string     `bun:"search"`
	Frequency     string     `bun:"frequency"`
	Weekday       int        `bun:"weekday"`
	Lang          string     `bun:"lang"`
	Email         string     `bun:"email"`
	ConfirmedAt   *time.Time `bun:"confirmed_at"`
	ConfirmHash   []byte     `bun:"confirm_hash"`
	CreatedAt     time.Time  `bun:"created_at"`
	LastRunAt     *time.Time `bun:"last_run_at"`
	LastPeriod    *string    `bun:"last_period"`
	SeenPublished time.Time  `bun:"seen_published"`
	SeenID        int64      `bun:"seen_id"`
}

func (r jobAgentRow) view() shared.JobAgent {
	return shared.JobAgent{ID: r.ID, Name: r.Name, Search: r.Search, Frequency: r.Frequency, Email: r.Email,
		Created: r.CreatedAt, LastRun: r.LastRunAt}
}

// isoWeekday is t's ISO weekday: 1 Monday … 7 Sunday.
func isoWeekday(t time.Time) int {
	return (int(t.Weekday())+6)%7 + 1
}

func newAgentRow(in shared.JobAgentInput, q shared.JobSearch, now time.Time) jobAgentRow {
	lang := string(mail.Danish)
	if q.WIDK {
		lang = string(mail.English)
	}
	// The period it is made in counts as done: its first mail comes at
	// the next run of its frequency, with the ads published since now.
	done := JobAgentRunDay(now).String()
	return jobAgentRow{Name: trimName(in.Name), Search: q.Query().Encode(), Frequency: in.Frequency, Weekday: isoWeekday(now.In(copenhagen)),
		Lang: lang, Email: strings.TrimSpace(in.Email), CreatedAt: now, SeenPublished: now, LastPeriod: &done}
}

func trimName(s string) string { return strings.TrimSpace(s) }

// JobAgents are the citizen's agents, oldest first.
func (c Citizen) JobAgents(ctx context.Context) (shared.JobAgents, error) {
	var rows []jobAgentRow
	if err := c.db.NewSelect().Model(&rows).Where("citizen_id = ?", c.id).Order("id").Scan(ctx); err != nil {
		return shared.JobAgents{}, err
	}
	out := shared.JobAgents{Agents: make([]shared.JobAgent, 0, len(rows)), Max: shared.JobAgentMaxPerCitizen}
	for _, r := range rows {
		out.Agents = append(out.Agents, r.view())
	}
	return out, nil
}

// CreateJobAgent makes a citizen's agent for the search q (in, judged by
// in.Check), confirmed at once; at most shared.JobAgentMaxPerCitizen.
func (c Citizen) CreateJobAgent(ctx context.Context, in shared.JobAgentInput, q shared.JobSearch, now time.Time) error {
	return c.InTx(ctx, func(ctx context.Context, c Citizen) error {
		// The citizen's row serialises two makes racing for the last place.
		if err := c.lockCitizen(ctx); err != nil {
			return err
		}
		n, err := c.db.NewSelect().Table("job_agents").Where("citizen_id = ?", c.id).Count(ctx)
		if err != nil {
			return err
		}
		if n >= shared.JobAgentMaxPerCitizen {
			return limitError(q.WIDK, shared.JobAgentMaxPerCitizen)
		}
		row := newAgentRow(in, q, now)
		row.CitizenID, row.ConfirmedAt = &c.id, &now
		_, err = c.db.NewInsert().Model(&row).ExcludeColumn("id").Exec(ctx)
		return err
	})
}

func limitError(en bool, max int) error {
	if en {
		return &shared.Error{Code: shared.EConflict, Message: "You have as many job agents as you can have.",
			Fields: []shared.FieldError{{Field: "email", Message: "At most " + strconv.Itoa(max) + " job agents per e-mail address. Delete one first."}}}
	}
	return &shared.Error{Code: shared.EConflict, Message: "Du har så mange jobagenter, som du kan have.",
		Fields: []shared.FieldError{{Field: "name", Message: "Du kan højst have " + strconv.Itoa(max) + " jobagenter. Slet en først."}}}
}

// DeleteJobAgent deletes the citizen's agent id; another's is not found.
func (c Citizen) DeleteJobAgent(ctx context.Context, id int64) error {
	res, err := c.db.NewDelete().Table("job_agents").Where("id = ? AND citizen_id = ?", id, c.id).Exec(ctx)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return shared.Errorf(shared.ENotFound, "Jobagenten findes ikke.")
	}
	return nil
}

// CreateAnonymousJobAgent makes an agent without a login, unconfirmed,
// and in the same transaction mails its confirmation link (under
// publicURL); at most shared.JobAgentMaxPerEmail per address.
func (s *Store) CreateAnonymousJobAgent(ctx context.Context, in shared.JobAgentInput, q shared.JobSearch, publicURL string, now time.Time) error {
	return s.RunInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		// One address's makes wait for each other, so the limit holds.
		if _, err := tx.NewRaw("SELECT pg_advisory_xact_lock(hashtext(lower(?)))", in.Email).Exec(ctx); err != nil {
			return err
		}
		n, err := tx.NewSelect().Table("job_agents").Where("citizen_id IS NULL AND lower(email) = lower(?)", in.Email).Count(ctx)
		if err != nil {
			return err
		}
		if n >= shared.JobAgentMaxPerEmail {
			err := limitError(true, shared.JobAgentMaxPerEmail)
			if !q.WIDK {
				err = &shared.Error{Code: shared.EConflict, Message: "Adressen har så mange jobagenter, som den kan have.",
					Fields: []shared.FieldError{{Field: "email", Message: "Højst " + strconv.Itoa(shared.JobAgentMaxPerEmail) + " jobagenter pr. e-mailadresse. Afmeld en først."}}}
			}
			return err
		}
		token, hash := NewToken()
		row := newAgentRow(in, q, now)
		row.ConfirmHash = hash
		if _, err := tx.NewInsert().Model(&row).ExcludeColumn("id").Exec(ctx); err != nil {
			return err
		}
		m, err := mail.Letter{Kind: mail.KindJobAgentConfirm, Lang: mail.Lang(row.Lang), To: row.Email,
			Data: mail.JobAgentConfirmData{Name: row.Name, ConfirmURL: publicURL + shared.APIJobAgentConfirm + "?token=" + token + widkParam(row.Lang),
				SearchURL: publicURL + "/find-job?" + row.Search, Frequency: row.Frequency}}.Message()
		if err != nil {
			return err
		}
		m.From = agentSender(row.Lang)
		_, err = s.EnqueueMail(ctx, tx, m, now)
		return err
	})
}

// ConfirmJobAgent confirms the anonymous agent whose confirmation token
// this is and forgets the token; it returns the agent's language. A
// token already used or unknown is not found.
func (s *Store) ConfirmJobAgent(ctx context.Context, token string, now time.Time) (lang string, err error) {
	err = s.db.NewRaw(`UPDATE job_agents SET confirmed_at = ?, confirm_hash = NULL
		WHERE confirm_hash = ? AND confirmed_at IS NULL RETURNING lang`, now, TokenHash(token)).Scan(ctx, &lang)
	return lang, notFound(err, "Jobagenten")
}

// JobAgentToConfirm is the name and language of the agent a confirmation
// token belongs to while it waits for its confirmation; it changes
// nothing, so a link that is only fetched (a mail scanner's) confirms
// nothing.
func (s *Store) JobAgentToConfirm(ctx context.Context, token string) (name, lang string, err error) {
	err = s.db.NewRaw(`SELECT name, lang FROM job_agents WHERE confirm_hash = ? AND confirmed_at IS NULL`,
		TokenHash(token)).Scan(ctx, &name, &lang)
	return name, lang, notFound(err, "Jobagenten")
}

// JobAgentToUnsubscribe is the name and language of the agent an
// unsubscribe token belongs to; it changes nothing.
func (s *Store) JobAgentToUnsubscribe(ctx context.Context, token string) (name, lang string, err error) {
	err = s.db.NewRaw(`SELECT a.name, a.lang FROM job_agents a JOIN job_agent_tokens t ON t.agent_id = a.id
		WHERE t.token_hash = ?`, TokenHash(token)).Scan(ctx, &name, &lang)
	return name, lang, notFound(err, "Jobagenten")
}

// UnsubscribeJobAgent deletes the agent an agent mail's unsubscribe token
// belongs to; it returns the agent's language. An unknown token (the agent
// already gone) is not found.
func (s *Store) UnsubscribeJobAgent(ctx context.Context, token string) (lang string, err error) {
	err = s.db.NewRaw(`DELETE FROM job_agents WHERE id = (SELECT agent_id FROM job_agent_tokens WHERE token_hash = ?)
		RETURNING lang`, TokenHash(token)).Scan(ctx, &lang)
	return lang, notFound(err, "Jobagenten")
}

// DueJobAgent is an agent a run must do, with the period it does.
type DueJobAgent struct {
	ID            int64
	Name          string
	Search        string
	Lang          string
	Email         string
	CitizenID     *int64
	SeenPublished time.Time
	SeenID        int64
	Period        string // the run period's first day, "2006-01-02"
}

// JobAgentRunDay is the day whose run is due at now: today from
// JobAgentRunHour (Danish time), else yesterday.
func JobAgentRunDay(now time.Time) shared.Date {
	return shared.DateOf(now.In(copenhagen).Add(-JobAgentRunHour * time.Hour))
}

// copenhagen is Danish time: the job agents' runs are by the Danish day,
// and the data export writes Min sag's times as its page shows them.
var copenhagen = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		panic(err)
	}
	return loc
}()

// periodSQL is an agent's period on the run day ?: the day for a daily
// agent, the latest of its weekday for a weekly one.
const periodSQL = `(CASE frequency WHEN 'daglig' THEN ?0::date
	ELSE ?0::date - ((extract(isodow FROM ?0::date)::int - weekday + 7) % 7) END)`

// DueJobAgents are the confirmed agents whose period on day is not done,
// by id.
func (s *Store) DueJobAgents(ctx context.Context, day shared.Date) ([]DueJobAgent, error) {
	var out []DueJobAgent
	err := s.db.NewRaw(`SELECT id, name, search, lang, email, citizen_id, seen_published, seen_id, `+periodSQL+`::text AS period
		FROM job_agents WHERE confirmed_at IS NOT NULL AND (last_period IS NULL OR last_period < `+periodSQL+`)
		ORDER BY id`, day.String()).Scan(ctx, &out)
	return out, err
}

// JobAgentMail is what one run of an agent found: up to
// shared.JobAgentMaxAds of the new ads, newest first, and how many there
// are.
type JobAgentMail struct {
	Ads   []shared.JobAdView
	Total int
}

// NewAdsFor finds the agent's new ads: its search over the ads after its
// watermark, published at least jobAgentSettle before now.
func (s *Store) NewAdsFor(ctx context.Context, ix *findjob.Index, a DueJobAgent, now time.Time) (JobAgentMail, error) {
	values, err := url.ParseQuery(a.Search)
	if err != nil {
		return JobAgentMail{}, err
	}
	q, err := shared.ParseJobSearch(values)
	if err != nil {
		return JobAgentMail{}, err
	}
	base, crit, err := searchConds(ix, q.Normalize())
	if err != nil {
		return JobAgentMail{}, err
	}
	// The plain bound on published lets the planner see how few ads are
	// new and walk the publication index from the newest, rather than
	// take what the text or the circle finds among all ads.
	all := base.and(others(crit, ""), cond{"a.published >= ? AND (a.published, a.id) > (?, ?) AND a.published <= ?",
		[]any{a.SeenPublished, a.SeenPublished, a.SeenID, now.Add(-jobAgentSettle)}})
	where, args := all.where()
	var rows []struct {
		adRow
		Total int
	}
	if err := s.db.NewRaw(`SELECT `+adColumns+`, count(*) OVER () AS total FROM job_ads a `+adJoins+` WHERE `+where+
		` ORDER BY a.published DESC, a.id DESC LIMIT ?`, append(args, shared.JobAgentMaxAds)...).Scan(ctx, &rows); err != nil {
		return JobAgentMail{}, err
	}
	var m JobAgentMail
	for _, r := range rows {
		v, err := r.view()
		if err != nil {
			return JobAgentMail{}, err
		}
		m.Ads, m.Total = append(m.Ads, v), r.Total
	}
	return m, nil
}

// errAgentDone: the agent's period was done (or the agent went) while
// this run looked for its ads.
var errAgentDone = errors.New("storage: the job agent's period is done")

// MailJobAgent does one agent's period with its new ads (NewAdsFor, at
// the same now): with new ads, it puts the mail (with its own unsubscribe
// link, under publicURL) in the outbox and moves the agent's watermark and
// period in one transaction; without, it only marks the period done. It
// reports whether it mailed. An agent whose period another run has done
// meanwhile is left alone: the update that marks the period finds it done,
// and nothing is enqueued.
func (s *Store) MailJobAgent(ctx context.Context, a DueJobAgent, found JobAgentMail, publicURL string, now time.Time) (bool, error) {
	err := s.RunInTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		// The commit need not wait for the disk: a crash that loses it
		// loses the mail, its send job and the watermark's move together,
		// and the next run does the agent again — nothing twice, nothing
		// skipped. A run of 10,000 agents is 10,000 commits.
		if _, err := tx.ExecContext(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
			return err
		}
		upd := tx.NewUpdate().Table("job_agents").Set("last_run_at = ?", now).Set("last_period = ?::date", a.Period).
			Where("id = ? AND confirmed_at IS NOT NULL AND (last_period IS NULL OR last_period < ?::date)", a.ID, a.Period)
		if len(found.Ads) > 0 {
			newest := found.Ads[0]
			upd = upd.Set("seen_published = ?", newest.Published).Set("seen_id = ?", newest.ID)
		}
		res, err := upd.Exec(ctx)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return errAgentDone
		}
		if len(found.Ads) == 0 {
			return nil
		}
		token, hash := NewToken()
		if _, err := tx.NewRaw(`INSERT INTO job_agent_tokens (token_hash, agent_id, created_at) VALUES (?, ?, ?)`,
			hash, a.ID, now).Exec(ctx); err != nil {
			return err
		}
		if _, err := tx.NewRaw(`DELETE FROM job_agent_tokens WHERE agent_id = ? AND created_at < ?`,
			a.ID, now.AddDate(0, 0, -jobAgentTokenDays)).Exec(ctx); err != nil {
			return err
		}
		m, err := jobAgentLetter(a, found, publicURL, token)
		if err != nil {
			return err
		}
		if a.CitizenID != nil {
			m.CitizenID = *a.CitizenID
		}
		_, err = s.EnqueueMail(ctx, tx, m, now)
		return err
	})
	if errors.Is(err, errAgentDone) {
		return false, nil
	}
	return err == nil && len(found.Ads) > 0, err
}

// jobAgentLetter writes the agent's mail of found.
func jobAgentLetter(a DueJobAgent, found JobAgentMail, publicURL, token string) (mail.Message, error) {
	en := a.Lang == string(mail.English)
	d := mail.JobAgentData{Name: a.Name, Total: found.Total, Shown: len(found.Ads),
		SearchURL: publicURL + "/find-job?" + a.Search}
	for _, ad := range found.Ads {
		link := publicURL + "/job/" + strconv.FormatInt(ad.ID, 10)
		switch {
		case ad.External():
			link = ad.ExternalURL
		case en:
			link += "?WIDK=true"
		}
		deadline := ad.DeadlineText()
		if en {
			switch ad.DeadlineKind {
			case shared.DeadlineDate:
			case shared.DeadlineSnarest:
				deadline = "As soon as possible"
			default:
				deadline = "Not stated"
			}
		}
		d.Ads = append(d.Ads, mail.JobAgentAd{Title: ad.Title, Employer: ad.Employer.Name, Place: ad.Place(),
			Deadline: deadline, URL: link})
	}
	m, err := mail.Letter{Kind: mail.KindJobAgent, Lang: mail.Lang(a.Lang), To: a.Email,
		UnsubscribeURL: publicURL + shared.APIJobAgentUnsubscribe + "?token=" + token + widkParam(a.Lang), Data: d}.Message()
	m.From = agentSender(a.Lang)
	return m, err
}

// agentSender is Work in Denmark's address for its (English) agents'
// mails, and the portal's for the others.
func agentSender(lang string) string {
	if lang == string(mail.English) {
		return mail.WorkInDenmarkFrom
	}
	return ""
}

// widkParam marks the links of Work in Denmark's (English) agents, so
// that a link whose agent is gone still answers in English.
func widkParam(lang string) string {
	if lang == string(mail.English) {
		return "&WIDK=true"
	}
	return ""
}
