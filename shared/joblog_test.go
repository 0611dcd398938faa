package shared

import (
	"reflect"
	"testing"
)

var (
	joblogToday  = MustDate("2027-03-10")
	joblogPlaces = JoblogPlaces{
		Postcodes: map[string]string{"2300": "København S", "8000": "Aarhus C", "1050": "København K", "1051": "København K"},
		Areas:     []Option{{Value: "storkoebenhavn", Label: "Storkøbenhavn"}, {Value: "oestjylland", Label: "Østjylland"}},
	}
)

// aJobLog is a log that passes, as typed.
func aJobLog() JoblogInput {
	return JoblogInput{Kind: JoblogJob, Title: "Rørlægger", WorkingTime: FullTimeJob, Company: "VVS A/S",
		Postcode: "2300", FoundVia: "jobnet", ApplyVia: "skriftlig"}
}

func TestJoblogCheck(t *testing.T) {
	tests := []struct {
		name string
		edit func(in *JoblogInput)
		want map[string]string
	}{
		{"OK", func(in *JoblogInput) {}, nil},
		{"OKPartTimeWithHours", func(in *JoblogInput) { in.WorkingTime, in.WeeklyHours = PartTimeJob, ptr(20) }, nil},
		{"OKDeadlineInThePast", func(in *JoblogInput) { in.Deadline = ptr(joblogToday.AddDays(-30)) }, nil},
		{"OKCityOnly", func(in *JoblogInput) { in.Postcode, in.City = "", "aarhus c" }, nil},
		{"OKPlaceUnknownWithArea", func(in *JoblogInput) { in.Postcode, in.PlaceUnknown, in.Area = "", true, "oestjylland" }, nil},
		{"OKAbroad", func(in *JoblogInput) { in.Country, in.Postcode = "Sverige", "9999" }, nil},
		{"OKActivity", func(in *JoblogInput) {
			*in = JoblogInput{Kind: JoblogActivity, Title: "Jobmesse i Bella Center", Date: ptr(joblogToday)}
		}, nil},
		{"ErrNoKind", func(in *JoblogInput) { in.Kind = "" }, map[string]string{"kind": "Feltet skal udfyldes."}},
		{"ErrNoTitle", func(in *JoblogInput) { in.Title = " " }, map[string]string{FieldJoblogTitle: "Skriv stillingen eller arbejdsområdet."}},
		{"ErrTitleTooLong", func(in *JoblogInput) { in.Title = string(make([]rune, 201)) },
			map[string]string{FieldJoblogTitle: "Må højst være 200 tegn."}},
		{"ErrNoWorkingTime", func(in *JoblogInput) { in.WorkingTime = "" }, map[string]string{FieldJoblogWorkingTime: "Vælg fuldtid eller deltid."}},
		{"ErrPartTimeWithoutHours", func(in *JoblogInput) { in.WorkingTime = PartTimeJob },
			map[string]string{FieldJoblogWeeklyHours: "Skriv det ugentlige timeantal, når jobbet er på deltid."}},
		{"ErrPartTimeTooManyHours", func(in *JoblogInput) { in.WorkingTime, in.WeeklyHours = PartTimeJob, ptr(38) },
			map[string]string{FieldJoblogWeeklyHours: "Må højst være 37."}},
		{"ErrNoCompany", func(in *JoblogInput) { in.Company = "" }, map[string]string{FieldJoblogCompany: "Skriv virksomhedens navn."}},
		{"ErrUnknownPostcode", func(in *JoblogInput) { in.Postcode = "0001" },
			map[string]string{FieldJoblogPostcode: "Postnummeret findes ikke. Vælg \"Postnummer/by ikke kendt\", hvis du ikke kender det."}},
		{"ErrNoPostcode", func(in *JoblogInput) { in.Postcode = "" },
			map[string]string{FieldJoblogPostcode: "Skriv postnummer eller by. Vælg \"Postnummer/by ikke kendt\", hvis du ikke kender dem."}},
		{"ErrCityOfManyPostcodes", func(in *JoblogInput) { in.Postcode, in.City = "", "København K" },
			map[string]string{FieldJoblogPostcode: "Skriv postnummeret. Vælg \"Postnummer/by ikke kendt\", hvis du ikke kender det."}},
		{"ErrPlaceUnknownWithoutArea", func(in *JoblogInput) { in.PlaceUnknown = true },
			map[string]string{FieldJoblogArea: "Vælg et område, når du ikke kender postnummer og by."}},
		{"ErrPlaceUnknownUnknownArea", func(in *JoblogInput) { in.PlaceUnknown, in.Area = true, "atlantis" },
			map[string]string{FieldJoblogArea: "Vælg et område, når du ikke kender postnummer og by."}},
		{"ErrNoHow", func(in *JoblogInput) { in.FoundVia, in.ApplyVia = "", "brevdue" },
			map[string]string{FieldJoblogFoundVia: "Vælg, hvordan du fandt jobbet.", FieldJoblogApplyVia: "Vælg, hvordan du søger jobbet."}},
		{"ErrUnknownStatus", func(in *JoblogInput) { in.Status = "ansat" },
			map[string]string{FieldJoblogStatus: "Skal være en af: ikke_soegt, soegt, samtale."}},
		{"ErrActivityWithoutWhatAndWhen", func(in *JoblogInput) { *in = JoblogInput{Kind: JoblogActivity} },
			map[string]string{FieldJoblogTitle: "Skriv, hvad aktiviteten var.", FieldJoblogDate: "Vælg datoen for aktiviteten."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := aJobLog()
			tt.edit(&in)
			got := fieldsOf(t, in.Normalized(joblogToday, joblogPlaces).Check(joblogPlaces))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestJoblogNormalized: the defaults (status Ikke søgt, Danmark, deadline
// today + 5 days only when none is picked), postcode ↔ city, and the
// fields of the other kind or another country dropped.
func TestJoblogNormalized(t *testing.T) {
	in := aJobLog().Normalized(joblogToday, joblogPlaces)
	if in.Status != JoblogNotApplied || in.Country != JoblogCountryDenmark || in.City != "København S" ||
		in.Deadline == nil || *in.Deadline != MustDate("2027-03-15") {
		t.Errorf("defaults: %+v", in)
	}
	picked := aJobLog()
	picked.Deadline = ptr(MustDate("2027-02-01"))
	if got := picked.Normalized(joblogToday, joblogPlaces).Deadline; *got != MustDate("2027-02-01") {
		t.Errorf("a picked deadline became %v", got)
	}
	byCity := aJobLog()
	byCity.Postcode, byCity.City = "", " aarhus c "
	if got := byCity.Normalized(joblogToday, joblogPlaces); got.Postcode != "8000" || got.City != "Aarhus C" {
		t.Errorf("by city: %q %q", got.Postcode, got.City)
	}
	wrongCity := aJobLog()
	wrongCity.City = "Aarhus C"
	if got := wrongCity.Normalized(joblogToday, joblogPlaces); got.City != "København S" {
		t.Errorf("the postcode's city wins: %q", got.City)
	}
	full := aJobLog()
	full.WeeklyHours, full.Date, full.Area = ptr(10), ptr(joblogToday), "oestjylland"
	if got := full.Normalized(joblogToday, joblogPlaces); got.WeeklyHours != nil || got.Date != nil || got.Area != "" {
		t.Errorf("other kinds' fields kept: %+v", got)
	}
	abroad := aJobLog()
	abroad.Country = "Norge"
	if got := abroad.Normalized(joblogToday, joblogPlaces); got.Postcode != "" || got.City != "" {
		t.Errorf("abroad kept a Danish postcode: %+v", got)
	}
	act := JoblogInput{Kind: JoblogActivity, Title: "Kaffemøde", Company: "x", Status: JoblogApplied}.Normalized(joblogToday, joblogPlaces)
	if act.Company != "" || act.Status != "" || act.Deadline != nil {
		t.Errorf("an activity kept a job's fields: %+v", act)
	}
}

func TestParseJoblogQuery(t *testing.T) {
	params := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	want := JoblogQuery{Q: "vvs", From: ptr(MustDate("2027-02-10")), To: ptr(joblogToday), Status: JoblogApplied, Closed: true}
	got, err := ParseJoblogQuery(params(want.Params()))
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("round trip: %+v %v", got, err)
	}
	_, err = ParseJoblogQuery(params(map[string]string{"from": "2027-03-10", "to": "2027-03-01", "status": "x"}))
	if f := fieldsOf(t, err); f["to"] == "" || f["status"] == "" {
		t.Errorf("bad query: %v", f)
	}
}

func TestJoblogFormRead(t *testing.T) {
	f := JoblogForm{Input: aJobLog(), WeeklyHours: "tyve", Deadline: "2027-02-30"}
	f.Input.WorkingTime = PartTimeJob
	_, err := f.Read(joblogToday, joblogPlaces)
	if got := fieldsOf(t, err); got[FieldJoblogWeeklyHours] != "Skriv et helt tal." || got[FieldJoblogDeadline] != "Skriv en gyldig dato." {
		t.Errorf("bad text: %v", got)
	}
	f.WeeklyHours, f.Deadline = "20", ""
	in, err := f.Read(joblogToday, joblogPlaces)
	if err != nil || *in.WeeklyHours != 20 || in.Deadline != nil {
		t.Errorf("read %+v %v: no deadline is sent, the server sets the default", in, err)
	}
	if back := JoblogFormOf(Joblog{JoblogInput: in.Normalized(joblogToday, joblogPlaces)}); back.WeeklyHours != "20" || back.Deadline != "2027-03-15" {
		t.Errorf("form of a log: %+v", back)
	}
}

// TestJoblogFromAd: "Opret joblog" takes the ad's deadline when it is a
// date, and leaves it for the default (today + 5) when "Snarest" or "Ikke
// oplyst".
func TestJoblogFromAd(t *testing.T) {
	ad := JobAdView{Town: "København S", JobAd: JobAd{Title: "Rørlægger til servicebiler", WorkingTime: PartTimeJob, HoursPerWeek: 25,
		Employer: Employer{Name: "VVS A/S", Address: "Vej 1", Postcode: "2300"}, DeadlineKind: DeadlineDate, Deadline: MustDate("2027-04-01")}}
	in := JoblogFromAd(ad)
	if in.Title != ad.Title || in.Company != "VVS A/S" || *in.WeeklyHours != 25 || *in.Deadline != MustDate("2027-04-01") || in.FoundVia != "jobnet" {
		t.Errorf("from the ad: %+v", in)
	}
	for _, kind := range []DeadlineKind{DeadlineSnarest, DeadlineUnstated} {
		ad.DeadlineKind, ad.Deadline = kind, Date{}
		in := JoblogFromAd(ad)
		if in.Deadline != nil {
			t.Errorf("%s: deadline %v", kind, in.Deadline)
		}
		in.ApplyVia = "skriftlig"
		n := in.Normalized(joblogToday, joblogPlaces)
		if *n.Deadline != MustDate("2027-03-15") || n.Check(joblogPlaces) != nil {
			t.Errorf("%s: saved with %v, %v", kind, n.Deadline, n.Check(joblogPlaces))
		}
	}
}

// TestJoblogTravelText: minutes, hours and both.
func TestJoblogTravelText(t *testing.T) {
	for minutes, want := range map[int]string{5: "Ca. 5 min fra 2300 København S", 60: "Ca. 1 t fra 2300 København S",
		85: "Ca. 1 t 25 min fra 2300 København S", 185: "Ca. 3 t 5 min fra 2300 København S"} {
		if got := (JoblogTravel{Known: true, Minutes: minutes, From: "2300 København S"}).Text(); got != want {
			t.Errorf("%d: %q, want %q", minutes, got, want)
		}
	}
}
