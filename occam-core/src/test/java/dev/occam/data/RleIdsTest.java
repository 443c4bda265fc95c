package dev.occam.data;

import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RleIds} decodes what Parquet's own encoder writes, runs and bit-packed groups alike, at every width. */
class RleIdsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 9, 13, 16, 17, 24})
    void decodesParquetsEncoderOutput(int bitWidth) throws IOException {
        SplittableRandom rnd = new SplittableRandom(bitWidth);
        int distinct = (int) Math.min(1L << bitWidth, 5000);
        double[] numbers = new double[distinct];
        for (int k = 0; k < distinct; k++) numbers[k] = rnd.nextDouble();
        int n = 3001;
        int[] ids = new int[n];
        for (int i = 0; i < n; ) {
            // runs of one id (RLE) mixed with random ids (bit-packed)
            int len = rnd.nextInt(4) == 0 ? rnd.nextInt(1, 40) : 1;
            int id = rnd.nextInt(distinct);
            for (int k = 0; k < len && i < n; k++) ids[i++] = id;
        }
        ByteBuffer encoded;
        try (RunLengthBitPackingHybridEncoder e = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, new HeapByteBufferAllocator())) {
            for (int id : ids) e.writeInt(id);
            encoded = ByteBuffer.wrap(e.toBytes().toByteArray());
        }
        double[] out = new double[n + 2];
        assertThat(RleIds.decode(encoded, bitWidth, numbers, out, 1, n)).isTrue();
        for (int i = 0; i < n; i++) assertThat(out[i + 1]).isEqualTo(numbers[ids[i]]);
        assertThat(out[0]).isZero();
        assertThat(out[n + 1]).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 8})
    void damagedIdsAreReportedNotThrown(int bitWidth) throws IOException {
        double[] numbers = {1, 2, 3};
        ByteBuffer encoded;
        try (RunLengthBitPackingHybridEncoder e = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, new HeapByteBufferAllocator())) {
            for (int i = 0; i < 20; i++) e.writeInt(i % 5);   // ids 3 and 4 are outside the dictionary
            encoded = ByteBuffer.wrap(e.toBytes().toByteArray());
        }
        assertThat(RleIds.decode(encoded.duplicate(), bitWidth, numbers, new double[20], 0, 20)).isFalse();
        assertThat(RleIds.decode(ByteBuffer.wrap(new byte[] {(byte) 0x81}), bitWidth, numbers, new double[8], 0, 8)).isFalse();
    }
}
