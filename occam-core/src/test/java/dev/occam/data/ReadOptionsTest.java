package dev.occam.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadOptionsTest {

    @Test
    void targetIsNamedExactlyWhenThereIsOne() {
        assertThatThrownBy(() -> new ReadOptions(null, TargetKind.NUMERIC, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a target column must be named for a numeric target");
        assertThatThrownBy(() -> new ReadOptions("y", TargetKind.NONE, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no target column may be named with target kind none; got \"y\"");
        assertThat(new ReadOptions(null, TargetKind.NONE, null, null).target()).isNull();
    }

    @Test
    void rolesDoNotOverlap() {
        assertThatThrownBy(() -> new ReadOptions("y", TargetKind.CLASS, "y", null))
                .hasMessage("the weight column must differ from the target column; both are \"y\"");
        assertThatThrownBy(() -> new ReadOptions("y", TargetKind.CLASS, null, List.of("a", "y")))
                .hasMessage("the target column \"y\" cannot also be a feature");
        assertThatThrownBy(() -> new ReadOptions("y", TargetKind.CLASS, "w", List.of("w")))
                .hasMessage("the weight column \"w\" cannot also be a feature");
        assertThatThrownBy(() -> ReadOptions.featuresOnly(List.of("a", "b", "a")))
                .hasMessage("feature \"a\" is named twice");
    }

    @Test
    void featureListIsCopied() {
        List<String> names = new ArrayList<>(List.of("a", "b"));
        ReadOptions o = ReadOptions.featuresOnly(names);
        names.add("c");
        assertThat(o.features()).containsExactly("a", "b");
    }
}
