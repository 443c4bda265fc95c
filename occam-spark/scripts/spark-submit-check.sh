#!/usr/bin/env bash
# Runs the README's spark-submit lines for real and compares their answers with bin/occam's.
#
# No Spark distribution is installed here, but spark-submit is only a launcher: its script execs
# `java -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit ARGS…`. This script does the
# same with Spark's own jars from Maven Central (occam-spark's `provided` dependencies: the jars a
# Spark 4.0.1 / Scala 2.13 distribution ships) and the options Spark's launcher adds on Java 17,
# then runs the README's two lines on the bundled data — `path` on a Parquet file, `cv` on a CSV
# file with a fold column — and checks that the path and the CV table equal bin/occam's to 1e-8.
#
# Usage: occam-spark/scripts/spark-submit-check.sh   (builds what it needs; writes under target/)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/occam-spark/target/spark-submit-check
mkdir -p "$OUT"
cd "$ROOT"
echo "building occam-spark, occam-cli and occam-bench (for the Parquet writer)" >&2
mvn -q -B -ntp -pl occam-spark,occam-cli,occam-bench -am package -DskipTests
mvn -q -B -ntp -pl occam-spark dependency:build-classpath -Dmdep.includeScope=provided \
    -Dmdep.outputFile="$OUT/spark-classpath.txt" >/dev/null
# the same --add-opens Spark's launcher adds on Java 17 (JavaModuleOptions)
OPENS=$(sed -n 's:.*<argLine>\(.*\)</argLine>.*:\1:p' occam-spark/pom.xml | head -1 | tr ' ' '\n' | grep -- '^--add-opens\|^-D' | tr '\n' ' ')
spark_submit() {
  OPENBLAS_NUM_THREADS=1 java -Xmx2g $OPENS -cp "$(cat "$OUT/spark-classpath.txt")" \
      org.apache.spark.deploy.SparkSubmit "$@"
}

# data: diabetes (gaussian) as Parquet, and as CSV with a fold column (row i in fold i mod 5 + 1)
java -cp occam-bench/target/occam-bench.jar dev.occam.bench.CsvToParquet data/diabetes.csv "$OUT/diabetes.parquet" >/dev/null
awk -F, 'NR == 1 {print $0 ",fold"; next} {print $0 "," ((NR - 2) % 5 + 1)}' data/diabetes.csv > "$OUT/diabetes-folds.csv"

echo "spark-submit path on Parquet" >&2
spark_submit --master 'local[*]' occam-spark/target/occam-spark.jar \
    path --data "$OUT/diabetes.parquet" --target y --alpha 0.5 --nlambda 50 --out "$OUT/spark-path.csv"
echo "spark-submit cv on CSV with fold ids" >&2
spark_submit --master 'local[*]' occam-spark/target/occam-spark.jar \
    cv --data "$OUT/diabetes-folds.csv" --target y --foldid fold --table "$OUT/spark-cv.csv" --out "$OUT/spark-MODEL.json"

echo "bin/occam path on the same data" >&2
bin/occam path --data data/diabetes.csv --target y --alpha 0.5 --nlambda 50 --out "$OUT/occam-path.csv" --quiet
bin/occam cv --data "$OUT/diabetes-folds.csv" --target y --foldid fold --table "$OUT/occam-cv.csv" --out "$OUT/occam-MODEL.json" --quiet

/usr/bin/env python3 - "$OUT/spark-path.csv" "$OUT/occam-path.csv" "$OUT/spark-cv.csv" "$OUT/spark-MODEL.json" "$OUT/occam-cv.csv" <<'PY'
import csv, json, sys
def same(a, b, what):
    assert len(a) == len(b) and len(a) > 1, f"{what}: lengths differ: {len(a)} and {len(b)}"
    cols = [c for c in a[0] if c in b[0] and c != "kkt_violation"]
    worst = 0.0
    for ra, rb in zip(a, b):
        for c in cols:
            try:
                x, y = float(ra[c]), float(rb[c])
            except ValueError:
                continue
            worst = max(worst, abs(x - y) / max(1.0, abs(y)))
    assert worst <= 1e-8, f"{what}: spark-submit differs from bin/occam by {worst:.2e}"
    return len(cols), worst
a = list(csv.DictReader(open(sys.argv[1])))
b = list(csv.DictReader(open(sys.argv[2])))
assert len(a) == len(b) and len(a) > 1, f"paths differ in length: {len(a)} and {len(b)}"
cols = [c for c in a[0] if c in b[0] and c not in ("kkt_violation",)]
worst = 0.0
for ra, rb in zip(a, b):
    for c in cols:
        try:
            x, y = float(ra[c]), float(rb[c])
        except ValueError:
            continue
        worst = max(worst, abs(x - y) / max(1.0, abs(y)))
assert worst <= 1e-8, f"spark-submit path differs from bin/occam's by {worst:.2e}"
cv = list(csv.DictReader(open(sys.argv[3])))
cvcols, cvworst = same(cv, list(csv.DictReader(open(sys.argv[5]))), "cv table")
json.load(open(sys.argv[4]))
print(f"spark-submit path = bin/occam path over {len(a)} lambdas and {len(cols)} columns (largest difference {worst:.1e}); "
      f"cv table = bin/occam cv's over {len(cv)} lambdas and {cvcols} columns (largest difference {cvworst:.1e}); MODEL.json written")
PY
