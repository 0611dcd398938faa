package shared

import "testing"

func TestDanishWithWeekday(t *testing.T) {
	for in, want := range map[string]string{"2019-12-06": "fredag den 06.12.2019", "2019-12-09": "mandag den 09.12.2019", "2026-11-22": "søndag den 22.11.2026"} {
		if got := MustDate(in).DanishWithWeekday(); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}
