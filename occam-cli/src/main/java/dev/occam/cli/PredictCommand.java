package dev.occam.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.occam.data.DataFormatException;
import dev.occam.data.Dataset;
import dev.occam.data.LibSvmReader;
import dev.occam.data.ReadOptions;
import dev.occam.data.TargetKind;
import dev.occam.glm.Family;
import dev.occam.glm.LinearModel;
import dev.occam.io.AtomicFiles;
import dev.occam.io.ModelFile;
import dev.occam.nn.NetworkFile;
import dev.occam.nn.NetworkModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code occam predict}: applies a model file to data. The features are read by the model's names
 * (CSV) or positions (LibSVM); other columns, including the target, are ignored and need not exist.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict with a model file and write the predictions as CSV, one row per data row.",
                "Columns: link or response (multinomial: link_<class> / response_<class> per class), or class."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL.json", description = "A model file written by occam fit (MODEL.json) or occam train (NET.json).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Data with the model's feature columns: CSV with a header, Parquet, or LibSVM.")
    Path data;

    @Option(names = "--type", paramLabel = "link|response|class", defaultValue = "link",
            description = "link: the linear predictor (glmnet's default); response: mean, P(second class) or class "
                    + "probabilities; class: the most probable label (binomial, multinomial). Default: ${DEFAULT-VALUE}.")
    String type;

    @Option(names = "--format", paramLabel = "csv|parquet|libsvm",
            description = "Layout of --data (default: libsvm for names ending in .svm or .libsvm, parquet for .parquet, else csv).")
    DataFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The CSV file to write.")
    Path out;

    @Option(names = "--quiet", description = "Print nothing but errors and warnings.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        String kind = type.toLowerCase(Locale.ROOT);
        if (!List.of("link", "response", "class").contains(kind)) {
            throw new ParameterException(spec.commandLine(), "--type must be link, response or class; got " + type);
        }
        Outputs.checkWritable(spec.commandLine(), "--out", out);
        if (NetworkFile.isNetworkFile(modelFile)) {
            return predictNetwork(console, kind);
        }
        LinearModel model = ModelFile.read(modelFile);
        if (kind.equals("class") && !model.family().hasClasses()) {
            throw new ParameterException(spec.commandLine(), "--type class needs a binomial or multinomial model; "
                    + modelFile + " is " + model.family().id());
        }
        Dataset d = read(model);
        List<String> header = new ArrayList<>();
        String[][] columns;
        if (kind.equals("class")) {
            header.add("class");
            columns = new String[][] {model.predictClass(d.x())};
        } else {
            double[][] values = kind.equals("link") ? model.link(d.x()) : model.response(d.x());
            columns = new String[values.length][];
            for (int k = 0; k < values.length; k++) {
                header.add(model.family() == Family.MULTINOMIAL ? kind + "_" + model.classes().get(k) : kind);
                columns[k] = new String[values[k].length];
                for (int i = 0; i < values[k].length; i++) columns[k][i] = Double.toString(values[k][i]);
            }
        }
        write(header, columns, d.rows());
        console.info("wrote " + out + ": " + d.rows() + " predictions (" + kind + ")");
        return 0;
    }

    /** Predictions of a network file (NET.json from occam train), with the same columns as a linear model's. */
    private int predictNetwork(Console console, String kind) throws IOException {
        NetworkModel net = NetworkFile.read(modelFile);
        boolean classifier = net.classes() != null;
        if (kind.equals("class") && !classifier) {
            throw new ParameterException(spec.commandLine(), "--type class needs a classification network; "
                    + modelFile + " predicts numbers");
        }
        Dataset d = read(net.features());
        int n = d.rows();
        float[] x = net.rows(d);
        List<String> header = new ArrayList<>();
        String[][] columns;
        if (kind.equals("class")) {
            header.add("class");
            String[] labels = new String[n];
            int[] c = net.predictClass(x, n);
            for (int i = 0; i < n; i++) labels[i] = net.classes().get(c[i]);
            columns = new String[][] {labels};
        } else {
            int k = net.network().outputSize();
            double[] values;
            if (kind.equals("link")) {
                float[] o = net.outputs(x, n);
                values = new double[o.length];
                for (int i = 0; i < o.length; i++) values[i] = o[i];
            } else {
                values = net.response(x, n);
            }
            columns = new String[k][n];
            for (int c = 0; c < k; c++) {
                header.add(k == 1 ? kind : kind + "_" + (classifier ? net.classes().get(c) : String.valueOf(c + 1)));
                for (int i = 0; i < n; i++) columns[c][i] = Double.toString(values[i * k + c]);
            }
        }
        write(header, columns, n);
        console.info("wrote " + out + ": " + n + " predictions (" + kind + ")");
        return 0;
    }

    /** The data's features in the model's order. */
    private Dataset read(LinearModel model) throws IOException {
        return read(model.featureNames());
    }

    private Dataset read(List<String> features) throws IOException {
        int p = features.size();
        DataFormat layout = DataFormat.of(data, format);
        MemoryCheck.require(data, layout, MemoryCheck.Use.PREDICT, 0, false);
        if (layout.namedColumns()) {
            return layout.read(data, ReadOptions.featuresOnly(features));
        }
        Dataset d = LibSvmReader.read(data, TargetKind.NONE, p);
        if (d.cols() > p) {
            throw new DataFormatException(data.toString(), 0, 0, null,
                    "feature indices up to " + p + " (the model's features)", "index " + d.cols());
        }
        return d;
    }

    private void write(List<String> header, String[][] columns, int n) throws IOException {
        AtomicFiles.writeText(out, w -> {
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
            csv.writeRecord(header);
            String[] row = new String[columns.length];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < columns.length; k++) row[k] = columns[k][i];
                csv.writeRecord(row);
            }
            csv.flush();
        });
    }
}
