// Package stats has the little arithmetic the benchmark commands share.
package stats

import "slices"

// Median is the middle of v (the mean of the two middle values when v has
// an even count); v is left as it was. It is 0 for no values.
func Median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
