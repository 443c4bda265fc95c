package dev.occam.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one {@link GradientTransform} for one list of parameters: a step count, named
 * per-parameter buffers (e.g. Adam's {@code mu} and {@code nu}) and the states of child stages
 * (a chain's stages, a masked stage's inner stage).
 *
 * <p>Ownership: a state is made by {@link GradientTransform#init} and then belongs to whoever
 * called it. {@link GradientTransform#update} advances it in place (buffers and count are
 * modified); {@link #copy()} gives an independent deep copy, e.g. for a checkpoint or to keep the
 * best state. The structure (stage names, parameter list, buffer names and sizes) never changes
 * after {@code init}.
 */
public final class OptState {
    private final String stage;
    private final List<ParameterInfo> parameters;
    private long count;
    private final Map<String, float[][]> buffers;
    private final List<OptState> children;

    /**
     * @param stage the stage's name, e.g. {@code "scale_by_adam"} (checked when a checkpoint is restored)
     * @param parameters the parameters this state was made for (copied)
     * @param bufferNames names of the per-parameter buffers to allocate (zero-filled)
     * @param children child states, in stage order (copied)
     */
    public OptState(String stage, List<ParameterInfo> parameters, List<String> bufferNames, List<OptState> children) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.parameters = List.copyOf(parameters);
        this.buffers = new LinkedHashMap<>();
        for (String name : bufferNames) {
            float[][] b = new float[this.parameters.size()][];
            for (int i = 0; i < b.length; i++) {
                b[i] = new float[this.parameters.get(i).size()];
            }
            buffers.put(name, b);
        }
        this.children = List.copyOf(children);
    }

    /** A leaf state without buffers or children (a stage that only counts steps, or none). */
    public static OptState counter(String stage, List<ParameterInfo> parameters) {
        return new OptState(stage, parameters, List.of(), List.of());
    }

    /** The stage's name. */
    public String stage() { return stage; }

    /** The parameters this state was made for. */
    public List<ParameterInfo> parameters() { return parameters; }

    /** Number of updates this stage has made (0 before the first). */
    public long count() { return count; }

    /** Sets the step count (restoring a checkpoint). */
    public void setCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0; got " + count);
        }
        this.count = count;
    }

    /** Advances the step count by one. */
    void increment() { count++; }

    /** The named buffer: one float[] per parameter, in parameter order (live, not a copy). */
    public float[][] buffer(String name) {
        float[][] b = buffers.get(name);
        if (b == null) {
            throw new IllegalArgumentException("stage " + stage + " has no buffer " + name + "; it has " + buffers.keySet());
        }
        return b;
    }

    /** Buffer names in a fixed order. */
    public List<String> bufferNames() { return List.copyOf(buffers.keySet()); }

    /** Child states in stage order. */
    public List<OptState> children() { return children; }

    /** The i-th child state. */
    public OptState child(int i) { return children.get(i); }

    /** An independent deep copy. */
    public OptState copy() {
        List<OptState> kids = new ArrayList<>(children.size());
        for (OptState c : children) {
            kids.add(c.copy());
        }
        OptState s = new OptState(stage, parameters, List.of(), kids);
        s.count = count;
        for (Map.Entry<String, float[][]> e : buffers.entrySet()) {
            float[][] src = e.getValue();
            float[][] dst = new float[src.length][];
            for (int i = 0; i < src.length; i++) {
                dst[i] = src[i].clone();
            }
            s.buffers.put(e.getKey(), dst);
        }
        return s;
    }

    /**
     * Overwrites this state's counts and buffers with {@code other}'s (same structure required).
     * {@code other} not modified.
     */
    public void copyFrom(OptState other) {
        checkSameLayout(other, "");
        count = other.count;
        for (Map.Entry<String, float[][]> e : buffers.entrySet()) {
            float[][] src = other.buffers.get(e.getKey());
            float[][] dst = e.getValue();
            for (int i = 0; i < dst.length; i++) {
                System.arraycopy(src[i], 0, dst[i], 0, dst[i].length);
            }
        }
        for (int i = 0; i < children.size(); i++) {
            children.get(i).copyFrom(other.children.get(i));
        }
    }

    /** Throws IllegalArgumentException when {@code other} does not have this state's structure. */
    public void checkSameLayout(OptState other, String path) {
        String here = path.isEmpty() ? stage : path + "/" + stage;
        if (!stage.equals(other.stage)) {
            throw new IllegalArgumentException("optimizer state mismatch at " + here + ": expected stage " + stage + ", found " + other.stage);
        }
        if (!parameters.equals(other.parameters)) {
            throw new IllegalArgumentException("optimizer state mismatch at " + here + ": made for other parameters");
        }
        if (!buffers.keySet().equals(other.buffers.keySet())) {
            throw new IllegalArgumentException("optimizer state mismatch at " + here + ": expected buffers " + buffers.keySet() + ", found " + other.buffers.keySet());
        }
        if (children.size() != other.children.size()) {
            throw new IllegalArgumentException("optimizer state mismatch at " + here + ": expected " + children.size() + " stages, found " + other.children.size());
        }
        for (int i = 0; i < children.size(); i++) {
            children.get(i).checkSameLayout(other.children.get(i), here);
        }
    }

    /** The buffers as an unmodifiable map (live arrays). */
    public Map<String, float[][]> buffers() { return Collections.unmodifiableMap(buffers); }

    /** Checks that {@code arrays} has one array per parameter of the right length. */
    void checkShapes(float[][] arrays, String what) {
        if (arrays.length != parameters.size()) {
            throw new IllegalArgumentException(stage + ": " + what + " has " + arrays.length + " arrays; state was made for " + parameters.size() + " parameters");
        }
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i].length != parameters.get(i).size()) {
                throw new IllegalArgumentException(stage + ": " + what + " for " + parameters.get(i).name() + " has " + arrays[i].length + " values; expected " + parameters.get(i).size());
            }
        }
    }
}
