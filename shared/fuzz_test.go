package shared

import (
	"math"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz targets for the decoders a client reaches in shared/ (issue 15):
// each states a property that must hold for every input, not only "does
// not panic". `make test` runs their seed corpus (here and in testdata/fuzz);
// `make fuzz` runs each for FUZZTIME.

// FuzzParseCPR: an accepted number prints in its one form, reads back the
// same, and carries a real birth date.
func FuzzParseCPR(f *testing.F) {
	for _, s := range []string{"010190-1234", "0101901234", " 010190-1234 ", "310290-1234", "000000-0000", "01019O-1234", "", "٠١٠١٩٠-١٢٣٤"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCPR(s)
		if err != nil {
			return
		}
		again, err := ParseCPR(string(c))
		if err != nil || again != c {
			t.Fatalf("ParseCPR(%q) = %q, which reads back as %q, %v", s, c, again, err)
		}
		if b := c.BirthDate(); b.IsZero() {
			t.Fatalf("ParseCPR(%q) = %q without a birth date", s, c)
		}
	})
}

// FuzzParseHours: an accepted number is finite, within the simulator's
// range, and the Danish form it prints in reads back as the same number.
func FuzzParseHours(f *testing.F) {
	for _, s := range []string{"51", "51,5", "7.5", "1.000", "1.000,25", "-3", "1e9", "NaN", "Inf", ",", ".", "0x10", "1_000", "", "   "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseHours(s)
		if err != nil {
			return
		}
		if v < 0 || v > MaxSimulatedHours || math.IsNaN(v) {
			t.Fatalf("ParseHours(%q) = %v, out of range", s, v)
		}
		// Two decimals are within half a hundredth of the number.
		printed := FormatNumber(v, 2)
		back, err := ParseHours(printed)
		if err != nil || math.Abs(back-v) > 0.005+1e-9 {
			t.Fatalf("ParseHours(%q) = %v prints as %q, which reads back as %v, %v", s, v, printed, back, err)
		}
	})
}

// FuzzParseDate: an accepted date is a real day and prints back as read.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-30", "2024-02-29", "2025-02-29", "0000-01-01", "2026-13-01", "2026-1-1", "26-11-30", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q) prints as %q", s, d.String())
		}
		if d.AddDays(1).AddDays(-1) != d {
			t.Fatalf("ParseDate(%q) = %v is not a calendar day", s, d)
		}
	})
}

// FuzzJobSearchURL: a search read from any URL query either is refused
// with errors at known parameters, or writes back as a query that reads
// as the same search (the URL state has one form).
func FuzzJobSearchURL(f *testing.F) {
	for _, s := range []string{"", "q=kok", "q=kok&omraade=x&side=2", "WIDK=true&q=nurse", "side=-1", "q=%ff%fe", "km=5&postnr=8000", "v=2", "q=" + strings.Repeat("a", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		s, err := ParseJobSearch(q)
		if err != nil {
			e, ok := err.(*Error)
			if !ok || e.Code != EInvalid || len(e.Fields) == 0 {
				t.Fatalf("ParseJobSearch(%q): %v, want an invalid error at its fields", raw, err)
			}
			for _, fe := range e.Fields {
				if fe.Message == "" || q[fe.Field] == nil && fe.Field != paramQ {
					t.Fatalf("ParseJobSearch(%q): error at %q, not a parameter of the query: %+v", raw, fe.Field, fe)
				}
			}
			return
		}
		back, err := ParseJobSearch(s.Query())
		if err != nil {
			t.Fatalf("ParseJobSearch(%q).Query() = %q does not read back: %v", raw, s.Query().Encode(), err)
		}
		if !reflect.DeepEqual(back.Normalize(), s.Normalize()) {
			t.Fatalf("ParseJobSearch(%q) = %+v reads back as %+v", raw, s.Normalize(), back.Normalize())
		}
	})
}

// FuzzCleanDocumentName: whatever name a browser or a case system sends,
// the kept name is valid UTF-8, one path element with no control,
// formatting or Windows-refused characters, bounded, and ends with the
// judged type's extension.
func FuzzCleanDocumentName(f *testing.F) {
	for _, s := range []string{"ansøgning.docx", "../../etc/passwd", "C:\\Users\\x\\cv.pdf", "a\u202egpj.exe", "", ".", "..", "con", "x\x00.pdf", strings.Repeat("å", 500) + ".pdf", "\xff\xfe.pdf"} {
		f.Add(s, 0)
	}
	types := []DocumentType{DocPDF, DocDOCX, DocODT, DocPNG, DocJPEG}
	f.Fuzz(func(t *testing.T, name string, ti int) {
		typ := types[uint(ti)%uint(len(types))]
		got := CleanDocumentName(name, typ)
		if !utf8.ValidString(got) || strings.TrimSpace(got) == "" || utf8.RuneCountInString(got) > JoblogDocumentNameMax {
			t.Fatalf("CleanDocumentName(%q, %s) = %q", name, typ, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || strings.ContainsRune(`<>:"/\|?*`, r) {
				t.Fatalf("CleanDocumentName(%q, %s) = %q keeps %U", name, typ, got, r)
			}
		}
		ok := false
		for _, e := range typ.extensions() {
			ok = ok || strings.HasSuffix(strings.ToLower(got), e)
		}
		if !ok {
			t.Fatalf("CleanDocumentName(%q, %s) = %q lacks the type's extension", name, typ, got)
		}
	})
}
