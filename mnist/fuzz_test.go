package mnist

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
)

// FuzzDecodeImages feeds DecodeImages arbitrary data, starting from the
// files of the tests. It must never panic, and what it returns must be
// either an error or a matrix that fits the header.
func FuzzDecodeImages(f *testing.F) {
	for _, c := range imageCases() {
		f.Add(c.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		X, err := DecodeImages(bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "mnist: decoding images: ") {
				t.Errorf("error %q lacks the prefix", err)
			}
			return
		}
		m := int(binary.BigEndian.Uint32(data[4:]))
		if r, c := X.Dims(); r != Pixels || c != m {
			t.Fatalf("got a %d×%d matrix, the header says %d images", r, c, m)
		}
		for j := range m {
			for p := range Pixels {
				if got, want := X.At(p, j), float64(data[16+j*Pixels+p])/255; got != want {
					t.Fatalf("pixel %d of image %d: got %v, want %v", p, j, got, want)
				}
			}
		}
	})
}

// FuzzDecodeLabels feeds DecodeLabels arbitrary data, starting from the files
// of the tests. It must never panic, and what it returns must be either an
// error or the labels that follow the header, all of them digits.
func FuzzDecodeLabels(f *testing.F) {
	for _, c := range labelCases() {
		f.Add(c.data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		labels, err := DecodeLabels(bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "mnist: decoding labels: ") {
				t.Errorf("error %q lacks the prefix", err)
			}
			return
		}
		m := int(binary.BigEndian.Uint32(data[4:]))
		if len(labels) != m {
			t.Fatalf("got %d labels, the header says %d", len(labels), m)
		}
		for i, k := range labels {
			if k != int(data[8+i]) || k < 0 || k > 9 {
				t.Fatalf("label %d: got %d, the data holds %d", i, k, data[8+i])
			}
		}
	})
}
