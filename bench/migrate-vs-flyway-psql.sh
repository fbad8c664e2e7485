#!/usr/bin/env bash
# A release of 3 migrations to a fleet of tenant databases on one local, durable embedded
# PostgreSQL: `sluice migrate` against Flyway (one Flyway per database, sequentially and with the
# same parallelism) and against a psql floor (xargs -P, same parallelism), each on fresh databases,
# in one run; then the no-op re-run and sluice's peak memory. Prints a table of ratios and a
# PASS/FAIL line per goal. Needs psql (the PostgreSQL client) and, for peak memory, GNU time.
#
#   JAVA_HOME=/path/to/jdk21+ bench/migrate-vs-flyway-psql.sh [databases] [parallel]   # default 500 4
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if ! command -v psql >/dev/null 2>&1; then
  echo "migrate-vs-flyway-psql: psql is missing; the psql floor needs the PostgreSQL client" >&2
  echo "  (Debian/Ubuntu: apt-get install postgresql-client)" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "migrate-vs-flyway-psql: /usr/bin/time is missing (Debian/Ubuntu: apt-get install time);" \
    "peak memory will be read from /proc instead" >&2
fi

cd "$root"
./mvnw -q -B -Dmaven.test.skip=true -pl app,bench -am package >&2

exec "$java" -Dsluice.jar="$root/app/target/sluice.jar" -Dpsql="$(command -v psql)" \
  -cp bench/target/sluice-bench.jar dev.sluice.bench.MigrateBenchmark "$@"
