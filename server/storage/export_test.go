package storage

import (
	"context"
	"strings"

	"jobnet/server/findjob"
	"jobnet/shared"
)

// The document decoders, for the tests of package storage_test (which
// cannot be package storage: dbtest opens its databases with storage.Open).
var (
	DecodePlan      = decodePlan
	DecodeEducation = decodeEducation
)

// Find Job's two paths, for TestSearchIndexAgrees.

// SearchJobAdsIndexed is the search through the in-memory index; ok is
// false when the index did not answer.
func (s *Store) SearchJobAdsIndexed(ctx context.Context, ix *findjob.Index, q shared.JobSearch) (shared.JobSearchResult, bool, error) {
	return s.searchJobAdsIndexed(ctx, ix, q.Normalize())
}

// SearchJobAdsSQL is the search in the database.
func (s *Store) SearchJobAdsSQL(ctx context.Context, ix *findjob.Index, q shared.JobSearch) (shared.JobSearchResult, error) {
	return s.searchJobAdsSQL(ctx, ix, q.Normalize())
}

// AgeJobSearchIndex makes the index old enough that the next search
// reads the changes since its last refresh.
func (s *Store) AgeJobSearchIndex() { s.ads.refreshed.Store(0) }

// SuggestInDatabase is Suggest without its cache.
func (s *Store) SuggestInDatabase(ctx context.Context, q string, kinds []string, limit int) (shared.Suggestions, error) {
	return s.suggest(ctx, strings.ToLower(strings.TrimSpace(q)), kinds, limit)
}
