package nn

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// matrix builds a matrix from its rows.
func matrix(rows ...[]float64) *mat.Dense {
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, row := range rows {
		m.SetRow(i, row)
	}
	return m
}

// column builds an n×1 matrix.
func column(values ...float64) *mat.Dense {
	return mat.NewDense(len(values), 1, values)
}

// row builds a 1×n matrix.
func row(values ...float64) *mat.Dense {
	return mat.NewDense(1, len(values), values)
}

// near reports whether got and want differ by at most tol, relative to
// want's size when it is larger than 1.
func near(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	if got == want {
		return true
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// checkMatrix fails the test unless got has want's shape and values.
func checkMatrix(t *testing.T, name string, got, want *mat.Dense, tol float64) {
	t.Helper()
	gr, gc := got.Dims()
	wr, wc := want.Dims()
	if gr != wr || gc != wc {
		t.Fatalf("%s: shape %d×%d, want %d×%d", name, gr, gc, wr, wc)
	}
	for i := range wr {
		for j := range wc {
			if g, w := got.At(i, j), want.At(i, j); !near(g, w, tol) {
				t.Errorf("%s[%d,%d] = %.17g, want %.17g", name, i, j, g, w)
			}
		}
	}
}

// mustPanic fails the test unless f panics with a message containing every
// one of parts.
func mustPanic(t *testing.T, f func(), parts ...string) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if r == nil {
			t.Fatalf("no panic, want one mentioning %q", parts)
		}
		msg := fmt.Sprint(r)
		for _, p := range parts {
			if !strings.Contains(msg, p) {
				t.Errorf("panic %q does not mention %q", msg, p)
			}
		}
	}()
	f()
}

// mustContain fails the test unless err's message contains every part.
func mustContain(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want one mentioning %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("error %q does not mention %q", err, p)
		}
	}
}
