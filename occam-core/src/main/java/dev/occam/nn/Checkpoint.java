package dev.occam.nn;

import dev.occam.optim.OptState;
import dev.occam.optim.ParameterInfo;
import dev.occam.optim.ParameterRole;
import dev.occam.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
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
        try (InputStream raw = new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 8);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            in.skipNBytes(MAGIC.length);
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(file + ": checkpoint format version " + version + "; this Occam reads version " + VERSION);
            }
            return readBody(in);
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + ": checkpoint is truncated");
        }
    }

    private static Checkpoint readBody(DataInputStream in) throws IOException {
        Checkpoint c = new Checkpoint();
        int nf = in.readInt();
        c.fingerprint = new LinkedHashMap<>();
        for (int i = 0; i < nf; i++) {
            c.fingerprint.put(in.readUTF(), in.readUTF());
        }
        c.epochsDone = in.readInt();
        c.step = in.readLong();
        c.values = readArrays(in);
        c.optimizer = readState(in);
        int nh = in.readInt();
        c.history = new ArrayList<>(nh);
        for (int i = 0; i < nh; i++) {
            int epoch = in.readInt();
            double tl = in.readDouble();
            double ta = in.readDouble();
            double pen = in.readDouble();
            double vl = in.readDouble();
            double va = in.readDouble();
            double lr = in.readDouble();
            int np = in.readInt();
            List<ParameterStats> ps = new ArrayList<>(np);
            for (int k = 0; k < np; k++) {
                ps.add(new ParameterStats(in.readUTF(), ParameterRole.valueOf(in.readUTF()), in.readInt(), in.readDouble(), in.readInt()));
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
        float[][] a = new float[in.readInt()][];
        for (int i = 0; i < a.length; i++) {
            float[] v = new float[in.readInt()];
            for (int j = 0; j < v.length; j++) {
                v[j] = Float.intBitsToFloat(in.readInt());
            }
            a[i] = v;
        }
        return a;
    }

    private static OptState readState(DataInputStream in) throws IOException {
        String stage = in.readUTF();
        long count = in.readLong();
        int np = in.readInt();
        List<ParameterInfo> params = new ArrayList<>(np);
        for (int i = 0; i < np; i++) {
            params.add(new ParameterInfo(in.readUTF(), ParameterRole.valueOf(in.readUTF()), in.readInt()));
        }
        int nb = in.readInt();
        List<String> names = new ArrayList<>(nb);
        List<float[][]> buffers = new ArrayList<>(nb);
        for (int i = 0; i < nb; i++) {
            names.add(in.readUTF());
            buffers.add(readArrays(in));
        }
        int nc = in.readInt();
        List<OptState> children = new ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            children.add(readState(in));
        }
        OptState s = new OptState(stage, params, names, children);
        s.setCount(count);
        for (int i = 0; i < nb; i++) {
            float[][] dst = s.buffer(names.get(i));
            float[][] src = buffers.get(i);
            if (src.length != dst.length) {
                throw new IllegalArgumentException("optimizer buffer " + names.get(i) + " of stage " + stage + " has " + src.length
                        + " arrays for " + dst.length + " parameters");
            }
            for (int k = 0; k < dst.length; k++) {
                if (src[k].length != dst[k].length) {
                    throw new IllegalArgumentException("optimizer buffer " + names.get(i) + " of stage " + stage + " has the wrong size");
                }
                System.arraycopy(src[k], 0, dst[k], 0, dst[k].length);
            }
        }
        return s;
    }
}
