package geo

import "testing"

func TestLoad(t *testing.T) {
	pcs, err := Postcodes()
	if err != nil {
		t.Fatal(err)
	}
	ks, err := Kommuner()
	if err != nil {
		t.Fatal(err)
	}
	if len(pcs) != 1109 || len(ks) != 99 {
		t.Errorf("%d postcodes and %d kommuner, want 1109 and 99", len(pcs), len(ks))
	}
	known := map[string]bool{}
	for _, k := range ks {
		known[k.Code] = true
	}
	for _, p := range pcs {
		if !known[p.Kommune] || p.Lat < 54.5 || p.Lat > 57.8 || p.Lon < 8 || p.Lon > 15.2 {
			t.Errorf("postcode %+v: kommune unknown or outside Denmark", p)
		}
	}
	if pcs[0].Code != "0800" {
		t.Errorf("first postcode %+v", pcs[0])
	}
}
