#!/usr/bin/env bash
# Cross-validation benchmark (issue 4, item 6): 10-fold CV of the elastic-net path (alpha = 0.5,
# 100 lambda) on the gaussian n = 100 000, p = 500 data of the path benchmark (data set "a"), Occam's
# CrossValidation.elasticNet vs R's cv.glmnet vs scikit-learn's ElasticNetCV, in one run, on the
# same data with the same fold ids. Writes occam-bench/results/cv.md.
#
#   occam-bench/scripts/cv/run_cv.sh [--rounds R] [--runs N] [--tools "occam glmnet sklearn sklearn-grid"]
#                                    [--glmnet-workers W] [--no-agreement] [--no-profile] [--no-build]
#                                    [--out FILE]
#
# Steps: build the bench jar; generate data set a into bench-data/ unless present (the path
# benchmark's generator and layout; CV_DATA=DIR uses another copy); write the fold ids once
# (bench-data/cv/, seeded, read by all three tools); then R rounds (default 3), each running every
# tool back to back, one process per tool, each process timing N CV runs (default 3) with the data
# in memory: its first run and the best of the later ones (the JVM compiles during the first).
# The table reports medians over the rounds. scikit-learn runs twice per round: "sklearn" with
# its default grid (eps = 1e-3) and "sklearn-grid" with eps = 1e-4, which is glmnet's grid, for an
# exact comparison of the chosen lambda. Then, untimed, the agreement runs: Occam with
# every fold fitted at the full lambda sequence (what ElasticNetCV does, to compare with it), and at
# a tight tolerance (AGREE_TOL, default 1e-12) cv.glmnet, Occam, and Occam under glmnet's
# y-standardizing convention (GlmnetConventionCv). --glmnet-workers W adds one cv.glmnet process
# with parallel = TRUE on W doParallel workers (r-cran-doparallel). OpenBLAS, numpy and the peers are
# installed from Debian's packages when missing (scripts/debian-packages.sh). Last, one more Occam
# process under Java Flight Recorder (untimed) shows where its time goes (cv_profile.py). Raw results:
# bench-out/cv/<run id>/ (git-ignored).
#
# Environment: BENCH_THREADS (default 2) threads for every tool (BLAS/OpenMP pools of R and numpy,
# the JVM's processor count, which is also the number of folds Occam fits at once; scikit-learn's
# n_jobs); CV_SEED (default 20240610) seed of the fold ids; AGREE_TOL; JAVA_OPTS (default -Xmx6g --add-modules jdk.incubator.vector);
# TOOL_TIMEOUT (default 3600) seconds before a tool process is killed.
set -euo pipefail
# One { ... } block: bash reads the whole script before running it, so editing it mid-run is safe.
{

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
SCRIPTS=$ROOT/occam-bench/scripts/cv
JAR=$ROOT/occam-bench/target/occam-bench.jar
PY=/usr/bin/python3             # Debian's Python with scikit-learn 1.2 (not the python3 first on PATH)
DATA=${CV_DATA:-$ROOT/bench-data/a}
SEED=${CV_SEED:-20240610}
K=10
ALPHA=0.5
THREADS=${BENCH_THREADS:-2}
AGREE_TOL=${AGREE_TOL:-1e-12}
JAVA_OPTS=${JAVA_OPTS:--Xmx6g --add-modules jdk.incubator.vector}
TOOL_TIMEOUT=${TOOL_TIMEOUT:-3600}

ROUNDS=3
RUNS=3
TOOLS="occam glmnet sklearn sklearn-grid"
GLMNET_WORKERS=0
AGREEMENT=1
PROFILE=1
BUILD=1
REPORT_OUT=$ROOT/occam-bench/results/cv.md

while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --tools) TOOLS=$2; shift 2 ;;
    --glmnet-workers) GLMNET_WORKERS=$2; shift 2 ;;
    --no-agreement) AGREEMENT=0; shift ;;
    --no-profile) PROFILE=0; shift ;;
    --no-build) BUILD=0; shift ;;
    --out) REPORT_OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "run_cv.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# OpenBLAS, numpy and the peers asked for: installed from Debian when missing (needs root and apt-get)
. "$ROOT/occam-bench/scripts/debian-packages.sh"
missing=($(openblas_package))
"$PY" -c 'import numpy' 2>/dev/null || missing+=(python3-numpy)
case " $TOOLS " in *" glmnet "*) Rscript -e 'library(glmnet)' > /dev/null 2>&1 || missing+=(r-cran-glmnet) ;; esac
case " $TOOLS " in *" sklearn"*) "$PY" -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn) ;; esac
if [ "$GLMNET_WORKERS" -gt 0 ]; then Rscript -e 'library(doParallel)' > /dev/null 2>&1 || missing+=(r-cran-doparallel); fi
require_packages run_cv.sh ${missing[@]+"${missing[@]}"}

export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

if [ "$BUILD" = 1 ]; then
  log "building the bench jar"
  (cd "$ROOT" && mvn -q -B -ntp -pl occam-core,occam-bench -am package -DskipTests)
fi
[ -f "$JAR" ] || { echo "run_cv.sh: $JAR missing (build failed or --no-build without a jar)" >&2; exit 2; }

if [ ! -f "$DATA/meta.json" ]; then
  log "generating data set a into $(dirname "$DATA")"
  java -Xmx4g -cp "$JAR" dev.occam.bench.DataGenerator "$(dirname "$DATA")" a
fi
N=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['n'])" "$DATA/meta.json")
FOLDS=$ROOT/bench-data/cv/a-foldid-k$K-seed$SEED.i32
java -cp "$JAR" dev.occam.bench.CvFolds "$FOLDS" "$N" "$K" "$SEED"

RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench-out/cv/$RUN_ID
mkdir -p "$OUT"
printf '{"run_id":"%s","started":"%s","load_start":"%s","commit":"%s","threads":%s,"rounds":%s,"runs":%s,"seed":%s,"data":"%s"}\n' \
  "$RUN_ID" "$(date -u +%FT%TZ)" "$(load)" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "$THREADS" "$ROUNDS" "$RUNS" "$SEED" "$DATA" > "$OUT/run.json"

# run_tool NAME OUTBASE -- COMMAND...: one process; its JSON line (plus the load average before and
# after) goes to OUTBASE.json, its log to OUTBASE.log.
run_tool() {
  local name=$1 base=$2 line status=0 before
  shift 3
  before=$(load)
  log "$name ($(basename "$base")), load $before"
  line=$(timeout "$TOOL_TIMEOUT" "$@" 2>>"$base.log" | tail -n 1) || status=$?
  if [ "$status" != 0 ] || [ -z "$line" ]; then
    log "$name failed (exit $status); see $base.log"
    line=$(printf '{"tool":"%s","failed":true,"exit_status":%s}' "$name" "$status")
  fi
  printf '{"load_before":"%s","load_after":"%s",%s\n' "$before" "$(load)" "${line#\{}" > "$base.json"
  if grep -q '"failed":true' "$base.json"; then log "$name -> failed"
  else log "$name -> $(grep -o '"\(untimed_\)\?seconds":[^,]*' "$base.json" | head -1)"; fi
}

occam_cmd() { echo java $JAVA_OPTS -XX:ActiveProcessorCount="$THREADS" -cp "$JAR"; }
common=(--data "$DATA" --folds "$FOLDS" --alpha "$ALPHA")

for r in $(seq 1 "$ROUNDS"); do
  for tool in $TOOLS; do
    base=$OUT/round$r-$tool
    case "$tool" in
      occam)   run_tool occam "$base" -- $(occam_cmd) dev.occam.bench.CvBench "${common[@]}" --runs "$RUNS" \
                 --curve-out "$base.csv" ;;
      glmnet)  run_tool glmnet "$base" -- Rscript "$SCRIPTS/bench_cv_glmnet.R" "${common[@]}" --runs "$RUNS" \
                 --curve-out "$base.csv" ;;
      sklearn) run_tool sklearn "$base" -- "$PY" "$SCRIPTS/bench_cv_sklearn.py" "${common[@]}" --runs "$RUNS" \
                 --jobs "$THREADS" --eps 1e-3 --curve-out "$base.csv" ;;
      sklearn-grid) run_tool sklearn-grid "$base" -- "$PY" "$SCRIPTS/bench_cv_sklearn.py" "${common[@]}" --runs "$RUNS" \
                 --jobs "$THREADS" --eps 1e-4 --label sklearn-grid --curve-out "$base.csv" ;;
      *) echo "run_cv.sh: unknown tool $tool" >&2; exit 2 ;;
    esac
  done
done

if [ "$GLMNET_WORKERS" -gt 1 ]; then
  run_tool "glmnet-par$GLMNET_WORKERS" "$OUT/glmnet-par$GLMNET_WORKERS" -- Rscript "$SCRIPTS/bench_cv_glmnet.R" \
    "${common[@]}" --runs "$RUNS" --workers "$GLMNET_WORKERS" --curve-out "$OUT/glmnet-par$GLMNET_WORKERS.csv"
fi

if [ "$AGREEMENT" = 1 ]; then
  log "agreement runs (untimed): Occam with folds at the full lambda sequence; tolerance $AGREE_TOL for cv.glmnet and Occam"
  run_tool occam-full "$OUT/agree-occam-full" -- $(occam_cmd) dev.occam.bench.CvBench "${common[@]}" --runs 1 \
    --fold-lambdas full --label occam-full --curve-out "$OUT/agree-occam-full.csv"
  run_tool occam-tight "$OUT/agree-occam-tight" -- $(occam_cmd) dev.occam.bench.CvBench "${common[@]}" --runs 1 \
    --tolerance "$AGREE_TOL" --label occam-tight --curve-out "$OUT/agree-occam-tight.csv"
  run_tool occam-glmnet-y "$OUT/agree-occam-glmnet-y" -- $(occam_cmd) dev.occam.bench.GlmnetConventionCv "${common[@]}" \
    --tolerance "$AGREE_TOL" --curve-out "$OUT/agree-occam-glmnet-y.csv"
  run_tool glmnet-tight "$OUT/agree-glmnet-tight" -- Rscript "$SCRIPTS/bench_cv_glmnet.R" "${common[@]}" --runs 1 \
    --thresh "$AGREE_TOL" --label glmnet-tight --curve-out "$OUT/agree-glmnet-tight.csv"
fi

if [ "$PROFILE" = 1 ]; then
  log "occam once more under Java Flight Recorder (untimed)"
  rm -f "$OUT/occam.jfr"
  if timeout "$TOOL_TIMEOUT" java $JAVA_OPTS -XX:ActiveProcessorCount="$THREADS" \
       -XX:StartFlightRecording=filename="$OUT/occam.jfr",settings=profile -cp "$JAR" dev.occam.bench.CvBench "${common[@]}" --runs "$RUNS" >/dev/null 2>>"$OUT/occam-profile.log" \
     && "$PY" "$SCRIPTS/cv_profile.py" "$OUT/occam.jfr" > "$OUT/occam-profile.md.tmp"; then
    mv "$OUT/occam-profile.md.tmp" "$OUT/occam-profile.md"
  else
    log "profiling failed; see $OUT/occam-profile.log"
  fi
fi

printf '{"finished":"%s","load_end":"%s"}\n' "$(date -u +%FT%TZ)" "$(load)" >> "$OUT/run.json"
"$PY" "$SCRIPTS/report_cv.py" --results "$OUT" --out "$REPORT_OUT" --jar "$JAR"
log "wrote $REPORT_OUT"
exit 0
}
