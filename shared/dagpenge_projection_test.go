package shared

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// The worked examples below are computed by hand, as their comments show,
// from the rules of dagpenge_projection.go: a full-time day is 37 / 5 = 7.4
// hours (part-time 30 / 5 = 6), N hours a week are N / 5 a weekday, and the
// first projected day is the day after the statement. Counting weekdays is
// counting whole weeks: from a Thursday, the 5·w-th weekday is the
// Wednesday w weeks later.
//
// The member: full-time, indplaceret 2 June 2025, statement of Wednesday
// 11 November 2026, 2,960 hours used, 76 karens hours in the period that
// ends 1 December 2026. The reference period ends 1 June 2028.
func exampleMember() DagpengeCounters {
	return DagpengeCounters{AsOf: MustDate("2026-11-11"), Insurance: FullTime, Indplacering: MustDate("2025-06-02"),
		HoursUsed: 2960, KarensWorkHours: 76, KarensPeriodEnd: MustDate("2026-12-01")}
}

func TestProjectDagpengeperiodeWorkedExamples(t *testing.T) {
	tests := []struct {
		name   string
		c      func(DagpengeCounters) DagpengeCounters
		weekly float64
		want   Projection
	}{{
		// 3,848 − 2,960 = 888 hours = 888 / 7.4 = 120 weekdays = 24 weeks
		// from Thursday 12 November: Wednesday 28 April 2027. Karens: 76
		// hours by 1 December (not more than 148); 0 hours 2 December –
		// 1 April 2027; the period ending 1 August is after the last day.
		name: "FullDagpenge", weekly: 0,
		want: Projection{LastDay: MustDate("2027-04-28"), Karens: []KarensPeriod{
			{End: MustDate("2026-12-01"), Worked: 76}, {End: MustDate("2027-04-01"), Worked: 0}}},
	}, {
		// 10 hours a week = 2 a weekday: each weekday uses 7.4 − 2 = 5.4
		// hours and earns 4 hours of forlængelse, so the balance falls by
		// 1.4 a day until the forlængelse reaches 1,924 after 1,924 / 4 =
		// 481 weekdays (96 weeks and a day: Thursday 14 September 2028).
		// Then 888 − 481 × 1.4 = 214.6 hours are left, which last
		// 214.6 / 5.4 = 39.7, so 40 more weekdays: weekday 521 = 104 weeks
		// and a day = Thursday 9 November 2028. The reference period (to
		// 1 June 2028) moves by 1,924 / 7.4 = 260 weekdays, past it.
		// Karens: 76 + 14 weekdays (12 November – 1 December) × 2 = 104;
		// then 87 weekdays × 2 = 174 (2 December – 1 April), and so on,
		// every one more than 148.
		name: "TenHoursAWeek", weekly: 10,
		want: Projection{LastDay: MustDate("2028-11-09"), Extension: 1924, ExtensionAdded: 1924, ExtensionMaxOn: MustDate("2028-09-14"),
			Karens: []KarensPeriod{
				{End: MustDate("2026-12-01"), Worked: 104},
				{End: MustDate("2027-04-01"), Worked: 174, Avoided: true},
				{End: MustDate("2027-08-01"), Worked: 172, Avoided: true},
				{End: MustDate("2027-12-01"), Worked: 176, Avoided: true},
				{End: MustDate("2028-04-01"), Worked: 174, Avoided: true},
				{End: MustDate("2028-08-01"), Worked: 174, Avoided: true},
			}},
	}, {
		// As above with 1,000 hours towards genoptjening: 924 more at 2 a
		// weekday are 462 weekdays = 92 weeks and 2 days: Friday 18 August
		// 2028, within 3 years of the statement.
		name: "TenHoursAWeekReachGenoptjening", weekly: 10,
		c: func(c DagpengeCounters) DagpengeCounters { c.GenoptjeningWorkHours = 1000; return c },
		want: Projection{LastDay: MustDate("2028-11-09"), Extension: 1924, ExtensionAdded: 1924, ExtensionMaxOn: MustDate("2028-09-14"),
			Genoptjening: MustDate("2028-08-18"), Karens: []KarensPeriod{
				{End: MustDate("2026-12-01"), Worked: 104},
				{End: MustDate("2027-04-01"), Worked: 174, Avoided: true},
				{End: MustDate("2027-08-01"), Worked: 172, Avoided: true},
				{End: MustDate("2027-12-01"), Worked: 176, Avoided: true},
				{End: MustDate("2028-04-01"), Worked: 174, Avoided: true},
				{End: MustDate("2028-08-01"), Worked: 174, Avoided: true},
			}},
	}, {
		// 37 hours a week use no dagpenge. The forlængelse fills at 14.8
		// hours a weekday after 1,924 / 14.8 = 130 weekdays = 26 weeks:
		// Wednesday 12 May 2027; genoptjening at 7.4 a weekday after 260 =
		// 52 weeks: Wednesday 10 November 2027. The period then ends with
		// the reference period, 1 June 2028 moved by 260 weekdays:
		// Thursday 31 May 2029.
		name: "FullWeekUsesNoDagpenge", weekly: 37,
		c: func(c DagpengeCounters) DagpengeCounters { c.KarensPeriodEnd = MustDate("2026-11-30"); return c },
		// Karens: 76 + 13 weekdays (12–30 November) × 7.4 = 172.2; then
		// 1 December – 31 March 2027 is 4 + 16 weeks × 5 + 3 = 87 weekdays
		// × 7.4 = 643.8, 1 April – 31 July 2 + 80 + 5 = 87 again, and so
		// on to the last period to end before the last day.
		want: Projection{LastDay: MustDate("2029-05-31"), NoDagpenge: true, AtReferenceEnd: true, Extension: 1924, ExtensionAdded: 1924,
			ExtensionMaxOn: MustDate("2027-05-12"), Genoptjening: MustDate("2027-11-10"), Karens: []KarensPeriod{
				{End: MustDate("2026-11-30"), Worked: 172.2, Avoided: true},
				{End: MustDate("2027-03-31"), Worked: 643.8, Avoided: true},
				{End: MustDate("2027-07-31"), Worked: 643.8, Avoided: true},
				{End: MustDate("2027-11-30"), Worked: 643.8, Avoided: true},
				{End: MustDate("2028-03-31"), Worked: 651.2, Avoided: true},
				{End: MustDate("2028-07-31"), Worked: 636.4, Avoided: true},
				{End: MustDate("2028-11-30"), Worked: 651.2, Avoided: true},
				{End: MustDate("2029-03-31"), Worked: 636.4, Avoided: true},
			}},
	}, {
		// The delivered forlængelse: 765 hours of work give 1,530 hours,
		// so 888 + 1,530 = 2,418 hours = 2,418 / 7.4 = 326.8, so 327
		// weekdays = 65 weeks and 2 days from Thursday 12 November 2026
		// (65 weeks later is Thursday 10 February 2028): Friday 11
		// February 2028. The reference period (to 1 June 2028,
		// moved 207 weekdays) is not reached.
		name: "DeliveredForlaengelse", weekly: 0,
		c: func(c DagpengeCounters) DagpengeCounters {
			c.ExtensionWorkHours, c.KarensPeriodEnd = 765, MustDate("2026-11-01")
			return c
		},
		want: Projection{LastDay: MustDate("2028-02-11"), Extension: 1530, Karens: []KarensPeriod{
			// 1 November closed before the statement: the first period
			// ahead is 2 November – 1 March 2027, then to 1 July and
			// 1 November 2027, all without work.
			{End: MustDate("2027-03-01")}, {End: MustDate("2027-07-01")}, {End: MustDate("2027-11-01")}}},
	}, {
		// Part-time: a day is 6 hours. 3,120 − 3,060 = 60 hours = 10
		// weekdays: Thursday 12 – Wednesday 25 November 2026. 15 hours a
		// week (3 a weekday) use 3 and earn 6 a day: the balance grows
		// until the 1,560 hours of forlængelse after 260 weekdays (52
		// weeks: Wednesday 10 November 2027), then falls by 3 a day from
		// 60 + 260 × 3 = 840: 280 more weekdays = 56 weeks (392 days,
		// across 29 February): Wednesday 6 December 2028. The reference
		// period: 1 June 2028 moved by 1,560 / 6 = 260 weekdays, to 31 May
		// 2029, is not reached. Genoptjening: 1,258 / 3 = 419.3, so 420
		// weekdays = 84 weeks (588 days: Thursday 22 June 2028): Wednesday
		// 21 June 2028.
		name: "PartTimeFifteenHours", weekly: 15,
		c: func(c DagpengeCounters) DagpengeCounters {
			c.Insurance, c.HoursUsed, c.KarensWorkHours, c.KarensPeriodEnd = PartTime, 3060, 0, MustDate("2026-11-20")
			return c
		},
		want: Projection{LastDay: MustDate("2028-12-06"), Extension: 1560, ExtensionAdded: 1560, ExtensionMaxOn: MustDate("2027-11-10"),
			Genoptjening: MustDate("2028-06-21"), Karens: []KarensPeriod{
				// 7 weekdays (12–20 November) × 3 = 21, not more than 97;
				// then 4-month periods of 85–88 weekdays × 3: 21 November
				// 2027 (a Sunday) – 20 March 2028 is 17 weeks and a
				// Monday, 86 × 3 = 258; 21 July – 20 November 2028 is a
				// Friday, 17 weeks and a Monday, 87 × 3 = 261.
				{End: MustDate("2026-11-20"), Worked: 21},
				{End: MustDate("2027-03-20"), Worked: 255, Avoided: true},
				{End: MustDate("2027-07-20"), Worked: 261, Avoided: true},
				{End: MustDate("2027-11-20"), Worked: 264, Avoided: true},
				{End: MustDate("2028-03-20"), Worked: 258, Avoided: true},
				{End: MustDate("2028-07-20"), Worked: 264, Avoided: true},
				{End: MustDate("2028-11-20"), Worked: 261, Avoided: true},
			}},
	}, {
		name: "PartTimeFullDagpenge", weekly: 0,
		c: func(c DagpengeCounters) DagpengeCounters {
			c.Insurance, c.HoursUsed, c.KarensWorkHours, c.KarensPeriodEnd = PartTime, 3060, 0, MustDate("2026-11-20")
			return c
		},
		// 60 / 6 = 10 weekdays: Wednesday 25 November 2026; the karens
		// period of 20 November ends before it, without work.
		want: Projection{LastDay: MustDate("2026-11-25"), Karens: []KarensPeriod{{End: MustDate("2026-11-20")}}},
	}, {
		// Used up by the statement: the last day is the statement's.
		name: "UsedUp", weekly: 20,
		c:    func(c DagpengeCounters) DagpengeCounters { c.HoursUsed = 3848; return c },
		want: Projection{LastDay: MustDate("2026-11-11"), UsedUp: true},
	}, {
		// Few hours used, but the reference period ends first: indplaceret
		// 12 November 2023, it ends Friday 11 November 2026 … the
		// statement's next day is past it, so the period is over.
		name: "ReferencePeriodOver", weekly: 0,
		c: func(c DagpengeCounters) DagpengeCounters {
			c.Indplacering, c.HoursUsed = MustDate("2023-11-11"), 100
			return c
		},
		want: Projection{LastDay: MustDate("2026-11-11"), UsedUp: true},
	}, {
		// Indplaceret 2 January 2024: the reference period ends Monday
		// 1 January 2027, long before 888 hours are used (Thursday 12
		// November – Friday 1 January is 37 weekdays). The last day is
		// Friday 1 January 2027, a holiday paid as a weekday.
		name: "ReferencePeriodEndsFirst", weekly: 0,
		c: func(c DagpengeCounters) DagpengeCounters {
			c.Indplacering, c.KarensPeriodEnd = MustDate("2024-01-02"), MustDate("2027-01-01")
			return c
		},
		want: Projection{LastDay: MustDate("2027-01-01"), AtReferenceEnd: true,
			Karens: []KarensPeriod{{End: MustDate("2027-01-01"), Worked: 76}}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := exampleMember()
			if tt.c != nil {
				c = tt.c(c)
			}
			got := ProjectDagpengeperiode(c, tt.weekly)
			want := tt.want
			want.From, want.WeeklyHours = c.AsOf.AddDays(1), tt.weekly
			want.ExtensionMaxDelivered = want.Extension-want.ExtensionAdded >= RulesFor(c.Insurance).MaxExtensionHours
			if want.Karens == nil {
				want.Karens = got.Karens[:0:0]
			}
			if !projectionsEqual(got, want) {
				t.Errorf("got\n %+v\nwant\n %+v", got, want)
			}
		})
	}
}

// projectionsEqual compares with hours rounded to the hundredth.
func projectionsEqual(a, b Projection) bool {
	round := func(p *Projection) {
		r := func(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }
		p.Extension, p.ExtensionAdded = r(p.Extension), r(p.ExtensionAdded)
		ks := make([]KarensPeriod, len(p.Karens))
		for i, k := range p.Karens {
			k.Worked = r(k.Worked)
			ks[i] = k
		}
		p.Karens = ks
	}
	round(&a)
	round(&b)
	if len(a.Karens) != len(b.Karens) {
		return false
	}
	for i := range a.Karens {
		if a.Karens[i] != b.Karens[i] {
			return false
		}
	}
	a.Karens, b.Karens = nil, nil
	return reflect.DeepEqual(a, b)
}

// randomMember is any plausible delivered figures.
func randomMember(rng *rand.Rand) DagpengeCounters {
	asOf := MustDate("2026-01-11").AddMonths(rng.IntN(36))
	ins := FullTime
	if rng.IntN(3) == 0 {
		ins = PartTime
	}
	r := RulesFor(ins)
	indpl := asOf.AddDays(-rng.IntN(3 * 365))
	return DagpengeCounters{AsOf: asOf, Insurance: ins, Indplacering: indpl,
		HoursUsed: float64(rng.IntN(int(r.PeriodHours) + 500)), ExtensionWorkHours: float64(rng.IntN(1200)),
		KarensWorkHours: float64(rng.IntN(200)), KarensPeriodEnd: asOf.AddDays(rng.IntN(130) - 10),
		GenoptjeningWorkHours: float64(rng.IntN(2200))}
}

// Properties: more hours never bring the last day (or a new period)
// earlier; no date precedes the statement; the last day is a weekday.
func TestProjectDagpengeperiodeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(16, 2026))
	n := 300
	if testing.Short() {
		n = 60
	}
	for range n {
		c := randomMember(rng)
		prev := ProjectDagpengeperiode(c, 0)
		for _, h := range []float64{0.5, 3, 7.5, 12.3, 12.4, 18, 29.9, 30, 36.9, 37, 45, 80} {
			p := ProjectDagpengeperiode(c, h)
			if p.LastDay.Before(prev.LastDay) {
				t.Fatalf("%+v: %v hours end on %v, fewer hours on %v", c, h, p.LastDay, prev.LastDay)
			}
			if !prev.Genoptjening.IsZero() && (p.Genoptjening.IsZero() || p.Genoptjening.After(prev.Genoptjening)) {
				t.Fatalf("%+v: %v hours earn a new period on %v, fewer hours on %v", c, h, p.Genoptjening, prev.Genoptjening)
			}
			if p.LastDay.Before(c.AsOf) || (!p.Genoptjening.IsZero() && p.Genoptjening.Before(c.AsOf)) {
				t.Fatalf("%+v, %v hours: a date before the statement: %+v", c, h, p)
			}
			if p.LastDay.After(c.AsOf) && !p.LastDay.isWeekday() {
				t.Fatalf("%+v, %v hours: the last day %v is not a weekday", c, h, p.LastDay)
			}
			for _, k := range p.Karens {
				if !k.End.After(c.AsOf) || k.End.After(p.LastDay) {
					t.Fatalf("%+v, %v hours: karens period %v outside the projection to %v", c, h, k.End, p.LastDay)
				}
			}
			prev = p
		}
	}
}

func TestParseWeeklyHours(t *testing.T) {
	for in, want := range map[string]float64{"": 0, "15": 15, "7,5": 7.5, "80": 80} {
		if got, err := ParseWeeklyHours(in); err != nil || got != want {
			t.Errorf("ParseWeeklyHours(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for in, want := range map[string]string{"81": "Skriv højst 80 timer om ugen.", "-1": "Antal timer kan ikke være negativt.",
		"tyve": "Skriv antal timer som et tal, fx 51 eller 7,5."} {
		if _, err := ParseWeeklyHours(in); ErrorMessageOf(err) != want {
			t.Errorf("ParseWeeklyHours(%q): %v, want %q", in, err, want)
		}
	}
}

// BenchmarkProjectDagpengeperiode is the work of one keystroke in "Hvis jeg
// arbejder N timer om ugen" (the longest case: a projection to the end of
// the reference period). `make bench` runs it in WebAssembly too.
func BenchmarkProjectDagpengeperiode(b *testing.B) {
	c := exampleMember()
	for b.Loop() {
		ProjectDagpengeperiode(c, 20)
	}
}

func TestDateNext(t *testing.T) {
	d := MustDate("1999-12-25")
	for range 3 * 366 * 10 {
		if got, want := d.next(), d.AddDays(1); got != want {
			t.Fatalf("%v.next() = %v, want %v", d, got, want)
		}
		d = d.AddDays(1)
	}
}

// BenchmarkParseWeeklyHours is the floor of a keystroke: reading the
// field, which every keystroke does whatever follows.
func BenchmarkParseWeeklyHours(b *testing.B) {
	for b.Loop() {
		ParseWeeklyHours("15,5")
	}
}
