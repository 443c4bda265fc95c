package dev.occam.robust;

import dev.occam.nn.NetworkFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training killed with SIGKILL at random moments and resumed from its checkpoint each time ends
 * with the same weights, bit for bit, as a run never interrupted. Both run in child JVMs
 * ({@link TrainingLoop}) with the same options. After every kill the checkpoint on disk, when there
 * is one yet, is whole: its header and its CRC-32 (the last 8 bytes, over all before them) check.
 */
class KillDuringTrainingTest {
    private static final int EPOCHS = 40;
    /** Kills before the run is let finish (fewer when a resumed run finishes before its kill). */
    private static final int KILLS = 10;

    @TempDir
    Path dir;

    /** Chains of kills started again at most, when a run finishes before its kills are done. */
    private static final int MAX_RESTARTS = 5;

    @Test
    void resumedAfterKillsEqualsUninterrupted() throws Exception {
        Path stderr = dir.resolve("child-stderr.txt");
        Path reference = dir.resolve("reference.json");
        long t0 = System.nanoTime();
        Process whole = ChildProcess.start("256m", stderr, List.of(), TrainingLoop.class, "-", reference, EPOCHS);
        assertTrue(whole.waitFor(120, TimeUnit.SECONDS), "uninterrupted run did not finish");
        assertEquals(0, whole.exitValue(), () -> "uninterrupted run failed: " + read(stderr));
        long wholeMillis = (System.nanoTime() - t0) / 1_000_000;

        Path checkpoint = dir.resolve("run.ckpt");
        Path resumed = dir.resolve("resumed.json");
        Random random = new Random(4242);
        int kills = 0;
        int starts = 0;
        int lastEpochs = 0;
        int killsAfterCheckpoint = 0;
        int restarts = 0;
        while (true) {
            starts++;
            Process child = ChildProcess.start("256m", stderr, List.of(), TrainingLoop.class, checkpoint, resumed, EPOCHS);
            // every other kill lands at a random moment (start-up, reading the checkpoint, an epoch
            // or writing the checkpoint); the others wait until the run has written a checkpoint and
            // then land within about an epoch, so that most kills hit training under way however
            // fast or loaded the machine is compared with when the uninterrupted run was timed
            boolean finished;
            if (kills >= KILLS) {
                finished = child.waitFor(120, TimeUnit.SECONDS);
            } else if (kills % 2 == 1) {
                finished = killAfterProgress(child, checkpoint, Math.max(5, wholeMillis / EPOCHS), random);
            } else {
                finished = child.waitFor(100 + (long) (random.nextDouble() * Math.max(400, wholeMillis / 2)), TimeUnit.MILLISECONDS);
            }
            if (finished) {
                assertEquals(0, child.exitValue(), () -> "run failed: " + read(stderr));
                if ((kills >= KILLS / 2 && killsAfterCheckpoint >= 3) || restarts == MAX_RESTARTS) break;
                // the run finished before enough kills landed mid-training (a widened window on a machine
                // faster now than when the uninterrupted run was timed): start the chain again from no checkpoint
                restarts++;
                Files.deleteIfExists(checkpoint);
                Files.deleteIfExists(resumed);
                kills = 0;
                killsAfterCheckpoint = 0;
                lastEpochs = 0;
                continue;
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            kills++;
            if (Files.exists(checkpoint)) {
                killsAfterCheckpoint++;
                int done = checkWhole(checkpoint);
                assertTrue(done >= lastEpochs, "checkpoint went back from epoch " + lastEpochs + " to " + done);
                lastEpochs = done;
            }
        }
        // most kills must land once training is under way, else this would test start-up only
        assertTrue(kills >= KILLS / 2 && killsAfterCheckpoint >= 3, "only " + killsAfterCheckpoint + " of " + kills
                + " kills came after the first checkpoint (uninterrupted run " + wholeMillis + " ms, " + restarts + " restarts)");
        assertTrue(lastEpochs > 0, "no kill landed mid-training (last checkpoint: epoch " + lastEpochs + ")");
        float[][] expected = NetworkFile.read(reference).network().values();
        float[][] actual = NetworkFile.read(resumed).network().values();
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(bits(expected[k]), bits(actual[k]), "parameter " + k + " differs after " + kills + " kills");
        }
        System.out.println("KillDuringTrainingTest: " + kills + " kills (" + killsAfterCheckpoint + " after a checkpoint, last at epoch "
                + lastEpochs + " of " + EPOCHS + "), " + starts + " starts; uninterrupted run " + wholeMillis + " ms");
    }

    /**
     * Waits until the child has written one to four new checkpoints (each a new file replacing the
     * old one), then up to an epoch more at random; returns whether the child finished meanwhile
     * (else it is due for its kill).
     */
    private static boolean killAfterProgress(Process child, Path checkpoint, long epochMillis, Random random) throws Exception {
        int writes = 1 + random.nextInt(4);
        Object last = fileKey(checkpoint);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline) {
            Object now = fileKey(checkpoint);
            if (now != null && !now.equals(last)) {
                last = now;
                if (--writes == 0) return child.waitFor((long) (random.nextDouble() * epochMillis), TimeUnit.MILLISECONDS);
            }
            Thread.sleep(1);
        }
        return child.waitFor(0, TimeUnit.MILLISECONDS);
    }

    /** The file's identity and time (an atomic replace changes both), null when absent. */
    private static Object fileKey(Path file) {
        try {
            var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime());
        } catch (java.io.IOException absent) {
            return null;
        }
    }

    /** Checks the header and CRC-32 of a checkpoint and returns its completed epochs (the format of {@code Checkpoint}). */
    private static int checkWhole(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        assertTrue(b.length > 20, file + " is truncated");
        assertEquals("OCCAMCKP", new String(b, 0, 8, StandardCharsets.US_ASCII));
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - 8);
        assertEquals(crc.getValue(), ByteBuffer.wrap(b, b.length - 8, 8).getLong(), file + ": checksum");
        // epochs done follow the format version and the fingerprint map
        ByteBuffer in = ByteBuffer.wrap(b, 12, b.length - 20);
        int entries = in.getInt();
        for (int i = 0; i < 2 * entries; i++) {
            int len = Short.toUnsignedInt(in.getShort());
            in.position(in.position() + len);
        }
        return in.getInt();
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Float.floatToRawIntBits(v[i]);
        return b;
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
