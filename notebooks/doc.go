// Package notebooks holds the course, as GoNB notebooks: 01-forward.ipynb,
// 02-backprop.ipynb and 03-mnist.ipynb. It has no Go code of its own; its
// test runs every notebook headless, through Jupyter and the gonb kernel, and
// checks what the notebooks show:
//
//	go test ./notebooks/ -run TestNotebooks -v -timeout 60m
//	go test ./notebooks/ -run TestNotebooks/03-mnist -v -timeout 60m   # one notebook
//
// It needs Jupyter's nbconvert and the gonb kernel, which scripts/setup-kernel
// installs; without them the test is skipped, or fails when CI is set. With
// -short it is skipped. NOTEBOOKS=a.ipynb,b.ipynb runs those notebooks
// instead of the course (paths from the repository's root, or names of
// notebooks in this folder), with the same checks: a teacher's assignment,
// say.
//
// To regenerate the outputs saved in the notebooks, run scripts/run-notebooks;
// to open the course in Jupyter, scripts/open-course.
package notebooks
