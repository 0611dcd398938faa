package shared

import "testing"

// TestTempAddressNinetyDays: "Slutdato må maksimalt være 90 dage efter
// startdato" (003 «Brugerprofil»), on both sides of the edge; the end not
// before the start, and not already past (this project's decision).
func TestTempAddressNinetyDays(t *testing.T) {
	today := MustDate("2026-12-01")
	ok := TempAddressInput{Street: "Vestergade 1", Postcode: "8000", City: "Aarhus C"}
	for _, c := range []struct {
		name     string
		from, to string
		field    string
		msg      string
	}{
		{"OK", "2026-12-01", "2027-03-01", "", ""}, // 90 days
		{"OKSameDay", "2026-12-01", "2026-12-01", "", ""},
		{"OKStartedEarlier", "2026-11-01", "2026-12-01", "", ""},
		{"ErrNinetyOneDays", "2026-12-01", "2027-03-02", FieldAddressTo, MsgTempAddressLong},
		{"ErrEndBeforeStart", "2026-12-10", "2026-12-09", FieldAddressTo, "Slutdatoen må ikke ligge før startdatoen."},
		{"ErrEnded", "2026-11-01", "2026-11-30", FieldAddressTo, MsgTempAddressEnded},
		{"ErrNoEnd", "2026-12-01", "", FieldAddressTo, "Feltet skal udfyldes."},
		{"ErrBadDate", "1-12-2026", "2026-12-24", FieldAddressFrom, "Skriv en gyldig dato."},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := ok
			in.From, in.To = c.from, c.to
			a, err := in.Check(today)
			if c.field == "" {
				if err != nil {
					t.Fatalf("Check: %v", err)
				}
				if a.From.String() != c.from || a.To.String() != c.to {
					t.Fatalf("address %+v", a)
				}
				return
			}
			e, _ := err.(*Error)
			if e == nil || e.Code != EInvalid || e.FieldMessage(c.field) != c.msg {
				t.Fatalf("Check = %v, want %q at %s", err, c.msg, c.field)
			}
		})
	}
}

// TestContactRequiredWhenEnrolled: "for ledige er angivelse af en eller
// flere kontaktinformationer obligatorisk"; "Det er ikke krævet for ikke
// ledige" (003 «Brugerprofil»).
func TestContactRequiredWhenEnrolled(t *testing.T) {
	for _, c := range []struct {
		name     string
		in       ContactInput
		enrolled bool
		field    string
		msg      string
	}{
		{"OKNotEnrolledEmpty", ContactInput{}, false, "", ""},
		{"OKEnrolledPhone", ContactInput{Phone: "+45 20 30 40 50"}, true, "", ""},
		{"OKEnrolledEmail", ContactInput{Email: "a@example.dk"}, true, "", ""},
		{"ErrEnrolledEmpty", ContactInput{}, true, FieldProfilePhone, MsgContactRequired},
		{"ErrPhone", ContactInput{Phone: "1234"}, false, FieldProfilePhone, MsgPhoneInvalid},
		{"ErrEmail", ContactInput{Email: "ikke-en-adresse"}, false, FieldProfileEmail, "Skriv en gyldig e-mailadresse."},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.in.Check(c.enrolled)
			if c.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e, _ := err.(*Error)
			if e == nil || e.FieldMessage(c.field) != c.msg {
				t.Fatalf("Check = %v, want %q at %s", err, c.msg, c.field)
			}
		})
	}
}

func TestNormalizePhone(t *testing.T) {
	for in, want := range map[string]string{"20304050": "20304050", "+45 20 30 40 50": "20304050", "0045-20304050": "20304050", "": ""} {
		if got, ok := NormalizePhone(in); !ok || got != want {
			t.Errorf("NormalizePhone(%q) = %q, %v", in, got, ok)
		}
	}
	for _, in := range []string{"2030405", "203040501", "2030405a", "+46 20304050"} {
		if _, ok := NormalizePhone(in); ok {
			t.Errorf("NormalizePhone(%q) ok", in)
		}
	}
}

func TestEmailCodeFormat(t *testing.T) {
	for code, ok := range map[string]bool{"123456": true, " 123456 ": true, "12345": false, "1234567": false, "12345a": false} {
		if err := (EmailCodeInput{Code: code}).Check(); (err == nil) != ok {
			t.Errorf("Check(%q) = %v", code, err)
		}
	}
}

// TestNoticesNeedConfirmedEmailAndNemSMS: "der kan kun kommunikeres via
// Få besked på SMS og/eller email, når der er angivet en valid
// e-mailadresse. En angivet e-mailadresse skal bekræftes"; "NemSMS kræver
// at borger er registreret med et mobilnummer hos NemSMS" (003).
func TestNoticesNeedConfirmedEmailAndNemSMS(t *testing.T) {
	both := NoticesInput{Subscriptions: []Subscription{{Campaign: "moeder-og-pligter", Email: true, SMS: true}}}
	for _, c := range []struct {
		name  string
		p     Profile
		in    NoticesInput
		field string
		msg   string
	}{
		{"OK", Profile{Email: "a@example.dk", SMSVerified: true}, both, "", ""},
		{"OKNothing", Profile{}, NoticesInput{Subscriptions: []Subscription{}}, "", ""},
		{"ErrNoList", Profile{}, NoticesInput{}, "subscriptions", "Feltet skal udfyldes."},
		{"ErrPendingOnly", Profile{PendingEmail: "a@example.dk", SMSVerified: true}, both, FieldNoticesEmail, MsgNoticeNeedsEmail},
		{"ErrSMSNotVerified", Profile{Email: "a@example.dk", Phone: "11223344"}, both, FieldNoticesSMS, MsgNoticeNeedsPhone},
		{"ErrCampaign", Profile{Email: "a@example.dk"}, NoticesInput{Subscriptions: []Subscription{{Campaign: "reklame", Email: true}}}, "subscriptions", "Ukendt kampagne."},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.in.Check(c.p)
			if c.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			e, _ := err.(*Error)
			if e == nil || e.FieldMessage(c.field) != c.msg {
				t.Fatalf("Check = %v, want %q at %s", err, c.msg, c.field)
			}
		})
	}
}

// TestCampaignsAreTheFour: 003's four campaigns in its words and order;
// the keys are table mail_subscriptions' (migration 012).
func TestCampaignsAreTheFour(t *testing.T) {
	want := []string{"Møder og pligter", "Beskeder fra arbejdsgiver og sagsbehandler", "Gode råd til jobsøgning og uddannelse", "Undersøgelser og feedback"}
	keys := []string{"moeder-og-pligter", "beskeder", "gode-raad", "undersoegelser"}
	if len(Campaigns) != 4 {
		t.Fatalf("%d campaigns", len(Campaigns))
	}
	for i, c := range Campaigns {
		if c.Label != want[i] || c.Key != keys[i] {
			t.Errorf("campaign %d = %+v", i, c)
		}
	}
}

// TestDeleteNotForEnrolled: "Derfor vil menupunktet ikke være
// tilgængelig for ledige" (003 «Slet min adgang»).
func TestDeleteNotForEnrolled(t *testing.T) {
	if (Profile{Enrolled: true}).MayDeleteAccount() || !(Profile{}).MayDeleteAccount() {
		t.Fatal("MayDeleteAccount")
	}
}
