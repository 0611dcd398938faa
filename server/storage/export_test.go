package storage

// The document decoders, for the tests of package storage_test (which
// cannot be package storage: dbtest opens its databases with storage.Open).
var (
	DecodePlan      = decodePlan
	DecodeEducation = decodeEducation
)
