#!/usr/bin/env bash
# Whole-process comparison: `sluice review` against Squawk on the same generated folder of
# migrations (10,000 statements in 100 files by default), each run several times; prints the
# median wall time of each and the ratio. Installs squawk-cli from npm into bench/.tools.
#
#   JAVA_HOME=/path/to/jdk21+ bench/review-vs-squawk.sh [statements] [runs]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
statements="${1:-10000}"
runs="${2:-7}"
squawk_version="2.66.0"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

cd "$root"
./mvnw -q -B -Dmaven.test.skip=true -pl app,bench -am package >&2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$java" -jar bench/target/sluice-bench.jar --write-corpus "$work/corpus" --statements "$statements" >&2

if [ ! -x bench/.tools/node_modules/.bin/squawk ]; then
  npm install --prefix bench/.tools --no-save --no-audit --no-fund --silent "squawk-cli@$squawk_version" >&2
fi
squawk="bench/.tools/node_modules/.bin/squawk"

# Median wall time in milliseconds of running the command $runs times (after one untimed run).
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

files=("$work"/corpus/*.sql)
sluice_findings=$(./sluice review --format json "$work/corpus" | grep -c '"rule"' || true)
squawk_findings=$("$squawk" --reporter gcc "${files[@]}" 2>/dev/null | grep -c ':' || true)

sluice_ms=$(median_ms ./sluice review "$work/corpus")
squawk_ms=$(median_ms "$squawk" "${files[@]}")

echo "corpus: $statements statements in ${#files[@]} files"
echo "./sluice review: median ${sluice_ms} ms over $runs runs ($sluice_findings findings; $("$java" -version 2>&1 | head -1))"
echo "squawk $squawk_version: median ${squawk_ms} ms over $runs runs ($squawk_findings findings)"
awk -v a="$sluice_ms" -v b="$squawk_ms" 'BEGIN { printf "ratio sluice/squawk: %.2f (goal: at most 2.00)\n", a / b }'
