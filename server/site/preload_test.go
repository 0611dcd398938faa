package site

import (
	"net/url"
	"testing"

	"jobnet/shared"
)

// TestWithPageParams: the Kalender's preloaded month is the page's
// ?maaned=, escaped as the app asks it (shared.CalendarPath); without one,
// this month.
func TestWithPageParams(t *testing.T) {
	tmpl := shared.CalendarPath("{maaned}")
	for _, tc := range []struct{ name, page, want string }{
		{"Month", "maaned=2026-12", shared.CalendarPath("2026-12")},
		{"None", "", shared.CalendarPath("")},
		{"Escaped", "maaned=%3Cb%3E%26x", shared.CalendarPath("<b>&x")},
		{"OtherParam", "id=7", shared.CalendarPath("")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q, _ := url.ParseQuery(tc.page)
			if got := withPageParams(tmpl, q); got != tc.want {
				t.Errorf("%s, want %s", got, tc.want)
			}
		})
	}
	if got := withPageParams(shared.APIMessages, url.Values{"id": {"1"}}); got != shared.APIMessages {
		t.Errorf("a path without placeholders changed: %s", got)
	}
}
