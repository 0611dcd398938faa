package findjob

import (
	"strings"
	"testing"

	"jobnet/shared"
)

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
