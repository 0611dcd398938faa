package storage

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"jobnet/server/findjob"
	"jobnet/shared"
)

// Reference data (issue 10): the occupations, DISCO-08, Find Job's areas,
// kommuner and postcodes, and the suggestions made of them. The data files
// of server/taxonomy and server/geo are the source; the tables follow the
// taxonomy's release, so a new release is loaded by data alone, once, by
// whichever server starts first.

type discoGroupRow struct {
	bun.BaseModel `bun:"table:disco_groups"`
	Code          string
	Level         int
	Parent        *string
	Title         string
}

type occupationRow struct {
	bun.BaseModel     `bun:"table:occupations"`
	ID                int
	Title             string
	Disco             string
	Aliases           []string `bun:",array"`
	Since             int
	DiscontinuedSince *int
	ReplacedBy        *int
}

type areaRow struct {
	bun.BaseModel `bun:"table:areas"`
	Code, Name    string
	Position      int
}

type kommuneRow struct {
	bun.BaseModel      `bun:"table:kommuner"`
	Code, Name, Region string
	Area               *string // nil for Christiansø, which is in no area
	Lat, Lon           float64
}

type postcodeRow struct {
	bun.BaseModel       `bun:"table:postcodes"`
	Code, Name, Kommune string
	Bulk                bool
	Lat, Lon            float64
}

type suggestionRow struct {
	bun.BaseModel              `bun:"table:suggestions"`
	Kind, Value, Label, Folded string
	Rank                       int
}

// countries are the countries the free text suggests for jobs abroad:
// Jobnet's own neighbours and the EU/EØS countries most Danish job seekers
// look to (this project's list; the sources name none).
var countries = []string{"Sverige", "Norge", "Tyskland", "Finland", "Island", "Færøerne", "Grønland", "Storbritannien",
	"Irland", "Holland", "Belgien", "Frankrig", "Spanien", "Portugal", "Italien", "Schweiz", "Østrig", "Polen",
	"Estland", "Letland", "Litauen", "Tjekkiet", "Grækenland", "Luxembourg"}

// LoadReference loads the reference data of ix unless its release is
// loaded already. It returns whether it loaded.
func LoadReference(ctx context.Context, db bun.IDB, ix *findjob.Index, now time.Time) (bool, error) {
	loaded := false
	err := db.RunInTx(ctx, nil, func(ctx context.Context, tx bun.Tx) error {
		// One loader at a time; the others find the release loaded.
		if _, err := tx.ExecContext(ctx, "LOCK TABLE reference_release IN EXCLUSIVE MODE"); err != nil {
			return err
		}
		var version int
		err := tx.NewSelect().Table("reference_release").Column("taxonomy_version").Scan(ctx, &version)
		if err != nil && !isNoRows(err) {
			return err
		}
		if version >= ix.Tax.Version() {
			return nil
		}
		for _, t := range []string{"suggestions", "postcodes", "kommuner", "areas", "occupations", "disco_groups"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return err
			}
		}
		if err := insertReference(ctx, tx, ix); err != nil {
			return err
		}
		_, err = tx.NewRaw(`INSERT INTO reference_release (taxonomy_version, loaded_at) VALUES (?, ?)
			ON CONFLICT (id) DO UPDATE SET taxonomy_version = EXCLUDED.taxonomy_version, loaded_at = EXCLUDED.loaded_at`,
			ix.Tax.Version(), now).Exec(ctx)
		loaded = err == nil
		return err
	})
	return loaded, err
}

func insertReference(ctx context.Context, tx bun.Tx, ix *findjob.Index) error {
	var groups []discoGroupRow
	var sugg []suggestionRow
	suggest := func(kind, value, label string, rank int) {
		sugg = append(sugg, suggestionRow{Kind: kind, Value: value, Label: label, Folded: strings.ToLower(label), Rank: rank})
	}
	for _, g := range ix.Tax.Groups() {
		row := discoGroupRow{Code: g.Code, Level: g.Level, Title: g.Title}
		if g.Parent != "" {
			p := g.Parent
			row.Parent = &p
		}
		groups = append(groups, row)
		if g.Level <= 4 {
			suggest(shared.SuggestGroup, g.Code, g.Title, 2)
		}
	}
	var occs []occupationRow
	for _, o := range ix.Tax.Occupations() {
		row := occupationRow{ID: o.ID, Title: o.Title, Disco: o.DISCO, Aliases: append([]string{}, o.Aliases...), Since: o.Since}
		if o.Discontinued() {
			d, r := o.DiscontinuedSince, o.ReplacedBy
			row.DiscontinuedSince, row.ReplacedBy = &d, &r
		} else {
			suggest(shared.SuggestOccupation, strconv.Itoa(o.ID), o.Title, 0)
			for _, a := range o.Aliases {
				suggest(shared.SuggestAlias, strconv.Itoa(o.ID), shared.OccupationLabel(o.Title, a), 1)
			}
		}
		occs = append(occs, row)
	}
	var areas []areaRow
	areaOf := map[string]string{}
	for i, a := range ix.Tax.Areas() {
		areas = append(areas, areaRow{Code: a.Code, Name: a.Name, Position: i})
		for _, k := range a.Municipalities {
			areaOf[k] = a.Code
		}
	}
	kommuner, pcs, err := ix.Geo()
	if err != nil {
		return err
	}
	var ks []kommuneRow
	for _, k := range kommuner {
		row := kommuneRow{Code: k.Code, Name: k.Name, Region: k.Region, Lat: k.Lat, Lon: k.Lon}
		if a, ok := areaOf[k.Code]; ok {
			row.Area = &a
		}
		ks = append(ks, row)
	}
	var ps []postcodeRow
	towns := map[string]bool{}
	for _, p := range pcs {
		ps = append(ps, postcodeRow{Code: p.Code, Name: p.Name, Kommune: p.Kommune, Bulk: p.Bulk, Lat: p.Lat, Lon: p.Lon})
		if p.Bulk {
			continue
		}
		suggest(shared.SuggestPostcode, p.Code, p.Code+" "+p.Name, 3)
		if !towns[p.Name] {
			towns[p.Name] = true
			suggest(shared.SuggestTown, p.Name, p.Name, 3)
		}
	}
	for _, c := range countries {
		suggest(shared.SuggestCountry, c, c, 4)
	}
	for _, rows := range []any{&groups, &occs, &areas, &ks, &ps, &sugg} {
		if _, err := tx.NewInsert().Model(rows).Exec(ctx); err != nil {
			return err
		}
	}
	return nil
}
