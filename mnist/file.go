package mnist

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"gonum.org/v1/gonum/mat"
)

// ReadImages reads the IDX images file at path, gzipped or raw, and returns
// its m images as the columns of a 784×m matrix scaled to [0, 1], as
// DecodeImages does. A file that starts with the gzip magic bytes 0x1f 0x8b
// is decompressed, and its gzip checksum is checked to the end of the
// stream.
//
// Errors start with "mnist: reading images from <path>: " and wrap what
// DecodeImages would report, or the error of the file system or of gzip.
func ReadImages(path string) (*mat.Dense, error) {
	var X *mat.Dense
	err := readFile(path, func(r io.Reader) (err error) {
		X, err = decodeImages(r)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("mnist: reading images from %s: %w", path, err)
	}
	return X, nil
}

// ReadLabels reads the IDX labels file at path, gzipped or raw, and returns
// its labels, as DecodeLabels does. Gzip is detected as in ReadImages.
//
// Errors start with "mnist: reading labels from <path>: " and wrap what
// DecodeLabels would report, or the error of the file system or of gzip.
func ReadLabels(path string) ([]int, error) {
	var labels []int
	err := readFile(path, func(r io.Reader) (err error) {
		labels, err = decodeLabels(r)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("mnist: reading labels from %s: %w", path, err)
	}
	return labels, nil
}

// readFile opens the file at path and hands its content to decode,
// decompressed when it is gzipped. Its errors do not repeat the path, which
// the caller adds.
func readFile(path string, decode func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return pe.Err // the caller names the file
		}
		return err
	}
	defer f.Close()

	br := bufio.NewReaderSize(f, 1<<16)
	start, _ := br.Peek(2)
	if len(start) < 2 || start[0] != 0x1f || start[1] != 0x8b {
		return decode(br)
	}

	zr, err := gzip.NewReader(br)
	if err != nil {
		return fmt.Errorf("reading the gzip header: %w", err)
	}
	if err := decode(zr); err != nil {
		return err
	}
	// Read the gzip stream to its end, so that its checksum is checked: a
	// file cut just before its last bytes would otherwise go unnoticed.
	if _, err := io.Copy(io.Discard, zr); err != nil {
		return fmt.Errorf("checking the gzip stream after the IDX data: %w", err)
	}
	return nil
}
