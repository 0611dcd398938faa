package shared

import "testing"

func TestCheckMirrorAccess(t *testing.T) {
	jc := Actor{Role: RoleJobcenter, Name: "Nina", Organisation: &Organisation{Code: "jc-101", Kind: OrgJobcenter}}
	ak := Actor{Role: RoleAKasse, Name: "Berit", Organisation: &Organisation{Code: "ak-dfh", Kind: OrgAKasse}}
	period := func(from, to string) Period {
		p := Period{From: MustDate(from)}
		if to != "" {
			p.To = MustDate(to)
		}
		return p
	}
	dagpenge := Forloeb{Kontaktgruppe: 1, Period: period("2026-03-01", "2026-08-31")}
	dimittend := Forloeb{Kontaktgruppe: 8, Tilmeldekategori: TilmeldekategoriDimittend, Period: period("2026-03-01", "")}
	uden := Forloeb{Kontaktgruppe: 8, Period: period("2026-03-01", "")}
	syg := Forloeb{Kontaktgruppe: 6, Period: period("2026-09-01", "")}
	member := func(fs ...Forloeb) Citizen { return Citizen{Jobcenter: "jc-101", AKasse: "ak-dfh", Forloeb: fs} }

	tests := []struct {
		name    string
		actor   Actor
		citizen Citizen
		today   string
		want    string // "" = allowed, else the reason
	}{
		{"OKJobcenterOwnCitizen", jc, member(syg), "2026-10-01", ""},
		{"OKJobcenterWithoutForloeb", jc, Citizen{Jobcenter: "jc-101"}, "2026-10-01", ""},
		{"ErrJobcenterOtherJobcenter", jc, Citizen{Jobcenter: "jc-230"}, "2026-10-01", MsgDenyNotJobcenterCitizen},
		{"ErrJobcenterNoJobcenter", jc, Citizen{}, "2026-10-01", MsgDenyNotJobcenterCitizen},
		{"ErrAKasseBeforeForloeb", ak, member(dagpenge), "2026-02-28", MsgDenyNoDagpengeForloeb},
		{"OKAKasseFirstDay", ak, member(dagpenge), "2026-03-01", ""},
		{"OKAKasseDuringForloeb", ak, member(dagpenge), "2026-06-15", ""},
		{"OKAKasseLastDay", ak, member(dagpenge), "2026-08-31", ""},
		{"ErrAKasseAfterForloeb", ak, member(dagpenge, syg), "2026-09-01", MsgDenyNoDagpengeForloeb},
		{"OKAKasseDimittend", ak, member(dimittend), "2026-10-01", ""},
		{"ErrAKasseKG8WithoutDimittend", ak, member(uden), "2026-10-01", MsgDenyNoDagpengeForloeb},
		{"ErrAKasseSygedagpenge", ak, member(syg), "2026-10-01", MsgDenyNoDagpengeForloeb},
		{"ErrAKasseOtherAKasse", ak, Citizen{AKasse: "ak-ma", Forloeb: []Forloeb{dagpenge}}, "2026-06-15", MsgDenyNotMember},
		{"ErrAKasseNotMember", ak, Citizen{Forloeb: []Forloeb{dagpenge}}, "2026-06-15", MsgDenyNotMember},
		{"ErrCitizenRole", Actor{Role: RoleCitizen}, member(dagpenge), "2026-06-15", MsgDenyNotCaseworker},
		{"ErrRoleOrgMismatch", Actor{Role: RoleAKasse, Organisation: jc.Organisation}, member(dagpenge), "2026-06-15", MsgDenyNotCaseworker},
		{"ErrNoOrganisation", Actor{Role: RoleJobcenter}, member(dagpenge), "2026-06-15", MsgDenyNotCaseworker},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckMirrorAccess(tt.actor, tt.citizen, MustDate(tt.today))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("access refused: %v", err)
				}
				return
			}
			if ErrorCodeOf(err) != EForbidden {
				t.Fatalf("err = %v, want code forbidden", err)
			}
			if got := ErrorMessageOf(err); got != tt.want {
				t.Errorf("reason = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestProjectOverviewForAKasse(t *testing.T) {
	// The scenario of 000_…txt pictures 14–15: a member who was on
	// sygedagpenge and is now a dagpengemodtager. The a-kasse sees only the
	// dagpenge period.
	syg := Forloeb{Kontaktgruppe: 6, Period: Period{From: MustDate("2025-09-01"), To: MustDate("2026-02-28")}}
	dp := Forloeb{Kontaktgruppe: 1, Period: Period{From: MustDate("2026-03-01")}}
	dim := Forloeb{Kontaktgruppe: 8, Tilmeldekategori: 5, Period: Period{From: MustDate("2024-01-01"), To: MustDate("2024-06-30")}}
	n := Notification{ID: 7, Kind: NotifyDagpengekort, Title: "Husk dagpengekort"}
	o := Overview{Name: "Mads", Enrolment: EnrolmentTilmeldt, Forloeb: []Forloeb{dim, syg, dp}, Notifications: []Notification{n}}

	p := projectOverview(o, "")
	if len(p.Forloeb) != 2 || p.Forloeb[0].Period != dim.Period || p.Forloeb[0].Tilmeldekategori != 5 || p.Forloeb[1].Period != dp.Period {
		t.Errorf("forløb = %+v, want only the dimittend and dagpenge periods", p.Forloeb)
	}
	if p.Name != o.Name || p.Enrolment != o.Enrolment || len(p.Notifications) != 1 {
		t.Errorf("projection lost allowed data: %+v", p)
	}
	if len(o.Forloeb) != 3 {
		t.Error("projection changed its input")
	}
	empty := projectOverview(Overview{}, "")
	if empty.Forloeb == nil || empty.Notifications == nil {
		t.Error("empty projection should encode as [] not null")
	}
}

func TestActorMayWrite(t *testing.T) {
	tests := []struct {
		name  string
		actor Actor
		write bool
	}{
		{"Citizen", Actor{Role: RoleCitizen, CitizenID: 1}, true},
		{"CitizenWithoutCitizen", Actor{Role: RoleCitizen}, false},
		{"JobcenterMirror", Actor{Role: RoleJobcenter, CitizenID: 1}, false},
		{"AKasseMirror", Actor{Role: RoleAKasse, CitizenID: 1}, false},
	}
	for _, tt := range tests {
		if got := tt.actor.MayWrite(); got != tt.write {
			t.Errorf("%s: MayWrite = %v", tt.name, got)
		}
		if tt.actor.Role.IsCaseworker() != tt.actor.Mirroring() {
			t.Errorf("%s: Mirroring = %v", tt.name, tt.actor.Mirroring())
		}
	}
}

func TestForloebLabelAndCurrent(t *testing.T) {
	fs := []Forloeb{
		{Kontaktgruppe: 6, Period: Period{From: MustDate("2025-01-01"), To: MustDate("2025-12-31")}},
		{Kontaktgruppe: 1, Period: Period{From: MustDate("2026-01-01")}},
	}
	cur, ok := CurrentForloeb(fs, MustDate("2026-05-01"))
	if !ok || cur.Label() != "Dagpengemodtager (LAB 01)" {
		t.Errorf("current = %+v %v, label %q", cur, ok, cur.Label())
	}
	if _, ok := CurrentForloeb(fs, MustDate("2024-05-01")); ok {
		t.Error("no forløb before the first")
	}
	if l := (Forloeb{Kontaktgruppe: 8, Tilmeldekategori: 5}).Label(); l != "Dimittend" {
		t.Errorf("dimittend label %q", l)
	}
	if l := (Forloeb{Kontaktgruppe: 99}).Label(); l != "Kontaktgruppe 99" {
		t.Errorf("unknown label %q", l)
	}
}

func TestSessionWarnBefore(t *testing.T) {
	for _, tt := range []struct{ idle, want int }{{1200, 120}, {200, 100}, {16, 8}} {
		if got := SessionWarnBefore(tt.idle); got != tt.want {
			t.Errorf("SessionWarnBefore(%d) = %d, want %d", tt.idle, got, tt.want)
		}
	}
}

func TestDateJSON(t *testing.T) {
	var d Date
	if err := d.UnmarshalText([]byte("2026-02-29")); err == nil {
		t.Error("2026-02-29 accepted")
	}
	if err := d.UnmarshalText([]byte("2024-02-29")); err != nil || d.String() != "2024-02-29" || d.Danish() != "29.02.2024" {
		t.Errorf("leap day: %v %s", err, d)
	}
	if got := MustDate("2026-01-31").AddDays(1).String(); got != "2026-02-01" {
		t.Errorf("AddDays = %s", got)
	}
}
