#!/bin/sh
# html-check.sh tests the HTML report in headless Chromium (TestChromium
# and TestChromiumSystems in analyzer/report: the fixture, the sample shop's
# topology and generated systems of 60 and 300 services), installing
# Chromium with apt-get when no Chromium or Chrome is on PATH. With
# -screenshot it also saves the screenshots docs/ shows: docs/report.png
# (the sample shop, code and topology, as `check -report` writes it) and
# docs/report-*.png (the shop's topology and the generated systems).
#
#	scripts/html-check.sh [-screenshot]
set -eu
cd "$(dirname "$0")/.."

find_browser() {
	for b in ${FAULTLINE_CHROMIUM:-} chromium chromium-browser google-chrome google-chrome-stable; do
		if command -v "$b" >/dev/null 2>&1; then
			command -v "$b"
			return 0
		fi
	done
	return 1
}

if ! browser=$(find_browser); then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
	browser=$(find_browser)
fi
echo "html-check: using $browser"

shots=""
if [ "${1:-}" = "-screenshot" ]; then
	shots="-screenshots $PWD/docs"
fi
# shellcheck disable=SC2086 # $shots is a flag and its value, or nothing
FAULTLINE_CHROMIUM=$browser FAULTLINE_REQUIRE_CHROMIUM=1 go test -count=1 -run 'TestChromium' ./analyzer/report/ -args $shots

if [ -n "$shots" ]; then
	out=$(mktemp -d)
	trap 'rm -rf "$out"' EXIT
	go build -o "$out/faultline" ./cmd/faultline
	"$out/faultline" check -C testdata/shop -fail-on never -report "$out/report" >/dev/null
	"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --user-data-dir="$out/profile" \
		--window-size=1400,1000 --screenshot="$PWD/docs/report.png" \
		"file://$out/report/report.html" 2>/dev/null
	go run ./scripts/pngpalette docs/report.png docs/report-*.png # 256 colours: a third of the size
	echo "html-check: wrote docs/report.png and docs/report-*.png"
fi
