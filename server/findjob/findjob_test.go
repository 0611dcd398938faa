package findjob

import (
	"math"
	"strings"
	"testing"

	"jobnet/shared"
)

func TestDistanceKm(t *testing.T) {
	// København H (55.6727, 12.5647) to Aarhus H (56.1503, 10.2044): about
	// 156 km as the crow flies.
	if d := DistanceKm(55.6727, 12.5647, 56.1503, 10.2044); math.Abs(d-156) > 2 {
		t.Errorf("København–Aarhus %.1f km", d)
	}
	if d := DistanceKm(56, 10, 56, 10); d != 0 {
		t.Errorf("a point to itself %.3f km", d)
	}
}

// TestSquareAround: 70 km to each edge, about 99 km to the corners, at
// Danish latitudes.
func TestSquareAround(t *testing.T) {
	lat, lon := 56.1503, 10.2044
	s := SquareAround(lat, lon, 70)
	for _, edge := range [][2]float64{{s.MaxLat, lon}, {s.MinLat, lon}, {lat, s.MaxLon}, {lat, s.MinLon}} {
		if d := DistanceKm(lat, lon, edge[0], edge[1]); math.Abs(d-70) > 0.5 {
			t.Errorf("edge %v is %.2f km away, want 70", edge, d)
		}
	}
	if d := DistanceKm(lat, lon, s.MaxLat, s.MaxLon); d < 97 || d > 101 {
		t.Errorf("corner is %.1f km away, want about 99", d)
	}
	if !s.Contains(lat, lon) || s.Contains(s.MaxLat+0.01, lon) || !s.Contains(s.MaxLat-0.01, s.MinLon+0.01) {
		t.Error("Contains is wrong at the centre or the edges")
	}
}

func TestPlace(t *testing.T) {
	ix, err := NewIndex()
	if err != nil {
		t.Fatal(err)
	}
	kok, _ := ix.Tax.Lookup("Kok")
	lager, ok := ix.Tax.Lookup("Lagermedarbejder")
	if !ok {
		t.Fatal("no Lagermedarbejder in the taxonomy")
	}
	ad := shared.JobAd{SenderID: "1", Title: "Lagermedarbejder til nattehold", OccupationID: lager.ID, Description: "x",
		Employer: shared.Employer{Name: "Nordisk Logistik A/S", Postcode: "6000"}, DeadlineKind: shared.DeadlineSnarest,
		StartKind: shared.StartSnarest, WorkingTime: shared.FullTimeJob, Terms: shared.TermsOrdinary, Duration: shared.DurationPermanent}
	p, err := ix.Place(ad)
	if err != nil {
		t.Fatal(err)
	}
	if p.Postcode.Name != "Kolding" || p.Kommune.Code != "0621" || p.Area == nil || p.Area.Code == "" {
		t.Errorf("placed at %+v %+v %+v", p.Postcode, p.Kommune, p.Area)
	}
	if !strings.Contains(p.SearchText, "medarbejder") {
		t.Errorf("the search text lacks the compound's part: %q", p.SearchText)
	}
	bad := ad
	bad.OccupationID, bad.Employer.Postcode, bad.HoursPerWeek, bad.DeadlineKind = 999999, "0000", 20, shared.DeadlineDate
	_, err = ix.Place(bad)
	var fields []string
	if e, ok := err.(*shared.Error); ok {
		for _, f := range e.Fields {
			fields = append(fields, f.Field)
		}
	}
	if strings.Join(fields, " ") != "occupation_id employer.postcode deadline hours_per_week" {
		t.Errorf("errors at %v (%v)", fields, err)
	}
	abroad := ad
	abroad.OccupationID, abroad.Employer = kok.ID, shared.Employer{Name: "Restaurant Sverige", Country: "Sverige"}
	if p, err := ix.Place(abroad); err != nil || p.Postcode != nil || p.Area != nil {
		t.Errorf("abroad: %+v, %v", p, err)
	}
}
