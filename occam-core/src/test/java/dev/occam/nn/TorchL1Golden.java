package dev.occam.nn;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of golden/torch/l1_proximal.txt: PyTorch SGD runs with a soft-threshold after every step
 * (format and convention in make_l1_proximal.py, next to it; the data is l1_proximal_data.csv).
 */
final class TorchL1Golden {
    final Map<String, String> settings = new LinkedHashMap<>();
    final Map<String, Case> cases = new LinkedHashMap<>();

    /** One run: its L1 strength, initial parameters, row orders and parameters after each epoch. */
    static final class Case {
        final String name;
        double l1;
        double margin;
        final Map<String, float[]> init = new LinkedHashMap<>();
        /** orders.get(epoch − 1): row order of that epoch (the cli case only). */
        final List<int[]> orders = new ArrayList<>();
        /** losses.get(epoch − 1): mean batch loss over that epoch, rows-weighted. */
        final List<Double> losses = new ArrayList<>();
        /** params.get(epoch − 1).get(name): parameter after that epoch. */
        final List<Map<String, float[]>> params = new ArrayList<>();

        Case(String name) {
            this.name = name;
        }
    }

    static Path folder() {
        try {
            return Path.of(TorchL1Golden.class.getResource("/golden/torch").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path data() {
        return folder().resolve("l1_proximal_data.csv");
    }

    double setting(String key) {
        return Double.parseDouble(settings.get(key));
    }

    static TorchL1Golden load() throws IOException {
        TorchL1Golden g = new TorchL1Golden();
        Case c = null;
        for (String line : Files.readAllLines(folder().resolve("l1_proximal.txt"))) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "setting" -> g.settings.put(f[1], f[2]);
                case "case" -> {
                    c = new Case(f[1]);
                    g.cases.put(c.name, c);
                }
                case "l1" -> c.l1 = Double.parseDouble(f[1]);
                case "init" -> c.init.put(f[1], floats(f, 2));
                case "order" -> {
                    int[] o = new int[f.length - 2];
                    for (int i = 2; i < f.length; i++) o[i - 2] = Integer.parseInt(f[i]);
                    c.orders.add(o);
                }
                case "loss" -> c.losses.add(Double.parseDouble(f[2]));
                case "param" -> {
                    int epoch = Integer.parseInt(f[1]);
                    while (c.params.size() < epoch) c.params.add(new LinkedHashMap<>());
                    c.params.get(epoch - 1).put(f[2], floats(f, 3));
                }
                case "margin" -> c.margin = Double.parseDouble(f[1]);
                default -> throw new IllegalStateException("unknown record " + f[0]);
            }
        }
        return g;
    }

    private static float[] floats(String[] f, int from) {
        float[] v = new float[f.length - from];
        // 9 significant digits of a float32 value: parse as double, round once to float = exact
        for (int i = from; i < f.length; i++) v[i - from] = (float) Double.parseDouble(f[i]);
        return v;
    }
}
