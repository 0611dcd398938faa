package shared

import (
	"math"
	"strconv"
	"strings"
)

// ParseHours reads hours as a person types them in Danish: "51", "51,5" or
// "1.000". An empty field is 0. The simulator keeps its last valid state
// while this returns an error.
func ParseHours(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if strings.Count(s, ",") > 1 {
		return 0, Errorf(EInvalid, "Skriv antal timer som et tal, fx 51 eller 7,5.")
	}
	intPart, frac, _ := strings.Cut(s, ",")
	// Dots group thousands ("1.000"); a single dot with 1–2 digits after it
	// is taken as a decimal point, as many type it.
	if i := strings.LastIndex(intPart, "."); i >= 0 && frac == "" && len(intPart)-i-1 <= 2 && strings.Count(intPart, ".") == 1 {
		intPart, frac = intPart[:i], intPart[i+1:]
	} else {
		intPart = strings.ReplaceAll(intPart, ".", "")
	}
	v, err := strconv.ParseFloat(intPart+"."+frac, 64)
	if frac == "" {
		v, err = strconv.ParseFloat(intPart, 64)
	}
	switch {
	case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
		return 0, Errorf(EInvalid, "Skriv antal timer som et tal, fx 51 eller 7,5.")
	case v < 0:
		return 0, Errorf(EInvalid, "Antal timer kan ikke være negativt.")
	case v > MaxSimulatedHours:
		return 0, Errorf(EInvalid, "Skriv højst %s timer.", FormatNumber(MaxSimulatedHours, 0))
	}
	return v, nil
}

// FormatNumber formats v the Danish way with the given number of decimals:
// "1.530", "160,33".
func FormatNumber(v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}

// FormatHours formats hours without decimals when whole, else with one or
// two: "1.530", "7,5", "160,33".
func FormatHours(v float64) string {
	switch {
	case v == math.Trunc(v):
		return FormatNumber(v, 0)
	case v*10 == math.Trunc(v*10):
		return FormatNumber(v, 1)
	default:
		return FormatNumber(v, 2)
	}
}
