#!/usr/bin/env bash
# Fashion-MNIST MLP benchmark: Occam against PyTorch CPU, back to back in one run.
#
# 784-256-128-10, ReLU, softmax cross-entropy, batch 128, AdamW lr 1e-3 wd 1e-2 (decoupled,
# PyTorch semantics, weights only on both sides), 5 epochs, pixels / 255.
# Each repeat runs every configuration once (the order rotated by one each repeat), with seed =
# repeat number; the table reports the median epoch time over all epochs of all repeats, the median process CPU time
# per epoch, and the median test accuracy over repeats. The load average is recorded around every run.
#
# Usage (from anywhere):  occam-bench/scripts/mlp/run_mlp.sh
# Environment:
#   REPEATS=5                 repeats of the whole set of configurations
#   EPOCHS=5                  epochs per run
#   CONFIGS="..."             space-separated subset of the configuration names below
#   OUT=occam-bench/results/mlp.md   the results fragment written at the end
#   LOG=occam-bench/results/mlp-raw.log   every line printed by every run
#   DATA=/usr/share/datasets/fashion-mnist
#   TORCH_PYTHON=/usr/bin/python3     Debian's Python with torch 1.13
#   SKIP_BUILD=1              use the existing occam-bench/target/occam-bench.jar
#   SKIP_PROFILE=1            skip the per-phase profile and the GEMM-only measurements
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
cd "$ROOT"
REPEATS="${REPEATS:-5}"
EPOCHS="${EPOCHS:-5}"
DATA="${DATA:-/usr/share/datasets/fashion-mnist}"
TORCH_PYTHON="${TORCH_PYTHON:-/usr/bin/python3}"
OUT="${OUT:-occam-bench/results/mlp.md}"
LOG="${LOG:-occam-bench/results/mlp-raw.log}"
JAR=occam-bench/target/occam-bench.jar
ALL_CONFIGS="torch-2t torch-2t-passive torch-1t occam occam-1t occam-java"
CONFIGS="${CONFIGS:-$ALL_CONFIGS}"

for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
  [ -r "$DATA/$f" ] || { echo "run_mlp.sh: $DATA/$f not found (apt-get install dataset-fashion-mnist)" >&2; exit 2; }
done
"$TORCH_PYTHON" -c 'import torch' 2>/dev/null || { echo "run_mlp.sh: $TORCH_PYTHON cannot import torch (apt-get install python3-torch)" >&2; exit 2; }
if [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
  mvn -q -o -pl occam-core,occam-bench package -DskipTests
fi

# One configuration: the command that runs it (environment + program).
run_config() {
  local name="$1" seed="$2"
  local torch=("$TORCH_PYTHON" "$HERE/mlp_torch.py" --data "$DATA" --epochs "$EPOCHS" --seed "$seed")
  local args=(-cp "$JAR" dev.occam.bench.MlpBench --data "$DATA" --epochs "$EPOCHS" --seed "$seed")
  case "$name" in
    # As prescribed: OMP_NUM_THREADS=2 and torch.set_num_threads(2); libgomp's default wait policy.
    torch-2t)         env OMP_NUM_THREADS=2 "${torch[@]}" --threads 2 ;;
    # The same with idle OpenMP threads sleeping instead of spinning.
    torch-2t-passive) env OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE "${torch[@]}" --threads 2 ;;
    torch-1t)         env OMP_NUM_THREADS=1 "${torch[@]}" --threads 1 ;;
    # Occam as a user runs it: native sgemm (OpenBLAS, its default threads = cores), no settings.
    occam)            java "${args[@]}" ;;
    occam-1t)         env OPENBLAS_NUM_THREADS=1 java -Doccam.threads=1 "${args[@]}" ;;
    # The pure-Java GEMM (the fallback without a native BLAS), threads = cores.
    occam-java)       java -Doccam.blas=java "${args[@]}" ;;
    *) echo "run_mlp.sh: unknown configuration $name" >&2; exit 2 ;;
  esac
}

mkdir -p "$(dirname "$OUT")" "$(dirname "$LOG")"
: > "$LOG"
echo "# $(date -u +%FT%TZ) REPEATS=$REPEATS EPOCHS=$EPOCHS CONFIGS=$CONFIGS" >> "$LOG"
read -r -a config_list <<< "$CONFIGS"
for r in $(seq 1 "$REPEATS"); do
  # Rotate the order every repeat so that no configuration always runs first or after the same one.
  order=()
  for i in "${!config_list[@]}"; do
    order+=("${config_list[$(( (i + r - 1) % ${#config_list[@]} ))]}")
  done
  for c in "${order[@]}"; do
    echo "== repeat $r $c load_before=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
    run_config "$c" "$r" 2>&1 | grep -E '^(torch|occam) ' | sed "s/^/$c $r /" | tee -a "$LOG"
    echo "== end $r $c load_after=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
  done
done

# Where Occam's epoch goes (one thread, so that every phase runs on the timed thread; CPU time,
# which the load does not inflate) and what the GEMM alone reaches on the step's eight products.
if [ -z "${SKIP_PROFILE:-}" ]; then
  echo "== profile load_before=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
  env OPENBLAS_NUM_THREADS=1 java -Doccam.threads=1 -cp "$JAR" dev.occam.bench.MlpBench --data "$DATA" --epochs 3 --profile 2>&1 \
    | grep -E '^profile ' | sed 's/^/profile 0 /' | tee -a "$LOG"
  env OPENBLAS_NUM_THREADS=1 java -Doccam.threads=1 -cp "$JAR" dev.occam.bench.MlpBench --gemm 2>&1 \
    | grep -E '^gemm ' | sed 's/^/gemm-native 0 /' | tee -a "$LOG"
  java -Doccam.threads=1 -Doccam.blas=java -cp "$JAR" dev.occam.bench.MlpBench --gemm 2>&1 \
    | grep -E '^gemm ' | sed 's/^/gemm-java 0 /' | tee -a "$LOG"
fi

"$TORCH_PYTHON" "$HERE/summarize.py" --log "$LOG" --out "$OUT" --configs "$CONFIGS" --repeats "$REPEATS" --epochs "$EPOCHS"
echo "wrote $OUT (raw lines in $LOG)"
