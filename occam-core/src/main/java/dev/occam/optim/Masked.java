package dev.occam.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies an inner stage to the parameters a {@link Mask} selects; the others' updates pass
 * through unchanged (optax's {@code masked}). The inner state covers only the selected
 * parameters, so e.g. biases excluded from decay carry no decay state.
 */
final class Masked implements GradientTransform {
    private final GradientTransform inner;
    private final Mask mask;

    Masked(GradientTransform inner, Mask mask) {
        this.inner = inner;
        this.mask = mask;
    }

    @Override
    public OptState init(List<ParameterInfo> parameters) {
        List<ParameterInfo> chosen = new ArrayList<>();
        for (ParameterInfo p : parameters) {
            if (mask.test(p)) {
                chosen.add(p);
            }
        }
        return new OptState("masked", parameters, List.of(), List.of(inner.init(chosen)));
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        state.checkShapes(updates, "updates");
        OptState innerState = state.child(0);
        List<ParameterInfo> all = state.parameters();
        List<ParameterInfo> chosen = innerState.parameters();
        float[][] subUpdates = new float[chosen.size()][];
        float[][] subParams = new float[chosen.size()][];
        // The chosen list is an ordered subsequence of all: walk both once. The sub-arrays hold
        // references, so the inner stage writes straight into the caller's update arrays.
        int c = 0;
        for (int i = 0; i < all.size() && c < chosen.size(); i++) {
            if (all.get(i).equals(chosen.get(c))) {
                subUpdates[c] = updates[i];
                subParams[c] = params[i];
                c++;
            }
        }
        if (c != chosen.size()) {
            throw new IllegalStateException("masked state does not match its parameter list");
        }
        if (c > 0) {
            inner.update(subUpdates, innerState, subParams);
        }
        state.increment();
    }

    @Override
    public String describe() {
        return "masked(" + inner.describe() + ")";
    }
}
