package shared

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestProjectMessagesForAKasse(t *testing.T) {
	const ak = "ak-dfh"
	sent := time.Date(2020, 2, 26, 10, 0, 0, 0, time.UTC)
	msg := func(senderOrg string, parties ...string) Message {
		return Message{ID: "m1", Sender: "Sagsbehandler", SenderOrg: senderOrg, Parties: parties,
			Subject: "Indkaldelse", Body: "Du er indkaldt til samtale.", Sent: sent, Read: true}
	}
	tests := []struct {
		name   string
		msg    Message
		akasse string
		shown  bool
	}{
		{"OKFromAKasse", msg(ak), ak, true},
		{"OKAKasseParty", msg("jc-101", "jc-101", ak), ak, true},
		{"OKAKasseOnlyParty", msg("", ak), ak, true},
		{"HiddenFromJobcenter", msg("jc-101", "jc-101"), ak, false},
		{"HiddenFromSTAR", msg("star"), ak, false},
		{"HiddenFromEmployer", msg("", "arbejdsgiver-42"), ak, false},
		{"HiddenFromOtherAKasse", msg("ak-ma", "ak-ma"), ak, false},
		{"HiddenPrefixOnly", msg("ak-dfh-2", "ak-dfh-2"), ak, false},
		{"HiddenEmptyCodeNoSender", msg("", ""), "", false},
		{"HiddenEmptyCodeNoParties", msg(""), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := projectMessages([]Message{tt.msg}, tt.akasse)
			if len(got) != 1 {
				t.Fatalf("got %d messages, want 1", len(got))
			}
			p := got[0]
			if p.ID != tt.msg.ID || p.Sender != tt.msg.Sender || p.SenderOrg != tt.msg.SenderOrg ||
				!p.Sent.Equal(tt.msg.Sent) || p.Read != tt.msg.Read {
				t.Errorf("sender, date or read state lost: %+v", p)
			}
			if p.Parties == nil {
				t.Error("parties should encode as [] not null")
			}
			if tt.shown {
				if p.Subject != tt.msg.Subject || p.Body != tt.msg.Body || !slices.Equal(p.Parties, tt.msg.Parties) || p.ContentWithheld() {
					t.Errorf("message the a-kasse is party to was changed: %+v", p)
				}
				return
			}
			if p.Subject != "" || p.Body != MsgLetterSecrecy || len(p.Parties) != 0 || !p.ContentWithheld() {
				t.Errorf("content not withheld: %+v", p)
			}
		})
	}

	if got := projectMessages(nil, ak); got == nil || len(got) != 0 {
		t.Errorf("no messages = %#v, want []", got)
	}
	in := []Message{msg("jc-101", "jc-101"), msg(ak, "jc-101")}
	out := projectMessages(in, ak)
	if in[0].Body == MsgLetterSecrecy || in[0].Subject == "" || len(in[0].Parties) != 1 {
		t.Error("projection changed its input")
	}
	out[1].Parties[0] = "x"
	if in[1].Parties[0] != "jc-101" {
		t.Error("projection shares its parties with the input")
	}
}

func TestAbsenceKinds(t *testing.T) {
	for _, k := range AbsenceKinds() {
		if _, ok := absenceLabels[k]; !ok || k.Label() == string(k) {
			t.Errorf("%s has no Danish label", k)
		}
		if _, ok := absenceLegalForDagpenge[k]; !ok {
			t.Errorf("%s: no decision whether it is legal for dagpenge", k)
		}
		if !k.Valid() {
			t.Errorf("%s not valid", k)
		}
	}
	if len(absenceLabels) != len(absenceKinds) || len(absenceLegalForDagpenge) != len(absenceKinds) {
		t.Error("a kind is in a table but not in absenceKinds")
	}
	unknown := AbsenceKind("ukendt")
	if unknown.Valid() || unknown.LegalForDagpenge() || unknown.Label() != "ukendt" {
		t.Error("an unknown kind must be invalid, hidden, and labelled by its code")
	}
}

func TestProjectAbsencesForAKasse(t *testing.T) {
	today := MustDate("2020-04-15")
	period := func(from, to string) Period {
		p := Period{From: MustDate(from)}
		if to != "" {
			p.To = MustDate(to)
		}
		return p
	}
	tests := []struct {
		name   string
		kind   AbsenceKind
		period Period
		shown  bool
	}{
		{"OKCurrent", AbsenceFritagetSelvbooking, period("2020-02-05", "2020-05-31"), true}, // Billede 24
		{"OKFirstDayToday", AbsenceSygdom, period("2020-04-15", "2020-04-20"), true},
		{"OKLastDayToday", AbsenceFerie, period("2020-04-01", "2020-04-15"), true},
		{"OKOneDayToday", AbsenceSygdom, period("2020-04-15", "2020-04-15"), true},
		{"OKOpenEnded", AbsenceBarsel, period("2020-01-01", ""), true},
		{"OKFuture", AbsenceFerie, period("2020-07-06", "2020-07-24"), true},
		{"OKFutureTomorrow", AbsenceBorgerligtOmbud, period("2020-04-16", "2020-04-16"), true},
		{"HiddenEndedYesterday", AbsenceFerie, period("2020-04-01", "2020-04-14"), false},
		{"HiddenPast", AbsenceSygdom, period("2019-11-01", "2019-11-03"), false},
		{"HiddenIllegalCurrent", AbsenceFritagetForhold, period("2020-04-01", "2020-06-30"), false},
		{"HiddenIllegalFuture", AbsencePasningAfBarn, period("2020-05-01", ""), false},
		{"HiddenSygedagpenge", AbsenceDelvisRaskmelding, period("2020-04-15", "2020-04-15"), false},
		{"HiddenUnknownKind", "ukendt", period("2020-04-01", ""), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Absence{ID: "f1", Kind: tt.kind, Period: tt.period, Text: "Lorem ipsum",
				RegisteredBy: RegisteredByCaseworker, RegisteredAt: time.Date(2020, 4, 1, 9, 0, 0, 0, time.UTC)}
			got := projectAbsences([]Absence{a}, today)
			if !tt.shown {
				if len(got) != 0 {
					t.Errorf("shown: %+v", got)
				}
				return
			}
			// Who registered it is Historik's, which the a-kasse is refused.
			want := AKasseAbsence{ID: a.ID, Kind: a.Kind, Period: a.Period, Text: a.Text}
			if len(got) != 1 || got[0] != want {
				t.Errorf("got %+v, want [%+v]", got, want)
			}
		})
	}
	if got := projectAbsences(nil, today); got == nil {
		t.Error("no absences should encode as [] not null")
	}
}

// TestAKasseProjectionsNeverLeak feeds random messages and absences to the
// projections and checks that no hidden text reaches the encoded JSON, and
// that everything allowed does.
func TestAKasseProjectionsNeverLeak(t *testing.T) {
	const ak = "ak-dfh"
	rng := rand.New(rand.NewPCG(4, 24))
	orgs := []string{ak, "ak-ma", "jc-101", "jc-230", "star", "arbejdsgiver-7", ""}
	today := MustDate("2020-04-15")
	kinds := append(AbsenceKinds(), "ukendt", "")

	var msgs []Message
	var abs []Absence
	for i := range 2000 {
		m := Message{ID: fmt.Sprint("m", i), Sender: "Sagsbehandler", SenderOrg: orgs[rng.IntN(len(orgs))],
			Subject: fmt.Sprintf("SUBJ%06dX", i), Body: fmt.Sprintf("BODY%06dX", i),
			Sent: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(1e6)) * time.Minute), Read: rng.IntN(2) == 0}
		for range rng.IntN(4) {
			m.Parties = append(m.Parties, orgs[rng.IntN(len(orgs))])
		}
		msgs = append(msgs, m)

		p := Period{From: today.AddDays(rng.IntN(120) - 60)}
		if rng.IntN(4) != 0 {
			p.To = p.From.AddDays(rng.IntN(60))
		}
		abs = append(abs, Absence{ID: fmt.Sprint("f", i), Kind: kinds[rng.IntN(len(kinds))], Period: p, Text: fmt.Sprintf("TEXT%06dX", i)})
	}

	b, err := json.Marshal(projectMessages(msgs, ak))
	if err != nil {
		t.Fatal(err)
	}
	encoded := string(b)
	hidden := 0
	for _, m := range msgs {
		party := m.SenderOrg == ak || slices.Contains(m.Parties, ak)
		for _, marker := range []string{m.Subject, m.Body} {
			if got := strings.Contains(encoded, marker); got != party {
				t.Fatalf("message %s (sender %q, parties %q): marker %s in JSON = %v, want %v", m.ID, m.SenderOrg, m.Parties, marker, got, party)
			}
		}
		if !party {
			hidden++
		}
	}
	if hidden == 0 || hidden == len(msgs) {
		t.Fatalf("random data hid %d of %d messages; the test proves nothing", hidden, len(msgs))
	}

	b, err = json.Marshal(projectAbsences(abs, today))
	if err != nil {
		t.Fatal(err)
	}
	encoded = string(b)
	hidden = 0
	for _, a := range abs {
		visible := absenceLegalForDagpenge[a.Kind] && (a.Period.To.IsZero() || a.Period.To.Compare(today) >= 0)
		if got := strings.Contains(encoded, a.Text); got != visible {
			t.Fatalf("absence %+v: in JSON = %v, want %v", a, got, visible)
		}
		if !visible {
			hidden++
		}
	}
	if hidden == 0 || hidden == len(abs) {
		t.Fatalf("random data hid %d of %d absences; the test proves nothing", hidden, len(abs))
	}
}
