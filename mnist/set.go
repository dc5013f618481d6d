package mnist

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// Set is a set of labelled MNIST images, one sample per column.
type Set struct {
	// Images is 784×m: column j holds the pixels of image j, row by row,
	// each scaled to [0, 1] by dividing its byte by 255.
	Images *mat.Dense

	// Labels holds the m digits, Labels[j] being the digit of image j.
	Labels []int
}

// Len returns m, the number of images in the set.
func (s *Set) Len() int {
	return len(s.Labels)
}

// Head returns a new set with the first n images and labels of s, copied:
// changing one set leaves the other as it was. An n larger than s.Len() is
// taken as s.Len(), as a Python slice x[:n] would.
//
// Head panics when n < 1, since a matrix cannot have 0 columns.
func (s *Set) Head(n int) *Set {
	if n < 1 {
		panic(fmt.Sprintf("mnist: Head: n is %d; a set needs at least one image", n))
	}
	n = min(n, s.Len())
	return &Set{
		Images: mat.DenseCopyOf(s.Images.Slice(0, Pixels, 0, n)),
		Labels: append([]int(nil), s.Labels[:n]...),
	}
}

// Load reads the MNIST training set (60,000 images) and test set (10,000
// images) from the folder Find returns for dir; dir may be "" to let Find
// search. Each set's images and labels must be as many, or Load returns an
// error that names both files and both counts.
func Load(dir string) (train, test *Set, err error) {
	dir, err = Find(dir)
	if err != nil {
		return nil, nil, err
	}
	train, err = loadSet(dir, TrainImagesFile, TrainLabelsFile)
	if err != nil {
		return nil, nil, err
	}
	test, err = loadSet(dir, TestImagesFile, TestLabelsFile)
	if err != nil {
		return nil, nil, err
	}
	return train, test, nil
}

// loadSet reads one set from the named images and labels files of dir,
// taking each file gzipped or unpacked.
func loadSet(dir, imagesName, labelsName string) (*Set, error) {
	imagesPath, _ := fileIn(dir, imagesName)
	labelsPath, _ := fileIn(dir, labelsName)
	X, err := ReadImages(imagesPath)
	if err != nil {
		return nil, err
	}
	labels, err := ReadLabels(labelsPath)
	if err != nil {
		return nil, err
	}

	if _, m := X.Dims(); m != len(labels) {
		return nil, fmt.Errorf("mnist: %s holds %d images but %s holds %d labels",
			imagesPath, m, labelsPath, len(labels))
	}
	return &Set{Images: X, Labels: labels}, nil
}

// OneHot returns the labels as the columns of a classes×m matrix Y of zeros
// and ones,
//
//	y_kj = 1 when labels[j] = k, else 0
//
// the labels of a categorical cross-entropy loss, as Keras'
// to_categorical(labels, classes) gives them (Keras' m×classes rows are Y's
// columns). Use Classes for MNIST.
//
// OneHot panics when a label is outside 0..classes-1, when classes < 1, or
// when there are no labels: each is a mistake of the caller, since Set's
// labels have been checked when they were read.
func OneHot(labels []int, classes int) *mat.Dense {
	if classes < 1 {
		panic(fmt.Sprintf("mnist: OneHot: classes is %d; it must be at least 1", classes))
	}
	if len(labels) == 0 {
		panic("mnist: OneHot: no labels; a matrix needs at least one column")
	}

	m := len(labels)
	Y := mat.NewDense(classes, m, nil)
	for j, k := range labels {
		if k < 0 || k >= classes {
			panic(fmt.Sprintf("mnist: OneHot: label %d at index %d is outside 0..%d",
				k, j, classes-1))
		}
		Y.Set(k, j, 1)
	}
	return Y
}
