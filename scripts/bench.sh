#!/usr/bin/env bash
# Measures faultline against go vet and cue export on the same inputs:
# wall seconds and peak MiB, median of 3 runs. Usage:
#   scripts/bench.sh code DIR [FILE] # faultline check vs go vet ./... in module DIR,
#       # and check with the result cache: empty, warm and unchanged, and
#       # after an edit of FILE (a Go file of DIR; it is restored)
#   scripts/bench.sh topology N      # check -topology vs cue export on N generated services
#   scripts/bench.sh modules M P     # one run over M generated modules of P packages vs M runs
#   scripts/bench.sh compare DIR REV [RUNS]
#       # faultline check ./... in module DIR: this tree against commit REV,
#       # RUNS pairs (default 5) run in turn, medians and their ratio
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/faultline" "$root/cmd/faultline"
# No run uses (or fills) the user's result cache; code's cache lines use
# one of their own.
export FAULTLINE_CACHE=off

# measure CMD...: prints the wall seconds, CPU seconds (user + system) and
# peak MiB of the median (by wall) of 3 runs. On a shared machine the CPU
# time is the steadier figure.
measure() {
	for i in 1 2 3; do
		/usr/bin/time -f "%e %M %U %S" -o "$work/t$i" "$@" >/dev/null 2>&1 || true
	done
	sort -n "$work/t1" "$work/t2" "$work/t3" | sed -n 2p | awk '{printf "%.2f s (CPU %.2f s), %d MiB\n", $1, $3+$4, $2/1024}'
}

case "${1:-}" in
code)
	dir=$2
	edit=${3:+$(realpath "$3")}
	cd "$dir"
	go vet ./... >/dev/null 2>&1 || true # warm the build cache
	# go vet caches its results too: a flag value unique to each run
	# changes vet's cache key, so it analyses again with the build cache
	# warm (the baseline of README.md's "Performance" section).
	echo "go vet ./... (build cache warm, results not cached): $(measure bash -c 'go vet -printf.funcs=BenchNoSuchFunc$RANDOM$RANDOM ./...')"
	echo "faultline check ./... (no cache): $(measure "$work/faultline" check -cache=off -fail-on never ./...)"
	echo "faultline check, Go rules only:   $(measure "$work/faultline" check -cache=off -fail-on never -disable cascade,drift,notimeout,queuehygiene,retryamp,sharedfate,softfail,spof,synccycle,timeoutbudget,undeclared,unsaferetry,zonespof ./...)"
	# The result cache: each cold run starts from an empty cache (and
	# writes it); the warm runs find every package unchanged.
	export FAULTLINE_CACHE="$work/cache"
	echo "check, cache empty (writes it):   $(measure bash -c 'rm -rf "$FAULTLINE_CACHE"; exec "$0" check -fail-on never ./...' "$work/faultline")"
	"$work/faultline" check -fail-on never ./... >/dev/null 2>&1 || true
	echo "check, cache warm, unchanged:     $(measure "$work/faultline" check -fail-on never ./...)"
	if [ -n "$edit" ]; then
		# One file edited before each run (a comment appended), the
		# cache warm from the run before: the file's package and its
		# importers miss.
		cp "$edit" "$work/edited.orig"
		trap 'cp "$work/edited.orig" "$edit"; rm -rf "$work"' EXIT
		echo "check, cache warm, $3 edited: $(measure bash -c 'echo "// bench $RANDOM$RANDOM" >>"$1"; exec "$0" check -fail-on never ./...' "$work/faultline" "$edit")"
	fi
	export FAULTLINE_CACHE=off
	;;
topology)
	n=$2
	go run -C "$root" ./scripts/gentopology -n "$n" >"$work/topology.cue"
	cd "$work" # outside any module: the topology alone
	cue=$(command -v cue || echo "$(go env GOPATH)/bin/cue")
	[ -x "$cue" ] || go install cuelang.org/go/cmd/cue@v0.17.1
	echo "services: $n, file: $(wc -c <"$work/topology.cue") bytes"
	echo "cue export:                $(measure "$cue" export "$work/topology.cue")"
	# Without the evaluation's time and memory guards, which a large
	# generated system on a loaded machine can exceed (cue export has none).
	echo "faultline check -topology: $(measure "$work/faultline" check -fail-on never -topology-timeout -1s -topology-memory -1 -topology "$work/topology.cue")"
	;;
modules)
	m=$2 p=$3
	sys="$work/system"
	for ((i = 0; i < m; i++)); do
		mod="$sys/svc$i"
		mkdir -p "$mod"
		printf 'module example.com/svc%d\n\ngo 1.24\n' "$i" >"$mod/go.mod"
		imports="" calls=""
		for ((j = 0; j < p - 1; j++)); do
			mkdir -p "$mod/p$j"
			cat >"$mod/p$j/p.go" <<-EOF
			package p$j

			import (
				"context"
				"database/sql"
				"net/http"
				"time"
			)

			// Load is bounded; Fetch uses a client with no Timeout.
			func Load(ctx context.Context, db *sql.DB) error {
				ctx, cancel := context.WithTimeout(ctx, time.Second)
				defer cancel()
				_, err := db.ExecContext(ctx, "SELECT 1")
				return err
			}

			func Fetch(c *http.Client, url string) (*http.Response, error) { return c.Get(url) }
			EOF
			imports+="	\"example.com/svc$i/p$j\""$'\n'
			calls+="		p$j.Fetch(http.DefaultClient, os.Getenv(\"SVC$(((i + 1) % m))_URL\"))"$'\n'
		done
		cat >"$mod/main.go" <<-EOF
		package main

		import (
			"net/http"
			"os"
		$imports)

		func main() {
			http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		$calls	})
			http.ListenAndServe(":8080", nil)
		}
		EOF
	done
	echo "modules: $m of $p packages"
	total=0 peak=0
	for ((i = 0; i < m; i++)); do
		read -r t k < <(measure "$work/faultline" check -fail-on never -C "$sys/svc$i" | awk '{print $1, $3}')
		total=$(echo "$total + $t" | bc) peak=$((k > peak ? k : peak))
	done
	echo "one run per module (sum of medians, largest peak): $total s, $peak MiB"
	echo "one run over all modules:                          $(measure "$work/faultline" check -fail-on never -C "$sys")"
	;;
compare)
	# The two binaries run in turn (this tree, REV, this tree, REV, ...)
	# after a warm-up run of each, so a machine that speeds up or slows
	# down during the measurement weighs on both; the medians of wall,
	# CPU (user + system) and peak RSS are compared. The catalogue's
	# cost was measured so on jaeger (README.md, "Performance").
	dir=$2 rev=$3 runs=${4:-5}
	mkdir "$work/base-src"
	git -C "$root" archive "$rev" | tar -x -C "$work/base-src"
	(cd "$work/base-src" && go build -o "$work/base" ./cmd/faultline)
	cd "$dir"
	for i in $(seq 0 "$runs"); do
		for bin in faultline base; do
			/usr/bin/time -f "%e %U %S %M" -o "$work/$bin.$i" "$work/$bin" check -fail-on never -format json -o /dev/null ./... >/dev/null 2>&1 || true
		done
	done
	# medians BIN: "wall cpu peak" of runs 1..RUNS (run 0 warms up).
	medians() {
		for i in $(seq 1 "$runs"); do cat "$work/$1.$i"; done |
			awk '{w[NR] = $1; c[NR] = $2 + $3; m[NR] = $4 / 1024}
			function med(a, n,   i, j, t) {
				for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
				return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
			}
			END { printf "%.2f %.2f %.0f\n", med(w, NR), med(c, NR), med(m, NR) }'
	}
	read -r aw ac am <<<"$(medians faultline)"
	read -r bw bc bm <<<"$(medians base)"
	echo "faultline check ./..., median of $runs:  wall     cpu      peak"
	printf "  this tree           %8.2f s %6.2f s %6d MiB\n" "$aw" "$ac" "$am"
	printf "  %-19s %8.2f s %6.2f s %6d MiB\n" "$rev" "$bw" "$bc" "$bm"
	awk -v aw="$aw" -v ac="$ac" -v am="$am" -v bw="$bw" -v bc="$bc" -v bm="$bm" \
		'BEGIN { printf "  ratio               %8.3f   %8.3f   %8.3f\n", aw/bw, ac/bc, am/bm }'
	;;
*)
	echo "usage: $0 code DIR [FILE] | topology N | modules M P | compare DIR REV [RUNS]" >&2
	exit 2
	;;
esac
