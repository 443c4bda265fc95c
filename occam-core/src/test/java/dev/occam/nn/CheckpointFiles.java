package dev.occam.nn;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * {@link Checkpoint}'s reader opened to tests in other packages (the fuzz tests), and the
 * checksum its files end with, so a fuzzer can make inputs that get past the checksum and reach
 * the parser behind it.
 */
public final class CheckpointFiles {
    private CheckpointFiles() { }

    /** Reads a checkpoint as {@code Trainer.resume} does; returns its completed epochs. */
    public static int read(Path file) throws IOException {
        return Checkpoint.read(file).epochsDone;
    }

    /** {@code body} followed by its CRC-32 as a big-endian long: what a checkpoint file ends with. */
    public static byte[] withChecksum(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        byte[] out = Arrays.copyOf(body, body.length + 8);
        ByteBuffer.wrap(out, body.length, 8).putLong(crc.getValue());
        return out;
    }
}
