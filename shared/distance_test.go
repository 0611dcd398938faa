package shared

import (
	"math"
	"testing"
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
