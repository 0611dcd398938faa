package server

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"jobnet/server/storage"
	"jobnet/shared"
)

// "Hent alle mine data" (GDPR article 20): the export holds everything
// Jobnet holds about the citizen.
//
// The completeness test finds every table of citizen data in the
// database's own schema (information_schema: a citizen_id column, or a
// foreign key to citizens, directly or through a parent), and fails naming
// a table that storage.DataExportTables does not list. It then plants a
// citizen through every leak source (leak_test.go's leakSources: every
// feature registers its data there, with a marker in every field) and the
// extra plants below for tables no leak source writes, checks that every
// listed table then holds a row of the citizen, and finds every marker in
// the export. A new feature's table is one line in storage.DataExportTables;
// its markers come with its leak source.

// citizenTables walks the schema: the tables that hold citizen data, and
// for each the conditions that select one citizen's rows ($1).
func citizenTables(t *testing.T, env *testEnv) map[string][]string {
	t.Helper()
	ctx := context.Background()
	type fk struct{ child, childCol, parent, parentCol string }
	var fks []fk
	rows, err := env.db.QueryContext(ctx, `
		SELECT kcu.table_name, kcu.column_name, ccu.table_name, ccu.column_name
		FROM information_schema.table_constraints tc
		JOIN information_schema.key_column_usage kcu
			ON kcu.constraint_name = tc.constraint_name AND kcu.constraint_schema = tc.constraint_schema
		JOIN information_schema.constraint_column_usage ccu
			ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
		WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var f fk
		if err := rows.Scan(&f.child, &f.childCol, &f.parent, &f.parentCol); err != nil {
			t.Fatal(err)
		}
		fks = append(fks, f)
	}
	rows.Close()
	// A citizen_id column selects the citizen's rows by itself.
	where := map[string][]string{"citizens": {"id = $1"}}
	rows, err = env.db.QueryContext(ctx, `SELECT table_name FROM information_schema.columns
		WHERE table_schema = 'public' AND column_name = 'citizen_id' AND table_name IN
			(SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var tbl string
		if err := rows.Scan(&tbl); err != nil {
			t.Fatal(err)
		}
		where[tbl] = []string{"citizen_id = $1"}
	}
	rows.Close()
	// Through a parent, to a fixed point: a child's row is the citizen's
	// when its parent row is.
	for changed := true; changed; {
		changed = false
		for _, f := range fks {
			conds, ok := where[f.parent]
			if !ok || f.child == f.parent {
				continue
			}
			cond := fmt.Sprintf("%s IN (SELECT %s FROM %s WHERE %s)", f.childCol, f.parentCol, f.parent, strings.Join(conds, " OR "))
			if f.parent == "citizens" {
				cond = f.childCol + " = $1"
			}
			if c := where[f.child]; !slices.Contains(c, cond) && !(len(c) > 0 && c[0] == "citizen_id = $1") {
				where[f.child] = append(c, cond)
				changed = true
			}
		}
	}
	return where
}

func TestDataExportTablesListed(t *testing.T) {
	env := newTestEnv(t)
	found := citizenTables(t, env)
	listed := map[string]bool{}
	sections := storage.DataExportSectionKeys()
	for _, e := range storage.DataExportTables {
		if listed[e.Table] {
			t.Errorf("table %s is listed twice in storage.DataExportTables", e.Table)
		}
		listed[e.Table] = true
		if _, ok := found[e.Table]; !ok {
			t.Errorf("storage.DataExportTables lists %s, which holds no citizen data (or no longer exists)", e.Table)
		}
		if !slices.Contains(sections, e.Section) {
			t.Errorf("table %s is exported in section %q, which is not a section of the export", e.Table, e.Section)
		}
	}
	for tbl := range found {
		if !listed[tbl] {
			t.Errorf("table %s holds citizen data (%s) but is not in the data export: add one line for it to storage.DataExportTables",
				tbl, strings.Join(found[tbl], " OR "))
		}
	}
	if len(found) < 30 {
		t.Errorf("the schema walk found %d tables of citizen data; it should find more than 30", len(found))
	}
}

// exportExtraPlants put a marker in the tables whose rows no leak source
// marks: $1 is the citizen, $2 the marker — a text, a distinct moment
// ("moment"), day ("date") or number ("number") for a table without a
// text column to mark, or "campaign" for one whose only field is a
// campaign's key (the export shows it as sms_kampagne). A plant in a table
// that may already hold the citizen's one row marks that row instead (ON
// CONFLICT … DO UPDATE).
var exportExtraPlants = []struct{ table, marker, sql string }{
	{"citizens", "text", `UPDATE citizens SET name = $2 WHERE id = $1`},
	{"citizen_accounts", "moment", `UPDATE citizen_accounts SET privacy_accepted_at = $2 WHERE citizen_id = $1`},
	{"forloeb", "date", `INSERT INTO forloeb (citizen_id, kontaktgruppe, tilmeldekategori, from_date, to_date) VALUES ($1, 1, 0, $2, $2)`},
	{"sessions", "moment", `INSERT INTO sessions (token_hash, account_id, created_at, last_seen_at, last_path, ended_at, end_reason)
		SELECT '\x04', id, $2, $2, '/min-plan', $2, 'logout' FROM citizen_accounts WHERE citizen_id = $1`},
	{"counters", "moment", `UPDATE counters SET updated_at = $2 WHERE citizen_id = $1`},
	{"behaviour_events", "text", `INSERT INTO behaviour_events (session_hash, citizen_id, kind, detail) VALUES ('\x01', $1, 'search', $2)`},
	{"outbox", "text", `INSERT INTO outbox (created_at, to_address, citizen_id, kind, subject, text_body, html_body, lang) VALUES (now(), 'x@example.dk', $1, 'plan', $2, '', '', 'da')`},
	{"mail_subscriptions", "text", `INSERT INTO mail_subscriptions (citizen_id, campaign, email) VALUES ($1, 'gode-raad', $2)
		ON CONFLICT (citizen_id, campaign) DO UPDATE SET email = EXCLUDED.email`},
	{"seen_job_ads", "moment", `INSERT INTO seen_job_ads (citizen_id, ad_id, first_seen) SELECT $1, id, $2 FROM job_ads ORDER BY id LIMIT 1
		ON CONFLICT (citizen_id, ad_id) DO UPDATE SET first_seen = EXCLUDED.first_seen`},
	{"plan_visits", "number", `INSERT INTO plan_visits (citizen_id, seen_version) VALUES ($1, $2)
		ON CONFLICT (citizen_id) DO UPDATE SET seen_version = EXCLUDED.seen_version`},
	{"employment_conditions", "moment", `INSERT INTO employment_conditions (citizen_id, working_time, start_asap, start_by_agreement, updated_at)
		VALUES ($1, 'fuldtid', true, false, $2) ON CONFLICT (citizen_id) DO UPDATE SET updated_at = EXCLUDED.updated_at`},
	{"absences", "text", `INSERT INTO absences (citizen_id, kind, from_date, comment, registered_by) VALUES ($1, 'ferie', '2026-07-01', $2, 'borger')`},
	{"absence_events", "moment", `INSERT INTO absence_events (citizen_id, org, absence_id, kind, at) SELECT citizen_id, 'jc-101', id, 'registered', $2 FROM absences WHERE citizen_id = $1 LIMIT 1`},
	{"cv_searchability_history", "moment", `INSERT INTO cv_searchability_history (citizen_id, searchable, at) VALUES ($1, true, $2)`},
	{"enrolments", "moment", `INSERT INTO enrolments (citizen_id, benefit, ledighed, state, from_date, registered_by, registered_at) VALUES ($1, 'dagpenge', 'helt', 'effektueret', '2026-01-05', 'borger', $2)`},
	{"enrolment_events", "moment", `INSERT INTO enrolment_events (citizen_id, org, enrolment_id, kind, at) SELECT citizen_id, 'jc-101', id, 'enrolled', $2 FROM enrolments WHERE citizen_id = $1 LIMIT 1`},
	{"sms_outbox", "text", `INSERT INTO sms_outbox (created_at, citizen_id, to_number, kind, text_body) VALUES (now(), $1, '20304050', 'plan-changed', $2)`},
	{"sms_subscriptions", "campaign", `INSERT INTO sms_subscriptions (citizen_id, campaign) VALUES ($1, $2) ON CONFLICT DO NOTHING`},
	{"email_codes", "text", `INSERT INTO email_codes (citizen_id, email, code_hash, created_at, expires_at) VALUES ($1, $2 || '@example.dk', '\x05', now(), now())`},
	{"calendar_feeds", "moment", `INSERT INTO calendar_feeds (citizen_id, secret_hash, created_at) VALUES ($1, '\x02', $2)
		ON CONFLICT (citizen_id) DO UPDATE SET created_at = EXCLUDED.created_at`},
	{"notifications", "text", `INSERT INTO notifications (citizen_id, kind, title, text) VALUES ($1, 'info', $2, '')`},
	{"presentation_cvs", "moment", `INSERT INTO presentation_cvs (citizen_id, content, created_at, updated_at) VALUES ($1, '{}', $2, $2)
		ON CONFLICT (citizen_id) DO UPDATE SET updated_at = EXCLUDED.updated_at`},
	{"job_agent_tokens", "moment", `INSERT INTO job_agent_tokens (token_hash, agent_id, created_at) SELECT '\x03', id, $2 FROM job_agents WHERE citizen_id = $1 LIMIT 1`},
	{"meeting_events", "moment", `INSERT INTO meeting_events (citizen_id, org, meeting_id, kind, at) SELECT citizen_id, org, id, 'booked', $2 FROM meetings WHERE citizen_id = $1 LIMIT 1`},
}

// exportMarker finds the markers in a text: the leak sources' and the
// extra plants' texts.
var exportMarker = regexp.MustCompile(`ZQ[0-9]{5}[HS][0-9]{3}|ZQX[0-9]{3}EXPORT`)

func TestDataExportComplete(t *testing.T) {
	env := newTestEnv(t)
	ctx := context.Background()
	lc := newExportCitizen(t, env)
	// Every leak source, and which markers each planted.
	plantedBy := map[string]string{}
	for _, s := range leakSources {
		hide, show := len(lc.hide), len(lc.show)
		s.plant(lc)
		for _, m := range append(slices.Clone(lc.hide[hide:]), lc.show[show:]...) {
			plantedBy[m] = "leak source " + s.name
		}
	}
	// The citizen signs in and out once more, so that a session exists
	// whole (the register call made the first).
	lc.citizen.decode(lc.citizen.do("POST", shared.APILogout, nil), 204, nil)
	lc.citizen.decode(lc.citizen.do("POST", "/api/login", shared.LoginRequest{Username: fmt.Sprintf("leak%d", lc.n), Password: "hemmeligt-kodeord"}), 200, nil)
	id := lc.citizenID()
	extra := map[string][]string{} // table → its extra plant's marker
	for i, p := range exportExtraPlants {
		var arg any
		var find string
		shown := "" // the marker as the export shows it, when not as stored
		switch p.marker {
		case "campaign":
			arg, find, shown = "undersoegelser", "undersoegelser", `"sms_kampagne": "undersoegelser"` // the file is indented
		case "moment":
			m := time.Date(2001, 1, 1+i, 10, 0, 0, 0, time.UTC)
			arg, find = m, m.Format("2006-01-02T15:04:05")
		case "date":
			d := shared.Date{Year: 1999, Month: 3, Day: 1 + i}
			arg, find = d.String(), d.String()
		case "number":
			arg, find = 987650+i, fmt.Sprint(987650+i)
		default:
			find = fmt.Sprintf("ZQX%03dEXPORT", i)
			arg = find
		}
		res, err := env.db.DB.ExecContext(ctx, p.sql, id, arg)
		if err != nil {
			t.Fatalf("extra plant in %s: %v", p.table, err)
		}
		if n, _ := res.RowsAffected(); n > 0 {
			extra[p.table] = append(extra[p.table], find)
			if shown != "" {
				plantedBy[shown] = "extra plant in " + p.table
				continue
			}
			plantedBy[find] = "extra plant in " + p.table
		}
	}
	// Every table of citizen data now holds a row of the citizen with a
	// marker in it; which markers each holds is read from its rows.
	inTable := map[string][]string{}
	for tbl, conds := range citizenTables(t, env) {
		var rows sql.NullString
		if err := env.db.DB.QueryRowContext(ctx, fmt.Sprintf("SELECT string_agg(row_to_json(t)::text, ' ') FROM %s t WHERE %s",
			tbl, strings.Join(conds, " OR ")), id).Scan(&rows); err != nil {
			t.Fatalf("%s: %v", tbl, err)
		}
		if !rows.Valid {
			t.Errorf("no plant writes a row of the citizen in table %s, so the test cannot tell whether the export holds it: "+
				"plant it in the feature's leak source (leak_test.go) or in exportExtraPlants", tbl)
			continue
		}
		found := exportMarker.FindAllString(rows.String, -1)
		for _, m := range extra[tbl] {
			if strings.Contains(rows.String, m) {
				found = append(found, m)
			}
		}
		if len(found) == 0 {
			t.Errorf("the citizen's rows in table %s hold no marker: mark a field in the feature's leak source or in exportExtraPlants", tbl)
		}
		for _, m := range found {
			inTable[m] = append(inTable[m], tbl)
			if plantedBy[m] == "" {
				plantedBy[m] = "found in table " + tbl
			}
		}
	}

	r := lc.citizen.do("GET", shared.APIDataExportJSON, nil)
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/json" ||
		!strings.Contains(r.header.Get("Content-Disposition"), shared.DataExportJSONName) {
		t.Fatalf("export: %d %v", r.status, r.header)
	}
	var ex shared.DataExport
	if err := json.Unmarshal(r.body, &ex); err != nil {
		t.Fatal(err)
	}
	if ex.Format != shared.DataExportFormat || !ex.Generated.Equal(env.clock.Now()) || len(ex.Sections) != len(storage.DataExportSectionKeys()) {
		t.Errorf("export head: %s %v, %d sections", ex.Format, ex.Generated, len(ex.Sections))
	}
	// Markers are looked for in the JSON text and in the files it holds
	// (a PDF's text as a person reads it); a moment is in the UTC form.
	body := string(r.body)
	files := exportFileTexts(t, ex)
	pdf := lc.citizen.do("GET", shared.APIDataExportPDF, nil)
	if pdf.status != http.StatusOK || pdf.header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("PDF: %d %v", pdf.status, pdf.header)
	}
	pdfBody := pdfText(t, pdf.body)
	var missing []string
	for m, by := range plantedBy {
		switch {
		case !strings.Contains(body, m) && !strings.Contains(files, m):
			missing = append(missing, fmt.Sprintf("%s (%s; in table %s)", m, by, strings.Join(inTable[m], ", ")))
		// The PDF writes what the JSON holds outside the files; a moment
		// the Danish way.
		case strings.HasPrefix(m, "ZQ") && strings.Contains(body, m) && !strings.Contains(pdfBody, m):
			missing = append(missing, fmt.Sprintf("%s (%s) in the PDF", m, by))
		}
	}
	slices.Sort(missing)
	for _, m := range missing {
		t.Errorf("the export lacks the marker %s", m)
	}
	if len(plantedBy) < 60 {
		t.Errorf("only %d markers planted: the test checks too little", len(plantedBy))
	}
	if !strings.Contains(pdfBody, "Alle mine data fra Jobnet") || !strings.Contains(pdfBody, "Indhold: findes i JSON-filen") {
		t.Errorf("the PDF's heading or a file's line is missing:\n%.2000s", pdfBody)
	}
	// Secrets never: no hash of a password, a session's token or a feed.
	for _, secret := range []string{"password", "token_hash", "secret_hash", "session_hash", "$argon2", "\\\\x0"} {
		if strings.Contains(body, secret) {
			t.Errorf("the export holds %q", secret)
		}
	}

	// Neither caseworker downloads it: the citizen's own act (Mads, whom
	// both may mirror).
	for _, cw := range []string{"nina", "berit"} {
		c := env.mirror(cw, cprMads)
		for _, path := range []string{shared.APIDataExportJSON, shared.APIDataExportPDF} {
			if r := c.do("GET", path, nil); r.status != http.StatusForbidden || r.err().Message != shared.MsgDataExportOwnOnly {
				t.Errorf("%s mirroring GET %s: %d %s", cw, path, r.status, r.body)
			}
		}
	}
}

// exportFileTexts is the text of every file in the export's "filer"
// section: a PDF's as pdftotext reads it, any other file's bytes.
func exportFileTexts(t *testing.T, ex shared.DataExport) string {
	t.Helper()
	var out strings.Builder
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if s, ok := x.(string); ok && k == storage.ExportFileContentKey {
					b, err := base64.StdEncoding.DecodeString(s)
					if err != nil {
						t.Fatalf("a file's content: %v", err)
					}
					if bytes.HasPrefix(b, []byte("%PDF-")) {
						out.WriteString(pdfText(t, b))
					} else {
						out.Write(b)
					}
					continue
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, s := range ex.Sections {
		if s.Key != "filer" {
			continue
		}
		var v any
		if err := json.Unmarshal(s.Data, &v); err != nil {
			t.Fatal(err)
		}
		walk(v)
	}
	return out.String()
}

// newExportCitizen makes one citizen the way the leak test does (a member
// of Det Faglige Hus at Nina's jobcenter, signed in), numbered apart from
// the leak test's.
func newExportCitizen(t *testing.T, env *testEnv) *leakCitizen {
	t.Helper()
	ctx := context.Background()
	for _, org := range []string{"jc-101", "jc-230", "ak-dfh"} {
		if _, err := env.db.NewRaw("INSERT INTO api_tokens (token_hash, org_code, name) VALUES (?, ?, 'export test') ON CONFLICT DO NOTHING",
			storage.TokenHash("leak-token-"+org), org).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	const n = 7
	// idx 1: the sources that plant for every other citizen (Min sag til
	// teamet) plant for this one.
	lc := &leakCitizen{env: env, rng: rand.New(rand.NewPCG(20261201, 1)), n: n, idx: 1, today: shared.DateOf(env.clock.Now()),
		cpr: "150370-3001", member: true, jobcenter: "jc-101"}
	if _, err := env.db.NewRaw("INSERT INTO citizens (cpr, name, jobcenter_code, akasse_code) VALUES (?, ?, 'jc-101', 'ak-dfh')",
		lc.cpr, "Eksport Borger").Exec(ctx); err != nil {
		t.Fatal(err)
	}
	lc.citizen = env.client()
	lc.citizen.decode(lc.citizen.do("POST", "/api/register", shared.RegisterRequest{
		Name: "Eksport Borger", CPR: lc.cpr, Username: fmt.Sprintf("leak%d", n),
		Password: "hemmeligt-kodeord", PasswordRepeat: "hemmeligt-kodeord", AcceptPrivacy: true,
	}), 200, nil)
	return lc
}

// The anonymised Jobsøgningsdata through STAR's routes: asked for, not
// ready (409) until the job has run, then the NDJSON file; a bad period is
// a 400 at its field.
func TestBehaviourExportRoutes(t *testing.T) {
	env := newTestEnv(t)
	star := env.client().withHeader("Authorization", "Bearer demo-token-star")
	now := env.clock.Now()
	if r := star.do("POST", "/api/admin/v1/behaviour-exports", map[string]any{"from": now, "to": now.AddDate(0, 0, -1)}); r.status != 400 ||
		r.err().FieldMessage("to") != "Til skal ligge efter fra." {
		t.Errorf("backwards period: %d %s", r.status, r.body)
	}
	mads := env.client()
	mads.loginCitizen("mads")
	mads.do("GET", shared.APIPlan, nil)
	env.flush()
	var st storage.BehaviourExportStatus
	star.decode(star.do("POST", "/api/admin/v1/behaviour-exports", map[string]any{"from": now.Add(-time.Hour), "to": now.Add(time.Hour)}), 200, &st)
	path := fmt.Sprintf("/api/admin/v1/behaviour-exports/%d", st.ID)
	if r := star.do("GET", path+"/file", nil); r.status != http.StatusConflict {
		t.Errorf("before the job: %d %s", r.status, r.body)
	}
	if n, err := env.store.RunBehaviourExports(context.Background(), now); n != 1 || err != nil {
		t.Fatalf("run: %d %v", n, err)
	}
	star.decode(star.do("GET", path, nil), 200, &st)
	if st.Finished == nil || st.Events == 0 || st.Citizens != 1 {
		t.Errorf("status: %+v", st)
	}
	r := star.do("GET", path+"/file", nil)
	if r.status != 200 || r.header.Get("Content-Type") != "application/x-ndjson" || !strings.Contains(string(r.body), `"borger":"b-`) ||
		strings.Contains(string(r.body), "citizen_id") {
		t.Errorf("file: %d %v %.300s", r.status, r.header, r.body)
	}
	if r := star.do("GET", "/api/admin/v1/behaviour-exports/999999", nil); r.status != 404 {
		t.Errorf("unknown export: %d", r.status)
	}
}

// BenchmarkDataExport: Mads's whole export, as JSON and as PDF, beside
// Min Plan's GET (one of the pages it is made from) as the floor, in the
// same run: `go test ./server -run '^$' -bench DataExport`.
func BenchmarkDataExport(b *testing.B) {
	b.Run("json", func(b *testing.B) { benchGET(b, shared.APIDataExportJSON, asMads) })
	b.Run("pdf", func(b *testing.B) { benchGET(b, shared.APIDataExportPDF, asMads) })
	b.Run("floor-plan", func(b *testing.B) { benchGET(b, shared.APIPlan, asMads) })
}
