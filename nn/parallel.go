package nn

import (
	"runtime"
	"sync"
)

// minParallel is the fewest elements worth sharing between processors:
// starting and waiting for a goroutine costs a few microseconds, the time of
// some thousands of additions.
const minParallel = 1 << 14

// parallelFor calls work(lo, hi) on consecutive parts of the range 0 … n-1,
// one part per processor (GOMAXPROCS), all at the same time, and returns
// when every part is done. Each element is worked on exactly once, so when
// the elements are independent of each other the result is the one of
// work(0, n) and only the time changes. size is how many numbers one
// element stands for (a row's length, say): a range of fewer than
// minParallel numbers runs as one call, on the calling goroutine.
func parallelFor(n, size int, work func(lo, hi int)) {
	parts := min(runtime.GOMAXPROCS(0), n)
	if parts < 2 || n*size < minParallel {
		work(0, n)
		return
	}
	var wg sync.WaitGroup
	for p := 1; p < parts; p++ {
		wg.Go(func() { work(p*n/parts, (p+1)*n/parts) })
	}
	work(0, n/parts)
	wg.Wait()
}
