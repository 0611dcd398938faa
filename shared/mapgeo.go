package shared

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// The map of Denmark behind Find Job's "Vis på kort" (issue 10). One
// projection serves both layers: cmd/genmap draws the municipality and
// region outlines with it into web/kort/danmark.svg once, and the app lays
// the ads' markers over that picture in the same coordinates, so the
// outlines never travel in app.wasm.

// The frame: all of Denmark with Bornholm, from Blåvandshuk to Bornholm
// and from Gedser to Skagen, in degrees.
const (
	mapWest, mapEast   = 8.0, 15.2
	mapSouth, mapNorth = 54.5, 57.8
	// cos56 is cos(56°). At Denmark's middle latitude a degree of
	// longitude is that much shorter than one of latitude, so x is scaled
	// by it (an equirectangular projection centred there) and the country
	// is not squashed; east–west distances are off by under 5 % at the
	// frame's northern and southern edges.
	cos56 = 0.5591929034707468
)

// The map's coordinate system: x east, y south, in map units.
const (
	MapWidth = 1000.0
	// mapScale is the map units per degree of latitude.
	mapScale = MapWidth / ((mapEast - mapWest) * cos56)
	// MapHeight is (mapNorth − mapSouth) × mapScale = 819.6, rounded up.
	MapHeight = 820.0
	// MapViewBox is the SVG viewBox of the whole map.
	MapViewBox = "0 0 1000 820"
)

// MapXY projects a position (WGS84 degrees) onto the map.
func MapXY(lat, lon float64) (x, y float64) {
	return (lon - mapWest) * cos56 * mapScale, (mapNorth - lat) * mapScale
}

// MapRect is a rectangle in map units: a view of the map or the bounds of
// a cluster.
type MapRect struct{ X, Y, W, H float64 }

// WholeMap is the view of all of Denmark.
var WholeMap = MapRect{0, 0, MapWidth, MapHeight}

// ViewBox is the rectangle as an SVG viewBox.
func (r MapRect) ViewBox() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	return f(r.X) + " " + f(r.Y) + " " + f(r.W) + " " + f(r.H)
}

// Contains reports whether the point is inside the rectangle or on its edge.
func (r MapRect) Contains(x, y float64) bool {
	return x >= r.X && x <= r.X+r.W && y >= r.Y && y <= r.Y+r.H
}

// FitMapView is the view to zoom to for showing bounds: the bounds fill at
// most 80 % of it each way, it is at least minWidth wide, it has the whole
// map's proportions (so the drawing keeps its size on the page) and it
// lies inside the whole map.
func FitMapView(bounds MapRect, minWidth float64) MapRect {
	const fill = 0.8
	w := max(bounds.W/fill, bounds.H/fill*MapWidth/MapHeight, minWidth)
	if w >= MapWidth {
		return WholeMap
	}
	h := w * MapHeight / MapWidth
	cx, cy := bounds.X+bounds.W/2, bounds.Y+bounds.H/2
	return MapRect{
		X: min(max(cx-w/2, 0), MapWidth-w),
		Y: min(max(cy-h/2, 0), MapHeight-h),
		W: w,
		H: h,
	}
}

// MapPoint is a marker's position on the map. ID is the caller's: Find
// Job's map passes the ad's index in its list.
type MapPoint struct {
	ID   int64
	X, Y float64
}

// MapCluster is one marker drawn for points that crowd: at the mean of its
// points, with their IDs in the order the points were given and the
// rectangle they span (zero-sized for one point).
type MapCluster struct {
	X, Y   float64
	IDs    []int64
	Bounds MapRect
}

// ClusterMapPoints groups points that lie closer than cell to each other,
// so that markers cell wide do not overlap: no two clusters' centres are
// closer than cell. A point that crowds with none is a cluster of one; a
// cell of 0 or less clusters nothing.
//
// The points are first binned on a grid of cell-sized squares, then
// clusters whose centres are too close (neighbours across a grid line,
// or moved by a merge) are merged until none are. The result depends only
// on the points and their order: clusters come north to south, then west
// to east, which is also the order a keyboard reaches them in.
func ClusterMapPoints(points []MapPoint, cell float64) []MapCluster {
	var groups []*pointGroup
	if cell > 0 {
		byCell := map[[2]int]*pointGroup{}
		for i, p := range points {
			k := [2]int{int(math.Floor(p.X / cell)), int(math.Floor(p.Y / cell))}
			g := byCell[k]
			if g == nil {
				g = &pointGroup{}
				byCell[k] = g
				groups = append(groups, g)
			}
			g.add(i, p)
		}
	} else {
		for i, p := range points {
			g := &pointGroup{}
			g.add(i, p)
			groups = append(groups, g)
		}
	}
	// Each pass sweeps the groups from west to east and compares a group
	// only with those less than cell east of it; a pass that merges
	// nothing has compared every pair that could be too close.
	for merged := true; merged; {
		merged = false
		slices.SortStableFunc(groups, func(a, b *pointGroup) int { return cmp.Compare(a.x(), b.x()) })
		for i := 0; i < len(groups); i++ {
			for j := i + 1; j < len(groups) && groups[j].x()-groups[i].x() < cell; {
				if groups[i].closerThan(groups[j], cell) {
					groups[i].merge(groups[j])
					groups = slices.Delete(groups, j, j+1)
					merged = true
				} else {
					j++
				}
			}
		}
	}

	clusters := make([]MapCluster, 0, len(groups))
	for _, g := range groups {
		slices.Sort(g.members)
		c := MapCluster{X: g.x(), Y: g.y(), IDs: make([]int64, len(g.members))}
		first := points[g.members[0]]
		minX, minY, maxX, maxY := first.X, first.Y, first.X, first.Y
		for k, i := range g.members {
			p := points[i]
			c.IDs[k] = p.ID
			minX, minY, maxX, maxY = min(minX, p.X), min(minY, p.Y), max(maxX, p.X), max(maxY, p.Y)
		}
		c.Bounds = MapRect{minX, minY, maxX - minX, maxY - minY}
		clusters = append(clusters, c)
	}
	slices.SortStableFunc(clusters, func(a, b MapCluster) int {
		return cmp.Or(cmp.Compare(a.Y, b.Y), cmp.Compare(a.X, b.X))
	})
	return clusters
}

// pointGroup is a cluster being built: the indexes of its points and the
// sums of their coordinates.
type pointGroup struct {
	members []int
	sx, sy  float64
}

func (g *pointGroup) add(i int, p MapPoint) {
	g.members = append(g.members, i)
	g.sx += p.X
	g.sy += p.Y
}

func (g *pointGroup) merge(o *pointGroup) {
	g.members = append(g.members, o.members...)
	g.sx += o.sx
	g.sy += o.sy
}

// x and y are the group's centre.
func (g *pointGroup) x() float64 { return g.sx / float64(len(g.members)) }
func (g *pointGroup) y() float64 { return g.sy / float64(len(g.members)) }

func (g *pointGroup) closerThan(o *pointGroup, d float64) bool {
	dx, dy := g.x()-o.x(), g.y()-o.y()
	return dx*dx+dy*dy < d*d
}
