package shared

import "testing"

func TestParseHours(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		wantErr bool
	}{
		{"", 0, false}, {"51", 51, false}, {" 51 ", 51, false}, {"7,5", 7.5, false}, {"7.5", 7.5, false},
		{"1.000", 1000, false}, {"1.000,5", 1000.5, false}, {"6000", 6000, false},
		{"-1", 0, true}, {"abc", 0, true}, {"1,2,3", 0, true}, {"6001", 0, true}, {"1e9", 0, true}, {"NaN", 0, true}, {"Inf", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseHours(tt.in)
		if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
			t.Errorf("ParseHours(%q) = %v, %v; want %v (error %v)", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err != nil && ErrorCodeOf(err) != EInvalid {
			t.Errorf("ParseHours(%q): code %s", tt.in, ErrorCodeOf(err))
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		want string
	}{
		{1530, 0, "1.530"}, {160.33, 2, "160,33"}, {0, 0, "0"}, {999, 0, "999"}, {1000000, 0, "1.000.000"}, {-1924, 0, "-1.924"}, {3848, 0, "3.848"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.v, tt.dec); got != tt.want {
			t.Errorf("FormatNumber(%v, %d) = %q, want %q", tt.v, tt.dec, got, tt.want)
		}
	}
	for v, want := range map[float64]string{1530: "1.530", 7.5: "7,5", 160.33: "160,33"} {
		if got := FormatHours(v); got != want {
			t.Errorf("FormatHours(%v) = %q", v, got)
		}
	}
}
