package dev.occam.bench;

import dev.occam.data.Dataset;
import dev.occam.data.DenseMatrix;
import dev.occam.data.DesignMatrix;
import dev.occam.data.SparseMatrix;
import dev.occam.glm.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark data set read back from its directory (layout in {@link BenchFiles}) into an Occam
 * {@link Dataset}: dense X straight into the column-major array {@link DenseMatrix} uses, sparse
 * X into CSC arrays, with no conversion.
 *
 * @param dir the data set's directory
 * @param family gaussian or binomial
 * @param dataset X and y ready for {@code ElasticNet.path} (binomial y as class index 0/1)
 */
record BenchData(Path dir, Family family, Dataset dataset) {

    static BenchData load(Path dir) {
        Path metaFile = dir.resolve("meta.json");
        if (!Files.exists(metaFile)) {
            throw new IllegalArgumentException(dir + ": no meta.json (data set missing or incomplete; run the generator)");
        }
        JsonNode meta = JsonMapper.shared().readTree(metaFile.toFile());
        int n = meta.get("n").asInt();
        int p = meta.get("p").asInt();
        Family family = Family.parse(meta.get("family").asString());
        String kind = meta.get("kind").asString();
        DesignMatrix x;
        if (kind.equals("dense")) {
            x = new DenseMatrix(n, p, BenchFiles.readDoubles(dir.resolve("X.f64"), (long) n * p));
        } else if (kind.equals("sparse")) {
            int[] colPtr = BenchFiles.readInts(dir.resolve("colptr.i32"), p + 1L);
            int nnz = colPtr[p];
            x = new SparseMatrix(n, p, colPtr, BenchFiles.readInts(dir.resolve("rowind.i32"), nnz),
                    BenchFiles.readDoubles(dir.resolve("values.f64"), nnz));
        } else {
            throw new IllegalArgumentException(metaFile + ": kind must be dense or sparse; got " + kind);
        }
        double[] y = BenchFiles.readDoubles(dir.resolve("y.f64"), n);
        List<String> classes = family.hasClasses() ? List.of("0", "1") : null;
        Dataset data = new Dataset(x, y, null, Dataset.defaultNames(p), "y", classes);
        return new BenchData(dir, family, data);
    }

    /** The λ sequence written for α. */
    double[] lambdas(double alpha) {
        return BenchFiles.readDoubles(dir.resolve(DatasetSpec.lambdaFile(alpha)), -1);
    }
}
