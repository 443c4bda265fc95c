package dev.occam.select;

import dev.occam.glm.Family;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A cross-validation result as one JSON object, for scripts:
 * <pre>
 * {
 *   "family": "binomial", "measure": "auc", "measure_name": "AUC", "folds": 10,
 *   "alpha": 0.5, "select": "1se", "lambda_selected": 0.031,
 *   "lambda_min": 0.012, "lambda_1se": 0.031, "cvm_min": 0.83, "cvm_1se": 0.82,
 *   "lambda": [...], "cvm": [...], "cvsd": [...], "cvup": [...], "cvlo": [...], "nzero": [...],
 *   "alphas": [{"alpha": 0, "lambda_min": ..., "lambda_1se": ..., "cvm_min": ...}, ...],   (with a grid only)
 *   "warnings": []
 * }
 * </pre>
 * The top-level curve is the chosen α's. Numbers that are not finite are written as null.
 */
public final class CvJson {
    private CvJson() { }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * @param grid the result (one α when there was no grid)
     * @param family the family fitted
     * @param select the λ choice the model was taken at
     * @param withGrid whether to list every α (true when the user gave a grid)
     */
    public static String toJson(AlphaGrid grid, Family family, LambdaChoice select, boolean withGrid) {
        CvResult r = grid.bestResult();
        ObjectNode o = JSON.createObjectNode();
        o.put("family", family.id());
        o.put("measure", r.measure().id());
        o.put("measure_name", r.measure().label(family));
        o.put("folds", r.folds());
        number(o, "alpha", r.alpha());
        o.put("select", select.id());
        number(o, "lambda_selected", r.lambda(select));
        number(o, "lambda_min", r.lambdaMin());
        number(o, "lambda_1se", r.lambda1se());
        number(o, "cvm_min", r.cvm()[r.indexMin()]);
        number(o, "cvm_1se", r.cvm()[r.index1se()]);
        array(o, "lambda", r.lambdas());
        array(o, "cvm", r.cvm());
        array(o, "cvsd", r.cvsd());
        array(o, "cvup", r.cvup());
        array(o, "cvlo", r.cvlo());
        ArrayNode nz = o.putArray("nzero");
        for (int v : r.nzero()) nz.add(v);
        if (withGrid) {
            ArrayNode alphas = o.putArray("alphas");
            for (CvResult a : grid.results()) {
                ObjectNode e = alphas.addObject();
                number(e, "alpha", a.alpha());
                number(e, "lambda_min", a.lambdaMin());
                number(e, "lambda_1se", a.lambda1se());
                number(e, "cvm_min", a.cvm()[a.indexMin()]);
                number(e, "cvm_1se", a.cvm()[a.index1se()]);
            }
        }
        ArrayNode warnings = o.putArray("warnings");
        for (CvResult a : grid.results()) {
            for (String w : a.warnings()) warnings.add(withGrid ? "alpha " + a.alpha() + ": " + w : w);
        }
        return JSON.writeValueAsString(o);
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) o.put(name, v);
        else o.putNull(name);
    }

    private static void array(ObjectNode o, String name, double[] values) {
        ArrayNode a = o.putArray(name);
        for (double v : values) {
            if (Double.isFinite(v)) a.add(v);
            else a.addNull();
        }
    }
}
