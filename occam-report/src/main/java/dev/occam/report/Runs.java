package dev.occam.report;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** What the training plots share: checking a list of runs and colouring by run. */
final class Runs {
    private Runs() { }

    static List<TrainingRun> check(List<TrainingRun> runs) {
        if (runs == null || runs.isEmpty()) throw new IllegalArgumentException("at least one training run must be given");
        Set<String> names = new HashSet<>();
        for (TrainingRun r : runs) {
            if (r == null) throw new IllegalArgumentException("training runs must not contain null");
            if (!names.add(r.name())) throw new IllegalArgumentException("run names must differ; got \"" + r.name() + "\" twice");
        }
        return List.copyOf(runs);
    }

    /** Colour by run, legend in the order given. */
    static ObjectNode color(List<String> names) {
        ObjectNode color = VegaLite.nominal("run", "run");
        color.set("sort", VegaLite.strings(names));
        color.putObject("scale").set("domain", VegaLite.strings(names));
        return color;
    }
}
