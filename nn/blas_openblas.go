//go:build openblas

package nn

// #cgo LDFLAGS: -lopenblas
// void openblas_set_num_threads(int);
import "C"

import (
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/netlib/blas/netlib"
)

// init hands every float64 matrix product of gonum, and so of this package,
// to OpenBLAS, in a program built with the openblas tag:
//
//	go run -tags openblas ./cmd/mnist
//
// or, in a GoNB notebook, a cell with %goflags -tags=openblas before the
// cells that train. Without the tag nothing here is compiled, and the
// products run on gonum's own Go code, which needs no C library.
//
// Why: the products are nearly all the arithmetic of training (193 GFLOP
// per epoch of the seed model), and OpenBLAS, with kernels written for each
// processor, runs them several times faster than gonum's Go code.
//
// OpenBLAS runs each call on one thread: the fast path of Fit shares every
// product between the processors itself (see product in fast.go), as it
// shares the rest of a step. OpenBLAS's own threads would keep spinning on
// the processors between two products, waiting for the next one, and slow
// everything done in between (gathering a batch, Adam) by half; sharing the
// products in Go makes a step 20-30% faster. So OPENBLAS_NUM_THREADS has no
// effect, and GOMAXPROCS limits the processors used.
//
// What it needs: cgo (a C compiler) and the OpenBLAS library, on Debian and
// Ubuntu `apt-get install libopenblas-dev`. The cgo directive above links
// it, so nothing needs setting by hand; gonum.org/v1/netlib, which calls
// it, is pinned in go.mod.
//
// The numbers change slightly: OpenBLAS adds the terms of a product in
// another order than gonum does, so the weights of the same seed differ
// from one backend to the other in their last digits, and the differences
// grow over training. With one backend on one machine, a seed always gives
// the same numbers.
func init() {
	C.openblas_set_num_threads(1)
	blas64.Use(netlib.Implementation{})
}
