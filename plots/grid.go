package plots

// grid holds values over a rectangular grid of points, for gonum/plot's
// heat maps and contours, which read it through plotter.GridXYZ.
//
// This is the one place where the package meets GridXYZ's order. GridXYZ
// counts columns first: its Dims returns (c, r) and its Z takes (c, r),
// the reverse of mat.Dense, whose Dims returns (r, c) and At takes (r, c).
// Columns run along the x axis, left to right, and rows along the y axis,
// with row 0 at the bottom of the chart, not at the top as in a printed
// matrix. Code in this package fills a grid with set(r, c, v) in mat's
// order; only the four methods below speak GridXYZ's.
type grid struct {
	x []float64 // x[c]: the x coordinate of column c
	y []float64 // y[r]: the y coordinate of row r, row 0 lowest
	z []float64 // z[r*len(x)+c]: the value at (x[c], y[r]), row by row
}

// newGrid returns a grid of zeros over the points (x[c], y[r]).
func newGrid(x, y []float64) *grid {
	return &grid{x: x, y: y, z: make([]float64, len(x)*len(y))}
}

// set stores v at row r, column c: the point (x[c], y[r]).
func (g *grid) set(r, c int, v float64) { g.z[r*len(g.x)+c] = v }

// Dims returns the number of columns, then rows: GridXYZ's (c, r) order.
func (g *grid) Dims() (c, r int) { return len(g.x), len(g.y) }

// Z returns the value at column c, row r: GridXYZ's (c, r) order.
func (g *grid) Z(c, r int) float64 { return g.z[r*len(g.x)+c] }

// X returns the x coordinate of column c.
func (g *grid) X(c int) float64 { return g.x[c] }

// Y returns the y coordinate of row r.
func (g *grid) Y(r int) float64 { return g.y[r] }
