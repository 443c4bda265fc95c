package dev.occam.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Guards the second test run of occam-core (surefire execution "plain-kernels", started without
 * the vector module's kernels): there the solvers' golden tests must really run on the plain loops,
 * and in the main run on the vector kernels.
 */
class PlainKernelsTest {
    @Test
    void theSecondRunUsesThePlainLoops() {
        if (!"false".equals(System.getProperty("occam.simd"))) {
            assertThat(Simd.ENABLED).as("main run: " + Simd.describe()).isTrue();
            return;
        }
        assertThat(Simd.ENABLED).as(Simd.describe()).isFalse();
    }
}
