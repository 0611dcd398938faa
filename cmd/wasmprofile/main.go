// Command wasmprofile prints where a Go WebAssembly binary's code bytes go,
// per package: the size of each function body in the code section, named
// by the binary's "name" section (so the binary must be built without -s),
// summed by package and sorted, with the data section (strings, type
// information, tables) as one line. make wasm-profile builds the app with
// names and runs it.
package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: wasmprofile app.wasm (built without -s)")
		os.Exit(2)
	}
	b, err := os.ReadFile(os.Args[1])
	if err != nil {
		fail(err)
	}
	p, err := parse(b)
	if err != nil {
		fail(err)
	}
	if len(p.names) == 0 {
		fail(errors.New("no name section: build without -ldflags=-s"))
	}
	byPkg := map[string]int{}
	code := 0
	for i, size := range p.bodies {
		byPkg[pkgOf(p.names[p.imported+i])] += size
		code += size
	}
	type row struct {
		pkg  string
		size int
	}
	var rows []row
	for k, v := range byPkg {
		rows = append(rows, row{k, v})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].size > rows[j].size })
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "%-48s %12s %7s\n", "package (code section)", "bytes", "share")
	for _, r := range rows {
		if r.size*1000 < code { // below 0.1 %: summed below
			continue
		}
		fmt.Fprintf(w, "%-48s %12d %6.1f%%\n", r.pkg, r.size, 100*float64(r.size)/float64(code))
	}
	small := 0
	for _, r := range rows {
		if r.size*1000 < code {
			small += r.size
		}
	}
	fmt.Fprintf(w, "%-48s %12d %6.1f%%\n", "(packages below 0.1 %)", small, 100*float64(small)/float64(code))
	fmt.Fprintf(w, "%-48s %12d\n", "code section", code)
	fmt.Fprintf(w, "%-48s %12d\n", "data section (strings, types, tables)", p.data)
	fmt.Fprintf(w, "%-48s %12d\n", "file", len(b))
}

// pkgOf is the package of a function as the name section spells it, with
// the path's slashes made underscores: "jobnet_app.__page_.Render" is
// jobnet_app, "github.com_maxence_charriere_go_app_v10_pkg_app.f" is
// github.com_maxence_charriere_go_app_v10_pkg_app (the dot of a domain
// before the first underscore is part of the path; "fmt.__pp_.f", a
// method, is fmt), "type_.eq.T" type_.
func pkgOf(sym string) string {
	start := 0
	if us := strings.Index(sym, "_"); us > 0 && strings.Contains(sym[:us], ".") && !strings.HasSuffix(sym[:us], ".") {
		start = us
	}
	if dot := strings.Index(sym[start:], "."); dot >= 0 {
		return sym[:start+dot]
	}
	return sym
}

type profile struct {
	imported int            // imported functions, which come first in the index space
	bodies   []int          // code section: each defined function's body size
	names    map[int]string // name section: function index → name
	data     int            // data section size
}

func parse(b []byte) (profile, error) {
	p := profile{names: map[int]string{}}
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return p, errors.New("not a WebAssembly binary")
	}
	r := &reader{b: b, i: 8}
	for r.i < len(b) {
		id := r.byte()
		size := int(r.uleb())
		end := r.i + size
		if r.err != nil || end > len(b) {
			return p, errors.New("truncated section")
		}
		sec := &reader{b: b[:end], i: r.i}
		switch id {
		case 2: // imports: count the functions
			for n := sec.uleb(); n > 0; n-- {
				sec.name()
				sec.name()
				kind := sec.byte()
				switch kind {
				case 0:
					sec.uleb()
					p.imported++
				case 1:
					sec.byte()
					sec.limits()
				case 2:
					sec.limits()
				case 3:
					sec.byte()
					sec.byte()
				}
			}
		case 10:
			for n := sec.uleb(); n > 0; n-- {
				body := int(sec.uleb())
				p.bodies = append(p.bodies, body)
				sec.i += body
			}
		case 11:
			p.data = size
		case 0:
			if sec.name() == "name" {
				for sec.i < end {
					sub := sec.byte()
					subSize := int(sec.uleb())
					if sub != 1 {
						sec.i += subSize
						continue
					}
					for n := sec.uleb(); n > 0; n-- {
						idx := int(sec.uleb())
						p.names[idx] = sec.name()
					}
				}
			}
		}
		if sec.err != nil {
			return p, fmt.Errorf("section %d: %w", id, sec.err)
		}
		r.i = end
	}
	return p, nil
}

type reader struct {
	b   []byte
	i   int
	err error
}

func (r *reader) byte() byte {
	if r.i >= len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *reader) uleb() uint64 {
	v, n := binary.Uvarint(r.b[min(r.i, len(r.b)):])
	if n <= 0 {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	r.i += n
	return v
}

func (r *reader) name() string {
	n := int(r.uleb())
	if r.i+n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return ""
	}
	r.i += n
	return string(r.b[r.i-n : r.i])
}

func (r *reader) limits() {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "wasmprofile:", err)
	os.Exit(1)
}
