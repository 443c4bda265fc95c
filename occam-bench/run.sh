#!/usr/bin/env bash
# Side-by-side benchmark of the elastic-net path: Occam vs R glmnet vs scikit-learn, in one run on
# the same data, fitting the same objective to matched accuracy. Writes docs/benchmarks.md.
#
#   occam-bench/run.sh [--tasks "a-lasso a-enet b-lasso c-lasso d-lasso d50-lasso"] [--tools "occam glmnet sklearn"]
#                      [--runs R] [--no-build] [--no-report] [--no-profile] [--from-defaults]
#
# Steps: build the bench jar; generate bench-data/ once (kept between runs); for every task run
# every tool (one process per tool and task, so each has its own peak memory); evaluate every
# tool's canonical objective at every λ with one evaluator (scripts/evaluate.py); tighten the
# tolerance (÷√10) of any tool whose objective is more than 1e-6 relative above the best any tool
# reached, and run it again, until all agree or a tool has been tightened MAX_TIGHTEN times; record
# one more Occam fit with Java Flight Recorder (untimed) to show where its time goes; then write the
# report (scripts/report.py). Raw results: bench-out/ (git-ignored).
#
# Environment: BENCH_THREADS (default 2) threads for every tool's BLAS/OpenMP and the JVM's
# processor count; SKLEARN_TIME_LIMIT (default 900) seconds after which scikit-learn's per-λ
# logistic path stops; TOOL_TIMEOUT (default 3600) seconds before any tool process is killed;
# JAVA_OPTS (default -Xmx6g --add-modules jdk.incubator.vector: the SIMD kernels).
set -euo pipefail
# The whole script is one { ... } block, so bash reads it completely before running it: editing
# this file while a long benchmark runs cannot change the running one.
{

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=$ROOT/bench-data
OUT=$ROOT/bench-out
SCRIPTS=$ROOT/occam-bench/scripts
JAR=$ROOT/occam-bench/target/occam-bench.jar
PY=/usr/bin/python3             # Debian's Python with scikit-learn 1.2 (not the python3 first on PATH)

TASKS="a-lasso a-enet b-lasso c-lasso d-lasso"
TOOLS="occam occam-thresh glmnet sklearn"   # occam: the certified default rule; occam-thresh: glmnet's rule
RUNS=3
BUILD=1
REPORT=1
PROFILE=1
FROM_DEFAULTS=0
MAX_TIGHTEN=8
TIGHTEN=3.16227766              # each tightening divides a tolerance by √10: a grid of half decades, the same for every tool
THRESHOLD=1e-6
BUDGET=120                      # seconds: a tool stops repeating a fit once its runs exceed this
THREADS=${BENCH_THREADS:-2}
SKLEARN_TIME_LIMIT=${SKLEARN_TIME_LIMIT:-900}
TOOL_TIMEOUT=${TOOL_TIMEOUT:-3600}
JAVA_OPTS=${JAVA_OPTS:--Xmx6g --add-modules jdk.incubator.vector}

while [ $# -gt 0 ]; do
  case "$1" in
    --tasks) TASKS=$2; shift 2 ;;
    --tools) TOOLS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --no-report) REPORT=0; shift ;;
    --no-profile) PROFILE=0; shift ;;
    --from-defaults) FROM_DEFAULTS=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

# What the run needs from Debian's packages, installed when missing (scripts/debian-packages.sh):
# OpenBLAS for every tool's BLAS, numpy for the evaluator, R's glmnet and scikit-learn for the tools
# asked for.
. "$SCRIPTS/debian-packages.sh"
missing=($(openblas_package))
"$PY" -c 'import numpy' 2>/dev/null || missing+=(python3-numpy)
case " $TOOLS " in *" glmnet "*) Rscript -e 'library(glmnet)' > /dev/null 2>&1 || missing+=(r-cran-glmnet) ;; esac
case " $TOOLS " in *" sklearn "*) "$PY" -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn) ;; esac
require_packages run.sh ${missing[@]+"${missing[@]}"}

# Same thread count for every tool: BLAS and OpenMP pools of R and numpy, the JVM's processor count.
export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS

# task -> data set and α
task_data() { case "$1" in a-lasso|a-enet) echo a ;; b-lasso) echo b ;; c-lasso) echo c ;; d-lasso) echo d ;; d50-lasso) echo d50 ;;
  *) echo "run.sh: unknown task $1" >&2; exit 2 ;; esac; }
task_alpha() { case "$1" in a-enet) echo 0.5 ;; *) echo 1 ;; esac; }

# Starting tolerance of each tool on each task: one half decade looser than the loosest that met
# the 1e-6 rule when this table was calibrated, so the run itself finds each tool's loosest passing
# setting (run.sh --from-defaults starts from each tool's default instead and tightens).
# glmnet thresh and Occam tolerance: coordinate-descent change relative to the null deviance;
# scikit-learn tol: duality gap relative to ||y||² (enet_path) or liblinear's gradient tolerance.
start_tol() {
  local tool=$1 task=$2
  if [ "$FROM_DEFAULTS" = 1 ]; then
    case "$tool" in sklearn) echo 1e-4 ;; *) echo 1e-7 ;; esac; return
  fi
  case "$tool:$task" in
    # Occam's certified default needs no tuning: its own default tolerance (where sweeps start)
    occam:*) echo 1e-7 ;;
    occam-thresh:a-lasso) echo 3.16e-9 ;;  occam-thresh:a-enet) echo 3.16e-8 ;;  occam-thresh:b-lasso) echo 3.16e-8 ;;
    occam-thresh:c-lasso) echo 3.16e-12 ;; occam-thresh:d-lasso|occam-thresh:d50-lasso) echo 1e-9 ;;
    glmnet:b-lasso) echo 3.16e-8 ;; glmnet:c-lasso) echo 3.16e-12 ;; glmnet:d-lasso|glmnet:d50-lasso) echo 3.16e-9 ;;
    sklearn:c-lasso) echo 1e-5 ;;
    occam-thresh:*) echo 1e-7 ;;
    glmnet:*)  echo 1e-7 ;;
    sklearn:*) echo 1e-4 ;;
  esac
}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [ "$BUILD" = 1 ]; then
  log "building the bench jar"
  (cd "$ROOT" && mvn -q -B -ntp -pl occam-core,occam-bench -am package -DskipTests)
fi
[ -f "$JAR" ] || { echo "run.sh: $JAR missing (build failed or --no-build without a jar)" >&2; exit 2; }

needed=""
for task in $TASKS; do d=$(task_data "$task"); case " $needed " in *" $d "*) ;; *) needed="$needed $d" ;; esac; done
log "data sets:$needed (generated once into $DATA)"
# d50 is d's data with the first 50 of its 100 λ (down to λ_max/100): past them the path nears the
# unpenalized fit of 50 000 sparse features (48 600 active at λ index 66), where every tool's
# coordinate descent needs thousands of passes per λ and a whole path takes hours
generate=$(printf '%s\n' $needed | sed 's/^d50$/d/' | sort -u | tr '\n' ' ')
java -Xmx4g -cp "$JAR" dev.occam.bench.DataGenerator "$DATA" $generate
if [[ " $needed " == *" d50 "* ]]; then
  mkdir -p "$DATA/d50"
  for f in meta.json beta.f64 colptr.i32 rowind.i32 values.f64 y.f64; do ln -sfn "../d/$f" "$DATA/d50/$f"; done
  "$PY" -c "import sys, numpy as np; np.fromfile(sys.argv[1])[:50].tofile(sys.argv[2])" \
    "$DATA/d/lambda-alpha1.f64" "$DATA/d50/lambda-alpha1.f64"
fi

mkdir -p "$OUT"
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
printf '{"run_id":"%s","started":"%s","load_start":"%s","commit":"%s","threads":%s,"tasks":"%s","tools":"%s","runs":%s}\n' \
  "$RUN_ID" "$(date -u +%FT%TZ)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "$THREADS" "$TASKS" "$TOOLS" "$RUNS" > "$OUT/run-$RUN_ID.json"

# run_tool TOOL TASK TOL: one process; its JSON line goes to OUT/TASK/TOOL.json and results.jsonl.
run_tool() {
  local tool=$1 task=$2 tol=$3 d alpha dir line status=0
  d=$(task_data "$task"); alpha=$(task_alpha "$task"); dir=$OUT/$task
  mkdir -p "$dir"
  local common=(--data "$DATA/$d" --task "$task" --alpha "$alpha" --tolerance "$tol" --runs "$RUNS"
                --budget "$BUDGET" --coef-out "$dir/$tool.f64")
  log "$task: $tool at tolerance $tol"
  rm -f "$dir/$tool.f64"
  case "$tool" in
    occam|occam-thresh)
             rule=kkt; [ "$tool" = occam-thresh ] && rule=thresh
             line=$(timeout "$TOOL_TIMEOUT" java $JAVA_OPTS -XX:ActiveProcessorCount="$THREADS" -cp "$JAR" \
                      dev.occam.bench.PathBench "${common[@]}" --convergence "$rule" 2>>"$dir/$tool.log") || status=$?
             line=$(printf '%s\n' "$line" | tail -n 1 | sed "s/\"tool\":\"occam\"/\"tool\":\"$tool\"/") ;;
    glmnet)  line=$(timeout "$TOOL_TIMEOUT" Rscript "$SCRIPTS/bench_glmnet.R" "${common[@]}" 2>>"$dir/$tool.log") || status=$? ;;
    sklearn) line=$(timeout "$TOOL_TIMEOUT" "$PY" "$SCRIPTS/bench_sklearn.py" "${common[@]}" --solver liblinear \
                      --time-limit "$SKLEARN_TIME_LIMIT" 2>>"$dir/$tool.log") || status=$? ;;
    *) echo "run.sh: unknown tool $tool" >&2; exit 2 ;;
  esac
  line=$(printf '%s\n' "$line" | tail -n 1)
  if [ "$status" != 0 ] || [ -z "$line" ]; then
    log "$task: $tool failed (exit $status); see $dir/$tool.log"
    line=$(printf '{"tool":"%s","task":"%s","tolerance":%s,"failed":true,"exit_status":%s}' "$tool" "$task" "$tol" "$status")
  fi
  line="{\"run_id\":\"$RUN_ID\",${line#\{}"
  printf '%s\n' "$line" > "$dir/$tool.json"
  printf '%s\n' "$line" >> "$OUT/results.jsonl"
  log "$task: $tool -> $(printf '%s' "$line" | grep -o '"seconds":[^,]*' || echo failed)"
}

# A tool is tightened only if it finished its path and its last run did not fail or time out.
can_tighten() {
  local f=$OUT/$2/$1.json
  ! grep -q '"failed":true' "$f" && ! grep -q '"complete":\s*false' "$f"
}

for task in $TASKS; do
  d=$(task_data "$task"); alpha=$(task_alpha "$task")
  declare -A tol=() tightened=()
  for tool in $TOOLS; do
    tol[$tool]=$(start_tol "$tool" "$task"); tightened[$tool]=0
    run_tool "$tool" "$task" "${tol[$tool]}"
  done
  while :; do
    above=$("$PY" "$SCRIPTS/evaluate.py" --data "$DATA/$d" --alpha "$alpha" --dir "$OUT/$task" --tools $TOOLS \
              --threshold "$THRESHOLD" | tee -a "$OUT/$task/evaluate.log" | tee /dev/stderr | sed -n 's/^above: *//p')
    rerun=""
    for tool in $above; do
      if can_tighten "$tool" "$task" && [ "${tightened[$tool]}" -lt "$MAX_TIGHTEN" ]; then rerun="$rerun $tool"; fi
    done
    [ -z "$rerun" ] && break
    for tool in $rerun; do
      tol[$tool]=$("$PY" -c "print('%.3g' % ($(printf '%s' "${tol[$tool]}") / $TIGHTEN))")
      tightened[$tool]=$(( ${tightened[$tool]} + 1 ))
      run_tool "$tool" "$task" "${tol[$tool]}"
    done
  done
  if [ "$PROFILE" = 1 ] && [[ " $TOOLS " == *" occam "* ]] && ! grep -q '"failed":true' "$OUT/$task/occam.json"; then
    log "$task: occam once more under Java Flight Recorder (not timed)"
    rm -f "$OUT/$task/occam.jfr"
    if timeout "$TOOL_TIMEOUT" java $JAVA_OPTS -XX:ActiveProcessorCount="$THREADS" \
         -XX:StartFlightRecording:jdk.ExecutionSample#period=2ms,filename="$OUT/$task/occam.jfr",settings=profile -cp "$JAR" dev.occam.bench.PathBench \
         --data "$DATA/$d" --task "$task" --alpha "$alpha" --tolerance "${tol[occam]}" --runs 2 --budget "$BUDGET" \
         >/dev/null 2>>"$OUT/$task/occam.log" \
       && "$PY" "$SCRIPTS/jfr_top.py" "$OUT/$task/occam.jfr" --package dev.occam > "$OUT/$task/occam-profile.md.tmp"; then
      mv "$OUT/$task/occam-profile.md.tmp" "$OUT/$task/occam-profile.md"
    else
      log "$task: profiling failed; see $OUT/$task/occam.log"
    fi
  fi
  unset tol tightened
done

printf '{"run_id":"%s","finished":"%s","load_end":"%s"}\n' "$RUN_ID" "$(date -u +%FT%TZ)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  >> "$OUT/run-$RUN_ID.json"
if [ "$REPORT" = 1 ]; then
  "$PY" "$SCRIPTS/report.py" --out "$ROOT/docs/benchmarks.md" --results "$OUT" --run-id "$RUN_ID" --jar "$JAR"
  log "wrote docs/benchmarks.md"
fi
exit 0
}
