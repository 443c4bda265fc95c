package dev.occam.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing (AppCDS) archive that {@code bin/occam} starts the JVM
 * with. The build runs this class once with {@code -XX:ArchiveClassesAtExit}: it runs the usual
 * commands (fit, path, cv, predict, train, convert, help; CSV, LibSVM and Parquet data) in-process
 * on a tiny data set it writes to a temporary directory, so that every class those commands load
 * is parsed, verified and laid out once at build time instead of at every start of {@code occam}.
 *
 * <p>Not a user command: nothing here is reachable from {@code occam}. The archive only speeds up
 * class loading; a missing or stale archive leaves {@code occam} working as before (bin/occam
 * checks it is newer than the jar and the JVM ignores an archive that does not match).
 */
public final class CdsTraining {
    private CdsTraining() { }

    /**
     * Runs the training commands. A command that fails is reported on stderr (a bug worth seeing at
     * build time) but exits 1, which the build accepts: the archive then covers fewer classes.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("occam-cds");
        boolean ok = false;
        try {
            run(dir);
            ok = true;
        } catch (RuntimeException e) {
            System.err.println("occam: start-up archive training: " + e.getMessage());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
        if (!ok) System.exit(1);
    }

    private static void run(Path dir) throws IOException {
        Path csv = dir.resolve("train.csv");
        Path classes = dir.resolve("classes.csv");
        Path svm = dir.resolve("train.svm");
        Path parquet = dir.resolve("train.parquet");
        writeData(csv, classes, svm, parquet);
        String data = csv.toString();
        String model = dir.resolve("model.json").toString();
        String net = dir.resolve("net.json").toString();
        List<String[]> commands = List.of(
                new String[] {"--version"},
                new String[] {"--verbose", "convert", "--help"},
                new String[] {"--help"},
                new String[] {"fit", "--data", data, "--target", "y", "--lambda", "0.01", "--out", model, "--quiet"},
                new String[] {"path", "--data", data, "--target", "y", "--out", dir.resolve("path.csv").toString(), "--quiet"},
                new String[] {"cv", "--data", data, "--target", "y", "--folds", "3", "--out", dir.resolve("cv.json").toString(), "--quiet"},
                new String[] {"predict", "--model", model, "--data", data, "--out", dir.resolve("pred.csv").toString(), "--quiet"},
                new String[] {"fit", "--data", classes.toString(), "--target", "label", "--family", "binomial", "--lambda", "0.01",
                        "--out", dir.resolve("binomial.json").toString(), "--quiet"},
                new String[] {"fit", "--data", svm.toString(), "--lambda", "0.01", "--out", dir.resolve("svm.json").toString(), "--quiet"},
                new String[] {"path", "--data", parquet.toString(), "--target", "y", "--out", dir.resolve("path-pq.csv").toString(), "--quiet"},
                new String[] {"train", "--data", classes.toString(), "--target", "label", "--layers", "4", "--optimizer", "adamw",
                        "--lr", "0.01", "--epochs", "1", "--batch-size", "8", "--seed", "1", "--out", net, "--quiet"},
                new String[] {"predict", "--model", net, "--data", classes.toString(), "--out", dir.resolve("pred-net.csv").toString(), "--quiet"},
                new String[] {"convert", "--help"},
                // a user error: the one-line message path
                new String[] {"predict", "--model", model, "--data", dir.resolve("missing.csv").toString(),
                        "--out", dir.resolve("x.csv").toString()});
        Preload.start(new String[] {"path"});   // what Occam.main starts before a fit, path or cv
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (String[] c : commands) {
            int status = Occam.run(c, sink, sink);
            boolean expectedFailure = c[c.length - 1].endsWith("x.csv");
            if (status != 0 && !expectedFailure) {
                throw new IllegalStateException("CDS training command failed (status " + status + "): " + String.join(" ", c));
            }
        }
    }

    /** 60 rows of 3 features with a numeric target y (CSV, LibSVM, Parquet) and with a class label (CSV). */
    private static void writeData(Path csv, Path classes, Path svm, Path parquet) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder c = new StringBuilder("x1,x2,x3,y\n");
        StringBuilder k = new StringBuilder("x1,x2,x3,label\n");
        StringBuilder s = new StringBuilder();
        double[][] columns = new double[4][60];
        for (int i = 0; i < 60; i++) {
            double x1 = random.nextDouble() - 0.5;
            double x2 = random.nextDouble() - 0.5;
            double x3 = random.nextDouble() - 0.5;
            double y = 2 * x1 - x2 + 0.1 * (random.nextDouble() - 0.5);
            String label = y > 0 ? "yes" : "no";
            columns[0][i] = i % 2;   // two values: the dictionary-encoded column
            columns[1][i] = x1;
            columns[2][i] = x2;
            columns[3][i] = y;
            c.append(x1).append(',').append(x2).append(',').append(x3).append(',').append(y).append('\n');
            k.append(x1).append(',').append(x2).append(',').append(x3).append(',').append(label).append('\n');
            s.append(y).append(" 1:").append(x1).append(" 2:").append(x2).append(" 3:").append(x3).append('\n');
        }
        Files.writeString(csv, c);
        Files.writeString(classes, k);
        Files.writeString(svm, s);
        CdsParquetFile.write(parquet, List.of("odd", "x1", "x2", "y"), columns);
    }
}
