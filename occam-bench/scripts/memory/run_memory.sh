#!/usr/bin/env bash
# Peak RSS of occam commands against docs/memory.md's formula (issue 10). Builds occam.jar and the
# bench jar, then runs MemoryBench: each command as its own process on CSVs of a few sizes.
# Usage: occam-bench/scripts/memory/run_memory.sh [WORKDIR] [NxP ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="${1:-/tmp/occam-memory}"
shift || true
(cd "$root" && mvn -q -B -ntp -pl occam-cli,occam-bench -am package -DskipTests)
java -cp "$root/occam-bench/target/occam-bench.jar" dev.occam.bench.memory.MemoryBench \
  "$root/occam-cli/target/occam.jar" "$work" "$@"
