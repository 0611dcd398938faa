package server

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"jobnet/server/demo"
	"jobnet/server/findjob"
	"jobnet/server/ingestv1"
	"jobnet/shared"
)

const (
	jobcenterToken = "Bearer demo-token-jobcenter-koebenhavn"
	akasseToken    = "Bearer demo-token-det-faglige-hus"
)

// anAd is a valid ad for the ingestion API.
func anAd(senderID string) ingestv1.JobAd {
	return ingestv1.JobAd{SenderID: senderID, Title: "Lagermedarbejder til nattehold", OccupationID: occupationID("Lagermedarbejder"),
		Description:  "Vi søger en lagermedarbejder til vores lager i Kolding.",
		Employer:     ingestv1.Employer{Name: "Testlager ApS", Address: "Industrivej 1", Postcode: "6000"},
		DeadlineKind: shared.DeadlineDate, Deadline: shared.MustDate("2027-02-01"), StartKind: shared.StartSnarest,
		WorkingTime: shared.FullTimeJob, Terms: shared.TermsOrdinary, Duration: shared.DurationPermanent}
}

func occupationID(title string) int {
	ix := findjobIndex()
	o, ok := ix.Tax.Lookup(title)
	if !ok {
		panic("no occupation " + title)
	}
	return o.ID
}

// search asks the public API.
func (c *client) search(t *testing.T, query string) shared.JobSearchResult {
	t.Helper()
	var res shared.JobSearchResult
	c.decode(c.do("GET", shared.APIJobs+"?"+query, nil), 200, &res)
	return res
}

// TestIngestJobAds: an ad is created, found, retried without change,
// updated, refused with Danish messages at its fields, refused to an
// a-kasse's system, withdrawn and withdrawn again.
func TestIngestJobAds(t *testing.T) {
	env := newTestEnv(t)
	sys := env.client().withHeader("Authorization", jobcenterToken)
	var r ingestv1.JobAdReceipt
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads", anAd("lager-1")), 200, &r)
	if r.ID == 0 || r.Duplicate {
		t.Fatalf("created: %+v", r)
	}
	anyone := env.client()
	res := anyone.search(t, "q=nattehold")
	if res.Total != 1 || res.Ads[0].ID != r.ID || res.Ads[0].Town != "Kolding" || res.Ads[0].Lat == nil {
		t.Fatalf("search for the new ad: %+v", res)
	}
	var again ingestv1.JobAdReceipt
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads", anAd("lager-1")), 200, &again)
	if !again.Duplicate || again.ID != r.ID {
		t.Errorf("the same ad again: %+v", again)
	}
	changed := anAd("lager-1")
	changed.Title = "Lagermedarbejder til dagholdet"
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads", changed), 200, &again)
	if again.Duplicate || again.ID != r.ID {
		t.Errorf("an update: %+v", again)
	}
	if res := anyone.search(t, "q=nattehold"); res.Total != 0 {
		t.Errorf("the old title still finds the ad")
	}
	if res := anyone.search(t, "q=daghold"); res.Total != 1 {
		t.Errorf("the new title finds %d ads", res.Total)
	}

	bad := anAd("lager-2")
	bad.OccupationID, bad.Employer.Postcode, bad.Title = 999999, "0000", ""
	resp := sys.do("POST", "/api/ingest/v1/jobads", bad)
	if resp.status != 400 {
		t.Fatalf("a bad ad: %d %s", resp.status, resp.body)
	}
	fields := map[string]string{}
	for _, f := range resp.err().Fields {
		fields[f.Field] = f.Message
	}
	if fields["title"] == "" {
		t.Errorf("no message at the title: %s", resp.body)
	}
	bad.Title = "Lagermedarbejder"
	resp = sys.do("POST", "/api/ingest/v1/jobads", bad)
	fields = map[string]string{}
	for _, f := range resp.err().Fields {
		fields[f.Field] = f.Message
	}
	if resp.status != 400 || fields["occupation_id"] != "Stillingsbetegnelsen findes ikke." || fields["employer.postcode"] != "Postnummeret findes ikke." {
		t.Errorf("unknown occupation and postcode: %d %s", resp.status, resp.body)
	}
	if resp := env.client().withHeader("Authorization", akasseToken).do("POST", "/api/ingest/v1/jobads", anAd("lager-3")); resp.status != 403 {
		t.Errorf("an a-kasse's system: %d", resp.status)
	}

	sys.decode(sys.do("POST", "/api/ingest/v1/jobads/withdraw", ingestv1.JobAdWithdrawal{SenderID: "lager-1"}), 200, &again)
	if again.Duplicate {
		t.Errorf("withdrawn: %+v", again)
	}
	if res := anyone.search(t, "q=daghold"); res.Total != 0 {
		t.Errorf("a withdrawn ad is found")
	}
	if resp := anyone.do("GET", shared.JobPath(r.ID), nil); resp.status != 404 {
		t.Errorf("a withdrawn ad's page: %d", resp.status)
	}
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads/withdraw", ingestv1.JobAdWithdrawal{SenderID: "lager-1"}), 200, &again)
	if !again.Duplicate {
		t.Errorf("withdrawn again: %+v", again)
	}
	if resp := sys.do("POST", "/api/ingest/v1/jobads/withdraw", ingestv1.JobAdWithdrawal{SenderID: "never-sent"}); resp.status != 404 {
		t.Errorf("withdrawing an ad never sent: %d", resp.status)
	}
	// Sent again, the ad is back.
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads", changed), 200, &again)
	if again.Duplicate || anyone.search(t, "q=daghold").Total != 1 {
		t.Errorf("an ad sent again after its withdrawal is not back: %+v", again)
	}
}

// TestJobSearchAPI: the demo's ads are searched without login, bad URL
// state is a 400 with the parameter at fault, the suggestions are typed,
// and Work in Denmark's instance differs as FEATURES.md 1.2 says.
func TestJobSearchAPI(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	all := c.search(t, "")
	if all.Total != demo.AdCount() || len(all.Ads) != shared.JobSearchPageSize || all.Pages != (demo.AdCount()+19)/20 {
		t.Fatalf("all ads: total %d, %d on the page, %d pages", all.Total, len(all.Ads), all.Pages)
	}
	for i := 1; i < len(all.Ads); i++ {
		if all.Ads[i].Published.After(all.Ads[i-1].Published) {
			t.Errorf("not newest first at %d", i)
		}
	}
	resp := c.do("GET", shared.APIJobs+"?km=5&arbejdstid=natarbejde&v=9", nil)
	if resp.status != 400 {
		t.Fatalf("bad URL state: %d", resp.status)
	}
	got := map[string]bool{}
	for _, f := range resp.err().Fields {
		got[f.Field] = true
	}
	if !got["km"] || !got["arbejdstid"] || !got["v"] {
		t.Errorf("the fields at fault: %s", resp.body)
	}
	var sugg shared.Suggestions
	c.decode(c.do("GET", shared.APIJobSuggest+"?q=kok", nil), 200, &sugg)
	kinds := map[string]bool{}
	for _, s := range sugg {
		kinds[s.Kind] = true
	}
	if !kinds[shared.SuggestOccupation] || !kinds[shared.SuggestTown] {
		t.Errorf(`"kok" suggests %+v; want an occupation and a town`, sugg)
	}
	c.decode(c.do("GET", shared.APIJobSuggest+"?q=fiskek", nil), 200, &sugg)
	if len(sugg) == 0 || sugg[0].Kind != shared.SuggestAlias || sugg[0].Label != "Kok (fiskekok)" {
		t.Errorf(`"fiskek" suggests %+v; want "Kok (fiskekok)"`, sugg)
	}
	c.decode(c.do("GET", shared.APIJobSuggest+"?q=ko", nil), 200, &sugg)
	if len(sugg) != 0 {
		t.Errorf("two characters suggest %d", len(sugg))
	}
	c.decode(c.do("GET", shared.APIJobSuggest+"?q=kok&WIDK=true", nil), 200, &sugg)
	for _, s := range sugg {
		if s.Kind != shared.SuggestTown && s.Kind != shared.SuggestPostcode {
			t.Errorf("Work in Denmark suggests a %s", s.Kind)
		}
	}

	widk := c.search(t, "WIDK=true&arbejdsomraade=5&vilkaar=elev&udland=1")
	names := map[string]bool{}
	for _, f := range widk.Facets {
		names[f.Name] = true
		if f.Name == "arbejdstid" && f.Values[0].Label != "Full time" {
			t.Errorf("Work in Denmark's labels are not English: %+v", f.Values)
		}
	}
	if names["arbejdsomraade"] || names["vilkaar"] || names["udland"] || names["hotjob"] || !names["omraade"] {
		t.Errorf("Work in Denmark's criteria: %v", names)
	}
	for _, a := range widk.Ads {
		if !a.WorkInDenmark {
			t.Errorf("Work in Denmark shows ad %d, which is not marked for it", a.ID)
		}
	}
	var count shared.WorkInDenmarkCount
	r := c.do("GET", shared.APIWIDKCount, nil)
	c.decode(r, 200, &count)
	if count.Count != widk.Total || !strings.HasPrefix(r.header.Get("Cache-Control"), "public, max-age=") {
		t.Errorf("count %d (search %d), Cache-Control %q", count.Count, widk.Total, r.header.Get("Cache-Control"))
	}
	// The count is kept for an hour: an ad marked for it now is not in it.
	ad := anAd("widk-1")
	ad.WorkInDenmark = true
	sys := env.client().withHeader("Authorization", jobcenterToken)
	sys.decode(sys.do("POST", "/api/ingest/v1/jobads", ad), 200, nil)
	c.decode(c.do("GET", shared.APIWIDKCount, nil), 200, &count)
	if count.Count != widk.Total {
		t.Errorf("the count changed within the hour: %d", count.Count)
	}
	env.clock.Advance(61 * time.Minute)
	c.decode(c.do("GET", shared.APIWIDKCount, nil), 200, &count)
	if count.Count != widk.Total+1 {
		t.Errorf("after the hour the count is %d, want %d", count.Count, widk.Total+1)
	}
}

// TestOpenAPI: the document is valid OpenAPI 3, and every path in it
// answers as it says.
func TestOpenAPI(t *testing.T) {
	env := newTestEnv(t)
	c := env.client()
	r := c.do("GET", shared.APIOpenAPI, nil)
	if r.status != 200 {
		t.Fatalf("%d", r.status)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(r.body)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the document is not valid OpenAPI 3: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: env.ts.URL}}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	id := c.search(t, "").Ads[0].ID
	calls := map[string][]string{
		"/api/v1/jobs": {"", "q=kok&omraade=hovedstaden-og-bornholm&arbejdstid=deltid", "postnr=8000&km=30&visning=kort",
			"WIDK=true", "km=5&arbejdstid=x"},
		"/api/v1/jobs/suggest": {"q=lager", "q=aar&WIDK=true", "q=kontorf&kinds=stilling,alias", "q=kok&kinds=fisk"},
		"/api/v1/jobs/{id}":    {strconv.FormatInt(id, 10), "999999999"},
		"/api/v1/widk/count":   {""},
		"/api/v1/openapi.json": {""},
	}
	for path := range doc.Paths.Map() {
		variants, ok := calls[path]
		if !ok {
			t.Errorf("the test does not call %s", path)
			continue
		}
		for _, v := range variants {
			u := env.ts.URL + path + "?" + v
			if path == "/api/v1/jobs/{id}" {
				u = env.ts.URL + "/api/v1/jobs/" + v
			}
			req, _ := http.NewRequest("GET", u, nil)
			resp := c.do("GET", strings.TrimPrefix(u, env.ts.URL), nil)
			route, params, err := router.FindRoute(req)
			if err != nil {
				t.Errorf("%s: %v", u, err)
				continue
			}
			in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
			out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.status, Header: resp.header,
				Options: &openapi3filter.Options{IncludeResponseStatus: true}}
			out.SetBodyBytes(resp.body)
			if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
				t.Errorf("GET %s: %d does not answer as the document says: %v", u, resp.status, err)
			}
		}
		delete(calls, path)
	}
	for path := range calls {
		t.Errorf("%s is not in the document", path)
	}
}

// TestPublicAPICORSAndRateLimit: another site may read the public API
// with GET; a client that asks too often is told to wait, in Danish.
func TestPublicAPICORSAndRateLimit(t *testing.T) {
	env := newTestEnvWith(t, func(cfg *Config) { cfg.PublicRate = 5 })
	c := env.client()
	r := c.do("GET", shared.APIJobSuggest+"?q=kok", nil, "Origin", "https://example.org")
	if r.header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("CORS: %v", r.header)
	}
	pre := c.do("OPTIONS", shared.APIJobs, nil, "Origin", "https://example.org", "Access-Control-Request-Method", "GET")
	if pre.status/100 != 2 || pre.header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("preflight: %d %v", pre.status, pre.header)
	}
	if r := c.do("GET", shared.APILogin, nil, "Origin", "https://example.org"); r.header.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("CORS on a private route")
	}
	limited := 0
	for range 120 {
		r := c.do("GET", shared.APIJobSuggest+"?q=kok", nil)
		if r.status == 429 {
			limited++
			if r.header.Get("Retry-After") == "" || !strings.HasPrefix(r.err().Message, "For mange forespørgsler") {
				t.Fatalf("429 without Retry-After or message: %v %s", r.header, r.body)
			}
		}
	}
	if limited == 0 {
		t.Error("120 requests at once were never limited")
	}
}

func findjobIndex() *findjob.Index {
	ix, err := findjob.Default()
	if err != nil {
		panic(err)
	}
	return ix
}
