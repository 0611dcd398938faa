package httpapi

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"jobnet/server/ingestv1"
	"jobnet/shared"
)

// Find Job (issue 10): the public search API — the search with its facets,
// the free text's suggestions, an ad, Work in Denmark's count — which the
// app uses as anyone else does, and the ingestion of ads. Anyone may
// search; what a citizen does is recorded as behaviour data, and nothing a
// caseworker does (eventLog.record).

// Behaviour events of Find Job (003_…txt «Jobsøgningsdata»: "Find Job
// startet", searches, "hvilke jobopslag der er klikket ind på").
const (
	eventFindJobStarted = "Find Job startet" // detail: where from
	eventFindJobSearch  = "Find Job søgning" // detail: the search's URL state
	eventFindJobOpened  = "Jobopslag åbnet"  // detail: the ad's id
)

// handleJobSearch: GET /api/v1/jobs — a search as Find Job's URL state.
func handleJobSearch(req *sessionRequest) (shared.JobSearchResult, error) {
	q, err := shared.ParseJobSearch(req.r.URL.Query())
	if err != nil {
		return shared.JobSearchResult{}, err
	}
	res, err := req.api.store.SearchJobAds(req.ctx(), req.api.findjob, q)
	if err != nil {
		return shared.JobSearchResult{}, err
	}
	// Behaviour data of a citizen's own session only (eventLog.record).
	if q.From != "" {
		req.api.events.record(req.sess, eventFindJobStarted, q.From, req.now)
	}
	q.From = ""
	req.api.events.record(req.sess, eventFindJobSearch, q.Query().Encode(), req.now)
	return res, nil
}

// handleJobSuggest: GET /api/v1/jobs/suggest?q= — the free text's
// suggestions from the third character; Work in Denmark's (WIDK=true)
// are places only, as it has no Arbejdsområde. kinds= (comma-separated)
// keeps only those kinds: "Jeg søger job som" asks for
// kinds=stilling,alias, the occupations by title and alias.
func handleJobSuggest(req *sessionRequest) (shared.Suggestions, error) {
	q := req.r.URL.Query()
	text := q.Get("q")
	if len([]rune(text)) > 100 {
		return nil, &shared.Error{Code: shared.EInvalid, Message: "Søgeteksten er for lang.",
			Fields: []shared.FieldError{{Field: "q", Message: "Højst 100 tegn."}}}
	}
	kinds := []string{shared.SuggestOccupation, shared.SuggestAlias, shared.SuggestGroup, shared.SuggestTown, shared.SuggestPostcode, shared.SuggestCountry}
	if strings.EqualFold(q.Get("WIDK"), "true") {
		kinds = []string{shared.SuggestTown, shared.SuggestPostcode}
	}
	if only := q.Get("kinds"); only != "" {
		asked := strings.Split(only, ",")
		for _, k := range asked {
			if !slices.Contains(shared.SuggestKinds, k) {
				return nil, &shared.Error{Code: shared.EInvalid, Message: "Søgningen kunne ikke læses.",
					Fields: []shared.FieldError{{Field: "kinds", Message: "Ukendt værdi: " + k + "."}}}
			}
		}
		kinds = slices.DeleteFunc(kinds, func(k string) bool { return !slices.Contains(asked, k) })
	}
	return req.api.store.Suggest(req.ctx(), text, kinds, 12)
}

// handleJobAd: GET /api/v1/jobs/{id} — an ad's detail page.
func handleJobAd(req *sessionRequest) (shared.JobAdView, error) {
	id, err := idInPath(req.r, func() error { return shared.Errorf(shared.ENotFound, "Jobannoncen findes ikke.") })
	if err != nil {
		return shared.JobAdView{}, err
	}
	ad, err := req.api.store.JobAd(req.ctx(), id)
	if err != nil {
		return ad, err
	}
	req.api.events.record(req.sess, eventFindJobOpened, strconv.FormatInt(id, 10), req.now)
	// Seen (issue 11): the citizen's own opening marks the ad on its
	// teaser; a caseworker's, or anyone else's, marks nothing.
	if req.sess.citizensOwn() {
		if err := req.api.store.Citizen(req.sess.actor.CitizenID).MarkSeen(req.ctx(), id, req.now); err != nil {
			return shared.JobAdView{}, err
		}
	}
	return ad, nil
}

// widkCount is Work in Denmark's count, kept for an hour (FEATURES.md 1.2:
// "Denne Count caches i en time").
type widkCount struct {
	mu    sync.Mutex
	n     int
	until time.Time
}

// handleWIDKCount: GET /api/v1/widk/count — the number of Work in Denmark
// ads, for WIDK.dk.
func handleWIDKCount(req *sessionRequest) (shared.WorkInDenmarkCount, error) {
	c := &req.api.widk
	c.mu.Lock()
	defer c.mu.Unlock()
	if req.now.After(c.until) {
		n, err := req.api.store.CountWorkInDenmark(req.ctx())
		if err != nil {
			return shared.WorkInDenmarkCount{}, err
		}
		c.n, c.until = n, req.now.Add(time.Hour)
	}
	req.w.Header().Set("Cache-Control", "public, max-age="+strconv.Itoa(int(c.until.Sub(req.now).Seconds())))
	return shared.WorkInDenmarkCount{Count: c.n, Until: c.until}, nil
}

// handleIngestJobAd: POST /api/ingest/v1/jobads — a case system or the
// employer side creates or updates an ad, by its own id. The same ad
// again changes nothing (Duplicate).
func handleIngestJobAd(req *ingestRequest) (ingestv1.JobAdReceipt, error) {
	var in ingestv1.JobAd
	if err := decode(req.r, &in); err != nil {
		return ingestv1.JobAdReceipt{}, err
	}
	p, err := req.findjob.Place(in.Domain())
	if err != nil {
		return ingestv1.JobAdReceipt{}, err
	}
	id, changed, err := req.store.PutJobAd(req.ctx(), req.org.Code, p, req.now)
	return ingestv1.JobAdReceipt{SenderID: in.SenderID, ID: id, Duplicate: !changed}, err
}

// handleIngestJobAdWithdraw: POST /api/ingest/v1/jobads/withdraw — the
// sender takes its ad off Find Job.
func handleIngestJobAdWithdraw(req *ingestRequest) (ingestv1.JobAdReceipt, error) {
	var in ingestv1.JobAdWithdrawal
	if err := decode(req.r, &in); err != nil {
		return ingestv1.JobAdReceipt{}, err
	}
	changed, err := req.store.WithdrawJobAd(req.ctx(), req.org.Code, in.SenderID, req.now)
	return ingestv1.JobAdReceipt{SenderID: in.SenderID, Duplicate: !changed}, err
}
