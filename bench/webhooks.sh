#!/usr/bin/env bash
# Webhook acknowledgement latency (p50, p99 at a steady rate) and pull-request-to-comment time,
# against `sluice serve` running as its own process, GitHub simulated by WireMock.
#
#   JAVA_HOME=/path/to/jdk21+ bench/webhooks.sh [seconds=60] [requests-per-second=100]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$root"
./mvnw -q -B -Dmaven.test.skip=true -pl app,bench -am package >&2
exec "$java" -cp bench/target/sluice-bench.jar dev.sluice.bench.WebhookBenchmark "${1:-60}" "${2:-100}" app/target/sluice.jar
