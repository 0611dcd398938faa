package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// The never-twice booking under load (SPEC D4): many citizens, each with
// a real session, try at once to book one of a few slots over the real
// HTTP handler (session, policy, transaction, the unique index). Exactly
// one booking per slot wins; every other attempt answers 409 with the
// message and never a 5xx.

// raceCitizens signs n citizens of Jobcenter København (kontaktgruppe 1)
// in and returns their session cookies. The sessions are started in the
// store, as the login does after the password check, so that n password
// hashes do not dominate the set-up.
func raceCitizens(tb testing.TB, env *testEnv, n int) []*http.Cookie {
	tb.Helper()
	ctx, now := context.Background(), env.clock.Now()
	today := shared.DateOf(now)
	var seed storage.Seed
	for i := range n {
		seed.Citizens = append(seed.Citizens, storage.SeedCitizen{
			CPR: fmt.Sprintf("%02d%02d80-%04d", i%28+1, (i/28)%12+1, 5000+i), Name: fmt.Sprintf("Borger %d", i),
			Jobcenter: "jc-101", Enrolment: shared.EnrolmentTilmeldt,
			Forloeb: []shared.Forloeb{{Kontaktgruppe: 1, Period: shared.Period{From: today.AddDays(-30)}}},
			Account: &storage.SeedAccount{Username: fmt.Sprintf("race%04d", i), PasswordHash: "not-used", Created: now},
		})
	}
	if err := env.store.Seed(ctx, seed, now); err != nil {
		tb.Fatal(err)
	}
	cookies := make([]*http.Cookie, n)
	for i := range n {
		acc, err := env.store.AccountByUsername(ctx, fmt.Sprintf("race%04d", i))
		if err != nil {
			tb.Fatal(err)
		}
		token, hash := storage.NewToken()
		if _, err := env.store.StartCitizenSession(ctx, acc, storage.NewSession{TokenHash: hash, Now: now}, time.Hour); err != nil {
			tb.Fatal(err)
		}
		cookies[i] = &http.Cookie{Name: "jobnet_session", Value: token}
	}
	return cookies
}

// raceResult is one round: the statuses and each request's latency.
type raceResult struct {
	ok, taken, other int
	latencies        []time.Duration
	problems         []string
}

// raceRound publishes an offer with slots free times and has every
// citizen try at once to book one of them (citizen i the slot i mod
// slots), through one HTTP client with a connection per citizen.
func raceRound(tb testing.TB, env *testEnv, client *http.Client, cookies []*http.Cookie, round, slots int) raceResult {
	tb.Helper()
	id := fmt.Sprintf("race-%d", round)
	o := anOffer(env, id, slots)
	for i := range o.Slots { // slots a minute apart, all within the window
		o.Slots[i].Start = o.Slots[0].Start.Add(time.Duration(i) * time.Minute)
	}
	sys := env.client()
	sys.ingestOffer(o, jcToken)
	get := func(path string, v any) {
		req, _ := http.NewRequest("GET", env.ts.URL+path, nil)
		req.AddCookie(cookies[0])
		resp, err := client.Do(req)
		if err != nil || resp.StatusCode != 200 {
			tb.Fatalf("GET %s: %v %v", path, err, resp)
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			tb.Fatal(err)
		}
	}
	var b shared.BookingOffers
	get(shared.APIBookingOffers, &b)
	i := slices.IndexFunc(b.Offers, func(x shared.MeetingOffer) bool { return x.Type == o.TypeName })
	if i < 0 {
		tb.Fatalf("offer %s not offered", id)
	}
	var s shared.OfferSlots
	get(fmt.Sprintf("/api/booking/offers/%d/slots", b.Offers[i].ID), &s)
	if len(s.Slots) != slots {
		tb.Fatalf("%d free slots, want %d", len(s.Slots), slots)
	}

	res := raceResult{latencies: make([]time.Duration, len(cookies))}
	statuses := make([]int, len(cookies))
	bodies := make([]string, len(cookies))
	start := make(chan struct{})
	var wg sync.WaitGroup
	for i, ck := range cookies {
		body, _ := json.Marshal(shared.BookingInput{SlotID: s.Slots[i%slots].ID, Read: true})
		req, _ := http.NewRequest("POST", env.ts.URL+shared.APIBooking, strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(ck)
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			t0 := time.Now()
			resp, err := client.Do(req)
			if err != nil {
				statuses[i], bodies[i] = -1, err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			res.latencies[i], statuses[i], bodies[i] = time.Since(t0), resp.StatusCode, string(b)
		}()
	}
	close(start)
	wg.Wait()
	for i, st := range statuses {
		switch st {
		case 200:
			res.ok++
		case http.StatusConflict:
			var t shared.SlotTaken
			if json.Unmarshal([]byte(bodies[i]), &t) != nil || t.Message != shared.ErrSlotTaken {
				res.problems = append(res.problems, "409 without the message: "+bodies[i])
			}
			res.taken++
		default:
			res.other++
			if len(res.problems) < 5 {
				res.problems = append(res.problems, fmt.Sprintf("%d %s", st, bodies[i]))
			}
		}
	}
	var held int
	if err := env.db.NewRaw(`SELECT count(*) FROM meetings m JOIN meeting_slots s ON s.id = m.slot_id
		JOIN meeting_offers o ON o.id = s.offer_id WHERE o.origin_id = ? AND m.status = 'planned'`, id).Scan(context.Background(), &held); err != nil {
		tb.Fatal(err)
	}
	if held != slots {
		res.problems = append(res.problems, fmt.Sprintf("%d meetings hold the %d slots", held, slots))
	}
	return res
}

// check fails the test unless exactly one booking per slot won and every
// other attempt was refused with 409 and the message.
func (r raceResult) check(tb testing.TB, citizens, slots int) {
	tb.Helper()
	if r.ok != slots || r.taken != citizens-slots || r.other != 0 || len(r.problems) > 0 {
		tb.Fatalf("%d booked, %d refused with 409, %d otherwise (want %d, %d, 0): %v", r.ok, r.taken, r.other, slots, citizens-slots, r.problems)
	}
}

func raceClient(n int) *http.Client {
	return &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{MaxIdleConns: n, MaxIdleConnsPerHost: n, MaxConnsPerHost: n}}
}

// TestBookingRaceMany: 200 citizens on 20 slots, once, as `go test` runs;
// BenchmarkBookingRace is the 1,000 on 100 with its figures.
func TestBookingRaceMany(t *testing.T) {
	env := newTestEnv(t)
	cookies := raceCitizens(t, env, 200)
	raceRound(t, env, raceClient(200), cookies, 0, 20).check(t, 200, 20)
}

// BenchmarkBookingRace: 1,000 citizens, each with a real session, try at
// once to book one of 100 slots (ten on each) over loopback through the
// whole handler chain: exactly 100 bookings, 900 answers 409 with the
// message, no 5xx (the run fails otherwise). It reports the bookings and
// refusals, the attempts' p50 and p99 latency, and beside them the floor
// in the same run: 1,000 concurrent GET /healthz over the same client,
// the cost of the HTTP round trip and the concurrency alone. One round
// per b.N (each round a new offer).
func BenchmarkBookingRace(b *testing.B) {
	const citizens, slots = 1000, 100
	env := newTestEnv(b)
	cookies := raceCitizens(b, env, citizens)
	client := raceClient(citizens)
	var lat, floor []time.Duration
	var ok, taken int
	b.ResetTimer()
	for round := 0; round < b.N; round++ {
		r := raceRound(b, env, client, cookies, round, slots)
		r.check(b, citizens, slots)
		ok, taken = ok+r.ok, taken+r.taken
		lat = append(lat, r.latencies...)

		fl := make([]time.Duration, citizens)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range citizens {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				t0 := time.Now()
				resp, err := client.Get(env.ts.URL + "/healthz")
				if err != nil || resp.StatusCode != 200 {
					b.Errorf("healthz: %v %v", err, resp)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				fl[i] = time.Since(t0)
			}()
		}
		close(start)
		wg.Wait()
		floor = append(floor, fl...)
	}
	b.StopTimer()
	pct := func(d []time.Duration, p int) float64 {
		s := slices.Clone(d)
		slices.Sort(s)
		return float64(s[(len(s)-1)*p/100].Microseconds()) / 1000
	}
	b.ReportMetric(float64(ok)/float64(b.N), "bookings/round")
	b.ReportMetric(float64(taken)/float64(b.N), "409s/round")
	b.ReportMetric(pct(lat, 50), "p50-ms")
	b.ReportMetric(pct(lat, 99), "p99-ms")
	b.ReportMetric(pct(floor, 50), "floor-p50-ms")
	b.ReportMetric(pct(floor, 99), "floor-p99-ms")
}
