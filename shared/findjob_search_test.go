package shared

import (
	"net/url"
	"strings"
	"testing"
)

// TestJobSearchText: the free text is counted in characters, not bytes,
// after trimming, and judged the same by the page and the API.
func TestJobSearchText(t *testing.T) {
	for _, tc := range []struct {
		q       string
		english bool
		want    string
	}{
		{"", false, ""},
		{strings.Repeat("a", 200), false, ""},
		{strings.Repeat("æ", 200), false, ""}, // 400 bytes, 200 characters
		{strings.Repeat("a", 201), false, "Søgeteksten må højst være 200 tegn. Den har 201."},
		{strings.Repeat("ø", 250), true, "The search text may be at most 200 characters; it has 250."},
	} {
		if got := JobSearchTextError(tc.q, tc.english); got != tc.want {
			t.Errorf("%d characters: %q, want %q", len([]rune(tc.q)), got, tc.want)
		}
		s, err := ParseJobSearch(url.Values{"q": {"  " + tc.q + " "}})
		if s.Q != tc.q {
			t.Errorf("the text is not kept trimmed: %q", s.Q)
		}
		if got := fieldMessage(err, "q"); !tc.english && got != tc.want {
			t.Errorf("ParseJobSearch of %d characters: %q, want %q", len([]rune(tc.q)), got, tc.want)
		}
	}
}

func fieldMessage(err error, field string) string {
	if e, ok := err.(*Error); ok {
		return e.FieldMessage(field)
	}
	return ""
}
