// Package fill gives every field of a value a distinct, non-zero value, for
// tests that prove a conversion copies every field: fill the input,
// convert there and back, compare. A field a conversion forgets then
// shows up as a difference, including a field added later.
package fill

import (
	"fmt"
	"reflect"
	"time"
)

// Filler fills values; With gives a type its own way (a date that must be
// valid, say).
type Filler struct {
	n    int
	with map[reflect.Type]func(n int) reflect.Value
}

// New returns a filler whose first value is seeded from seed.
func New(seed int) *Filler {
	return &Filler{n: seed * 1000, with: map[reflect.Type]func(int) reflect.Value{}}
}

// With makes the filler fill values of T with make(n), n a fresh number.
func With[T any](f *Filler, make func(n int) T) *Filler {
	f.with[reflect.TypeFor[T]()] = func(n int) reflect.Value { return reflect.ValueOf(make(n)) }
	return f
}

// Fill fills *ptr.
func (f *Filler) Fill(ptr any) {
	v := reflect.ValueOf(ptr)
	if v.Kind() != reflect.Pointer {
		panic("fill: Fill takes a pointer")
	}
	f.value(v.Elem())
}

func (f *Filler) next() int { f.n++; return f.n }

func (f *Filler) value(v reflect.Value) {
	if make, ok := f.with[v.Type()]; ok {
		v.Set(make(f.next()))
		return
	}
	if v.Type() == reflect.TypeFor[time.Time]() {
		v.Set(reflect.ValueOf(time.Unix(int64(1_700_000_000+f.next()*3601), 0).UTC()))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("v%d", f.next()))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(f.next() % 100))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(f.next() % 100))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(f.next()%1000) + 0.5)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		f.value(p.Elem())
		v.Set(p)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			f.value(s.Index(i))
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		f.value(k)
		f.value(e)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				f.value(v.Field(i))
			}
		}
	default:
		panic("fill: cannot fill a " + v.Kind().String())
	}
}
