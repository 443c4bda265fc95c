package dev.occam.nn;

import dev.occam.optim.OptState;
import dev.occam.optim.ParameterInfo;
import dev.occam.optim.ParameterRole;
import dev.occam.io.AtomicFiles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Everything needed to continue training bit for bit, and its binary file.
 *
 * <p>File: "OCCAMCKP", format version, then the state in {@link DataOutputStream} encoding
 * (big-endian; floats as their exact bits), then a CRC-32 of all preceding bytes. Written through
 * {@link AtomicFiles} (temporary file, forced to disk, ATOMIC_MOVE over the target): a crash
 * leaves either the old checkpoint or the new one, never a half-written file.
 */
final class Checkpoint {
    private static final byte[] MAGIC = "OCCAMCKP".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    /** What must match for a checkpoint to be resumed (settings that change the trajectory). */
    Map<String, String> fingerprint;
    /** Completed epochs. */
    int epochsDone;
    /** Optimizer steps taken (seeds dropout). */
    long step;
    float[][] values;
    OptState optimizer;
    List<EpochRecord> history;
    /** Early stopping state, or null when early stopping is off. */
    EarlyStopping.State early;

    private Checkpoint() {
    }

    static Checkpoint of(Map<String, String> fingerprint, int epochsDone, long step, float[][] values, OptState optimizer,
                         List<EpochRecord> history, EarlyStopping.State early) {
        Checkpoint c = new Checkpoint();
        c.fingerprint = fingerprint;
        c.epochsDone = epochsDone;
        c.step = step;
        c.values = values;
        c.optimizer = optimizer;
        c.history = history;
        c.early = early;
        return c;
    }

    /** Writes this checkpoint to {@code target} atomically (creating its directory if needed). */
    void write(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        AtomicFiles.write(target, raw -> {
            CRC32 crc = new CRC32();
            DataOutputStream out = new DataOutputStream(new CheckedOutputStream(raw, crc));
            out.write(MAGIC);
            out.writeInt(VERSION);
            writeBody(out);
            out.flush();
            // the checksum itself is written past the checked stream
            new DataOutputStream(raw).writeLong(crc.getValue());
        });
    }

    private void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(fingerprint.size());
        for (Map.Entry<String, String> e : fingerprint.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue());
        }
        out.writeInt(epochsDone);
        out.writeLong(step);
        writeArrays(out, values);
        writeState(out, optimizer);
        out.writeInt(history.size());
        for (EpochRecord r : history) {
            out.writeInt(r.epoch());
            out.writeDouble(r.trainLoss());
            out.writeDouble(r.trainAccuracy());
            out.writeDouble(r.penalty());
            out.writeDouble(r.validLoss());
            out.writeDouble(r.validAccuracy());
            out.writeDouble(r.learningRate());
            out.writeInt(r.parameters().size());
            for (ParameterStats p : r.parameters()) {
                out.writeUTF(p.name());
                out.writeUTF(p.role().name());
                out.writeInt(p.size());
                out.writeDouble(p.l2Norm());
                out.writeInt(p.zeros());
            }
        }
        out.writeBoolean(early != null);
        if (early != null) {
            out.writeDouble(early.best);
            out.writeInt(early.bestEpoch);
            out.writeInt(early.wait);
            out.writeBoolean(early.bestValues != null);
            if (early.bestValues != null) {
                writeArrays(out, early.bestValues);
            }
        }
    }

    private static void writeArrays(DataOutputStream out, float[][] a) throws IOException {
        out.writeInt(a.length);
        for (float[] v : a) {
            out.writeInt(v.length);
            for (float f : v) {
                out.writeInt(Float.floatToRawIntBits(f));
            }
        }
    }

    private static void writeState(DataOutputStream out, OptState s) throws IOException {
        out.writeUTF(s.stage());
        out.writeLong(s.count());
        out.writeInt(s.parameters().size());
        for (ParameterInfo p : s.parameters()) {
            out.writeUTF(p.name());
            out.writeUTF(p.role().name());
            out.writeInt(p.size());
        }
        List<String> names = s.bufferNames();
        out.writeInt(names.size());
        for (String n : names) {
            out.writeUTF(n);
            writeArrays(out, s.buffer(n));
        }
        out.writeInt(s.children().size());
        for (OptState c : s.children()) {
            writeState(out, c);
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @throws IllegalArgumentException with a one-line message naming the file when it is not a
     *                                  readable Occam checkpoint
     */
    static Checkpoint read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < MAGIC.length + 12) {
            throw new IllegalArgumentException(file + ": not an Occam checkpoint (file too short)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IllegalArgumentException(file + ": not an Occam checkpoint (expected header OCCAMCKP)");
            }
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new IllegalArgumentException(file + ": checkpoint is damaged or truncated (checksum mismatch)");
        }
        // a byte array needs no buffering; DataInputStream.available() is then the exact count of
        // bytes left, which bounds every count the file declares (see count)
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            in.skipNBytes(MAGIC.length);
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(file + ": checkpoint format version " + version + "; this Occam reads version " + VERSION);
            }
            Checkpoint c = readBody(in);
            if (in.available() > 0) throw new Damaged(in.available() + " bytes after the end of the state");
            return c;
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + ": checkpoint is truncated");
        } catch (Damaged e) {
            throw new IllegalArgumentException(file + ": checkpoint is damaged (" + e.getMessage().replace('\n', ' ').replace('\r', ' ') + ")");
        } catch (java.io.UTFDataFormatException e) {
            throw new IllegalArgumentException(file + ": checkpoint is damaged (malformed text)");
        }
    }

    /**
     * Content that a checkpoint with a valid checksum cannot hold (only a file written by other
     * code gets past the checksum with it); {@link #read} names the file.
     */
    private static final class Damaged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message, null, false, false);
        }
    }

    /** Deepest nesting of optimizer stages read (Occam's chains are a few levels deep). */
    private static final int MAX_STAGE_DEPTH = 64;

    /**
     * A count of items that each take at least {@code bytesEach} bytes of what is left of the
     * file: a count that the file cannot hold is damage, not a reason to allocate.
     */
    private static int count(DataInputStream in, int bytesEach, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytesEach > in.available()) {
            throw new Damaged(what + " count " + n + " with " + in.available() + " bytes left");
        }
        return n;
    }

    private static ParameterRole role(String name) {
        try {
            return ParameterRole.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new Damaged("unknown parameter role " + dev.occam.data.DataFormatException.quote(name));
        }
    }

    private static Checkpoint readBody(DataInputStream in) throws IOException {
        Checkpoint c = new Checkpoint();
        int nf = count(in, 4, "setting");
        c.fingerprint = new LinkedHashMap<>();
        for (int i = 0; i < nf; i++) {
            c.fingerprint.put(in.readUTF(), in.readUTF());
        }
        c.epochsDone = in.readInt();
        c.step = in.readLong();
        c.values = readArrays(in);
        c.optimizer = readState(in, 0);
        int nh = count(in, 56, "epoch");
        c.history = new ArrayList<>(nh);
        for (int i = 0; i < nh; i++) {
            int epoch = in.readInt();
            double tl = in.readDouble();
            double ta = in.readDouble();
            double pen = in.readDouble();
            double vl = in.readDouble();
            double va = in.readDouble();
            double lr = in.readDouble();
            int np = count(in, 20, "parameter statistics");
            List<ParameterStats> ps = new ArrayList<>(np);
            for (int k = 0; k < np; k++) {
                ps.add(new ParameterStats(in.readUTF(), role(in.readUTF()), in.readInt(), in.readDouble(), in.readInt()));
            }
            c.history.add(new EpochRecord(epoch, tl, ta, pen, vl, va, lr, ps));
        }
        if (in.readBoolean()) {
            EarlyStopping.State e = new EarlyStopping.State();
            e.best = in.readDouble();
            e.bestEpoch = in.readInt();
            e.wait = in.readInt();
            if (in.readBoolean()) {
                e.bestValues = readArrays(in);
            }
            c.early = e;
        }
        return c;
    }

    private static float[][] readArrays(DataInputStream in) throws IOException {
        float[][] a = new float[count(in, 4, "array")][];
        for (int i = 0; i < a.length; i++) {
            float[] v = new float[count(in, 4, "value")];
            for (int j = 0; j < v.length; j++) {
                v[j] = Float.intBitsToFloat(in.readInt());
            }
            a[i] = v;
        }
        return a;
    }

    private static OptState readState(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_STAGE_DEPTH) throw new Damaged("optimizer stages nested deeper than " + MAX_STAGE_DEPTH);
        String stage = in.readUTF();
        long count = in.readLong();
        if (count < 0) throw new Damaged("optimizer stage " + stage + " has step count " + count);
        int np = count(in, 6, "optimizer parameter");
        List<ParameterInfo> params = new ArrayList<>(np);
        for (int i = 0; i < np; i++) {
            String name = in.readUTF();
            ParameterRole role = role(in.readUTF());
            int size = in.readInt();
            if (size <= 0) throw new Damaged("parameter " + name + " of size " + size);
            params.add(new ParameterInfo(name, role, size));
        }
        int nb = count(in, 6, "optimizer buffer");
        List<String> names = new ArrayList<>(nb);
        List<float[][]> buffers = new ArrayList<>(nb);
        for (int i = 0; i < nb; i++) {
            String name = in.readUTF();
            float[][] src = readArrays(in);
            // checked before the state is made: it allocates its buffers at the declared sizes
            if (src.length != np) {
                throw new Damaged("optimizer buffer " + name + " of stage " + stage + " has " + src.length
                        + " arrays for " + np + " parameters");
            }
            for (int k = 0; k < np; k++) {
                if (src[k].length != params.get(k).size()) {
                    throw new Damaged("optimizer buffer " + name + " of stage " + stage + " has the wrong size");
                }
            }
            if (names.contains(name)) throw new Damaged("optimizer buffer " + name + " of stage " + stage + " twice");
            names.add(name);
            buffers.add(src);
        }
        int nc = count(in, 14, "optimizer stage");
        List<OptState> children = new ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            children.add(readState(in, depth + 1));
        }
        OptState s = new OptState(stage, params, names, children);
        s.setCount(count);
        for (int i = 0; i < nb; i++) {
            float[][] dst = s.buffer(names.get(i));
            float[][] src = buffers.get(i);
            for (int k = 0; k < dst.length; k++) {
                System.arraycopy(src[k], 0, dst[k], 0, dst[k].length);
            }
        }
        return s;
    }
}
