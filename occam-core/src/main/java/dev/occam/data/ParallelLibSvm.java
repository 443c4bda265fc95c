package dev.occam.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fast way {@link LibSvmReader} reads a file: chunks of lines ({@link FileChunks}) parsed on
 * every processor into one {@link LibSvmRows} each, numbers straight from the bytes
 * ({@link DecimalParser}), then joined in file order. A line that is not plain ASCII
 * {@code label index:value ...} with increasing indices (a bad token, other white space, a comment
 * glued to a value, a missing label, ...) is undone and given whole to {@link LibSvmRows#addLine},
 * the sequential reader's own rules, which accept it or throw its message. Each chunk stops at its
 * first error and the first chunk's error is thrown, so it is the file's first error. Files with a
 * carriage return not followed by a line feed (lone CRs end lines for the sequential reader), and
 * files over 1 GiB, are left to the sequential reader: {@link #read} returns null.
 */
final class ParallelLibSvm {
    private ParallelLibSvm() { }

    static LibSvmRows read(Path file, TargetKind kind, int chunkBytes) throws IOException {
        String name = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > FileChunks.MAX_BYTES) return null;
            byte[] bom = new byte[3];
            int got = FileChunks.readFully(ch, 0, bom, (int) Math.min(3, size));
            long start = got == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF ? 3 : 0;
            long[] bounds = FileChunks.bounds(ch, start, size, chunkBytes);
            int chunks = bounds.length - 1;
            byte[][] buffers = new byte[ChunkWorkers.threads(chunks)][];
            int[] lines = new int[chunks];
            FileChunks.forEachChunk(ch, bounds, buffers, (k, buffer, len) -> lines[k] = FileChunks.lineFeeds(buffer, len));
            long[] firstLine = new long[chunks];
            for (int k = 0; k < chunks; k++) {
                if (lines[k] < 0) return null;
                firstLine[k] = k == 0 ? 1 : firstLine[k - 1] + lines[k - 1];
            }
            LibSvmRows[] parts = new LibSvmRows[chunks];
            FileChunks.forEachChunk(ch, bounds, buffers, (k, buffer, len) ->
                    parts[k] = new Chunk(name, buffer, kind).parse(len, firstLine[k]));
            LibSvmRows all = parts[0];
            for (int k = 1; k < chunks; k++) all.append(parts[k]);
            return all;
        }
    }

    /** One chunk's lines into its own rows. */
    private static final class Chunk {
        private final String name;
        private final byte[] b;
        private final TargetKind kind;
        private final LibSvmRows rows;
        private final DecimalParser parser = new DecimalParser();

        Chunk(String name, byte[] b, TargetKind kind) {
            this.name = name;
            this.b = b;
            this.kind = kind;
            this.rows = new LibSvmRows(kind);
        }

        LibSvmRows parse(int len, long line) {
            int pos = 0;
            while (pos < len) {
                int lf = FileChunks.indexOf(b, (byte) '\n', pos, len);
                int lineEnd = lf < 0 ? len : lf;
                int end = lineEnd > pos && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
                int ptr = rows.rowPtr.size();
                int nnz = rows.index.size();
                int ys = rows.y != null ? rows.y.size() : 0;
                int ls = rows.labels != null ? rows.labels.size() : 0;
                int p = rows.p;
                boolean anyText = rows.anyText;
                if (!fastLine(pos, end)) {
                    rows.rowPtr.truncate(ptr);
                    rows.index.truncate(nnz);
                    rows.values.truncate(nnz);
                    if (rows.y != null) rows.y.truncate(ys);
                    if (rows.labels != null) rows.labels.subList(ls, rows.labels.size()).clear();
                    rows.p = p;
                    // the text rules decide too whether the line has text (e.g. a lone vertical tab has none)
                    rows.anyText = anyText;
                    rows.addLine(name, new String(b, pos, end - pos, StandardCharsets.UTF_8), line);
                }
                pos = lineEnd + 1;
                line++;
            }
            return rows;
        }

        private static boolean blank(byte c) {
            return c == ' ' || c == '\t';
        }

        /**
         * End of the token at {@code i}: the next space, tab or '#', or {@code end}; −1 when it holds
         * a byte other than printable ASCII (non-ASCII text, or a control character such as a
         * vertical tab, which the text rules strip as white space).
         */
        private int tokenEnd(int i, int end) {
            while (i < end && !blank(b[i]) && b[i] != '#') {
                if (b[i] < 0x21 || b[i] == 0x7F) return -1;
                i++;
            }
            return i;
        }

        /** Adds the line b[from, end) when it is plain; false (perhaps half added) when the text rules must decide. */
        private boolean fastLine(int from, int end) {
            int i = from;
            while (i < end && blank(b[i])) i++;
            if (i == end) return true;   // blank
            rows.anyText = true;
            if (b[i] == '#') return true;   // comment line
            int te = tokenEnd(i, end);
            if (te < 0) return false;
            boolean hasColon = FileChunks.indexOf(b, (byte) ':', i, te) >= 0;
            if (kind == TargetKind.NUMERIC) {
                if (hasColon) return false;
                parser.pos = i;
                double v = parser.parse(b, end, (byte) ' ');
                if (v != v || parser.pos != te) return false;
                rows.y.add(v);
                i = te;
            } else if (kind == TargetKind.CLASS) {
                if (hasColon) return false;
                String label = new String(b, i, te - i, StandardCharsets.US_ASCII);
                if (Cells.isMissing(label)) return false;
                rows.labels.add(label);
                i = te;
            } else if (!hasColon) {
                i = te;   // prediction: a label is ignored
            }
            int previous = 0;
            while (true) {
                while (i < end && blank(b[i])) i++;
                if (i == end || b[i] == '#') break;
                if (end - i > 4 && b[i] == 'q' && b[i + 1] == 'i' && b[i + 2] == 'd' && b[i + 3] == ':') {
                    te = tokenEnd(i, end);
                    if (te < 0) return false;
                    i = te;
                    continue;
                }
                long j = 0;
                int digits = 0;
                int d;
                while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                    j = j * 10 + d;
                    if (++digits > 10) return false;
                    i++;
                }
                if (digits == 0 || j < 1 || j > LibSvmRows.MAX_INDEX || j <= previous || i >= end || b[i] != ':') return false;
                previous = (int) j;
                parser.pos = i + 1;
                double v = parser.parse(b, end, (byte) ' ');
                if (v != v) return false;
                i = parser.pos;
                rows.p = Math.max(rows.p, previous);
                if (v != 0.0) {
                    rows.index.add(previous - 1);
                    rows.values.add(v);
                }
            }
            rows.rowPtr.add(rows.index.size());
            return true;
        }
    }
}
