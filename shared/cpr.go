package shared

import (
	"time"
)

// CPR is a Danish personal identification number in the form "DDMMYY-XXXX".
//
// Only the form and the birth date are checked. The modulus-11 check is not
// used: CPR numbers without it have been issued since 2007.
type CPR string

// ParseCPR accepts "DDMMYY-XXXX", "DDMMYYXXXX" or "DDMMYY XXXX", checks that
// the first six digits are a real date in the century given by the seventh
// digit, and returns the number in the form "DDMMYY-XXXX".
func ParseCPR(s string) (CPR, error) {
	digits := make([]byte, 0, 10)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case (c == '-' || c == ' ') && len(digits) == 6 && i+1 < len(s):
			// the one separator allowed, between date and serial
		default:
			return "", errCPRFormat
		}
	}
	if len(digits) != 10 {
		return "", errCPRFormat
	}
	if _, ok := cprBirthDate(digits); !ok {
		return "", Errorf(EInvalid, "CPR-nummeret indeholder ikke en gyldig fødselsdato")
	}
	return CPR(string(digits[:6]) + "-" + string(digits[6:])), nil
}

var errCPRFormat = Errorf(EInvalid, "CPR-nummeret skal have formen DDMMÅÅ-XXXX")

// BirthDate returns the birth date encoded in a parsed CPR number.
func (c CPR) BirthDate() Date {
	d, _ := cprBirthDate([]byte(string(c[:6]) + string(c[7:])))
	return d
}

// cprBirthDate decodes the date; the century follows from the year and the
// first digit of the serial number (CPR-kontoret's table).
func cprBirthDate(d []byte) (Date, bool) {
	num := func(i int) int { return int(d[i]-'0')*10 + int(d[i+1]-'0') }
	day, month, yy := num(0), num(2), num(4)
	s := int(d[6] - '0')
	var century int
	switch {
	case s <= 3:
		century = 1900
	case s == 4 || s == 9:
		century = 1900
		if yy <= 36 {
			century = 2000
		}
	default: // 5–8
		century = 1800
		if yy <= 57 {
			century = 2000
		}
	}
	year := century + yy
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || t.Day() != day || t.Month() != time.Month(month) {
		return Date{}, false
	}
	return Date{year, time.Month(month), day}, true
}
