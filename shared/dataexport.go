package shared

import (
	"encoding/json"
	"time"
)

// "Hent alle mine data" (GDPR article 20, dataportabilitet): everything
// Jobnet holds about the citizen as one JSON file and one readable PDF. The
// sources are silent on the feature; this project's decisions:
//   - The export is the citizen's own. A caseworker in a mirror session —
//     the jobcenter's or the a-kasse's — is refused (MsgDataExportOwnOnly):
//     article 20 is the data subject's right, and a caseworker has the
//     case system for the case (and sees the pages read-only anyway).
//   - It is made from the same store reads as the pages, one section per
//     kind of data (server/storage/dataexport.go), so that the file says
//     what the pages say; data no page shows (sessions, sent mails,
//     behaviour events) gets a read of its own there.
//   - Secrets are never exported: password and token hashes, a calendar
//     feed's secret. That such a thing exists, and when it was made, is.
//   - File contents (joblog documents, message files) are listed by name,
//     type and size; the files themselves are on their pages.

// DataExportFormat is the version of the file's format: a reader of an
// older file knows which one it reads.
const DataExportFormat = "jobnet-dataexport/1"

// DataExport is the whole file.
type DataExport struct {
	Format    string    `json:"format"`
	Generated time.Time `json:"generated"`
	// Sections in the order of DataExportSections, each the store's own
	// answer for that kind of data.
	Sections []DataExportSection `json:"sections"`
}

// DataExportSection is one kind of data: its key, its Danish title (the
// PDF's heading), the tables it comes from, and the data as the store
// reads it for its page.
type DataExportSection struct {
	Key    string          `json:"key"`
	Title  string          `json:"title"`
	Tables []string        `json:"tables"`
	Data   json.RawMessage `json:"data"`
}

// MsgDataExportOwnOnly refuses a caseworker the citizen's export.
const MsgDataExportOwnOnly = "Kun borgeren selv kan hente sine data fra Jobnet."

// The export's two files.
const (
	APIDataExportJSON  = "/api/dataexport/jobnet-data.json"
	APIDataExportPDF   = "/api/dataexport/jobnet-data.pdf"
	DataExportJSONName = "jobnet-data.json"
	DataExportPDFName  = "jobnet-data.pdf"
)
