package nn

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
)

// A model file holds a trained network's architecture and parameters. Its
// version 1 layout is
//
//	line 1   "deeplearning-go model 1\n"         the magic line, with the version
//	line 2   the architecture as one line of JSON, then "\n":
//	         {"inputs":784,"layers":[{"units":512,"activation":"relu"},…],
//	          "loss":"categorical_crossentropy"}
//	data     W[1], b[1], W[2], b[2], …: every element in row-major order,
//	         as a little-endian IEEE 754 float64
//	last 4   the CRC-32 (IEEE) of everything before it, little-endian
//
// The optimizer's state (Adam's moving averages) is not saved: a loaded
// network predicts as the saved one did, and a new optimizer continues its
// training from a fresh start.
const modelMagic = "deeplearning-go model"

// ModelVersion is the version of the model file format that Save writes.
const ModelVersion = 1

// modelHeader is the JSON line of a model file.
type modelHeader struct {
	Inputs int          `json:"inputs"`
	Layers []layerEntry `json:"layers"`
	Loss   string       `json:"loss"`
}

type layerEntry struct {
	Units      int    `json:"units"`
	Activation string `json:"activation"`
}

// Save writes the network to path in the model file format. It writes a
// temporary file in the same folder, flushes it to disk and renames it over
// path, so a crash mid-write leaves any earlier file at path whole. The file
// is readable by everyone and writable by its owner (mode 0644).
func (n *Network) Save(path string) (err error) {
	var buf bytes.Buffer
	n.encode(&buf)

	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("nn: Save %s: cannot write in its folder: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("nn: Save %s: %w", path, err)
	}
	if _, err = tmp.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("nn: Save %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("nn: Save %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("nn: Save %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("nn: Save %s: %w", path, err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// syncDir flushes a folder's entries, so that a rename survives a crash. Not
// every system can, so its failure is ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// header describes the network as the model file's architecture line does.
func (n *Network) header() modelHeader {
	h := modelHeader{Inputs: n.Inputs, Loss: n.Loss.Name}
	for _, layer := range n.Layers {
		h.Layers = append(h.Layers, layerEntry{Units: layer.Units(), Activation: layer.Activation.Name})
	}
	return h
}

// encode writes the network in the model file format.
func (n *Network) encode(w *bytes.Buffer) {
	header := n.header()
	line, _ := json.Marshal(header) // a struct of ints and strings always encodes

	fmt.Fprintf(w, "%s %d\n%s\n", modelMagic, ModelVersion, line)
	var b [8]byte
	for _, p := range n.Params() {
		for _, v := range rawData(p.Value) {
			binary.LittleEndian.PutUint64(b[:], math.Float64bits(v))
			w.Write(b[:])
		}
	}
	binary.LittleEndian.PutUint32(b[:4], crc32.ChecksumIEEE(w.Bytes()))
	w.Write(b[:4])
}

// Load reads a network saved by Save. A file that is not a model file, has
// another version, is cut short, has extra bytes or fails its checksum is an
// error saying so. The loaded network has the saved loss and Adam with
// Keras' defaults as its optimizer.
func Load(path string) (*Network, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("nn: Load: %w", err)
	}
	n, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("nn: Load %s: %w", path, err)
	}
	return n, nil
}

// LoadWeights reads the parameters of a model file into n, whose layers
// must have the same sizes and activations as the saved ones; otherwise it
// returns an error describing both and leaves n unchanged.
func (n *Network) LoadWeights(path string) error {
	saved, err := Load(path)
	if err != nil {
		return err
	}
	if got, want := architecture(saved), architecture(n); got != want {
		return fmt.Errorf("nn: LoadWeights %s: the file holds the network %s "+
			"but this network is %s", path, got, want)
	}
	for i, layer := range n.Layers {
		layer.W.Copy(saved.Layers[i].W)
		layer.B.Copy(saved.Layers[i].B)
	}
	return nil
}

// architecture describes a network's sizes and activations in one line,
// such as "784 → 512 relu → 10 softmax".
func architecture(n *Network) string { return n.header().String() }

// errNotModel is returned for a file that does not start with the magic line.
var errNotModel = errors.New("not a model file: it does not start with " + modelMagic)

// decode parses a whole model file.
func decode(data []byte) (*Network, error) {
	r := bufio.NewReader(bytes.NewReader(data))

	// The magic line and the version.
	first, err := r.ReadString('\n')
	if err != nil && len(first) < len(modelMagic) {
		return nil, errNotModel
	}
	var version int
	if _, err := fmt.Sscanf(first, modelMagic+" %d\n", &version); err != nil {
		return nil, errNotModel
	}
	if version != ModelVersion {
		return nil, fmt.Errorf("model file version %d; this package reads version %d",
			version, ModelVersion)
	}

	// The architecture.
	line, err := r.ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("truncated: the architecture line has no end: %w",
			io.ErrUnexpectedEOF)
	}
	var header modelHeader
	if err := json.Unmarshal(line, &header); err != nil {
		return nil, fmt.Errorf("corrupt architecture line: %v", err)
	}
	count, err := header.countParams()
	if err != nil {
		return nil, fmt.Errorf("corrupt architecture line: %v", err)
	}

	// The parameters and the checksum, sized before anything is allocated.
	headerSize := len(first) + len(line)
	want := headerSize + 8*count + 4
	switch {
	case len(data) < want:
		return nil, fmt.Errorf("truncated, or its architecture line is corrupt: %d bytes, "+
			"but the architecture %s needs %d: %w", len(data), header, want, io.ErrUnexpectedEOF)
	case len(data) > want:
		return nil, fmt.Errorf("corrupt: %d bytes, but the architecture %s needs %d",
			len(data), header, want)
	}
	body, sum := data[:want-4], binary.LittleEndian.Uint32(data[want-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, errors.New("corrupt: the checksum does not match the contents")
	}

	n, err := networkFrom(header)
	if err != nil {
		return nil, fmt.Errorf("corrupt architecture line: %v", err)
	}
	values := body[headerSize:]
	for _, p := range n.Params() {
		dst := rawData(p.Value)
		for i := range dst {
			dst[i] = math.Float64frombits(binary.LittleEndian.Uint64(values))
			values = values[8:]
		}
	}
	return n, nil
}

// countParams returns the number of parameters the header describes, or an
// error for sizes no real network has.
func (h modelHeader) countParams() (int, error) {
	if h.Inputs < 1 || h.Inputs > 1<<24 || len(h.Layers) == 0 || len(h.Layers) > 1000 {
		return 0, fmt.Errorf("it describes %d inputs and %d layers", h.Inputs, len(h.Layers))
	}
	count, nPrev := 0, h.Inputs
	for i, l := range h.Layers {
		if l.Units < 1 || l.Units > 1<<24 {
			return 0, fmt.Errorf("it gives layer %d %d units", i+1, l.Units)
		}
		count += l.Units * (nPrev + 1)
		nPrev = l.Units
	}
	if count > 1<<32 {
		return 0, fmt.Errorf("it describes %d parameters", count)
	}
	return count, nil
}

// String describes the architecture as "784 → 512 relu → 10 softmax".
func (h modelHeader) String() string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d", h.Inputs)
	for _, l := range h.Layers {
		fmt.Fprintf(&b, " → %d %s", l.Units, l.Activation)
	}
	return b.String()
}

// networkFrom builds a network of the architecture a model file describes,
// with zero weights.
func networkFrom(h modelHeader) (*Network, error) {
	specs := make([]LayerSpec, len(h.Layers))
	for i, l := range h.Layers {
		specs[i] = LayerSpec{Units: l.Units, Activation: l.Activation, Init: "glorot"}
	}
	n, err := NewNetwork(0, h.Inputs, specs...)
	if err != nil {
		return nil, err
	}
	if h.Loss != "" {
		if n.Loss, err = LossNamed(h.Loss); err != nil {
			return nil, err
		}
	}
	for _, p := range n.Params() {
		p.Value.Zero()
	}
	return n, nil
}
