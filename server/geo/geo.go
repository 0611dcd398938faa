// Package geo is Denmark's postcodes and kommuner with their coordinates:
// the reference data Find Job geocodes an ad's postcode with, and radius
// searches start from. The files are copies of the project's offline
// reference data (data/README.md says whence).
package geo

import (
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"sync"
)

//go:embed data/*.csv
var files embed.FS

// Postcode is one postnummer and the centre of its area.
type Postcode struct {
	Code string // 4 digits
	Name string // "København S"
	// Bulk: a stormodtager, a postcode of one large recipient rather
	// than an area; not offered as a place to search from.
	Bulk     bool
	Lat, Lon float64
	Kommune  string // the 4-digit kommune code
}

// Kommune is one of the 98 kommuner (and Christiansø, which is not one).
type Kommune struct {
	Code, Name   string
	Region       string // the region's name
	Lat, Lon     float64
	Municipality bool // false for Christiansø
}

var (
	once      sync.Once
	postcodes []Postcode
	kommuner  []Kommune
	loadErr   error
)

func load() {
	loadErr = readCSV("data/dk_postal_codes.csv", 11, func(r []string) error {
		lat, err1 := strconv.ParseFloat(r[3], 64)
		lon, err2 := strconv.ParseFloat(r[4], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("postcode %s: bad coordinates %q, %q", r[0], r[3], r[4])
		}
		postcodes = append(postcodes, Postcode{Code: r[0], Name: r[1], Bulk: r[2] == "true", Lat: lat, Lon: lon, Kommune: r[5]})
		return nil
	})
	if loadErr != nil {
		return
	}
	loadErr = readCSV("data/dk_municipalities.csv", 8, func(r []string) error {
		lat, err1 := strconv.ParseFloat(r[4], 64)
		lon, err2 := strconv.ParseFloat(r[5], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("kommune %s: bad coordinates", r[0])
		}
		kommuner = append(kommuner, Kommune{Code: r[0], Name: r[1], Region: r[3], Lat: lat, Lon: lon, Municipality: r[7] == "true"})
		return nil
	})
}

// readCSV calls row for every record after the header of an embedded file
// with n fields a record.
func readCSV(name string, n int, row func([]string) error) error {
	f, err := files.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = n
	if _, err := r.Read(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := row(rec); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
}

// Postcodes are every postcode, in the file's order (by code).
func Postcodes() ([]Postcode, error) {
	once.Do(load)
	return postcodes, loadErr
}

// Kommuner are every kommune, Christiansø included, by code.
func Kommuner() ([]Kommune, error) {
	once.Do(load)
	return kommuner, loadErr
}
