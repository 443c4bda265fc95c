#!/usr/bin/env bash
# End-to-end benchmark (issue 11): Occam's command line vs numpy/pandas + scikit-learn and
# data.table + glmnet, from a CSV file to a written lasso path, whole processes, on generated files
# of 2e4 x 100 (about 25 MB) and 1e5 x 500 (about 600 MB), and on their Parquet twins (written by
# occam-bench's CsvToParquet: DOUBLE columns, SNAPPY). Writes its section of docs/benchmarks.md.
#
#   occam-bench/scripts/e2e/run_e2e.sh [--runs R] [--tools "occam sklearn-numpy sklearn-pandas glmnet"]
#                                      [--sizes "20000x100 100000x500"] [--no-build]
#
# Installs the peers and OpenBLAS from Debian when missing (r-cran-glmnet, r-cran-data.table, python3-sklearn,
# python3-pandas; they run under /usr/bin/python3 and Rscript), builds occam.jar (with its start-up
# archive) and the bench jar, and generates the data once into bench-data/e2e/ (git-ignored).
# A run of some sizes only (--sizes "20000x100") rewrites their rows and keeps the others from the
# latest earlier run in bench-out/e2e/, marked "not rerun" with that run's time and load.
set -euo pipefail
{
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
DATA=$ROOT/bench-data/e2e
OUT=$ROOT/bench-out/e2e
RUNS=3
TOOLS="occam sklearn-numpy sklearn-pandas glmnet"
SIZES="20000x100 100000x500"
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --tools) TOOLS=$2; shift 2 ;;
    --sizes) SIZES=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

# Peers and OpenBLAS: installed from Debian when missing (never by hand only).
. "$ROOT/occam-bench/scripts/debian-packages.sh"
missing=($(openblas_package))
/usr/bin/python3 -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn)
/usr/bin/python3 -c 'import pandas' 2>/dev/null || missing+=(python3-pandas)
Rscript -e 'library(glmnet)' >/dev/null 2>&1 || missing+=(r-cran-glmnet)
Rscript -e 'library(data.table)' >/dev/null 2>&1 || missing+=(r-cran-data.table)
require_packages run_e2e.sh ${missing[@]+"${missing[@]}"}

if [ "$BUILD" = 1 ]; then
  (cd "$ROOT" && mvn -B -ntp -q -pl occam-cli,occam-bench -am package -DskipTests) >&2
fi

mkdir -p "$DATA" "$OUT"
files=()
seed=1
for s in $SIZES; do
  n=${s%x*}; p=${s#*x}
  f=$DATA/e2e-${n}x${p}.csv
  [ -f "$f" ] || /usr/bin/python3 "$ROOT/occam-bench/scripts/e2e/make_data.py" "$n" "$p" "$f" "$seed"
  files+=("$f")
  seed=$((seed + 1))
done
# the same tables as Parquet (read by Occam, and by the peers when pyarrow / R's arrow are installed)
for f in "${files[@]}"; do
  q=${f%.csv}.parquet
  [ -f "$q" ] || java -Xmx8g -cp "$ROOT/occam-bench/target/occam-bench.jar" dev.occam.bench.CsvToParquet "$f" "$q" >&2
  files+=("$q")
done

/usr/bin/python3 "$ROOT/occam-bench/scripts/e2e/e2e_bench.py" "$ROOT" "$DATA" "$OUT" "$RUNS" "$TOOLS" "${files[@]}"
exit 0
}
