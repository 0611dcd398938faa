package scaleseed

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"jobnet/server/password"
	"jobnet/server/storage"
	"jobnet/shared"
)

// seedOrganisations adds the jobcentres (one per kommune, "jc-101" for
// København as in the demo) and the a-kasser; those that exist stay.
func seedOrganisations(ctx context.Context, tx pgx.Tx, g *generator) (int64, error) {
	var n int64
	add := func(o org, kind shared.OrgKind) error {
		tag, err := tx.Exec(ctx, `INSERT INTO organisations (code, kind, name) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
			o.code, string(kind), o.name)
		n += tag.RowsAffected()
		return err
	}
	for _, o := range g.jobcentres {
		if err := add(o, shared.OrgJobcenter); err != nil {
			return n, err
		}
	}
	for _, o := range g.akasser {
		if err := add(o, shared.OrgAKasse); err != nil {
			return n, err
		}
	}
	return n, nil
}

// reserve takes n consecutive ids of a table's sequence and returns the
// first: the citizens' and accounts' ids are then known to every stage.
func reserve(ctx context.Context, tx pgx.Tx, table string, n int) (int64, error) {
	var first int64
	err := tx.QueryRow(ctx, `SELECT nextval(pg_get_serial_sequence($1, 'id'))`, table).Scan(&first)
	if err != nil {
		return 0, err
	}
	_, err = tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), $2)`, table, first+int64(n)-1)
	return first, err
}

// seedCitizens: the citizens, their logins (one shared password hash),
// forløb and current enrolments.
func seedCitizens(ctx context.Context, tx pgx.Tx, g *generator) (int64, error) {
	hash, err := password.Hash(Password)
	if err != nil {
		return 0, err
	}
	n := g.cfg.Citizens
	if g.citizenBase, err = reserve(ctx, tx, "citizens", n); err != nil {
		return 0, err
	}
	if g.accountBase, err = reserve(ctx, tx, "citizen_accounts", n); err != nil {
		return 0, err
	}
	created := g.now.AddDate(0, 0, -800)
	var total int64
	steps := []struct {
		table string
		cols  []string
		rows  func(i int, out [][]any) ([][]any, error)
	}{
		{"citizens", []string{"id", "cpr", "name", "jobcenter_code", "akasse_code", "enrolment", "home_postcode", "created_at", "updated_at"},
			func(i int, out [][]any) ([][]any, error) {
				p := g.person(i)
				var ak *string
				if p.akasse >= 0 {
					ak = &g.akasser[p.akasse].code
				}
				enrolment := shared.EnrolmentAfmeldt
				if p.tilmeldt {
					enrolment = shared.EnrolmentTilmeldt
				}
				return append(out, []any{g.citizenBase + int64(i), p.cpr, p.name, g.jobcentres[p.jc].code, ak, string(enrolment),
					p.postcode.Code, created, created}), nil
			}},
		{"citizen_accounts", []string{"id", "citizen_id", "username", "password_hash", "privacy_accepted_at", "created_at"},
			func(i int, out [][]any) ([][]any, error) {
				at := g.at(g.person(i).from, 9, 0)
				return append(out, []any{g.accountBase + int64(i), g.citizenBase + int64(i), Username(i), hash, at, at}), nil
			}},
		{"forloeb", []string{"citizen_id", "kontaktgruppe", "tilmeldekategori", "from_date", "to_date"},
			func(i int, out [][]any) ([][]any, error) {
				p := g.person(i)
				id := g.citizenBase + int64(i)
				if p.prevKG != 0 {
					out = append(out, []any{id, int32(p.prevKG), int32(0), dateTime(p.prevFrom), dateTime(p.from.AddDays(-1))})
				}
				return append(out, []any{id, int32(p.kg), int32(p.kategori), dateTime(p.from), nil}), nil
			}},
		// The current enrolment of those tilmeldt (citizens.enrolment
		// says the same): the ydelse of their group, effectuated.
		{"enrolments", []string{"citizen_id", "benefit", "ledighed", "uden_ydelse", "state", "from_date", "registered_by", "registered_at", "jobcenter_code"},
			func(i int, out [][]any) ([][]any, error) {
				p := g.person(i)
				if !p.tilmeldt {
					return out, nil
				}
				benefit := "ingen"
				switch {
				case p.kg == 1:
					benefit = "dagpenge"
				case p.kg == 2:
					benefit = "kontanthjaelp"
				case p.kg == 8:
					benefit = "dimittend"
				}
				return append(out, []any{g.citizenBase + int64(i), benefit, "helt", benefit == "dimittend", "effektueret",
					dateTime(p.from), "borger", g.at(p.from, 10, 0), g.jobcentres[p.jc].code}), nil
			}},
	}
	for _, s := range steps {
		m, err := copyCitizens(ctx, tx, g, s.table, s.cols, s.rows)
		if err != nil {
			return total, fmt.Errorf("%s: %w", s.table, err)
		}
		total += m
	}
	return total, nil
}

// seedPlans: one plan version per citizen from their jobcentre.
func seedPlans(ctx context.Context, tx pgx.Tx, g *generator) (int64, error) {
	if err := g.ids(ctx, tx); err != nil {
		return 0, err
	}
	return copyCitizens(ctx, tx, g, "plan_versions", []string{"citizen_id", "org_code", "version_id", "data", "published_at"},
		func(i int, out [][]any) ([][]any, error) {
			p := g.person(i)
			plan := g.plan(p)
			data, err := storage.PlanDocument(plan)
			if err != nil {
				return nil, err
			}
			return append(out, []any{g.citizenBase + int64(i), g.jobcentres[p.jc].code, plan.VersionID, data,
				g.at(g.today.AddDays(-1-i%30), 8, 30)}), nil
		})
}

// seedCounters: the a-kasse's dagpenge figures of every dagpengemodtager,
// as of the latest statement, consistent with the rules of
// shared/counters.go (COUNTER-RULES.md): the hours used fit in the weeks
// since indplacering, the forlængelse and genoptjening work fits the
// scales, the karens work is within its 4-month period.
func seedCounters(ctx context.Context, tx pgx.Tx, g *generator) (int64, error) {
	if err := g.ids(ctx, tx); err != nil {
		return 0, err
	}
	asOf := shared.StatementDate(g.today)
	return copyCitizens(ctx, tx, g, "counters", []string{"citizen_id", "kind", "as_of", "data", "updated_at"},
		func(i int, out [][]any) ([][]any, error) {
			p := g.person(i)
			if !p.dagpenge() {
				return out, nil
			}
			r := g.rng(i, streamCounters)
			ins := shared.FullTime
			if p.partTime {
				ins = shared.PartTime
			}
			rules := shared.RulesFor(ins)
			indplacering := p.from
			if indplacering.After(asOf) {
				indplacering = asOf.AddDays(-7)
			}
			weeks := float64(asOf.DaysSince(indplacering)) / 7
			used := float64(int(weeks * rules.WeekHours * (0.6 + 0.4*r.Float64())))
			if used > rules.PeriodHours {
				used = rules.PeriodHours
			}
			worked := float64(r.IntN(int(rules.MaxExtensionHours / 2)))
			c := shared.DagpengeCounters{AsOf: asOf, Insurance: ins, Indplacering: indplacering, HoursUsed: used,
				ExtensionWorkHours: worked, KarensWorkHours: float64(r.IntN(int(rules.KarensThresholdHours * 1.3))),
				KarensPeriodEnd: asOf.AddDays(1 + r.IntN(120)), GenoptjeningWorkHours: worked}
			if err := shared.Validate(c); err != nil {
				return nil, fmt.Errorf("citizen %d: %w", i, err)
			}
			for _, d := range storage.CounterDocuments(shared.Counters{Dagpenge: &c}) {
				data, err := json.Marshal(d.Doc)
				if err != nil {
					return nil, err
				}
				out = append(out, []any{g.citizenBase + int64(i), d.Kind, dateTime(d.AsOf), data, g.at(asOf, 6, 0)})
			}
			return out, nil
		})
}

// checkEvery: the citizens whose logs are judged by shared's rules as
// they are made; 1 in the tests' small data sets (scaleseed_test.go).
var checkEvery = 16

// seedJoblogs: the active job seekers log a few to tens of applications
// and activities; the others a few at most.
func seedJoblogs(ctx context.Context, tx pgx.Tx, g *generator) (int64, error) {
	if err := g.ids(ctx, tx); err != nil {
		return 0, err
	}
	return copyCitizens(ctx, tx, g, "joblogs", []string{"citizen_id", "kind", "status", "closed", "search", "log", "created_at", "updated_at"},
		func(i int, out [][]any) ([][]any, error) {
			p := g.person(i)
			r := g.rng(i, streamJoblogs)
			n := r.IntN(4)
			if kg, ok := shared.KontaktgruppeByNumber(p.kg); ok && kg.ActiveJobSeeker || p.dagpenge() {
				n = 3 + r.IntN(38)
			}
			for j := range n {
				day := g.today.AddDays(-r.IntN(180))
				in := g.joblog(p, r, day).Normalized(day, g.places)
				// shared's judgement of a log (its validator is reflection,
				// a sixth of the generator's time) on a sample of the
				// citizens: the logs are a few templates over the places,
				// which 1 in 16 of a million citizens covers many times.
				if i%checkEvery == 0 {
					if err := in.Check(g.places); err != nil {
						return nil, fmt.Errorf("citizen %d log %d: %w", i, j, err)
					}
				}
				data, err := json.Marshal(in)
				if err != nil {
					return nil, err
				}
				c := storage.JoblogColumnsOf(in)
				at := g.at(day, 9+r.IntN(10), r.IntN(60))
				out = append(out, []any{g.citizenBase + int64(i), c.Kind, c.Status, c.Closed, c.Search, data, at, at})
			}
			return out, nil
		})
}

// seedMessages: letters from the jobcentre, and from the a-kasse of its
// members; the older ones read.
func seedMessages(ctx context.Context, tx pgx.Tx, g *generator) (int64, error) {
	if err := g.ids(ctx, tx); err != nil {
		return 0, err
	}
	return copyCitizens(ctx, tx, g, "messages", []string{"citizen_id", "sender_org", "origin_id", "sender", "subject", "body",
		"important", "answerable", "sent_at", "read_at"},
		func(i int, out [][]any) ([][]any, error) {
			p := g.person(i)
			r := g.rng(i, streamMessages)
			for j := range 1 + r.IntN(8) {
				sender := g.jobcentres[p.jc]
				if p.akasse >= 0 && j%3 == 2 {
					sender = g.akasser[p.akasse]
				}
				m := letters[r.IntN(len(letters))]
				sent := g.at(g.today.AddDays(-r.IntN(365)), 8+r.IntN(8), r.IntN(60))
				var read *time.Time
				if sent.Before(g.now.AddDate(0, 0, -7)) || r.IntN(2) == 0 {
					t := sent.Add(time.Duration(1+r.IntN(48)) * time.Hour)
					if t.Before(g.now) {
						read = &t
					}
				}
				out = append(out, []any{g.citizenBase + int64(i), sender.code, fmt.Sprintf("skala-%d-%d", i, j), sender.name,
					m.subject, fmt.Sprintf(m.body, p.first), m.important, m.answerable, sent, read})
			}
			return out, nil
		})
}

// seedMeetings: every jobcentre's bookable offer with its times over the
// next four weeks, and each citizen's meetings: some held, some planned.
func seedMeetings(ctx context.Context, tx pgx.Tx, g *generator) (int64, error) {
	if err := g.ids(ctx, tx); err != nil {
		return 0, err
	}
	var total int64
	for j, jc := range g.jobcentres {
		var offer int64
		if err := tx.QueryRow(ctx, `INSERT INTO meeting_offers (org, origin_id, type_code, type_name, description, minutes, form, kontaktgrupper, place)
			VALUES ($1, 'skala-samtale', 'SAMTALE', 'Samtale om job', 'En samtale med din jobkonsulent om din jobsøgning.', 45, $2, '{}', $3)
			ON CONFLICT (org, origin_id) DO UPDATE SET withdrawn = false RETURNING id`,
			jc.code, shared.FormFremmoede, jc.name).Scan(&offer); err != nil {
			return total, err
		}
		total++
		var slots [][]any
		for d := 1; d <= 28; d++ {
			day := g.today.AddDays(d)
			if wd := dateTime(day).Weekday(); wd == time.Saturday || wd == time.Sunday {
				continue
			}
			for h := 9; h < 15; h++ {
				slots = append(slots, []any{offer, fmt.Sprintf("skala-%s-%d", day, h), caseworkerNames[(j+h)%len(caseworkerNames)], g.at(day, h, 0)})
			}
		}
		n, err := tx.CopyFrom(ctx, pgx.Identifier{"meeting_slots"}, []string{"offer_id", "origin_id", "caseworker", "starts_at"}, pgx.CopyFromRows(slots))
		if err != nil {
			return total, err
		}
		total += n
	}
	for _, table := range []string{"meeting_offers", "meeting_slots"} {
		if err := analyze(ctx, tx, table); err != nil {
			return total, err
		}
	}
	n, err := copyCitizens(ctx, tx, g, "meetings", []string{"citizen_id", "org", "origin_id", "type_code", "type_name", "form", "starts_at",
		"ends_at", "place", "phone", "caseworker", "status", "updated_at"},
		func(i int, out [][]any) ([][]any, error) {
			p := g.person(i)
			r := g.rng(i, streamMeetings)
			for j := range 1 + r.IntN(4) {
				day := g.today.AddDays(r.IntN(120) - 90)
				if wd := dateTime(day).Weekday(); wd == time.Saturday || wd == time.Sunday {
					day = day.AddDays(2)
				}
				start := g.at(day, 9+r.IntN(6), 15*r.IntN(4))
				org, form, place, phone := g.jobcentres[p.jc], shared.FormFremmoede, g.jobcentres[p.jc].name, ""
				if p.akasse >= 0 && j == 1 {
					org = g.akasser[p.akasse]
					form, place, phone = shared.FormTelefonisk, "", "70 10 20 30"
				}
				status := "planned"
				if start.Before(g.now) {
					status = "held"
				}
				m := meetingTypes[r.IntN(len(meetingTypes))]
				out = append(out, []any{g.citizenBase + int64(i), org.code, fmt.Sprintf("skala-%d-%d", i, j), m.code, m.name, form,
					start, start.Add(time.Duration(m.minutes) * time.Minute), place, phone, caseworkerNames[r.IntN(len(caseworkerNames))],
					status, start.AddDate(0, 0, -14)})
			}
			return out, nil
		})
	return total + n, err
}

// seedHistory: Historik's sessions and logins, and absences (ferie,
// sygdom) of some.
func seedHistory(ctx context.Context, tx pgx.Tx, g *generator) (int64, error) {
	if err := g.ids(ctx, tx); err != nil {
		return 0, err
	}
	// The same sessions for both tables: the k-th login of citizen i.
	logins := func(i int) []time.Time {
		r := g.rng(i, streamHistory)
		var out []time.Time
		for range 1 + r.IntN(4) {
			out = append(out, g.at(g.today.AddDays(-1-r.IntN(90)), 7+r.IntN(14), r.IntN(60)))
		}
		return out
	}
	total, err := copyCitizens(ctx, tx, g, "sessions", []string{"token_hash", "account_id", "created_at", "last_seen_at", "last_path", "ended_at", "end_reason"},
		func(i int, out [][]any) ([][]any, error) {
			for k, at := range logins(i) {
				token := sha256.Sum256(fmt.Appendf(nil, "skala-session-%d-%d-%d", g.cfg.Seed, i, k))
				last := at.Add(time.Duration(2+k*3) * time.Minute)
				reason, ended := "logout", last
				if k%2 == 1 {
					reason, ended = "expired", last.Add(20*time.Minute)
				}
				out = append(out, []any{token[:], g.accountBase + int64(i), at, last, "/", ended, reason})
			}
			return out, nil
		})
	if err != nil {
		return total, err
	}
	n, err := copyCitizens(ctx, tx, g, "login_events", []string{"citizen_id", "at", "name"},
		func(i int, out [][]any) ([][]any, error) {
			name := g.person(i).name
			for _, at := range logins(i) {
				out = append(out, []any{g.citizenBase + int64(i), at, name})
			}
			return out, nil
		})
	total += n
	if err != nil {
		return total, err
	}
	n, err = copyCitizens(ctx, tx, g, "absences", []string{"citizen_id", "kind", "from_date", "to_date", "registered_by", "registered_at"},
		func(i int, out [][]any) ([][]any, error) {
			p := g.person(i)
			r := g.rng(i, streamHistory+100)
			if !p.tilmeldt || r.IntN(4) != 0 {
				return out, nil
			}
			from := g.today.AddDays(-r.IntN(300))
			kind, to := shared.AbsenceFerie, from.AddDays(4+r.IntN(10))
			if r.IntN(2) == 0 {
				kind, to = shared.AbsenceSygdom, from.AddDays(1+r.IntN(5))
			}
			if from.Before(p.from) {
				return out, nil
			}
			return append(out, []any{g.citizenBase + int64(i), string(kind), dateTime(from), dateTime(to), "borger", g.at(from, 8, 0)}), nil
		})
	return total + n, err
}
