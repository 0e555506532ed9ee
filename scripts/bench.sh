#!/usr/bin/env bash
# Measures faultline against go vet and cue export on the same inputs:
# wall seconds and peak MiB, median of 3 runs. Usage:
#   scripts/bench.sh code DIR        # faultline check vs go vet ./... in module DIR
#   scripts/bench.sh topology N      # check -topology vs cue export on N generated services
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/faultline" "$root/cmd/faultline"

# measure CMD...: prints "wall_seconds peak_MiB" of the median (by wall) of 3 runs.
measure() {
	for i in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$work/t$i" "$@" >/dev/null 2>&1 || true
	done
	sort -n "$work/t1" "$work/t2" "$work/t3" | sed -n 2p | awk '{printf "%.2f s, %d MiB\n", $1, $2/1024}'
}

case "${1:-}" in
code)
	dir=$2
	cd "$dir"
	go vet ./... >/dev/null 2>&1 || true # warm the build cache
	# go vet caches its results too: a flag value unique to each run
	# changes vet's cache key, so it analyses again with the build cache
	# warm (the baseline of README.md's "Performance" section).
	echo "go vet ./... (build cache warm, results not cached): $(measure bash -c 'go vet -printf.funcs=BenchNoSuchFunc$RANDOM$RANDOM ./...')"
	echo "faultline check ./...:          $(measure "$work/faultline" check -fail-on never ./...)"
	echo "faultline check, Go rules only: $(measure "$work/faultline" check -fail-on never -disable cascade,drift,notimeout,queuehygiene,retryamp,sharedfate,softfail,spof,synccycle,timeoutbudget,undeclared,unsaferetry,zonespof ./...)"
	;;
topology)
	n=$2
	go run -C "$root" ./scripts/gentopology -n "$n" >"$work/topology.cue"
	cd "$work" # outside any module: the topology alone
	cue=$(command -v cue || echo "$(go env GOPATH)/bin/cue")
	[ -x "$cue" ] || go install cuelang.org/go/cmd/cue@v0.17.1
	echo "services: $n, file: $(wc -c <"$work/topology.cue") bytes"
	echo "cue export:                $(measure "$cue" export "$work/topology.cue")"
	echo "faultline check -topology: $(measure "$work/faultline" check -fail-on never -topology "$work/topology.cue")"
	;;
*)
	echo "usage: $0 code DIR | topology N" >&2
	exit 2
	;;
esac
