package server

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobnet/server/demo"
	"jobnet/server/mail"
	"jobnet/server/servertest"
	"jobnet/server/sms"
	"jobnet/server/storage"
	"jobnet/shared"
)

// Brugerprofil (SPEC A3; 003 «Brugerprofil»), through the API at the
// pinned clock.

// codeMailed is the code of the newest code mail to the address.
func codeMailed(t *testing.T, env *testEnv, to string) string {
	t.Helper()
	out, err := env.store.Outbox(context.Background(), 50)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range out {
		if m.To == to && m.Kind == mail.KindEmailCode {
			code := regexp.MustCompile(`\b[0-9]{6}\b`).FindString(m.Text)
			if code == "" {
				t.Fatalf("no code in %q", m.Text)
			}
			return code
		}
	}
	t.Fatalf("no code mailed to %s", to)
	return ""
}

// mailsTo is the kinds of the outbox's mails to the address.
func mailsTo(t *testing.T, env *testEnv, to string) []string {
	t.Helper()
	out, err := env.store.Outbox(context.Background(), 200)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, m := range out {
		if strings.EqualFold(m.To, to) {
			kinds = append(kinds, m.Kind)
		}
	}
	return kinds
}

func wantFieldError(t *testing.T, r response, status int, field, msg string) {
	t.Helper()
	if r.status != status || r.err().FieldMessage(field) != msg {
		t.Fatalf("status %d %s, want %d with %q at %s", r.status, r.body, status, msg, field)
	}
}

// TestProfileEmailCode: a new address gets a code and nothing else until
// it is confirmed; the code wrong, reused, expired, voided by a newer one
// and worn out by tries (003: "En angivet e-mailadresse skal bekræftes,
// før der sendes kommunikation til den").
func TestProfileEmailCode(t *testing.T) {
	env, _ := newMailEnv(t)
	c := env.client()
	c.loginCitizen("jonas")
	var p shared.Profile
	put := func(email string) {
		t.Helper()
		p = shared.Profile{}
		c.decode(c.do("PUT", shared.APIProfileContact, shared.ContactInput{Email: email, Phone: "20 30 40 50"}), 200, &p)
	}
	confirm := func(code string) response {
		return c.do("POST", shared.APIProfileEmailConfirm, shared.EmailCodeInput{Code: code})
	}

	put("jonas@example.dk")
	if p.Email != "" || p.PendingEmail != "jonas@example.dk" || p.Phone != "20304050" {
		t.Fatalf("after saving: %+v", p)
	}
	code := codeMailed(t, env, "jonas@example.dk")
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	t.Run("ErrWrong", func(t *testing.T) {
		wantFieldError(t, confirm(wrong), 400, shared.FieldProfileCode, shared.MsgCodeWrong)
	})
	t.Run("ErrFormat", func(t *testing.T) {
		wantFieldError(t, confirm("12ab"), 400, shared.FieldProfileCode, shared.MsgCodeFormat)
	})
	t.Run("OK", func(t *testing.T) {
		p = shared.Profile{}
		c.decode(confirm(code), 200, &p)
		if p.Email != "jonas@example.dk" || p.PendingEmail != "" {
			t.Fatalf("after the code: %+v", p)
		}
	})
	t.Run("ErrReused", func(t *testing.T) {
		wantFieldError(t, confirm(code), 400, shared.FieldProfileCode, shared.MsgCodeUsed)
	})
	t.Run("ErrExpired", func(t *testing.T) {
		put("jonas.ny@example.dk")
		code := codeMailed(t, env, "jonas.ny@example.dk")
		// The code's lifetime, in steps the session lives through.
		for range 2 {
			env.clock.Advance(shared.EmailCodeLifetimeMin * time.Minute / 2)
			c.decode(c.do("GET", shared.APIProfile, nil), 200, nil)
		}
		wantFieldError(t, confirm(code), 400, shared.FieldProfileCode, shared.MsgCodeExpired)
		c.decode(c.do("GET", shared.APIProfile, nil), 200, &p)
		if p.Email != "jonas@example.dk" {
			t.Fatalf("the confirmed address changed without a code: %+v", p)
		}
	})
	t.Run("ErrVoidedByNewer", func(t *testing.T) {
		put("a@example.dk")
		first := codeMailed(t, env, "a@example.dk")
		put("b@example.dk")
		second := codeMailed(t, env, "b@example.dk")
		if first != second {
			wantFieldError(t, confirm(first), 400, shared.FieldProfileCode, shared.MsgCodeWrong)
		}
		c.decode(confirm(second), 200, &p)
		if p.Email != "b@example.dk" {
			t.Fatalf("after the newer code: %+v", p)
		}
	})
	t.Run("ErrTooManyTries", func(t *testing.T) {
		put("c@example.dk")
		code := codeMailed(t, env, "c@example.dk")
		bad := "000000"
		if code == bad {
			bad = "111111"
		}
		for range shared.EmailCodeMaxAttempts {
			wantFieldError(t, confirm(bad), 400, shared.FieldProfileCode, shared.MsgCodeWrong)
		}
		wantFieldError(t, confirm(code), 400, shared.FieldProfileCode, shared.MsgCodeExpired)
	})
	t.Run("ErrNoneWaiting", func(t *testing.T) {
		put("b@example.dk") // the confirmed one: no code
		wantFieldError(t, confirm("123456"), 400, shared.FieldProfileCode, shared.MsgCodeNone)
	})
}

// TestProfileMailsOnlyConfirmed: the plan's change notice and the meeting
// reminder (the project's mails of a campaign) go to the confirmed
// address of a subscriber only; an address waiting for its code gets the
// code and nothing else.
func TestProfileMailsOnlyConfirmed(t *testing.T) {
	env, _ := newMailEnv(t)
	ctx := context.Background()
	c := env.client()
	c.loginCitizen("mads")
	mads := env.store.Citizen(env.citizenID(cprMads))
	today := shared.DateOf(env.clock.Now())
	publish := func(version string) {
		t.Helper()
		c.decode(c.do("POST", "/api/ingest/v1/plan", testPlan(version, today), "Authorization", "Bearer demo-token-jobcenter-koebenhavn"), 200, nil)
	}
	var p shared.Profile
	c.decode(c.do("PUT", shared.APIProfileContact, shared.ContactInput{Email: "mads.ny@example.dk", Phone: "20304050"}), 200, &p)
	c.decode(c.do("POST", shared.APIProfileEmailConfirm, shared.EmailCodeInput{Code: codeMailed(t, env, "mads.ny@example.dk")}), 200, &p)
	c.decode(c.do("PUT", shared.APIProfileNotices, shared.NoticesInput{Subscriptions: []shared.Subscription{
		{Campaign: storage.CampaignMoederOgPligter, Email: true}}}), 200, &p)
	if s := p.Subscribed(storage.CampaignMoederOgPligter); !s.Email || s.SMS {
		t.Fatalf("subscriptions %+v", p.Subscriptions)
	}
	// A new address waits for its code; the confirmed one stays in use.
	c.decode(c.do("PUT", shared.APIProfileContact, shared.ContactInput{Email: "mads.pending@example.dk", Phone: "20304050"}), 200, &p)
	publish("while-pending")
	if got := mailsTo(t, env, "mads.ny@example.dk"); len(got) != 2 || got[0] != mail.KindPlanChanged {
		t.Fatalf("to the confirmed address: %v", got)
	}
	if got := mailsTo(t, env, "mads.pending@example.dk"); len(got) != 1 || got[0] != mail.KindEmailCode {
		t.Fatalf("to the address waiting for its code: %v, want the code only", got)
	}
	// No address: nothing is sent, and the e-mail campaigns go with it.
	c.decode(c.do("PUT", shared.APIProfileContact, shared.ContactInput{Phone: "20304050"}), 200, &p)
	if s := p.Subscribed(storage.CampaignMoederOgPligter); s.Email {
		t.Fatalf("an e-mail campaign without an address: %+v", p.Subscriptions)
	}
	if _, err := mads.MailSubscription(ctx, storage.CampaignMoederOgPligter); !storage.IsNotFound(err) {
		t.Fatalf("MailSubscription without an address: %v", err)
	}
	before := len(mailsTo(t, env, "mads.ny@example.dk"))
	publish("no-address")
	if n, err := env.store.RemindMeetings(ctx, "https://jobnet.test", env.clock.Now().Add(48*time.Hour)); err != nil {
		t.Fatal(err)
	} else if n != 0 {
		t.Fatalf("%d reminders without an address", n)
	}
	if after := len(mailsTo(t, env, "mads.ny@example.dk")); after != before {
		t.Fatalf("%d mails after the address was removed", after-before)
	}
	// The store itself refuses a campaign at an address not confirmed.
	if err := mads.SetMailSubscription(ctx, storage.CampaignMoederOgPligter, "mads.pending@example.dk"); shared.ErrorCodeOf(err) != shared.EConflict {
		t.Fatalf("SetMailSubscription at an unconfirmed address: %v", err)
	}
}

// TestProfileContactRules: an enrolled citizen keeps a way to be reached;
// the temporary address at most 90 days (003).
func TestProfileContactRules(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	c.loginCitizen("mads") // tilmeldt
	wantFieldError(t, c.do("PUT", shared.APIProfileContact, shared.ContactInput{}), 400, shared.FieldProfilePhone, shared.MsgContactRequired)
	wantFieldError(t, c.do("PUT", shared.APIProfileContact, shared.ContactInput{Phone: "12"}), 400, shared.FieldProfilePhone, shared.MsgPhoneInvalid)

	today := shared.DateOf(env.clock.Now().In(servertest.Copenhagen))
	addr := shared.TempAddressInput{Street: "Sommerhusvej 3", Postcode: "3250", City: "Gilleleje", From: today.String()}
	addr.To = today.AddDays(shared.TempAddressMaxDays + 1).String()
	wantFieldError(t, c.do("PUT", shared.APIProfileAddress, addr), 400, shared.FieldAddressTo, shared.MsgTempAddressLong)
	addr.To = today.AddDays(shared.TempAddressMaxDays).String()
	var p shared.Profile
	c.decode(c.do("PUT", shared.APIProfileAddress, addr), 200, &p)
	if p.TempAddress == nil || p.TempAddress.To != today.AddDays(90) || p.TempAddress.City != "Gilleleje" {
		t.Fatalf("address %+v", p.TempAddress)
	}
	// The database holds the 90 days too.
	err := env.store.Citizen(env.citizenID(cprMads)).SetTempAddress(context.Background(),
		shared.TempAddress{Street: "X", Postcode: "3250", City: "Y", From: today, To: today.AddDays(91)})
	if err == nil {
		t.Fatal("the store took 91 days")
	}
	var after shared.Profile
	c.decode(c.do("DELETE", shared.APIProfileAddress, nil), 200, &after)
	if after.TempAddress != nil {
		t.Fatalf("address after removal %+v", after.TempAddress)
	}
}

// TestProfileLogin: the username without a password, the password with
// the old one (003 «Brugernavn og adgangskode»).
func TestProfileLogin(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	c.loginCitizen("mads")
	wantFieldError(t, c.do("PUT", shared.APIProfileUsername, shared.UsernameInput{Username: "JONAS"}), 409, shared.FieldUsername, "Brugernavnet er optaget. Vælg et andet.")
	var p shared.Profile
	c.decode(c.do("PUT", shared.APIProfileUsername, shared.UsernameInput{Username: "mads.k"}), 200, &p)
	if p.Username != "mads.k" {
		t.Fatalf("username %q", p.Username)
	}
	login := func(user, pw string) int {
		return env.client().do("POST", "/api/login", shared.LoginRequest{Username: user, Password: pw}).status
	}
	if s := login("mads.k", demo.Password); s != 200 {
		t.Fatalf("login with the new username: %d", s)
	}
	newPw := "et-nyt-kodeord-2026"
	wantFieldError(t, c.do("PUT", shared.APIProfilePassword, shared.PasswordInput{OldPassword: "forkert-kodeord", Password: newPw, PasswordRepeat: newPw}),
		400, shared.FieldOldPassword, shared.MsgOldPassword)
	wantFieldError(t, c.do("PUT", shared.APIProfilePassword, shared.PasswordInput{OldPassword: demo.Password, Password: newPw, PasswordRepeat: newPw + "x"}),
		400, shared.FieldPasswordRepeat, "Skal være det samme som det første felt.")
	c.decode(c.do("PUT", shared.APIProfilePassword, shared.PasswordInput{OldPassword: demo.Password, Password: newPw, PasswordRepeat: newPw}), 204, nil)
	if s := login("mads.k", newPw); s != 200 {
		t.Fatalf("login with the new password: %d", s)
	}
	if s := login("mads.k", demo.Password); s == 200 {
		t.Fatal("the old password still works")
	}
	// Guessing the password through an open session is limited as at the
	// login: ten wrong, then a pause.
	guess := shared.PasswordInput{OldPassword: "gaet-igen-kodeord", Password: newPw, PasswordRepeat: newPw}
	for range 10 {
		wantFieldError(t, c.do("PUT", shared.APIProfilePassword, guess), 400, shared.FieldOldPassword, shared.MsgOldPassword)
	}
	if r := c.do("PUT", shared.APIProfilePassword, guess); r.status != http.StatusTooManyRequests {
		t.Fatalf("the 11th wrong password: %d %s", r.status, r.body)
	}
}

// TestProfileNotices: SMS only to a number NemSMS knows (the seam's demo
// sink); e-mail only with a confirmed address.
func TestProfileNotices(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	c.loginCitizen("louise")
	var p shared.Profile
	c.decode(c.do("PUT", shared.APIProfileContact, shared.ContactInput{Phone: "11223344"}), 200, &p)
	if p.SMSVerified {
		t.Fatal("an unknown number is verified")
	}
	sms := shared.NoticesInput{Subscriptions: []shared.Subscription{{Campaign: "beskeder", SMS: true}}}
	wantFieldError(t, c.do("PUT", shared.APIProfileNotices, sms), 400, shared.FieldNoticesSMS, shared.MsgNoticeNeedsPhone)
	email := shared.NoticesInput{Subscriptions: []shared.Subscription{{Campaign: "beskeder", Email: true}}}
	wantFieldError(t, c.do("PUT", shared.APIProfileNotices, email), 400, shared.FieldNoticesEmail, shared.MsgNoticeNeedsEmail)
	c.decode(c.do("PUT", shared.APIProfileContact, shared.ContactInput{Phone: "20304050"}), 200, &p)
	if !p.SMSVerified {
		t.Fatal("the demo's NemSMS number is not verified")
	}
	c.decode(c.do("PUT", shared.APIProfileNotices, sms), 200, &p)
	if s := p.Subscribed("beskeder"); !s.SMS || s.Email {
		t.Fatalf("subscriptions %+v", p.Subscriptions)
	}
	phone, err := env.store.Citizen(env.citizenID(cprLouise)).SMSSubscription(context.Background(), "beskeder")
	if err != nil || phone != "20304050" {
		t.Fatalf("SMSSubscription = %q, %v", phone, err)
	}
	wantFieldError(t, c.do("PUT", shared.APIProfileNotices, `{}`), 400, "subscriptions", "Feltet skal udfyldes.")
}

// TestProfileDeleteAccount: "Slet min adgang" is not for the enrolled;
// needs the password; the login goes, the CV stays (003).
func TestProfileDeleteAccount(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	mads := env.client()
	mads.loginCitizen("mads")
	r := mads.do("POST", shared.APIProfileDelete, shared.DeleteAccountInput{Password: demo.Password})
	if r.status != http.StatusForbidden || r.err().Message != shared.MsgDeleteEnrolled {
		t.Fatalf("an enrolled citizen's deletion: %d %s", r.status, r.body)
	}

	henrik := env.client()
	henrik.loginCitizen("henrik") // afmeldt, with a CV
	id := env.citizenID("140271-3579")
	cvBefore, err := env.store.Citizen(id).CV(ctx)
	if err != nil || cvBefore.Number == "" {
		t.Fatalf("Henrik's CV: %+v %v", cvBefore, err)
	}
	wantFieldError(t, henrik.do("POST", shared.APIProfileDelete, shared.DeleteAccountInput{Password: "forkert-kodeord"}), 400,
		shared.FieldDeletePassword, shared.MsgDeletePassword)
	henrik.decode(henrik.do("POST", shared.APIProfileDelete, shared.DeleteAccountInput{Password: demo.Password}), 204, nil)
	if r := henrik.do("GET", shared.APIProfile, nil); r.status != http.StatusUnauthorized {
		t.Fatalf("the deleted login's session: %d %s", r.status, r.body)
	}
	if r := env.client().do("POST", "/api/login", shared.LoginRequest{Username: "henrik", Password: demo.Password}); r.status == 200 {
		t.Fatal("the deleted login still logs in")
	}
	cvAfter, err := env.store.Citizen(id).CV(ctx)
	if err != nil || cvAfter.Number != cvBefore.Number {
		t.Fatalf("the CV after deletion: %+v %v", cvAfter, err)
	}
}

// TestProfileRoles: the jobcenter reads the profile without the username
// and changes nothing; the a-kasse is shown none of it.
func TestProfileRoles(t *testing.T) {
	env := newTestEnv(t)
	var p shared.Profile
	nina := env.mirror("nina", cprMads)
	nina.decode(nina.do("GET", shared.APIProfile, nil), 200, &p)
	if p.Username != "" || p.Name != "Mads Kristensen" {
		t.Fatalf("the jobcenter's view %+v", p)
	}
	if r := nina.do("PUT", shared.APIProfileUsername, shared.UsernameInput{Username: "nina-was-here"}); r.status != 403 || r.err().Message != shared.MsgReadOnly {
		t.Fatalf("the jobcenter's write: %d %s", r.status, r.body)
	}
	berit := env.mirror("berit", cprMads)
	if r := berit.do("GET", shared.APIProfile, nil); r.status != 403 || r.err().Message != shared.MsgNoAccessProfile {
		t.Fatalf("the a-kasse: %d %s", r.status, r.body)
	}
	own := env.client()
	own.loginCitizen("mads")
	own.decode(own.do("GET", shared.APIProfile, nil), 200, &p)
	if p.Username != "mads" || !p.Enrolled {
		t.Fatalf("the citizen's own %+v", p)
	}
}

// TestProfileSMSNotices: a citizen who gets "Møder og pligter" by SMS gets
// the plan's change notice and the meeting reminder as SMS, through the
// SMS outbox, to the profile's phone; the seam sends each once and
// refuses a number NemSMS does not know.
func TestProfileSMSNotices(t *testing.T) {
	env, _ := newMailEnv(t)
	ctx := context.Background()
	c := env.client()
	c.loginCitizen("mads")
	var p shared.Profile
	// Mads's demo phone is the one the demo's NemSMS knows.
	c.decode(c.do("PUT", shared.APIProfileNotices, shared.NoticesInput{Subscriptions: []shared.Subscription{
		{Campaign: storage.CampaignMoederOgPligter, SMS: true}}}), 200, &p)
	today := shared.DateOf(env.clock.Now())
	c.decode(c.do("POST", "/api/ingest/v1/plan", testPlan("sms", today), "Authorization", "Bearer demo-token-jobcenter-koebenhavn"), 200, nil)
	c.decode(c.do("POST", "/api/ingest/v1/meetings", meetingIn("sms-1", "sms-1", "ZX SMS", at(2, 10, 0)), "Authorization", jcToken), 200, nil)
	n, err := env.store.RemindMeetings(ctx, "https://jobnet.test", env.clock.Now().In(servertest.Copenhagen))
	if err != nil || n != 1 {
		t.Fatalf("RemindMeetings = %d, %v", n, err)
	}
	var rows []struct {
		ID   int64  `bun:"id"`
		To   string `bun:"to_number"`
		Kind string `bun:"kind"`
		Text string `bun:"text_body"`
	}
	if err := env.db.NewRaw(`SELECT id, to_number, kind, text_body FROM sms_outbox ORDER BY id`).Scan(ctx, &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Kind != storage.SMSPlanChanged || rows[1].Kind != storage.SMSMeetingReminder ||
		rows[0].To != "20304050" || !strings.Contains(rows[0].Text, "/min-plan") || !strings.Contains(rows[1].Text, "Husk dit møde") {
		t.Fatalf("the SMS outbox: %+v", rows)
	}
	if got := mailsTo(t, env, demo.ProfileEmail); len(got) != 0 {
		t.Fatalf("mails without an e-mail campaign: %v", got)
	}
	nem := sms.NewDemoSink(sms.DemoVerifiedNumbers...)
	for range 2 { // a second run sends nothing
		if err := env.store.SendFromSMSOutbox(ctx, rows[0].ID, env.clock.Now, nem.Send); err != nil {
			t.Fatal(err)
		}
	}
	if sent := nem.Sent(); len(sent) != 1 || sent[0].Number != "20304050" {
		t.Fatalf("NemSMS got %+v", sent)
	}
	if err := env.store.SendFromSMSOutbox(ctx, rows[1].ID, env.clock.Now, sms.NewDemoSink().Send); !errors.Is(err, sms.ErrNotVerified) {
		t.Fatalf("a number NemSMS does not know: %v", err)
	}
}
