package shared

import "testing"

func TestParseCPR(t *testing.T) {
	tests := []struct {
		name, in string
		want     CPR
		birth    string
		wantErr  bool
	}{
		{"OK", "010190-1234", "010190-1234", "1990-01-01", false},
		{"OKNoDash", "0101901234", "010190-1234", "1990-01-01", false},
		{"OKSpace", "010190 1234", "010190-1234", "1990-01-01", false},
		{"OKNoMod11", "010190-1235", "010190-1235", "1990-01-01", false},
		{"OKLeapDay", "290200-4000", "290200-4000", "2000-02-29", false},
		{"OKCentury2000", "150305-4321", "150305-4321", "2005-03-15", false},
		{"OKCentury1800", "150385-5321", "150385-5321", "1885-03-15", false},
		{"OKCentury2000From5", "150357-5321", "150357-5321", "2057-03-15", false},
		{"OKCentury1900From9", "150337-9321", "150337-9321", "1937-03-15", false},
		{"ErrLeapDayNonLeap", "290201-4000", "", "", true},
		{"ErrLeapDay1900", "290200-1000", "", "", true},
		{"ErrMonth13", "011390-1234", "", "", true},
		{"ErrDay32", "320190-1234", "", "", true},
		{"ErrDay0", "000190-1234", "", "", true},
		{"ErrTooShort", "010190-123", "", "", true},
		{"ErrTooLong", "010190-12345", "", "", true},
		{"ErrLetters", "0101AB-1234", "", "", true},
		{"ErrDashMisplaced", "01019-01234", "", "", true},
		{"ErrTrailingDash", "010190-", "", "", true},
		{"ErrEmpty", "", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCPR(tt.in)
			if tt.wantErr {
				if ErrorCodeOf(err) != EInvalid {
					t.Fatalf("ParseCPR(%q) error = %v, want code %q", tt.in, err, EInvalid)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseCPR(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseCPR(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if b := got.BirthDate().String(); b != tt.birth {
				t.Errorf("BirthDate = %s, want %s", b, tt.birth)
			}
		})
	}
}
