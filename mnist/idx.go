package mnist

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"gonum.org/v1/gonum/mat"
)

// The shape of MNIST and the magic numbers that open its IDX files.
const (
	Rows    = 28          // pixel rows of an image
	Cols    = 28          // pixel columns of an image
	Pixels  = Rows * Cols // 784, the rows of Set.Images
	Classes = 10          // the digits 0..9, the rows of OneHot's matrix

	ImagesMagic = 2051 // 0x00000803: unsigned bytes in 3 dimensions
	LabelsMagic = 2049 // 0x00000801: unsigned bytes in 1 dimension
)

// maxCount bounds the image or label count a header may announce: 10
// million, 140 times MNIST, or less where an int could not index the
// float64s of that many images. A count beyond it is a format error, so a
// corrupt header cannot ask for an absurd amount of memory.
const maxCount = min(10_000_000, math.MaxInt/(8*Pixels))

// FormatError reports IDX data that is not MNIST's: a header field or a
// label that holds something else than MNIST needs.
type FormatError struct {
	Field string // what is wrong: "magic number", "image size", "image count", ...
	Found string // what the data holds, as "2049 (0x00000801)" or "32×32"
	Want  string // what MNIST needs, as "2051 (0x00000803)" or "28×28"
	Hint  string // a likely cause, or ""
}

// Error says what was found and what was wanted, as in "magic number is 2049
// (0x00000801), want 2051 (0x00000803) (2049 opens a labels file)". The
// functions of the package wrap it in an error that starts with "mnist: ".
func (e *FormatError) Error() string {
	s := e.Field + " is " + e.Found + ", want " + e.Want
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// DecodeImages reads an IDX images file from r, raw and not gzipped, and
// returns its m images as the columns of a 784×m matrix, every pixel byte
// divided by 255.
//
// It checks the magic number (2051), the image size (28×28) and the count
// (1 to 10 million) before it reads exactly m·784 pixel bytes; anything after
// them is left unread. Errors start with "mnist: decoding images: ". A header
// field that does not fit is a *FormatError, and data that ends early wraps
// io.ErrUnexpectedEOF and says how many bytes were expected and found.
func DecodeImages(r io.Reader) (*mat.Dense, error) {
	X, err := decodeImages(r)
	if err != nil {
		return nil, fmt.Errorf("mnist: decoding images: %w", err)
	}
	return X, nil
}

// DecodeLabels reads an IDX labels file from r, raw and not gzipped, and
// returns its m labels.
//
// It checks the magic number (2049) and the count (1 to 10 million), reads
// exactly m bytes and checks that each is a digit 0..9; anything after them
// is left unread. Errors start with "mnist: decoding labels: ". A header
// field or label that does not fit is a *FormatError, and data that ends
// early wraps io.ErrUnexpectedEOF and says how many labels were expected and
// found.
func DecodeLabels(r io.Reader) ([]int, error) {
	labels, err := decodeLabels(r)
	if err != nil {
		return nil, fmt.Errorf("mnist: decoding labels: %w", err)
	}
	return labels, nil
}

// decodeImages is DecodeImages without the "mnist: " prefix on its errors,
// which DecodeImages and ReadImages add with their own context.
func decodeImages(r io.Reader) (*mat.Dense, error) {
	var h [16]byte
	if err := readHeader(r, h[:], 0, 4); err != nil {
		return nil, err
	}
	if err := checkMagic(h[:4], ImagesMagic); err != nil {
		return nil, err
	}
	if err := readHeader(r, h[:], 4, 16); err != nil {
		return nil, err
	}
	count := binary.BigEndian.Uint32(h[4:])
	rows := binary.BigEndian.Uint32(h[8:])
	cols := binary.BigEndian.Uint32(h[12:])
	if rows != Rows || cols != Cols {
		return nil, &FormatError{Field: "image size",
			Found: fmt.Sprintf("%d×%d", rows, cols), Want: fmt.Sprintf("%d×%d", Rows, Cols)}
	}
	if err := checkCount("image count", count); err != nil {
		return nil, err
	}

	m := int(count)
	pix, err := readData(r, m*Pixels)
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("the header says %s (%d pixel bytes) but the data "+
				"ends after %d bytes, enough for %s: %w", plural(m, "image"), m*Pixels,
				len(pix), plural(len(pix)/Pixels, "image"), io.ErrUnexpectedEOF)
		} else {
			err = fmt.Errorf("reading pixel byte %d of %d: %w", len(pix), m*Pixels, err)
		}
		return nil, err
	}
	return columns(pix, m), nil
}

// decodeLabels is DecodeLabels without the "mnist: " prefix on its errors.
func decodeLabels(r io.Reader) ([]int, error) {
	var h [8]byte
	if err := readHeader(r, h[:], 0, 4); err != nil {
		return nil, err
	}
	if err := checkMagic(h[:4], LabelsMagic); err != nil {
		return nil, err
	}
	if err := readHeader(r, h[:], 4, 8); err != nil {
		return nil, err
	}
	count := binary.BigEndian.Uint32(h[4:])
	if err := checkCount("label count", count); err != nil {
		return nil, err
	}

	m := int(count)
	raw, err := readData(r, m)
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("the header says %s but the data ends after %s: %w",
				plural(m, "label"), plural(len(raw), "label"), io.ErrUnexpectedEOF)
		} else {
			err = fmt.Errorf("reading label %d of %d: %w", len(raw), m, err)
		}
		return nil, err
	}

	labels := make([]int, m)
	for i, b := range raw {
		if b >= Classes {
			return nil, &FormatError{Field: fmt.Sprintf("label at index %d", i),
				Found: fmt.Sprint(b), Want: fmt.Sprintf("0..%d", Classes-1)}
		}
		labels[i] = int(b)
	}
	return labels, nil
}

// readHeader reads h[from:to], a part of the IDX header h, from r; h[:from]
// has been read already. A stream that ends early gives an error
// that wraps io.ErrUnexpectedEOF and says how much of the header was there.
func readHeader(r io.Reader, h []byte, from, to int) error {
	got, err := io.ReadFull(r, h[from:to])
	switch {
	case err == nil:
		return nil
	case from+got == 0 && err == io.EOF:
		return fmt.Errorf("the data is empty, an IDX header of %d bytes was expected: %w",
			len(h), io.ErrUnexpectedEOF)
	case err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("the IDX header ends after %d of its %d bytes: %w",
			from+got, len(h), io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("reading the IDX header: %w", err)
}

// plural writes n and the noun, with an s unless n is 1: "1 image", "2 images".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// checkMagic compares the big-endian magic number in b with want, and names
// the likely mistake when they differ.
func checkMagic(b []byte, want uint32) error {
	got := binary.BigEndian.Uint32(b)
	if got == want {
		return nil
	}
	e := &FormatError{Field: "magic number",
		Found: fmt.Sprintf("%d (0x%08x)", got, got), Want: fmt.Sprintf("%d (0x%08x)", want, want)}
	switch {
	case b[0] == 0x1f && b[1] == 0x8b:
		e.Hint = "the data is gzipped: use ReadImages or ReadLabels, or gzip.NewReader"
	case got == ImagesMagic:
		e.Hint = "2051 opens an images file"
	case got == LabelsMagic:
		e.Hint = "2049 opens a labels file"
	}
	return e
}

// checkCount reports a count outside 1..maxCount as a format error. An
// empty set is refused because gonum has no matrix with 0 columns.
func checkCount(field string, count uint32) error {
	if count >= 1 && count <= maxCount {
		return nil
	}
	return &FormatError{Field: field, Found: fmt.Sprint(count),
		Want: fmt.Sprintf("1..%d", maxCount)}
}

// firstChunk is the size of the first buffer readData allocates: a header
// that announces more data than the stream holds costs at most twice what is
// really there.
const firstChunk = 1 << 20

// readData reads exactly n bytes from r. It allocates as the bytes arrive,
// doubling its buffer, rather than trusting n at once. On error it returns
// the bytes read so far; a stream that ends early gives io.ErrUnexpectedEOF.
func readData(r io.Reader, n int) ([]byte, error) {
	buf := make([]byte, min(n, firstChunk))
	got := 0
	for {
		k, err := io.ReadFull(r, buf[got:])
		got += k
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return buf[:got], err
		}
		if got == n {
			return buf, nil
		}
		buf = append(buf, make([]byte, min(n-got, len(buf)))...)
	}
}

// scale maps a pixel byte b to b/255, computed once for the 256 values.
var scale = func() (t [256]float64) {
	for i := range t {
		t[i] = float64(i) / 255
	}
	return t
}()

// columnBlock is how many images columns converts at a time: their 50 KB of
// pixel bytes stay in the cache while it writes a run of 64 floats into each
// of the 784 rows. Measured with BenchmarkLoad on a 2-core machine, 64 beat
// 8, 16, 32 and 128, and was five times as fast as one image at a time.
const columnBlock = 64

// columns converts m images of 784 bytes each, stored one after the other,
// into a 784×m matrix with image j in column j: pixel p of image j goes to
// data[p·m + j]. It is a transpose, done by blocks of images so that both
// the bytes read and the floats written stay close together.
func columns(pix []byte, m int) *mat.Dense {
	data := make([]float64, Pixels*m)
	for j0 := 0; j0 < m; j0 += columnBlock {
		j1 := min(j0+columnBlock, m)
		block := pix[j0*Pixels : j1*Pixels]
		for p := range Pixels {
			dst := data[p*m+j0 : p*m+j1]
			for k := range dst {
				dst[k] = scale[block[k*Pixels+p]]
			}
		}
	}
	return mat.NewDense(Pixels, m, data)
}
