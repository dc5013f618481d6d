package mnist

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// writeSet writes a small MNIST folder: 3 training and 2 test images with
// their labels. The training files are gzipped and the test files unpacked,
// so that Load must take both. files replaces the content of some files.
func writeSet(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	content := map[string][]byte{
		TrainImagesFile: gzipped(imagesIDX(ImagesMagic, 3, Rows, Cols, pattern(3))),
		TrainLabelsFile: gzipped(labelsIDX(LabelsMagic, 3, []byte{5, 0, 4})),
		TestImagesFile:  imagesIDX(ImagesMagic, 2, Rows, Cols, pattern(2)),
		TestLabelsFile:  labelsIDX(LabelsMagic, 2, []byte{7, 2}),
	}
	for name, b := range files {
		content[name] = b
	}
	for name, b := range content {
		if name == TestImagesFile || name == TestLabelsFile {
			name = strings.TrimSuffix(name, ".gz")
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	writeSet(t, dir, nil)
	train, test, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		set    *Set
		labels []int
	}{{"train", train, []int{5, 0, 4}}, {"test", test, []int{7, 2}}}
	for _, tt := range tests {
		m := len(tt.labels)
		if got := tt.set.Len(); got != m {
			t.Errorf("%s: got Len() %d, want %d", tt.name, got, m)
		}
		if !slices.Equal(tt.set.Labels, tt.labels) {
			t.Errorf("%s: got labels %v, want %v", tt.name, tt.set.Labels, tt.labels)
		}
		if r, c := tt.set.Images.Dims(); r != Pixels || c != m {
			t.Errorf("%s: got images %d×%d, want %d×%d", tt.name, r, c, Pixels, m)
		}
	}
}

func TestLoadCountMismatch(t *testing.T) {
	dir := t.TempDir()
	writeSet(t, dir, map[string][]byte{
		TrainLabelsFile: gzipped(labelsIDX(LabelsMagic, 2, []byte{5, 0})),
	})
	_, _, err := Load(dir)
	want := "mnist: " + filepath.Join(dir, TrainImagesFile) + " holds 3 images but " +
		filepath.Join(dir, TrainLabelsFile) + " holds 2 labels"
	if err == nil || err.Error() != want {
		t.Errorf("got error %v,\nwant %q", err, want)
	}
}

func TestLoadBadFile(t *testing.T) {
	dir := t.TempDir()
	writeSet(t, dir, map[string][]byte{
		TestLabelsFile: labelsIDX(LabelsMagic, 2, []byte{7, 12}),
	})
	_, _, err := Load(dir)
	want := "mnist: reading labels from " + filepath.Join(dir, "t10k-labels-idx1-ubyte") +
		": label at index 1 is 12, want 0..9"
	if err == nil || err.Error() != want {
		t.Errorf("got error %v,\nwant %q", err, want)
	}
}

func TestHead(t *testing.T) {
	s := &Set{
		Images: mat.NewDense(Pixels, 3, nil),
		Labels: []int{5, 0, 4},
	}
	s.Images.Set(0, 0, 0.5)
	s.Images.Set(783, 1, 1)

	h := s.Head(2)
	if r, c := h.Images.Dims(); r != Pixels || c != 2 || h.Len() != 2 {
		t.Fatalf("Head(2): got images %d×%d and %d labels, want %d×2 and 2", r, c, h.Len(), Pixels)
	}
	if got := [...]float64{h.Images.At(0, 0), h.Images.At(783, 1)}; got != [2]float64{0.5, 1} {
		t.Errorf("Head(2): got pixels %v, want [0.5 1]", got)
	}
	if !slices.Equal(h.Labels, []int{5, 0}) {
		t.Errorf("Head(2): got labels %v, want [5 0]", h.Labels)
	}

	// Head copies: changing the head leaves the set as it was.
	h.Images.Set(0, 0, 0.25)
	h.Labels[0] = 9
	if s.Images.At(0, 0) != 0.5 || s.Labels[0] != 5 {
		t.Errorf("changing Head(2) changed the set: pixel %v, label %d", s.Images.At(0, 0), s.Labels[0])
	}

	if got := s.Head(10).Len(); got != 3 {
		t.Errorf("Head(10) of 3 images: got %d, want 3", got)
	}
	want := "mnist: Head: n is 0; a set needs at least one image"
	if got := panicMessage(func() { s.Head(0) }); got != want {
		t.Errorf("Head(0): got panic %q, want %q", got, want)
	}
}

func TestOneHot(t *testing.T) {
	// Worked by hand: label k of column j puts a 1 in row k.
	got := OneHot([]int{2, 0, 1, 2}, 3)
	want := mat.NewDense(3, 4, []float64{
		0, 1, 0, 0,
		0, 0, 1, 0,
		1, 0, 0, 1,
	})
	if !mat.Equal(got, want) {
		t.Errorf("got\n%v\nwant\n%v", mat.Formatted(got), mat.Formatted(want))
	}
}

func TestOneHotPanics(t *testing.T) {
	tests := []struct {
		labels  []int
		classes int
		want    string
	}{
		{[]int{5, 0, 4, 12}, Classes, "mnist: OneHot: label 12 at index 3 is outside 0..9"},
		{[]int{-1}, Classes, "mnist: OneHot: label -1 at index 0 is outside 0..9"},
		{[]int{0}, 0, "mnist: OneHot: classes is 0; it must be at least 1"},
		{nil, Classes, "mnist: OneHot: no labels; a matrix needs at least one column"},
	}
	for _, tt := range tests {
		got := panicMessage(func() { OneHot(tt.labels, tt.classes) })
		if got != tt.want {
			t.Errorf("OneHot(%v, %d): got panic %q, want %q", tt.labels, tt.classes, got, tt.want)
		}
	}
}

// panicMessage runs f and returns what it panics with, or "" when it
// returns.
func panicMessage(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg, _ = r.(string)
		}
	}()
	f()
	return ""
}
