// Command genmap draws the map of Denmark behind Find Job's "Vis på kort"
// (issue 10) from the municipality and region outlines, once:
//
//	go run ./cmd/genmap [-data ../shared/data] [-out web/kort/danmark.svg]
//
// The drawing is a static file, committed and served under /web/ like the
// icons, so the outlines never weigh on app.wasm; the app lays its markers
// over it in the same coordinates (shared.MapXY). The land and its
// outlines are one group, #danmark, which the app draws with <use>; the
// lines keep their width in screen pixels however far the map is zoomed
// (vector-effect: non-scaling-stroke). Coordinates are rounded to a tenth
// of a map unit (about 45 m, against outlines simplified to about 400 m)
// and every point is written relative to the one before.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"jobnet/shared"
)

var (
	dataDir = flag.String("data", "../shared/data", "folder with dk_municipalities_simplified.geojson and dk_regions_simplified.geojson")
	outFile = flag.String("out", "web/kort/danmark.svg", "the SVG file to write")
)

// The look: light land on no sea (the page draws the sea), thin grey
// municipality borders, darker and thicker region borders and coast. The
// widths are screen pixels.
const svgTemplate = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Danmarks kommuner og regioner til Jobnets kort, tegnet af cmd/genmap med shared.MapXY. Grænser: DAGI 1:500.000 (Geodatastyrelsen & Danske Kommuner, 2014) -->
<svg xmlns="http://www.w3.org/2000/svg" viewBox="%s">
<g id="danmark" stroke-linejoin="round">
<path fill="#f7f5f0" stroke="#a9b0b6" stroke-width=".75" vector-effect="non-scaling-stroke" d="%s"/>
<path fill="none" stroke="#59636b" stroke-width="1.25" vector-effect="non-scaling-stroke" d="%s"/>
</g>
</svg>
`

func main() {
	flag.Parse()
	kommuner, err := outlines(filepath.Join(*dataDir, "dk_municipalities_simplified.geojson"))
	if err != nil {
		fail(err)
	}
	regioner, err := outlines(filepath.Join(*dataDir, "dk_regions_simplified.geojson"))
	if err != nil {
		fail(err)
	}
	svg := fmt.Sprintf(svgTemplate, shared.MapViewBox, kommuner, regioner)
	if err := os.MkdirAll(filepath.Dir(*outFile), 0o755); err != nil {
		fail(err)
	}
	if err := os.WriteFile(*outFile, []byte(svg), 0o644); err != nil {
		fail(err)
	}
	fmt.Printf("genmap: %s, %d bytes\n", *outFile, len(svg))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genmap:", err)
	os.Exit(1)
}

// featureCollection is the part of a GeoJSON file genmap reads: the
// outlines are MultiPolygons of [lon, lat] rings.
type featureCollection struct {
	Features []struct {
		Geometry struct {
			Type        string           `json:"type"`
			Coordinates [][][][2]float64 `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

// outlines is the path data of every ring of every feature in a GeoJSON
// file. The files' polygons have no holes and all run the same way round,
// so one path filled by the nonzero rule draws them all without seams.
func outlines(file string) (string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	var fc featureCollection
	if err := json.Unmarshal(b, &fc); err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	var p pathWriter
	for _, f := range fc.Features {
		if f.Geometry.Type != "MultiPolygon" {
			return "", fmt.Errorf("%s: a %s, only MultiPolygons are drawn", file, f.Geometry.Type)
		}
		for _, polygon := range f.Geometry.Coordinates {
			for _, ring := range polygon {
				p.ring(ring)
			}
		}
	}
	return p.String(), nil
}

// pathWriter writes rings as compact SVG path data in tenths of a map
// unit: each ring is an "m" from the start of the ring before (a "z"
// returns there; the path's first "m" counts from 0,0), its points are
// relative lines (the implicit "l" after "m"), and a point that rounds
// onto the one before is left out, as is a ring left with under 3 points.
type pathWriter struct {
	strings.Builder
	startX, startY int  // the last ring's start, in tenths
	lastNumber     bool // whether a number was written last: a positive one must be kept apart from it
}

func (p *pathWriter) ring(ring [][2]float64) {
	var pts [][2]int
	for _, pt := range ring {
		x, y := tenths(pt)
		if n := len(pts); n == 0 || pts[n-1] != [2]int{x, y} {
			pts = append(pts, [2]int{x, y})
		}
	}
	if len(pts) > 1 && pts[0] == pts[len(pts)-1] {
		pts = pts[:len(pts)-1] // "z" closes it
	}
	if len(pts) < 3 {
		return
	}
	p.command('m')
	p.pair(pts[0][0]-p.startX, pts[0][1]-p.startY)
	p.startX, p.startY = pts[0][0], pts[0][1]
	for i := 1; i < len(pts); i++ {
		p.pair(pts[i][0]-pts[i-1][0], pts[i][1]-pts[i-1][1])
	}
	p.command('z')
}

func (p *pathWriter) command(c byte) {
	p.WriteByte(c)
	p.lastNumber = false
}

func (p *pathWriter) pair(dx, dy int) {
	p.number(dx)
	p.number(dy)
}

// number writes a value in tenths as a decimal without a leading zero:
// 12.3, .5, -.5, 0. A minus sign separates it from the number before.
func (p *pathWriter) number(t int) {
	s := strconv.FormatFloat(float64(t)/10, 'f', -1, 64)
	if rest, ok := strings.CutPrefix(s, "0."); ok {
		s = "." + rest
	} else if rest, ok := strings.CutPrefix(s, "-0."); ok {
		s = "-." + rest
	}
	if p.lastNumber && s[0] != '-' {
		p.WriteByte(' ')
	}
	p.WriteString(s)
	p.lastNumber = true
}

// tenths projects a [lon, lat] position and rounds it to tenths of a map
// unit.
func tenths(pt [2]float64) (int, int) {
	x, y := shared.MapXY(pt[1], pt[0])
	return int(math.Round(x * 10)), int(math.Round(y * 10))
}
