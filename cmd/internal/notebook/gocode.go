package notebook

import "strings"

// GoCode returns the Go file that GoNB compiles for a code cell on its own,
// without the declarations of earlier cells: package main, the cell's
// declarations, and the statements after a %% (or %main) line wrapped in
// func main. Line i of the cell (counting from 0) is line i+2 of the file,
// so positions in the file map back to the cell. Special lines (% and !
// commands, with their \ continuations) become blank.
//
// It returns ok = false for a cell that is not Go, one that starts with a
// cell magic such as %%writefile or %%bash.
func GoCode(source string) (code string, ok bool) {
	lines := strings.Split(source, "\n")
	if len(lines) > 0 {
		first := strings.Fields(gonbLine(lines[0]))
		if len(first) > 0 && strings.HasPrefix(first[0], "%%") && first[0] != "%%" {
			return "", false
		}
	}

	var b strings.Builder
	b.WriteString("package main\n")
	inMain, continued := false, false
	for _, line := range lines {
		trimmed := gonbLine(line)
		switch {
		case continued:
			continued = strings.HasSuffix(trimmed, `\`)
			b.WriteString("\n")
		case !inMain && (strings.HasPrefix(trimmed, "%%") || strings.HasPrefix(trimmed, "%main")):
			inMain = true
			b.WriteString("func main() {\n")
		case len(trimmed) > 1 && (trimmed[0] == '%' || trimmed[0] == '!'):
			continued = strings.HasSuffix(trimmed, `\`)
			b.WriteString("\n")
		case strings.HasPrefix(line, "package"):
			b.WriteString("\n")
		default:
			b.WriteString(line + "\n")
		}
	}
	if inMain {
		b.WriteString("}\n")
	}
	return b.String(), true
}

// gonbLine removes the "//gonb:" prefix with which GoNB lets a special
// command hide from Go tools.
func gonbLine(line string) string { return strings.TrimPrefix(line, "//gonb:") }

// CodeLine is the line of GoCode's file that holds line i of the cell.
func CodeLine(i int) int { return i + 2 }
