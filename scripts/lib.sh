# shellcheck shell=bash disable=SC2034
# Shared by scripts/setup-kernel, scripts/open-course and scripts/run-notebooks.
# Source it; it defines functions and sets REPO and GOBIN_DIR, and puts GOBIN_DIR on PATH.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# gobin_dir prints where `go install` puts binaries: GOBIN, else the first GOPATH's bin.
gobin_dir() {
	local d
	d=$(go env GOBIN)
	if [[ -z $d ]]; then
		d="$(go env GOPATH)"
		d="${d%%:*}/bin"
	fi
	printf '%s\n' "$d"
}

# ensure_gobin_on_path puts GOBIN_DIR first on PATH for this script and what it starts
# (Jupyter, and through it the gonb kernel, which needs goimports and go on PATH).
# It sets GOBIN_ON_PATH=1 when the caller's PATH already had it, 0 otherwise.
ensure_gobin_on_path() {
	if ! command -v go >/dev/null 2>&1; then
		echo "error: go is not on PATH (install Go 1.26 from https://go.dev/dl/)" >&2
		return 1
	fi
	GOBIN_DIR=$(gobin_dir)
	case ":$PATH:" in
	*":$GOBIN_DIR:"*) GOBIN_ON_PATH=1 ;;
	*) GOBIN_ON_PATH=0; export PATH="$GOBIN_DIR:$PATH" ;;
	esac
}

# has_cmd NAME: is NAME an executable on PATH?
has_cmd() { command -v "$1" >/dev/null 2>&1; }

# has_jupyter_sub SUB: does `jupyter SUB` exist (notebook, nbconvert, kernelspec)?
has_jupyter_sub() {
	has_cmd jupyter && jupyter "$1" --version >/dev/null 2>&1
}

# kernelspec_list prints Jupyter's kernel list. `jupyter kernelspec` comes from Debian's
# package jupyter-client (not pulled in by jupyter-notebook); without it, ask the
# jupyter_client module of the Python that runs `jupyter`.
kernelspec_list() {
	if has_jupyter_sub kernelspec; then
		jupyter kernelspec list
		return
	fi
	local py
	py=$(jupyter_python) || return 1
	"$py" -m jupyter_client.kernelspecapp list 2>/dev/null
}

# jupyter_python prints the Python interpreter that runs `jupyter` (from its #! line).
jupyter_python() {
	local j line
	j=$(command -v jupyter) || return 1
	IFS= read -r line <"$j" || return 1
	line=${line#\#!}
	line=${line# }
	# "#!/usr/bin/env python3" -> python3
	if [[ $line == */env\ * ]]; then
		line=${line#*/env }
	fi
	printf '%s\n' "${line%% *}"
}

# has_gonb_kernel: is a kernel named gonb registered with Jupyter?
has_gonb_kernel() {
	kernelspec_list 2>/dev/null | awk '$1 == "gonb" { found = 1 } END { exit !found }'
}
