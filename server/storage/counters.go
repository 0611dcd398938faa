package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"jobnet/shared"
)

// Counter kinds as stored: the latest figures of each kind per citizen.
const (
	counterDagpenge    = "dagpenge"
	counterSupplerende = "supplerende"
	counterTimer225    = "timer225"
)

// counterKindsColumn lists the citizen's counter kinds as a JSON array
// ($1 the citizen).
const counterKindsColumn = `coalesce((SELECT json_agg(kind ORDER BY kind) FROM counters WHERE citizen_id = $1), '[]') AS counter_kinds`

type counterRow struct {
	bun.BaseModel `bun:"table:counters"`
	CitizenID     int64           `bun:"citizen_id,pk"`
	Kind          string          `bun:"kind,pk"`
	AsOf          string          `bun:"as_of,type:date"`
	Data          json.RawMessage `bun:"data,type:jsonb"`
}

// The stored documents of counters.data, one type per kind, each the
// document's own (see planDocV1). Documents written before versions were
// named carry no "v"; their fields are those of v1.

type dagpengeDocV1 struct {
	V                     int         `json:"v"`
	AsOf                  shared.Date `json:"as_of"`
	Insurance             string      `json:"insurance"`
	Indplacering          shared.Date `json:"indplacering"`
	HoursUsed             float64     `json:"hours_used"`
	ExtensionWorkHours    float64     `json:"extension_work_hours"`
	KarensWorkHours       float64     `json:"karens_work_hours"`
	KarensPeriodEnd       shared.Date `json:"karens_period_end"`
	GenoptjeningWorkHours float64     `json:"genoptjening_work_hours"`
}

type supplerendeDocV1 struct {
	V         int               `json:"v"`
	AsOf      shared.Date       `json:"as_of"`
	Insurance string            `json:"insurance"`
	UsedWeeks []shared.Date     `json:"used_weeks"`
	Reports   []workReportDocV1 `json:"reports"`
}

type workReportDocV1 struct {
	Kind  string      `json:"kind"`
	Start shared.Date `json:"start"`
	Hours float64     `json:"hours"`
}

type hours225DocV1 struct {
	V                 int         `json:"v"`
	AsOf              shared.Date `json:"as_of"`
	HoursLast12Months float64     `json:"hours_last_12_months"`
	HighBenefit       bool        `json:"high_benefit"`
}

// Counters reads the citizen's counter figures; a kind never delivered is nil.
func (c Citizen) Counters(ctx context.Context) (shared.Counters, error) {
	var rows []counterRow
	if err := c.db.NewSelect().Model(&rows).Column("kind", "data").Where("citizen_id = ?", c.id).Scan(ctx); err != nil {
		return shared.Counters{}, err
	}
	var out shared.Counters
	for _, r := range rows {
		if err := decodeCounter(r.Kind, r.Data, &out); err != nil {
			return shared.Counters{}, err
		}
	}
	return out, nil
}

func decodeCounter(kind string, data []byte, out *shared.Counters) error {
	var v struct {
		V int `json:"v"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	if v.V > 1 {
		return fmt.Errorf("storage: %s document version %d is newer than this server", kind, v.V)
	}
	switch kind {
	case counterDagpenge:
		var d dagpengeDocV1
		if err := json.Unmarshal(data, &d); err != nil {
			return err
		}
		out.Dagpenge = &shared.DagpengeCounters{AsOf: d.AsOf, Insurance: shared.Insurance(d.Insurance), Indplacering: d.Indplacering,
			HoursUsed: d.HoursUsed, ExtensionWorkHours: d.ExtensionWorkHours, KarensWorkHours: d.KarensWorkHours,
			KarensPeriodEnd: d.KarensPeriodEnd, GenoptjeningWorkHours: d.GenoptjeningWorkHours}
	case counterSupplerende:
		var d supplerendeDocV1
		if err := json.Unmarshal(data, &d); err != nil {
			return err
		}
		s := &shared.SupplerendeCounters{AsOf: d.AsOf, Insurance: shared.Insurance(d.Insurance), UsedWeeks: d.UsedWeeks,
			Reports: make([]shared.WorkReport, 0, len(d.Reports))}
		for _, r := range d.Reports {
			s.Reports = append(s.Reports, shared.WorkReport{Kind: shared.ReportKind(r.Kind), Start: r.Start, Hours: r.Hours})
		}
		out.Supplerende = s
	case counterTimer225:
		var d hours225DocV1
		if err := json.Unmarshal(data, &d); err != nil {
			return err
		}
		out.Hours225 = &shared.Hours225Counters{AsOf: d.AsOf, HoursLast12Months: d.HoursLast12Months, HighBenefit: d.HighBenefit}
	default:
		return fmt.Errorf("storage: unknown counter kind %q", kind)
	}
	return nil
}

// StoreCounters keeps the newest figures of each kind present in cs: a
// delivery older than the stored one changes nothing.
func (c Citizen) StoreCounters(ctx context.Context, cs shared.Counters, now time.Time) error {
	for _, d := range CounterDocuments(cs) {
		if err := c.storeCounter(ctx, d.Kind, d.AsOf, d.Doc, now); err != nil {
			return err
		}
	}
	return nil
}

func (c Citizen) storeCounter(ctx context.Context, kind string, asOf shared.Date, doc any, now time.Time) error {
	data, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	_, err = c.db.NewRaw(`INSERT INTO counters (citizen_id, kind, as_of, data, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (citizen_id, kind) DO UPDATE SET as_of = EXCLUDED.as_of, data = EXCLUDED.data, updated_at = EXCLUDED.updated_at
		WHERE counters.as_of <= EXCLUDED.as_of`, c.id, kind, asOf.String(), string(data), now).Exec(ctx)
	return err
}

func featuresOfJSON(kinds []byte) (shared.Features, error) {
	var ks []string
	err := json.Unmarshal(kinds, &ks)
	return featuresOf(ks), err
}

func featuresOf(kinds []string) shared.Features {
	var f shared.Features
	for _, k := range kinds {
		switch k {
		case counterDagpenge:
			f.Dagpengetaellere = true
		case counterSupplerende:
			f.Supplerende = true
		case counterTimer225:
			f.Timer225 = true
		}
	}
	return f
}
