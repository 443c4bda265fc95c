package dev.occam.nn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of golden/torch/optimizer_trajectories.txt (format in make_optimizer_trajectories.py,
 * next to it).
 */
final class TorchGolden {
    float[] x;
    float[] y;
    int[] order;
    final Map<String, float[]> init = new LinkedHashMap<>();
    final Map<String, double[]> schedules = new LinkedHashMap<>();
    final Map<String, Case> cases = new LinkedHashMap<>();

    static final class Case {
        final String name;
        final String description;
        final List<Double> losses = new ArrayList<>();
        /** params.get(step − 1).get(name) = values after step. */
        final List<Map<String, float[]>> params = new ArrayList<>();

        Case(String name, String description) {
            this.name = name;
            this.description = description;
        }
    }

    static TorchGolden load() throws IOException {
        TorchGolden g = new TorchGolden();
        try (var in = TorchGolden.class.getResourceAsStream("/golden/torch/optimizer_trajectories.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Case current = null;
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "x" -> g.x = floats(f, 1);
                    case "y" -> g.y = floats(f, 1);
                    case "order" -> {
                        g.order = new int[f.length - 1];
                        for (int i = 1; i < f.length; i++) {
                            g.order[i - 1] = Integer.parseInt(f[i]);
                        }
                    }
                    case "init" -> g.init.put(f[1], floats(f, 2));
                    case "schedule" -> {
                        double[] v = new double[f.length - 2];
                        for (int i = 2; i < f.length; i++) {
                            v[i - 2] = Double.parseDouble(f[i]);
                        }
                        g.schedules.put(f[1], v);
                    }
                    case "case" -> {
                        current = new Case(f[1], line.substring(6 + f[1].length()));
                        g.cases.put(f[1], current);
                    }
                    case "loss" -> current.losses.add(Double.parseDouble(f[2]));
                    case "param" -> {
                        int step = Integer.parseInt(f[1]);
                        while (current.params.size() < step) {
                            current.params.add(new LinkedHashMap<>());
                        }
                        current.params.get(step - 1).put(f[2], floats(f, 3));
                    }
                    default -> throw new IllegalStateException("unknown record " + f[0]);
                }
            }
        }
        return g;
    }

    private static float[] floats(String[] f, int from) {
        float[] v = new float[f.length - from];
        for (int i = from; i < f.length; i++) {
            // 9 significant digits of a float32 value: parse as double, round once to float = exact
            v[i - from] = (float) Double.parseDouble(f[i]);
        }
        return v;
    }
}
