package shared

import "math"

// earthRadiusKm is the mean radius earthdistance uses too.
const earthRadiusKm = 6371.0

// DistanceKm is the great-circle distance between two points (haversine).
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Square is a box of latitudes and longitudes round a point.
type Square struct {
	MinLat, MaxLat, MinLon, MaxLon float64
}

// SquareAround is the box that reaches km to each edge from the point:
// automatch's "Der søges kvadratisk, med borgers bopæl som centrum. Der
// søges 70 km ud til kanterne" (FEATURES.md 1.3), about 100 km in the
// corners. A degree of latitude is the same everywhere; one of longitude
// shrinks with the cosine of the latitude.
func SquareAround(lat, lon, km float64) Square {
	dLat := km / (earthRadiusKm * math.Pi / 180)
	dLon := dLat / math.Cos(lat*math.Pi/180)
	return Square{MinLat: lat - dLat, MaxLat: lat + dLat, MinLon: lon - dLon, MaxLon: lon + dLon}
}

// Contains reports whether the point is in the box.
func (s Square) Contains(lat, lon float64) bool {
	return lat >= s.MinLat && lat <= s.MaxLat && lon >= s.MinLon && lon <= s.MaxLon
}
