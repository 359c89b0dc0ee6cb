#!/usr/bin/env bash
# The HTTP benchmark of issue 13, one command: installs wrk and hey from Debian's packages if they
# are missing, builds the server and the benchmark jars through the reactor (never `mvn install`),
# then runs dev.cofre.benchmarks.HttpBench, which writes benchmarks/REPORT.md.
#
#   benchmarks/run-http.sh                 full run (~10 min), writes benchmarks/REPORT.md
#   benchmarks/run-http.sh --quick         reduced run (< 2 min), writes benchmarks/target/REPORT-quick.md
#   benchmarks/run-http.sh --no-build ...  use the jars already in */target
#
# Any other option goes to HttpBench (see its Javadoc): --rounds 3, --duration 10, --pg-url none, ...
# Loopback only. PostgreSQL parts use COFRE_BENCH_POSTGRES_URL, else COFRE_TEST_POSTGRES_URL, else
# jdbc:postgresql://127.0.0.1:5432/test?user=postgres; they are skipped if it does not answer.
set -euo pipefail
cd "$(dirname "$0")/.."

build=yes
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=no; else args+=("$a"); fi
done

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v hey >/dev/null 2>&1 || missing+=(hey)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian's packages..."
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for tool in wrk hey java jcmd; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run-http.sh: $tool is not installed" >&2; exit 2; }
done

if [ "$build" = yes ] || [ ! -f benchmarks/target/benchmarks.jar ] || [ ! -f bootstrap/target/cofre.jar ]; then
  echo "Building bootstrap/target/cofre.jar and benchmarks/target/benchmarks.jar..."
  # Without this, a second `package` shades over the previous, already shaded cofre.jar (the jar
  # plugin keeps it when bootstrap's own classes did not change) and stale classes of the other
  # modules win over the new ones.
  rm -f bootstrap/target/cofre.jar bootstrap/target/cofre-bootstrap-*-shaded.jar
  mvn -B -q -pl benchmarks -am package -DskipTests
fi

pg_url="${COFRE_BENCH_POSTGRES_URL:-${COFRE_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}}"
exec java -cp benchmarks/target/benchmarks.jar dev.cofre.benchmarks.HttpBench --pg-url "$pg_url" "${args[@]}"
