package site

import (
	"bytes"
	"compress/gzip"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
)

// coding is a content coding the site sends: br, gzip or none.
type coding int

const (
	identity coding = iota
	br
	gz
)

// token is the coding's name in Accept-Encoding and Content-Encoding.
func (c coding) token() string {
	switch c {
	case br:
		return "br"
	case gz:
		return "gzip"
	}
	return "identity"
}

// ext is the suffix of the file precompressed with the coding.
func (c coding) ext() string {
	switch c {
	case br:
		return ".br"
	case gz:
		return ".gz"
	}
	return ""
}

// Compression levels. Files precompressed at build time get the best
// (brotli 11 takes half a second on dkfds.min.css, once per change); what
// is compressed per request or at start (the prerendered pages, files whose
// build-time siblings are missing) gets brotli 5, which takes a millisecond
// on a page and is within 10 % of level 11 there.
const (
	BuildBrotliLevel   = 11
	dynamicBrotliLevel = 5
)

// newWriter compresses into w with the coding at a brotli level; gzip
// always uses its best level, which costs little more than its default.
func (c coding) newWriter(w io.Writer, brotliLevel int) io.WriteCloser {
	switch c {
	case br:
		return brotli.NewWriterLevel(w, brotliLevel)
	case gz:
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression) // the level is valid
		return zw
	}
	return nopCloser{w}
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// compress returns b compressed with the coding.
func (c coding) compress(b []byte, brotliLevel int) []byte {
	var out bytes.Buffer
	w := c.newWriter(&out, brotliLevel)
	_, _ = w.Write(b) // a bytes.Buffer does not fail
	_ = w.Close()
	return out.Bytes()
}

// decompress reverses compress.
func (c coding) decompress(b []byte) ([]byte, error) {
	var r io.Reader
	switch c {
	case br:
		r = brotli.NewReader(bytes.NewReader(b))
	case gz:
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		r = zr
	default:
		return b, nil
	}
	return io.ReadAll(r)
}

// preferences lists the codings of a response that exists as br, gzip
// and uncompressed in the order the request's Accept-Encoding prefers them
// (RFC 9110 §12.5.3): highest quality first, br before gzip on a tie and
// both before identity, which is acceptable unless refused by
// "identity;q=0" or "*;q=0". A refused coding is left out. When every
// coding is refused the list is identity alone: the response goes
// uncompressed anyway, as a 406 would leave the browser with nothing.
func preferences(acceptEncoding string) []coding {
	q := map[string]float64{}
	for _, part := range strings.Split(acceptEncoding, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		quality := 1.0
		if k, v, ok := strings.Cut(strings.TrimSpace(params), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || f < 0 || f > 1 {
				continue // a malformed weight: ignore the entry
			}
			quality = f
		}
		if name == "x-gzip" {
			name = "gzip"
		}
		q[name] = quality
	}
	star, hasStar := q["*"]
	quality := func(c coding) float64 {
		if v, ok := q[c.token()]; ok {
			return v
		}
		if hasStar {
			return star
		}
		if c == identity {
			// Unlisted identity is acceptable, after any listed coding.
			return 0.0001
		}
		return 0
	}
	var list []coding
	for _, c := range []coding{br, gz, identity} {
		if quality(c) > 0 {
			list = append(list, c)
		}
	}
	// A stable sort keeps br, gzip, identity on equal weights.
	sort.SliceStable(list, func(i, j int) bool { return quality(list[i]) > quality(list[j]) })
	if len(list) == 0 {
		return []coding{identity}
	}
	return list
}

// negotiate is the preferred coding of a response that exists in all three.
func negotiate(acceptEncoding string) coding { return preferences(acceptEncoding)[0] }
