package shared

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

func TestMapXY(t *testing.T) {
	tests := []struct {
		name     string
		lat, lon float64
		x, y     float64
	}{
		{"NorthWestCorner", 57.8, 8.0, 0, 0},
		{"SouthEastCorner", 54.5, 15.2, 1000, 819.6337},
		{"Rådhuspladsen", 55.6761, 12.5683, 634.4861, 527.5212},
		{"Skagen", 57.7, 10.6, 361.1111, 24.8374},
		{"Bornholm", 55.1, 14.7, 930.5556, 670.6094},
		{"Gedser", 54.57, 11.93, 545.8333, 802.2475},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, y := MapXY(tt.lat, tt.lon)
			if math.Abs(x-tt.x) > 1e-3 || math.Abs(y-tt.y) > 1e-3 {
				t.Errorf("MapXY(%v, %v) = %.4f, %.4f, want %.4f, %.4f", tt.lat, tt.lon, x, y, tt.x, tt.y)
			}
			if !WholeMap.Contains(x, y) {
				t.Errorf("%.4f, %.4f is off the map", x, y)
			}
		})
	}
}

// TestMapNotSquashed: at 56° N a kilometre east is as long on the map as a
// kilometre north (a degree of longitude is cos 56° of a degree of latitude).
func TestMapNotSquashed(t *testing.T) {
	x0, y0 := MapXY(56, 10)
	x1, _ := MapXY(56, 10+1/math.Cos(56*math.Pi/180))
	_, y1 := MapXY(55, 10)
	if east, south := x1-x0, y1-y0; math.Abs(east-south) > 1e-9 {
		t.Errorf("a degree of latitude's distance is %.4f east, %.4f south", east, south)
	}
}

func TestMapViewBox(t *testing.T) {
	if got := WholeMap.ViewBox(); got != MapViewBox {
		t.Errorf("WholeMap.ViewBox() = %q, MapViewBox = %q", got, MapViewBox)
	}
	if _, y := MapXY(mapSouth, mapWest); y > MapHeight || MapHeight-y > 1 {
		t.Errorf("the frame's south edge is at y = %.2f, MapHeight = %v", y, MapHeight)
	}
	if got := (MapRect{12.5, 0, 62.5, 51.25}).ViewBox(); got != "12.5 0 62.5 51.25" {
		t.Errorf("ViewBox = %q", got)
	}
}

func TestFitMapView(t *testing.T) {
	aspect := MapWidth / MapHeight
	tests := []struct {
		name     string
		bounds   MapRect
		minWidth float64
		want     MapRect
	}{
		{"OnePointGetsMinWidth", MapRect{500, 400, 0, 0}, 100, MapRect{450, 400 - 41, 100, 82}},
		{"WideBoundsFillEightyPercent", MapRect{400, 400, 160, 10}, 50, MapRect{380, 405 - 82, 200, 164}},
		{"TallBoundsFillEightyPercent", MapRect{400, 300, 10, 164}, 50, MapRect{405 - 125, 382 - 102.5, 250, 205}},
		{"ClampedAtNorthWest", MapRect{0, 0, 0, 0}, 100, MapRect{0, 0, 100, 82}},
		{"ClampedAtSouthEast", MapRect{1000, 820, 0, 0}, 100, MapRect{900, 738, 100, 82}},
		{"TooBigIsWholeMap", MapRect{0, 0, 900, 100}, 100, WholeMap},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FitMapView(tt.bounds, tt.minWidth)
			if !rectNear(got, tt.want) {
				t.Errorf("FitMapView(%+v, %v) = %+v, want %+v", tt.bounds, tt.minWidth, got, tt.want)
			}
			if math.Abs(got.W/got.H-aspect) > 1e-9 {
				t.Errorf("proportions %.4f, want the map's %.4f", got.W/got.H, aspect)
			}
			if !WholeMap.Contains(got.X, got.Y) || !WholeMap.Contains(got.X+got.W, got.Y+got.H) {
				t.Errorf("%+v reaches off the map", got)
			}
		})
	}
}

func rectNear(a, b MapRect) bool {
	return math.Abs(a.X-b.X) < 1e-9 && math.Abs(a.Y-b.Y) < 1e-9 && math.Abs(a.W-b.W) < 1e-9 && math.Abs(a.H-b.H) < 1e-9
}

func TestClusterMapPoints(t *testing.T) {
	tests := []struct {
		name   string
		points []MapPoint
		cell   float64
		want   []MapCluster
	}{
		{"None", nil, 30, []MapCluster{}},
		{"OneIsAClusterOfOne", []MapPoint{{7, 100, 100}}, 30,
			[]MapCluster{{100, 100, []int64{7}, MapRect{100, 100, 0, 0}}}},
		{"FarApartStaySingleNorthFirst", []MapPoint{{1, 100, 500}, {2, 600, 100}}, 30, []MapCluster{
			{600, 100, []int64{2}, MapRect{600, 100, 0, 0}},
			{100, 500, []int64{1}, MapRect{100, 500, 0, 0}},
		}},
		{"SameRowWestFirst", []MapPoint{{1, 600, 100}, {2, 100, 100}}, 30, []MapCluster{
			{100, 100, []int64{2}, MapRect{100, 100, 0, 0}},
			{600, 100, []int64{1}, MapRect{600, 100, 0, 0}},
		}},
		{"SameCellAtTheMean", []MapPoint{{1, 31, 31}, {2, 59, 37}}, 30,
			[]MapCluster{{45, 34, []int64{1, 2}, MapRect{31, 31, 28, 6}}}},
		{"AcrossAGridLine", []MapPoint{{1, 29, 10}, {2, 31, 10}}, 30,
			[]MapCluster{{30, 10, []int64{1, 2}, MapRect{29, 10, 2, 0}}}},
		{"JustFarEnough", []MapPoint{{1, 0, 10}, {2, 30, 10}}, 30, []MapCluster{
			{0, 10, []int64{1}, MapRect{0, 10, 0, 0}},
			{30, 10, []int64{2}, MapRect{30, 10, 0, 0}},
		}},
		// 2 and 3 are 20 apart, but the cluster of 1 and 2 is centred 30 from 3.
		{"CentresDecideNotPoints", []MapPoint{{1, 0, 0}, {2, 20, 0}, {3, 40, 0}}, 25, []MapCluster{
			{10, 0, []int64{1, 2}, MapRect{0, 0, 20, 0}},
			{40, 0, []int64{3}, MapRect{40, 0, 0, 0}},
		}},
		{"IDsInTheGivenOrder", []MapPoint{{9, 40, 40}, {3, 35, 35}, {5, 45, 45}}, 30,
			[]MapCluster{{40, 40, []int64{9, 3, 5}, MapRect{35, 35, 10, 10}}}},
		{"SamePlaceWithoutCellStaysApart", []MapPoint{{1, 5, 5}, {2, 5, 5}}, 0, []MapCluster{
			{5, 5, []int64{1}, MapRect{5, 5, 0, 0}},
			{5, 5, []int64{2}, MapRect{5, 5, 0, 0}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClusterMapPoints(tt.points, tt.cell)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ClusterMapPoints = %+v, want %+v", got, tt.want)
			}
		})
	}
}

// randomMapPoints scatters n points over the map, a third of them on a
// few shared spots the way ads share their postcode's centre.
func randomMapPoints(rng *rand.Rand, n int) []MapPoint {
	spots := [][2]float64{{634.5, 527.5}, {430, 330}, {240, 430}, {930, 670}}
	points := make([]MapPoint, n)
	for i := range points {
		x, y := rng.Float64()*MapWidth, rng.Float64()*MapHeight
		if i%3 == 0 {
			s := spots[rng.IntN(len(spots))]
			x, y = s[0], s[1]
		}
		points[i] = MapPoint{ID: int64(1000 + i), X: x, Y: y}
	}
	return points
}

// TestClusterMapPointsProperties: every point is in exactly one cluster, in
// the order given; a cluster sits at its points' mean and its bounds hold
// them; no two clusters are closer than cell; the order is north to south;
// and the same points give the same clusters.
func TestClusterMapPointsProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(56, 10))
	for run := range 200 {
		points := randomMapPoints(rng, 1+rng.IntN(500))
		cell := []float64{0, 5, 30, 105, 400}[run%5]
		t.Run(fmt.Sprintf("Run%dCell%v", run, cell), func(t *testing.T) {
			clusters := ClusterMapPoints(points, cell)
			at := map[int64]MapPoint{}
			for _, p := range points {
				at[p.ID] = p
			}
			seen := map[int64]int{}
			for ci, c := range clusters {
				if len(c.IDs) == 0 {
					t.Fatalf("cluster %d is empty", ci)
				}
				var sx, sy float64
				last := -1
				for _, id := range c.IDs {
					seen[id]++
					p := at[id]
					sx, sy = sx+p.X, sy+p.Y
					if b := c.Bounds; p.X < b.X || p.X > b.X+b.W+1e-9 || p.Y < b.Y || p.Y > b.Y+b.H+1e-9 {
						t.Errorf("cluster %d's bounds %+v leave out point %+v", ci, c.Bounds, p)
					}
					idx := slices.IndexFunc(points, func(q MapPoint) bool { return q.ID == id })
					if idx < last {
						t.Errorf("cluster %d lists its points out of order", ci)
					}
					last = idx
				}
				n := float64(len(c.IDs))
				if math.Abs(c.X-sx/n) > 1e-9 || math.Abs(c.Y-sy/n) > 1e-9 {
					t.Errorf("cluster %d at %.3f, %.3f, its points' mean is %.3f, %.3f", ci, c.X, c.Y, sx/n, sy/n)
				}
				for _, d := range clusters[ci+1:] {
					if dist := math.Hypot(c.X-d.X, c.Y-d.Y); dist < cell {
						t.Errorf("two clusters %.3f apart, cell %v", dist, cell)
					}
				}
				if ci > 0 && clusters[ci-1].Y > c.Y {
					t.Errorf("cluster %d is north of cluster %d", ci, ci-1)
				}
			}
			for _, p := range points {
				if seen[p.ID] != 1 {
					t.Errorf("point %d is in %d clusters", p.ID, seen[p.ID])
				}
			}
			if len(seen) != len(points) {
				t.Errorf("clusters hold %d points, %d were given", len(seen), len(points))
			}
			if again := ClusterMapPoints(points, cell); !reflect.DeepEqual(again, clusters) {
				t.Errorf("the same points clustered differently")
			}
		})
	}
}

// BenchmarkClusterMapPoints clusters Find Job's most: 500 ads on the whole
// map, with markers 40 px apart on a 600 px wide map.
func BenchmarkClusterMapPoints(b *testing.B) {
	points := randomMapPoints(rand.New(rand.NewPCG(1, 2)), 500)
	cell := 40 * MapWidth / 600
	for b.Loop() {
		ClusterMapPoints(points, cell)
	}
}
