package nn

import (
	"sync"
	"testing"
)

// TestParallelFor checks that every element of the range is worked on
// exactly once, whether the range is split or not.
func TestParallelFor(t *testing.T) {
	for _, c := range []struct{ n, size int }{
		{0, 1}, {1, 1}, {7, 1}, {minParallel - 1, 1}, {minParallel, 1}, {3, minParallel}, {100003, 1},
	} {
		var mu sync.Mutex
		seen := make([]int, c.n)
		parallelFor(c.n, c.size, func(lo, hi int) {
			mu.Lock()
			defer mu.Unlock()
			for i := lo; i < hi; i++ {
				seen[i]++
			}
		})
		for i, k := range seen {
			if k != 1 {
				t.Errorf("n %d, size %d: element %d worked on %d times, want once", c.n, c.size, i, k)
				break
			}
		}
	}
}
