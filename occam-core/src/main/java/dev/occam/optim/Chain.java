package dev.occam.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Stages applied one after the other; the state is the list of the stages' states. */
final class Chain implements GradientTransform {
    private final List<GradientTransform> stages;

    Chain(List<GradientTransform> stages) {
        this.stages = List.copyOf(stages);
    }

    @Override
    public OptState init(List<ParameterInfo> parameters) {
        List<OptState> kids = new ArrayList<>(stages.size());
        for (GradientTransform t : stages) {
            kids.add(t.init(parameters));
        }
        return new OptState("chain", parameters, List.of(), kids);
    }

    @Override
    public void update(float[][] updates, OptState state, float[][] params) {
        if (state.children().size() != stages.size()) {
            throw new IllegalArgumentException("chain has " + stages.size() + " stages; state has " + state.children().size());
        }
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).update(updates, state.child(i), params);
        }
        state.increment();
    }

    @Override
    public String describe() {
        return stages.stream().map(GradientTransform::describe).collect(Collectors.joining(", ", "chain(", ")"));
    }
}
