package dev.occam.data;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast way {@link CsvReader} reads a CSV file without quotes: the file cut at line ends into
 * chunks of about 1 MiB that every processor reads (positional reads into one reused buffer per
 * thread: no copy of the whole file, whose fresh memory alone would cost more than parsing it) and
 * parses at once, each number straight from the bytes ({@link DecimalParser}) into its place in
 * column-major X. No String or other object is made per cell (only per class label).
 *
 * <p>Two passes over the chunks: the first counts the rows and lines of each (so each chunk knows
 * its first row and line) and looks for what this reader leaves to FastCSV (a double quote, a
 * carriage return not followed by a line feed, a UTF-16/32 byte-order mark, a file over 1 GiB):
 * then {@link #read} returns null. The second parses. A row the fast path cannot take whole (any bad
 * or unusual cell, a wrong field count) is parsed again as text by {@link CsvColumns#parseRow},
 * which throws the same one-line error as FastCSV's path would, or accepts the row (e.g. a number
 * with other white space around it). Each chunk stops at its first error; the error of the first
 * chunk that has one is thrown, so it is the first error of the file, as when reading line by line.
 */
final class ParallelCsv {
    private ParallelCsv() { }

    /** Chunk size (see {@link FileChunks}). */
    static final int CHUNK_BYTES = FileChunks.CHUNK_BYTES;

    /** First read for the header (grown while the header line is longer). */
    private static final int HEAD_BYTES = 1 << 16;

    private static final int IGNORED = -1;
    private static final int TARGET = -2;
    private static final int WEIGHT = -3;

    /**
     * Reads {@code file}, or returns null when it needs FastCSV (see the class comment).
     *
     * @param chunkBytes the approximate size of a chunk (tests use small ones to cut small files)
     */
    static Dataset read(Path file, ReadOptions o, int chunkBytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file.toString(), ch, o, chunkBytes);
        }
    }

    private static Dataset read(String name, FileChannel ch, ReadOptions o, int chunkBytes) throws IOException {
        long size = ch.size();
        if (size > FileChunks.MAX_BYTES) return null;
        // The header: the first non-empty line, read in growing pieces from the start.
        byte[] head = new byte[(int) Math.min(size, HEAD_BYTES)];
        int got = FileChunks.readFully(ch, 0, head, head.length);
        int start = 0;
        if (got >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            start = 3;
        } else if (got >= 2 && ((head[0] & 0xff) == 0xFE || (head[0] & 0xff) == 0xFF || head[0] == 0)) {
            return null;   // a UTF-16 or UTF-32 byte-order mark (or a NUL): FastCSV detects these
        }
        long line = 1;
        int pos = start;
        int headerEnd;   // end of the header's content in head
        while (true) {
            if (pos >= got) throw new DataFormatException(name, "the file is empty");
            int lf = FileChunks.indexOf(head, (byte) '\n', pos, got);
            if (lf < 0 && got < size) {   // the line goes on beyond what was read
                head = new byte[(int) Math.min(size, 2L * head.length)];
                got = FileChunks.readFully(ch, 0, head, head.length);
                continue;
            }
            int lineEnd = lf < 0 ? got : lf;
            int contentEnd = lineEnd > pos && head[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            for (int i = pos; i < contentEnd; i++) {
                if (head[i] == '"' || head[i] == '\r') return null;
            }
            if (contentEnd > pos) {
                headerEnd = contentEnd;
                break;
            }
            pos = lineEnd + 1;
            line++;
        }
        CsvColumns cols = CsvColumns.resolve(name, split(head, pos, headerEnd), o);
        int lf = FileChunks.indexOf(head, (byte) '\n', headerEnd, got);
        long bodyStart = lf < 0 ? size : lf + 1;
        long[] bounds = FileChunks.bounds(ch, bodyStart, size, chunkBytes);
        int chunks = bounds.length - 1;
        byte[][] buffers = new byte[ChunkWorkers.threads(chunks)][];

        // Pass 1: rows and lines per chunk; anything FastCSV must handle.
        int[] rows = new int[chunks];
        int[] lines = new int[chunks];
        boolean[] needsFastCsv = new boolean[chunks];
        FileChunks.forEachChunk(ch, bounds, buffers, (k, buffer, len) -> count(buffer, len, k, rows, lines, needsFastCsv));
        for (boolean q : needsFastCsv) if (q) return null;
        long total = 0;
        for (int r : rows) total += r;
        if (total == 0) throw new DataFormatException(name, "no data rows after the header");
        int n = (int) total;   // at most one row per two bytes of a file under 1 GiB

        // Pass 2: parse every chunk into its rows.
        Target t = new Target(cols, o, n);
        int[] firstRow = new int[chunks];
        long[] firstLine = new long[chunks];
        firstLine[0] = line + 1;
        for (int k = 1; k < chunks; k++) {
            firstRow[k] = firstRow[k - 1] + rows[k - 1];
            firstLine[k] = firstLine[k - 1] + lines[k - 1];
        }
        int[] role = roles(cols);
        FileChunks.forEachChunk(ch, bounds, buffers, (k, buffer, len) ->
                new Chunk(name, buffer, cols, o.targetKind(), role, t, n).parse(0, len, firstRow[k], firstLine[k]));
        return CsvReader.dataset(name, cols, t.x, n, t.y, t.labels == null ? null : Arrays.asList(t.labels), t.weights);
    }

    /** The arrays every chunk writes its rows into (each chunk its own rows only). */
    private static final class Target {
        final double[] x;
        final double[] y;
        final String[] labels;
        final double[] weights;

        Target(CsvColumns cols, ReadOptions o, int n) {
            x = new double[n * cols.features().length];
            y = o.targetKind() == TargetKind.NUMERIC ? new double[n] : null;
            labels = o.targetKind() == TargetKind.CLASS ? new String[n] : null;
            weights = cols.weights() >= 0 ? new double[n] : null;
        }
    }

    /** For each field position: the feature index it fills, or TARGET, WEIGHT, IGNORED. */
    private static int[] roles(CsvColumns cols) {
        int[] role = new int[cols.width()];
        Arrays.fill(role, IGNORED);
        for (int k = 0; k < cols.features().length; k++) role[cols.features()[k]] = k;
        if (cols.target() >= 0) role[cols.target()] = TARGET;
        if (cols.weights() >= 0) role[cols.weights()] = WEIGHT;
        return role;
    }

    /** Pass 1 over b[0, len), a chunk that starts a line: non-empty lines (rows) and line feeds; flags quotes and lone CRs. */
    private static void count(byte[] b, int len, int k, int[] rows, int[] lines, boolean[] needsFastCsv) {
        int r = 0;
        int l = 0;
        boolean content = false;
        for (int i = 0; i < len; i++) {
            byte c = b[i];
            if (c == '\n') {
                l++;
                if (content) r++;
                content = false;
            } else if (c == '\r') {
                // a chunk ends after a line feed, so a CR in its last byte ends the file
                if (i + 1 >= len || b[i + 1] != '\n') { needsFastCsv[k] = true; return; }
            } else {
                if (c == '"') { needsFastCsv[k] = true; return; }
                content = true;
            }
        }
        if (content) r++;
        rows[k] = r;
        lines[k] = l;
    }

    /** Pass 2 over one chunk: parses its rows into the target arrays. */
    private static final class Chunk {
        private final String name;
        private final byte[] b;
        private final CsvColumns cols;
        private final TargetKind kind;
        private final int[] role;
        private final Target t;
        private final int n;
        private final DecimalParser parser = new DecimalParser();
        private CsvColumns.RowValues slowRow;

        Chunk(String name, byte[] b, CsvColumns cols, TargetKind kind, int[] role, Target t, int n) {
            this.name = name;
            this.b = b;
            this.cols = cols;
            this.kind = kind;
            this.role = role;
            this.t = t;
            this.n = n;
        }

        void parse(int from, int to, int row, long line) {
            int width = role.length;
            double[] x = t.x;
            int pos = from;
            while (pos < to) {
                byte first = b[pos];
                if (first == '\n') { pos++; line++; continue; }
                if (first == '\r' && pos + 1 < to && b[pos + 1] == '\n') { pos += 2; line++; continue; }
                int rowStart = pos;
                int c = 0;
                boolean ok = true;
                while (true) {
                    int r = c < width ? role[c] : IGNORED;
                    if (r >= 0 || (r == TARGET && kind == TargetKind.NUMERIC) || r == WEIGHT) {
                        parser.pos = pos;
                        double v = parser.parse(b, to, (byte) ',');
                        if (v != v || (r == WEIGHT && v < 0)) { ok = false; break; }
                        if (r >= 0) x[r * n + row] = v;
                        else if (r == TARGET) t.y[row] = v;
                        else t.weights[row] = v;
                        pos = parser.pos;
                    } else {
                        int end = fieldEnd(pos, to);
                        if (r == TARGET && kind == TargetKind.CLASS) {
                            String label = new String(b, pos, end - pos, StandardCharsets.UTF_8).strip();
                            if (label.isEmpty() || Cells.isMissing(label)) { ok = false; break; }
                            t.labels[row] = label;
                        }
                        pos = end;
                    }
                    c++;
                    if (pos < to && b[pos] == ',') { pos++; continue; }
                    break;
                }
                if (!ok || c != width) {
                    pos = slow(rowStart, to, row, line);
                } else if (pos < to) {
                    pos += b[pos] == '\r' ? 2 : 1;
                }
                row++;
                line++;
            }
        }

        /** End of the field at {@code pos}: the next comma, line end or {@code to}. */
        private int fieldEnd(int pos, int to) {
            while (pos < to) {
                byte c = b[pos];
                if (c == ',' || c == '\n' || c == '\r') break;
                pos++;
            }
            return pos;
        }

        /** The row at {@code rowStart} as text fields through the shared checks; returns the next line's start. */
        private int slow(int rowStart, int to, int row, long line) {
            int lf = FileChunks.indexOf(b, (byte) '\n', rowStart, to);
            int lineEnd = lf < 0 ? to : lf;
            int contentEnd = lineEnd > rowStart && b[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            List<String> fields = split(b, rowStart, contentEnd);
            if (slowRow == null) slowRow = new CsvColumns.RowValues(cols.features().length);
            cols.parseRow(name, line, kind, fields.size(), fields::get, slowRow);
            for (int k = 0; k < slowRow.features.length; k++) t.x[k * n + row] = slowRow.features[k];
            if (t.y != null) t.y[row] = slowRow.y;
            if (t.labels != null) t.labels[row] = slowRow.label;
            if (t.weights != null) t.weights[row] = slowRow.weight;
            return lf < 0 ? to : lf + 1;
        }
    }

    /** The comma-separated fields of b[from, to) as text (UTF-8). */
    static List<String> split(byte[] b, int from, int to) {
        List<String> fields = new ArrayList<>();
        int s = from;
        for (int i = from; i <= to; i++) {
            if (i == to || b[i] == ',') {
                fields.add(new String(b, s, i - s, StandardCharsets.UTF_8));
                s = i + 1;
            }
        }
        return fields;
    }
}
