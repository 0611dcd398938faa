package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"jobnet/server/mail"
	"jobnet/shared"
)

// The outbox: a mail is a row of table outbox, written in the transaction
// of the change that causes it together with the job that sends it
// (SendMailJob), so the mail exists exactly when the change does. The
// worker (jobs, sendMail) sends a row through SendFromOutbox, once.
//
// Layering: storage owns the row and names its job; package jobs owns the
// worker and River, and reaches storage through the Enqueuer it hands to
// New, so storage never imports jobs. package mail knows no database.

// SendMailJob is the job that sends the outbox row OutboxID.
type SendMailJob struct {
	OutboxID int64 `json:"outbox_id"`
}

// Kind names the job for River.
func (SendMailJob) Kind() string { return "send_mail" }

type outboxRow struct {
	bun.BaseModel  `bun:"table:outbox"`
	ID             int64      `bun:"id,pk,autoincrement"`
	CreatedAt      time.Time  `bun:"created_at"`
	To             string     `bun:"to_address"`
	CitizenID      *int64     `bun:"citizen_id"`
	Kind           string     `bun:"kind"`
	Subject        string     `bun:"subject"`
	Text           string     `bun:"text_body"`
	HTML           string     `bun:"html_body"`
	UnsubscribeURL *string    `bun:"unsubscribe_url"`
	From           *string    `bun:"from_address"`
	Lang           string     `bun:"lang"`
	SentAt         *time.Time `bun:"sent_at"`
	Attempts       int        `bun:"attempts"`
	LastError      *string    `bun:"last_error"`
}

func (r outboxRow) message() mail.Message {
	m := mail.Message{ID: r.ID, To: r.To, Subject: r.Subject, Text: r.Text, HTML: r.HTML, Lang: mail.Lang(r.Lang), Kind: r.Kind}
	if r.UnsubscribeURL != nil {
		m.UnsubscribeURL = *r.UnsubscribeURL
	}
	if r.CitizenID != nil {
		m.CitizenID = *r.CitizenID
	}
	if r.From != nil {
		m.From = *r.From
	}
	return m
}

// RunInTx runs fn in one transaction, for a change that is not one
// citizen's and sends a mail (EnqueueMail). A citizen's change uses
// Citizen.InTx and Citizen.EnqueueMail.
func (s *Store) RunInTx(ctx context.Context, fn func(ctx context.Context, tx bun.Tx) error) error {
	return s.inTx(ctx, fn)
}

// EnqueueMail puts m in the outbox and the job that sends it in the
// queue, both within db — the transaction of the change that causes the
// mail (RunInTx): the mail leaves once that commits, and never if it
// rolls back. db may be the pool when the mail is the whole change; the
// row and its job then get a transaction of their own. It returns the
// outbox row's id, from which the Message-ID is made.
func (s *Store) EnqueueMail(ctx context.Context, db bun.IDB, m mail.Message, now time.Time) (id int64, err error) {
	tx, ok := db.(bun.Tx)
	if !ok {
		err = db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
			id, err = enqueueMail(ctx, tx, s.jobs, m, now)
			return err
		})
		return id, err
	}
	return enqueueMail(ctx, tx, s.jobs, m, now)
}

// EnqueueMail puts m, a mail about the citizen, in the outbox within the
// accessor's transaction (InTx), as Store.EnqueueMail does.
func (c Citizen) EnqueueMail(ctx context.Context, m mail.Message, now time.Time) (int64, error) {
	tx, ok := c.db.(bun.Tx)
	if !ok {
		return 0, errors.New("storage: a mail is enqueued within the transaction of its change (Citizen.InTx)")
	}
	m.CitizenID = c.id
	return enqueueMail(ctx, tx, c.jobs, m, now)
}

func enqueueMail(ctx context.Context, tx bun.Tx, jobs Enqueuer, m mail.Message, now time.Time) (int64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	if jobs == nil {
		return 0, errors.New("storage: no job queue to send the mail " + m.Kind)
	}
	row := outboxRow{CreatedAt: now, To: m.To, Kind: m.Kind, Subject: m.Subject, Text: m.Text, HTML: m.HTML, Lang: string(m.Lang)}
	if m.CitizenID != 0 {
		row.CitizenID = &m.CitizenID
	}
	if m.UnsubscribeURL != "" {
		row.UnsubscribeURL = &m.UnsubscribeURL
	}
	if m.From != "" {
		row.From = &m.From
	}
	if _, err := tx.NewInsert().Model(&row).ExcludeColumn("id", "sent_at", "attempts", "last_error").Returning("id").Exec(ctx); err != nil {
		return 0, err
	}
	return row.ID, jobs.EnqueueTx(ctx, tx, SendMailJob{OutboxID: row.ID})
}

// sendHold bounds how long a send holds its outbox row.
const sendHold = 2 * time.Minute

// SendFromOutbox sends the outbox row id with send, at most once: it
// locks the row (SELECT … FOR UPDATE, so two runs of the job wait for
// each other), does nothing if the row is already sent, sends, and
// records sent_at in the same transaction. A failed send records the
// attempt and its error and returns the error, so the job is retried.
//
// The one window for a second copy: the SMTP server accepted the mail
// and the process died (or the database went away) before the commit.
// The retry then sends it again — with the same Message-ID (mail.MessageID),
// so the copy is a duplicate a receiver can drop. ctx ending (River
// stopping) does not roll the record back: the transaction runs on a
// context of its own, and only the send itself is cut short by ctx.
//
// A row that is gone (the citizen was deleted) is not found.
func (s *Store) SendFromOutbox(ctx context.Context, id int64, now func() time.Time, send func(ctx context.Context, m mail.Message) error) error {
	txCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), sendHold)
	defer cancel()
	var sendErr error
	err := s.db.RunInTx(txCtx, nil, func(txCtx context.Context, tx bun.Tx) error {
		var row outboxRow
		if err := tx.NewSelect().Model(&row).Where("id = ?", id).For("UPDATE").Scan(ctx); err != nil {
			return notFound(err, "Mailen")
		}
		if row.SentAt != nil {
			return nil
		}
		upd := tx.NewUpdate().Model((*outboxRow)(nil)).Set("attempts = attempts + 1").Where("id = ?", id)
		if sendErr = send(ctx, row.message()); sendErr != nil {
			upd.Set("last_error = ?", truncate(sendErr.Error(), 2000))
		} else {
			upd.Set("sent_at = ?", now()).Set("last_error = NULL")
		}
		_, err := upd.Exec(txCtx)
		return err
	})
	if err != nil {
		return err
	}
	return sendErr
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

// OutboxMail is a mail of the outbox as /dev/post and the tests read it.
type OutboxMail struct {
	mail.Message
	CreatedAt time.Time
	SentAt    *time.Time
	Attempts  int
	LastError string
}

// Outbox reads the newest mails of the outbox, newest first, up to limit.
func (s *Store) Outbox(ctx context.Context, limit int) ([]OutboxMail, error) {
	var rows []outboxRow
	if err := s.db.NewSelect().Model(&rows).Order("id DESC").Limit(int64(limit)).Scan(ctx); err != nil {
		return nil, err
	}
	out := make([]OutboxMail, 0, len(rows))
	for _, r := range rows {
		o := OutboxMail{Message: r.message(), CreatedAt: r.CreatedAt, SentAt: r.SentAt, Attempts: r.Attempts}
		if r.LastError != nil {
			o.LastError = *r.LastError
		}
		out = append(out, o)
	}
	return out, nil
}

// The campaigns a citizen subscribes to by e-mail ("Få besked på SMS
// og/eller email", FEATURES 7.2), as table mail_subscriptions names them.
const (
	CampaignMoederOgPligter = "moeder-og-pligter" // Møder og pligter
	CampaignBeskeder        = "beskeder"          // Beskeder fra arbejdsgiver og sagsbehandler
	CampaignGodeRaad        = "gode-raad"         // Gode råd til jobsøgning og uddannelse
	CampaignUndersoegelser  = "undersoegelser"    // Undersøgelser og feedback
)

// MailSubscription is the address the citizen has the campaign's mails
// sent to: their confirmed address (contact_details, Brugerprofil), the
// only one anything but a confirmation code is sent to (003: "En angivet
// e-mailadresse skal bekræftes, før der sendes kommunikation til den").
// Not found when they have not subscribed, or have no confirmed address.
// Every mail of a campaign (the plan's change notice, the meeting
// reminder) asks here.
func (c Citizen) MailSubscription(ctx context.Context, campaign string) (string, error) {
	var email string
	err := c.db.NewRaw(`SELECT cd.email FROM mail_subscriptions s
		JOIN contact_details cd ON cd.citizen_id = s.citizen_id AND cd.email <> ''
		WHERE s.citizen_id = ? AND s.campaign = ?`, c.id, campaign).Scan(ctx, &email)
	return email, notFound(err, "Abonnementet")
}

// SetMailSubscription subscribes the citizen to the campaign at email
// ("" unsubscribes), which must be their confirmed address (a conflict
// otherwise). The profile page sets every campaign at once
// (SetSubscriptions).
func (c Citizen) SetMailSubscription(ctx context.Context, campaign, email string) error {
	if email == "" {
		_, err := c.db.NewDelete().Table("mail_subscriptions").Where("citizen_id = ? AND campaign = ?", c.id, campaign).Exec(ctx)
		return err
	}
	res, err := c.db.NewRaw(`INSERT INTO mail_subscriptions (citizen_id, campaign, email)
		SELECT citizen_id, ?, email FROM contact_details WHERE citizen_id = ? AND email <> '' AND lower(email) = lower(?)
		ON CONFLICT (citizen_id, campaign) DO UPDATE SET email = EXCLUDED.email`, campaign, c.id, email).Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			return err
		}
		return shared.Errorf(shared.EConflict, "%s", shared.MsgNoticeNeedsEmail)
	}
	return nil
}

// PlanNoticeCampaign gates the plan's change notice by e-mail (SPEC D1):
// the sources say only that plan changes reach a subscriber by mail or
// SMS [002 2.2]; of the four campaigns, the plan — the citizen's
// meetings, activities and duties — is "Møder og pligter".
const PlanNoticeCampaign = CampaignMoederOgPligter

// NoticePlanChanged enqueues "Din plan er ændret", with a link to Min
// Plan under publicURL, in the accessor's transaction — the one that
// stores the new plan version — when the citizen subscribes to
// PlanNoticeCampaign; otherwise it does nothing. It reports whether a
// mail was enqueued. A citizen who gets the campaign by SMS gets the
// notice as an SMS too (noticeBySMS).
func (c Citizen) NoticePlanChanged(ctx context.Context, publicURL string, now time.Time) (bool, error) {
	if err := c.noticeBySMS(ctx, PlanNoticeCampaign, SMSPlanChanged,
		"Jobnet: Din plan er ændret. Se den på "+publicURL+"/min-plan", now); err != nil {
		return false, err
	}
	email, err := c.MailSubscription(ctx, PlanNoticeCampaign)
	if IsNotFound(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var name string
	if err := c.db.NewSelect().Table("citizens").Column("name").Where("id = ?", c.id).Scan(ctx, &name); err != nil {
		return false, notFound(err, "Borgeren")
	}
	m, err := mail.Letter{Kind: mail.KindPlanChanged, Lang: mail.Danish, To: email,
		Data: mail.PlanChangedData{Name: name, PlanURL: publicURL + "/min-plan"}}.Message()
	if err != nil {
		return false, err
	}
	if _, err := c.EnqueueMail(ctx, m, now); err != nil {
		return false, fmt.Errorf("storage: the plan's change notice: %w", err)
	}
	return true, nil
}

// noticeBySMS enqueues text as an SMS of the campaign, in the accessor's
// transaction, when the citizen gets the campaign by SMS (Brugerprofil,
// SMSSubscription: the profile's phone, known to NemSMS when chosen);
// otherwise it does nothing.
func (c Citizen) noticeBySMS(ctx context.Context, campaign, kind, text string, now time.Time) error {
	phone, err := c.SMSSubscription(ctx, campaign)
	if IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	_, err = c.EnqueueSMS(ctx, kind, phone, text, now)
	return err
}
