package mnist

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// imagesIDX returns an IDX images file with the given header fields followed
// by pix, which need not match them.
func imagesIDX(magic, count, rows, cols uint32, pix []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, magic)
	b = binary.BigEndian.AppendUint32(b, count)
	b = binary.BigEndian.AppendUint32(b, rows)
	b = binary.BigEndian.AppendUint32(b, cols)
	return append(b, pix...)
}

// labelsIDX returns an IDX labels file with the given header fields followed
// by labels, which need not match them.
func labelsIDX(magic, count uint32, labels []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, magic)
	b = binary.BigEndian.AppendUint32(b, count)
	return append(b, labels...)
}

// gzipped returns b compressed with gzip.
func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

// pattern returns the pixel bytes of m images in which pixel p of image j
// is (7j + p) mod 256, so every position has its own value.
func pattern(m int) []byte {
	pix := make([]byte, m*Pixels)
	for j := range m {
		for p := range Pixels {
			pix[j*Pixels+p] = byte(7*j + p)
		}
	}
	return pix
}

// writeFile writes b to a file of t's temporary folder and returns its path.
func writeFile(t *testing.T, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// idxCase is a file to read and what reading it must give.
type idxCase struct {
	name string
	data []byte
	m    int    // images or labels expected when the read succeeds
	err  string // a part of the error message, "" when the read succeeds
	is   error  // an error the result must wrap, or nil

	formatErr bool // the error must wrap a *FormatError
}

// imageCases are the images files of the tests, also the fuzz seeds.
func imageCases() []idxCase {
	two := imagesIDX(ImagesMagic, 2, Rows, Cols, pattern(2))
	gz := gzipped(two)
	noTrailer := gz[:len(gz)-4] // the gzip size field cut off
	badCRC := bytes.Clone(gz)
	badCRC[len(badCRC)-8] ^= 0xff // the gzip CRC-32 field

	return []idxCase{
		{name: "valid raw", data: two, m: 2},
		{name: "valid gzip", data: gz, m: 2},
		{name: "bytes after the data", data: append(bytes.Clone(two), 1, 2, 3), m: 2},
		{name: "wrong magic", data: imagesIDX(2052, 2, Rows, Cols, pattern(2)),
			err: "magic number is 2052 (0x00000804), want 2051 (0x00000803)", formatErr: true},
		{name: "labels file", data: labelsIDX(LabelsMagic, 2, []byte{1, 2}),
			err: "magic number is 2049 (0x00000801), want 2051 (0x00000803) " +
				"(2049 opens a labels file)", formatErr: true},
		{name: "wrong dimensions", data: imagesIDX(ImagesMagic, 2, 32, 32, make([]byte, 2*32*32)),
			err: "image size is 32×32, want 28×28", formatErr: true},
		{name: "no images", data: imagesIDX(ImagesMagic, 0, Rows, Cols, nil),
			err: "image count is 0, want 1..10000000", formatErr: true},
		{name: "absurd count", data: imagesIDX(ImagesMagic, 1<<32-1, Rows, Cols, pattern(2)),
			err: "image count is 4294967295, want 1..10000000", formatErr: true},
		{name: "short data", data: imagesIDX(ImagesMagic, 2, Rows, Cols, pattern(2)[:1000]),
			err: "the header says 2 images (1568 pixel bytes) but the data ends " +
				"after 1000 bytes, enough for 1 image", is: io.ErrUnexpectedEOF},
		{name: "count beyond the data", data: imagesIDX(ImagesMagic, 9_000_000, Rows, Cols, pattern(2)),
			err: "the header says 9000000 images (7056000000 pixel bytes) but the data " +
				"ends after 1568 bytes, enough for 2 images", is: io.ErrUnexpectedEOF},
		{name: "no pixels", data: imagesIDX(ImagesMagic, 1, Rows, Cols, nil),
			err: "ends after 0 bytes, enough for 0 images", is: io.ErrUnexpectedEOF},
		{name: "short header", data: two[:10],
			err: "the IDX header ends after 10 of its 16 bytes", is: io.ErrUnexpectedEOF},
		{name: "short magic", data: two[:3],
			err: "the IDX header ends after 3 of its 16 bytes", is: io.ErrUnexpectedEOF},
		{name: "empty", data: nil,
			err: "the data is empty, an IDX header of 16 bytes was expected", is: io.ErrUnexpectedEOF},
		{name: "truncated gzip", data: gz[:len(gz)/2],
			err: "but the data ends after", is: io.ErrUnexpectedEOF},
		{name: "gzip without its size field", data: noTrailer,
			err: "checking the gzip stream after the IDX data: unexpected EOF", is: io.ErrUnexpectedEOF},
		{name: "gzip with a bad header", data: []byte{0x1f, 0x8b, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0},
			err: "reading the gzip header: gzip: invalid header", is: gzip.ErrHeader},
		{name: "gzip with a wrong checksum", data: badCRC,
			err: "checking the gzip stream after the IDX data: gzip: invalid checksum",
			is:  gzip.ErrChecksum},
	}
}

// labelCases are the labels files of the tests, also the fuzz seeds.
func labelCases() []idxCase {
	five := labelsIDX(LabelsMagic, 5, []byte{5, 0, 4, 1, 9})
	gz := gzipped(five)
	return []idxCase{
		{name: "valid raw", data: five, m: 5},
		{name: "valid gzip", data: gz, m: 5},
		{name: "label 10", data: labelsIDX(LabelsMagic, 5, []byte{5, 0, 4, 10, 9}),
			err: "label at index 3 is 10, want 0..9", formatErr: true},
		{name: "label 255", data: labelsIDX(LabelsMagic, 1, []byte{255}),
			err: "label at index 0 is 255, want 0..9", formatErr: true},
		{name: "images file", data: imagesIDX(ImagesMagic, 1, Rows, Cols, pattern(1)),
			err: "magic number is 2051 (0x00000803), want 2049 (0x00000801) " +
				"(2051 opens an images file)", formatErr: true},
		{name: "no labels", data: labelsIDX(LabelsMagic, 0, nil),
			err: "label count is 0, want 1..10000000", formatErr: true},
		{name: "short data", data: labelsIDX(LabelsMagic, 5, []byte{5, 0, 4}),
			err: "the header says 5 labels but the data ends after 3 labels", is: io.ErrUnexpectedEOF},
		{name: "short header", data: five[:6],
			err: "the IDX header ends after 6 of its 8 bytes", is: io.ErrUnexpectedEOF},
		{name: "empty", data: nil,
			err: "the data is empty, an IDX header of 8 bytes was expected", is: io.ErrUnexpectedEOF},
		{name: "truncated gzip", data: gz[:len(gz)-6],
			err: "unexpected EOF", is: io.ErrUnexpectedEOF},
	}
}

// checkErr reports a mismatch between err and what c wants.
func checkErr(t *testing.T, c idxCase, prefix string, err error) {
	t.Helper()
	if c.err == "" {
		if err != nil {
			t.Fatalf("got error %q, want none", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("got no error, want one containing %q", c.err)
	}
	if got := err.Error(); !strings.HasPrefix(got, prefix) || !strings.Contains(got, c.err) {
		t.Errorf("got error %q,\nwant it to start with %q and contain %q", got, prefix, c.err)
	}
	if c.is != nil && !errors.Is(err, c.is) {
		t.Errorf("got error %q, want it to wrap %q", err, c.is)
	}
	var fe *FormatError
	if got := errors.As(err, &fe); got != c.formatErr {
		t.Errorf("errors.As(%q, *FormatError) is %v, want %v", err, got, c.formatErr)
	}
}

func TestReadImages(t *testing.T) {
	for _, c := range imageCases() {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, TrainImagesFile, c.data)
			X, err := ReadImages(path)
			checkErr(t, c, "mnist: reading images from "+path+": ", err)
			if err != nil {
				return
			}
			if r, m := X.Dims(); r != Pixels || m != c.m {
				t.Fatalf("got a %d×%d matrix, want %d×%d", r, m, Pixels, c.m)
			}
		})
	}
}

func TestReadLabels(t *testing.T) {
	for _, c := range labelCases() {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, TrainLabelsFile, c.data)
			labels, err := ReadLabels(path)
			checkErr(t, c, "mnist: reading labels from "+path+": ", err)
			if err != nil {
				return
			}
			if want := []int{5, 0, 4, 1, 9}; !slices.Equal(labels, want) {
				t.Errorf("got labels %v, want %v", labels, want)
			}
		})
	}
}

func TestReadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nothing-here.gz")
	_, err := ReadImages(path)
	want := "mnist: reading images from " + path + ": no such file or directory"
	if err == nil || err.Error() != want || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got error %v, want %q wrapping fs.ErrNotExist", err, want)
	}
	_, err = ReadLabels(path)
	want = "mnist: reading labels from " + path + ": no such file or directory"
	if err == nil || err.Error() != want || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("got error %v, want %q wrapping fs.ErrNotExist", err, want)
	}
}

// TestDecode runs the raw cases through DecodeImages and DecodeLabels, which
// do not unpack gzip: they must say so.
func TestDecode(t *testing.T) {
	for _, c := range imageCases() {
		if strings.Contains(c.name, "gzip") {
			continue
		}
		t.Run("images/"+c.name, func(t *testing.T) {
			_, err := DecodeImages(bytes.NewReader(c.data))
			checkErr(t, c, "mnist: decoding images: ", err)
		})
	}
	for _, c := range labelCases() {
		if strings.Contains(c.name, "gzip") {
			continue
		}
		t.Run("labels/"+c.name, func(t *testing.T) {
			_, err := DecodeLabels(bytes.NewReader(c.data))
			checkErr(t, c, "mnist: decoding labels: ", err)
		})
	}

	gz := gzipped(imagesIDX(ImagesMagic, 1, Rows, Cols, pattern(1)))
	_, err := DecodeImages(bytes.NewReader(gz))
	want := "(the data is gzipped: use ReadImages or ReadLabels, or gzip.NewReader)"
	if err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("DecodeImages(gzipped data): got error %v, want one ending in %q", err, want)
	}
}

// failingReader returns its bytes and then an error that is not io.EOF.
type failingReader struct {
	data []byte
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestDecodeReadError(t *testing.T) {
	broken := errors.New("disk on fire")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"in the header", imagesIDX(ImagesMagic, 2, Rows, Cols, nil)[:6],
			"mnist: decoding images: reading the IDX header: disk on fire"},
		{"in the pixels", imagesIDX(ImagesMagic, 2, Rows, Cols, pattern(1)),
			"mnist: decoding images: reading pixel byte 784 of 1568: disk on fire"},
	}
	for _, tt := range tests {
		_, err := DecodeImages(&failingReader{tt.data, broken})
		if err == nil || err.Error() != tt.want || !errors.Is(err, broken) {
			t.Errorf("%s: got error %v, want %q wrapping the reader's error", tt.name, err, tt.want)
		}
	}
}

func TestPixelValues(t *testing.T) {
	pix := make([]byte, Pixels)
	pix[0], pix[1], pix[2], pix[783] = 255, 51, 0, 1
	X, err := DecodeImages(bytes.NewReader(imagesIDX(ImagesMagic, 1, Rows, Cols, pix)))
	if err != nil {
		t.Fatal(err)
	}
	// 51/255 and 1/255 are divided once, correctly rounded, so they are the
	// float64 nearest to 0.2 and to 1/255: == is the right test.
	tests := []struct {
		p    int
		want float64
	}{{0, 1}, {1, 0.2}, {2, 0}, {783, 1.0 / 255}}
	for _, tt := range tests {
		if got := X.At(tt.p, 0); got != tt.want {
			t.Errorf("pixel %d: got %v, want %v", tt.p, got, tt.want)
		}
	}
}

// TestColumnLayout checks that pixel p of image j lands at row p, column j,
// for a number of images that is not a multiple of the conversion's block.
func TestColumnLayout(t *testing.T) {
	const m = 2*columnBlock + 6
	X, err := DecodeImages(bytes.NewReader(imagesIDX(ImagesMagic, m, Rows, Cols, pattern(m))))
	if err != nil {
		t.Fatal(err)
	}
	if r, c := X.Dims(); r != Pixels || c != m {
		t.Fatalf("got a %d×%d matrix, want %d×%d", r, c, Pixels, m)
	}
	for j := range m {
		for p := range Pixels {
			want := float64(byte(7*j+p)) / 255
			if got := X.At(p, j); got != want {
				t.Fatalf("row %d, column %d: got %v, want %v (pixel %d of image %d)",
					p, j, got, want, p, j)
			}
		}
	}
}
