package storage

import "jobnet/shared"

// The stored documents and derived columns for loaders that write rows
// with COPY instead of through Citizen (server/scaleseed, the national-
// scale data set). They are the very encoders the methods use, so a
// bulk-loaded row reads back exactly as one written by the service.

// PlanDocument is plan_versions.data of p, as PublishPlan stores it.
func PlanDocument(p shared.Plan) ([]byte, error) { return encodePlan(p) }

// CounterDocument is one row of counters: its kind, its date and data.
type CounterDocument struct {
	Kind string
	AsOf shared.Date
	Doc  any // marshalled with encoding/json into counters.data
}

// CounterDocuments are the counters rows of cs, one per kind present, as
// StoreCounters stores them.
func CounterDocuments(cs shared.Counters) []CounterDocument {
	var out []CounterDocument
	if d := cs.Dagpenge; d != nil {
		out = append(out, CounterDocument{counterDagpenge, d.AsOf, dagpengeDocV1{V: 1, AsOf: d.AsOf, Insurance: string(d.Insurance),
			Indplacering: d.Indplacering, HoursUsed: d.HoursUsed, ExtensionWorkHours: d.ExtensionWorkHours, KarensWorkHours: d.KarensWorkHours,
			KarensPeriodEnd: d.KarensPeriodEnd, GenoptjeningWorkHours: d.GenoptjeningWorkHours}})
	}
	if s := cs.Supplerende; s != nil {
		doc := supplerendeDocV1{V: 1, AsOf: s.AsOf, Insurance: string(s.Insurance), UsedWeeks: s.UsedWeeks,
			Reports: make([]workReportDocV1, 0, len(s.Reports))}
		for _, r := range s.Reports {
			doc.Reports = append(doc.Reports, workReportDocV1{Kind: string(r.Kind), Start: r.Start, Hours: r.Hours})
		}
		out = append(out, CounterDocument{counterSupplerende, s.AsOf, doc})
	}
	if h := cs.Hours225; h != nil {
		out = append(out, CounterDocument{counterTimer225, h.AsOf, hours225DocV1{V: 1, AsOf: h.AsOf,
			HoursLast12Months: h.HoursLast12Months, HighBenefit: h.HighBenefit}})
	}
	return out
}

// JoblogColumns are the columns of joblogs written from a normalized log
// besides the log itself (joblogs.log is the shared.JoblogInput as JSON).
type JoblogColumns struct {
	Kind   string
	Status *string
	Closed bool
	Search string
}

// JoblogColumnsOf are in's columns, as CreateJoblog writes them.
func JoblogColumnsOf(in shared.JoblogInput) JoblogColumns {
	var r joblogRow
	r.fill(in)
	return JoblogColumns{Kind: r.Kind, Status: r.Status, Closed: r.Closed, Search: r.Search}
}
