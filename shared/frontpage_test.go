package shared

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func kinds(cs []Card) []CardKind {
	out := []CardKind{}
	for _, c := range cs {
		out = append(out, c.Kind)
	}
	return out
}

func TestCards(t *testing.T) {
	kok := &OccupationRef{ID: 1, Title: "Kok"}
	all := CardFacts{Occupation: kok, NewAds: 3, Related: &OccupationRef{ID: 2, Title: "Køkkenmedhjælper"}, RelatedAds: 4,
		TemporaryAds: 2, Joblogs: 1, FormerEmployers: 5, HomePostcode: "8000"}
	tests := []struct {
		name  string
		group string
		facts CardFacts
		seed  uint64
		want  []CardKind
	}{
		{"FirstLogin", "LAB 01", all, 0, []CardKind{CardOpslaaede, CardLignende}},
		{"NextLogin", "LAB 01", all, 1, []CardKind{CardLignende, CardVikarbureauer}},
		{"WrapsRound", "LAB 01", all, 4, []CardKind{CardUopfordret, CardOpslaaede}},
		{"SeedBeyondKinds", "LAB 01", all, 7, []CardKind{CardVikarbureauer, CardSoegte}},
		{"JobparatKontanthjaelp", "LAB 02", all, 0, []CardKind{CardOpslaaede, CardLignende}},
		{"ErrOtherGroup", "LAB 03", all, 0, []CardKind{}},
		{"ErrNoGroup", "", all, 0, []CardKind{}},
		{"ErrNoOccupation", "LAB 01", CardFacts{NewAds: 3, FormerEmployers: 2}, 0, []CardKind{}},
		{"OnlyFedKinds", "LAB 01", CardFacts{Occupation: kok, FormerEmployers: 1}, 5, []CardKind{CardUopfordret}},
		{"RelatedNeedsAds", "LAB 01", CardFacts{Occupation: kok, Related: &OccupationRef{ID: 2, Title: "Bager"}, TemporaryAds: 1}, 0,
			[]CardKind{CardVikarbureauer}},
		{"SoegteFromJoblog", "LAB 01", CardFacts{Occupation: kok, Joblogs: 4, FormerEmployers: 1}, 0, []CardKind{CardSoegte, CardUopfordret}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := kinds(Cards(tt.group, tt.facts, tt.seed)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("cards %v, want %v", got, tt.want)
			}
		})
	}
	c := Cards("LAB 01", all, 2)
	if c[0].Title != "Vikarjob som kok" || c[0].Text[:12] != "2 vikariater" || c[0].Search == nil || c[0].Search.Durations[0] != "vikariat" || c[0].Search.Postcode != "8000" {
		t.Errorf("Vikarbureauer card %+v", c[0])
	}
	if c[1].Page != "/joblog" || !strings.HasPrefix(c[1].Text, "Du har 1 job i din Joblog") {
		t.Errorf("Søgte job card %+v", c[1])
	}
	if c := Cards("LAB 01", all, 4); c[0].Href != "https://info.jobnet.dk/" || c[0].Search != nil {
		t.Errorf("Uopfordret card %+v", c[0])
	}
}

func at2(day int) time.Time { return time.Date(2026, 11, day, 9, 0, 0, 0, time.UTC) }

func TestOrderNotifications(t *testing.T) {
	n := func(k NotificationKind, day int) Notification {
		return Notification{Kind: k, Title: fmt.Sprint(k, day), Created: at2(day)}
	}
	titles := func(ns []Notification) []string {
		out := []string{}
		for _, n := range ns {
			out = append(out, n.Title)
		}
		return out
	}
	tests := []struct {
		name string
		in   []Notification
		want []string
	}{
		{"ByKindThenNewest", []Notification{n(NotifyJoblog, 3), n(NotifyPlan, 1), n(NotifyDagpengekort, 2), n(NotifyPlan, 5)},
			[]string{"dagpengekort2", "plan5", "plan1", "joblog3"}},
		// The deadline is always second.
		{"FristSecond", []Notification{n(NotifyJoblog, 3), n(NotifyBookingFrist, 1), n(NotifySygemelding, 2), n(NotifyPlan, 4)},
			[]string{"sygemelding2", "booking_frist1", "plan4", "joblog3"}},
		{"FristAloneFirst", []Notification{n(NotifyBookingFrist, 1)}, []string{"booking_frist1"}},
		{"FristWithOne", []Notification{n(NotifyBookingFrist, 1), n(NotifyJoblog, 2)}, []string{"joblog2", "booking_frist1"}},
		{"None", nil, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := titles(OrderNotifications(tt.in)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("order %v, want %v", got, tt.want)
			}
		})
	}
}

// TestFristNotification: the tone sharpens in stages as the deadline nears.
func TestFristNotification(t *testing.T) {
	deadline := MustDate("2026-12-10") // a Thursday
	tests := []struct {
		name  string
		today string
		tone  Tone
		title string
	}{
		{"FarAhead", "2026-11-20", ToneInfo, "Husk at booke en samtale"},
		{"EightDays", "2026-12-02", ToneInfo, "Husk at booke en samtale"},
		{"SevenDays", "2026-12-03", ToneWarning, "Book din samtale snart"},
		{"ThreeDays", "2026-12-07", ToneWarning, "Book din samtale snart"},
		{"TwoDays", "2026-12-08", ToneError, "Book din samtale i dag"},
		{"LastDay", "2026-12-10", ToneError, "Sidste frist i dag: book din samtale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, tone, ok := FristNotification(deadline, MustDate(tt.today))
			if !ok || tone != tt.tone || n.Title != tt.title || n.Kind != NotifyBookingFrist {
				t.Errorf("%v %q %q", ok, tone, n.Title)
			}
			// The notification carries a sharper tone for the page to show.
			want := tt.tone
			if want == ToneInfo {
				want = ""
			}
			if n.Tone != want {
				t.Errorf("Notification.Tone = %q, want %q", n.Tone, want)
			}
		})
	}
	if n, _, _ := FristNotification(deadline, MustDate("2026-11-20")); n.Text != "Du skal booke en samtale med dit jobcenter senest torsdag den 10.12.2026." {
		t.Errorf("text %q", n.Text)
	}
	if _, _, ok := FristNotification(deadline, MustDate("2026-12-11")); ok {
		t.Error("a passed deadline is a notification")
	}
}

func TestDiscontinuedNotification(t *testing.T) {
	n, ok := DiscontinuedNotification([]string{"Telefonist", "Maskinsætter"})
	if !ok || n.Title != "Nogle af dine stillinger er udgået" || !strings.HasPrefix(n.Text, "Telefonist og Maskinsætter findes") {
		t.Errorf("%v %+v", ok, n)
	}
	if a, ok := ActionOf(n.Kind); !ok || a.Page != "/jeg-soeger-job-som" {
		t.Errorf("action %+v", a)
	}
	if _, ok := DiscontinuedNotification(nil); ok {
		t.Error("a notification without a discontinued occupation")
	}
	if got := JoinDanish([]string{"a", "b", "c"}); got != "a, b og c" {
		t.Errorf("JoinDanish %q", got)
	}
}

func TestPrimaryAction(t *testing.T) {
	kok := []OccupationRef{{ID: 1, Title: "Kok"}, {ID: 2, Title: "Tjener"}}
	tests := []struct {
		name  string
		facts PrimaryFacts
		title string
		link  string
	}{
		{"Fleksjob", PrimaryFacts{Kontaktgruppe: KontaktgruppeFleksjob, Occupations: kok, Discontinued: true}, "Læs om fleksjob", "Læs guiden på info.jobnet.dk"},
		{"Discontinued", PrimaryFacts{Kontaktgruppe: 1, Occupations: kok, Discontinued: true}, "Ret dine stillinger", "Gå til Jeg søger job som"},
		{"DutyWithoutOccupation", PrimaryFacts{Kontaktgruppe: 1, DutyToSeekWork: true}, "Fortæl, hvilke job du søger", "Gå til Jeg søger job som"},
		{"Sygedagpenge", PrimaryFacts{Kontaktgruppe: KontaktgruppeSygedagpenge, Occupations: kok}, "Se, hvad du har aftalt med jobcentret", "Gå til Min plan"},
		{"FindJobAsFirst", PrimaryFacts{Kontaktgruppe: 1, Occupations: kok, HomePostcode: "8000"}, "Find job", "Find job som Kok"},
		{"NoDutyNoOccupation", PrimaryFacts{Kontaktgruppe: 3}, "Find job", "Gå til Find job"},
		{"NoGroup", PrimaryFacts{}, "Find job", "Gå til Find job"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := PrimaryActionOf(tt.facts)
			if a.Title != tt.title || a.Link != tt.link {
				t.Errorf("%q / %q", a.Title, a.Link)
			}
			targets := 0
			for _, set := range []bool{a.Page != "", a.Search != nil, a.Href != ""} {
				if set {
					targets++
				}
			}
			if targets != 1 {
				t.Errorf("not exactly one target: %+v", a)
			}
		})
	}
	a := PrimaryActionOf(PrimaryFacts{Kontaktgruppe: 1, Occupations: kok, HomePostcode: "8000"})
	if a.Search.Q != "Kok" || a.Search.Postcode != "8000" || a.Search.Km != FindJobRadiusKm || a.Search.From != "forside" {
		t.Errorf("search %+v", a.Search)
	}
}

// TestAKasseFrontPage: a member on dagpenge who is also fleksjobvisiteret
// from today sees the fleksjob e-guide and no cards; the a-kasse, which
// may not know the fleksjob forløb, sees what a dagpengemodtager sees, and
// no automatch, whose fleksjob headings would tell.
func TestAKasseFrontPage(t *testing.T) {
	today := MustDate("2026-11-30")
	fs := []Forloeb{
		{Kontaktgruppe: 1, Period: Period{From: MustDate("2026-01-05")}},
		{Kontaktgruppe: KontaktgruppeFleksjob, Period: Period{From: today}},
	}
	o := Overview{Forloeb: fs, Nudges: Nudges{Today: today, Seed: 0, FleksjobAutomatch: true,
		Cards:   CardFacts{Occupation: &OccupationRef{ID: 1, Title: "Kok"}, NewAds: 2, TemporaryAds: 1, HomePostcode: "8000"},
		Primary: PrimaryFacts{Occupations: []OccupationRef{{ID: 1, Title: "Kok"}}, HomePostcode: "8000"}},
		Automatch: Automatch{Active: true, Groups: []AutomatchGroup{{Rule: 1, Heading: automatchHeadings[true][1], Ads: []AutomatchAd{{ID: 7}}}}}}
	o.Judge(fs)
	if o.Primary.Title != "Læs om fleksjob" || len(o.Cards) != 0 {
		t.Fatalf("the citizen's own view: %q, %d cards", o.Primary.Title, len(o.Cards))
	}
	p := ProjectForAKasse(CitizenData{Overview: &o}).Overview
	if p.Primary.Title != "Find job" || len(p.Cards) != 2 || p.Cards[0].Kind != CardOpslaaede {
		t.Errorf("the a-kasse's view: %q, cards %v", p.Primary.Title, kinds(p.Cards))
	}
	if p.Automatch.Active || len(p.Automatch.Groups) != 0 {
		t.Errorf("the a-kasse sees the fleksjob automatch: %+v", p.Automatch)
	}
}

func TestCounted(t *testing.T) {
	for n, want := range map[int]string{0: "0 vikariater", 1: "1 vikariat", 2: "2 vikariater"} {
		if got := counted(n, "vikariat", "vikariater"); got != want {
			t.Errorf("counted(%d) = %q", n, got)
		}
	}
}

func TestBanner(t *testing.T) {
	ok := Banner{Text: "Jobmesse i Aarhus", LinkText: "Læs mere", LinkURL: "https://star.dk/jobmesse",
		Period: Period{From: MustDate("2026-12-01"), To: MustDate("2026-12-07")}}
	tests := []struct {
		name  string
		mod   func(*Banner)
		field string
	}{
		{"OK", func(*Banner) {}, ""},
		{"OKWithoutLink", func(b *Banner) { b.LinkText, b.LinkURL = "", "" }, ""},
		{"ErrNoText", func(b *Banner) { b.Text = "" }, "text"},
		{"ErrTextTooLong", func(b *Banner) { b.Text = strings.Repeat("a", 301) }, "text"},
		{"ErrLinkWithoutText", func(b *Banner) { b.LinkText = "" }, "link_text"},
		{"ErrBadURL", func(b *Banner) { b.LinkURL = "javascript:alert(1)" }, "link_url"},
		{"ErrNoEnd", func(b *Banner) { b.Period.To = Date{} }, "period.to"},
		{"ErrEndBeforeStart", func(b *Banner) { b.Period.To = MustDate("2026-11-30") }, "period.to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := ok
			tt.mod(&b)
			err := b.Check()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != EInvalid || e.FieldMessage(tt.field) == "" {
				t.Errorf("want a message at %s, got %v", tt.field, err)
			}
		})
	}
	for day, want := range map[string]bool{"2026-11-30": false, "2026-12-01": true, "2026-12-07": true, "2026-12-08": false} {
		if ok.ShownOn(MustDate(day)) != want {
			t.Errorf("shown on %s: %v", day, !want)
		}
	}
}

func TestMidSentence(t *testing.T) {
	for in, want := range map[string]string{"Rørlægger": "rørlægger", "VVS-montør": "VVS-montør",
		"Social- og sundhedsassistent": "social- og sundhedsassistent", "IT-supporter": "IT-supporter", "Ø": "Ø"} {
		if got := midSentence(in); got != want {
			t.Errorf("midSentence(%q) = %q, want %q", in, got, want)
		}
	}
}
