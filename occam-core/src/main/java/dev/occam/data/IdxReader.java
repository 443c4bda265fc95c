package dev.occam.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST ({@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, plain or gzip-compressed).
 *
 * <p>Format: two zero bytes, an element-type byte (0x08 unsigned byte, 0x09 signed byte, 0x0B
 * short, 0x0C int, 0x0D float, 0x0E double), a byte with the number of dimensions d, then d
 * big-endian 32-bit sizes, then the values, big-endian, last dimension fastest. An image file is
 * n × rows × cols unsigned bytes, a label file n unsigned bytes.
 *
 * <p>Values are returned as float32 in the file's (row-major) order, so an image file is directly
 * an n × (rows·cols) matrix of rows. Unsigned and signed bytes, shorts and floats convert exactly;
 * ints beyond ±2²⁴ and doubles are rounded to float.
 *
 * <p>Errors are one line naming the file ({@link DataFormatException}): not an IDX header, unknown
 * element type, a file shorter or longer than its header announces, label and image counts that
 * differ.
 */
public final class IdxReader {
    private IdxReader() { }

    /**
     * The content of one IDX file.
     *
     * @param file the file as the user named it
     * @param type the element-type code (0x08 … 0x0E)
     * @param dims the dimension sizes, each &gt; 0
     * @param values all values as float32, row-major (times the scale given to {@code read})
     */
    public record IdxArray(String file, int type, int[] dims, float[] values) {
        public IdxArray {
            Objects.requireNonNull(file, "file");
            dims = dims.clone();
            Objects.requireNonNull(values, "values");
        }

        /** Size of the first dimension (images, labels). */
        public int items() { return dims[0]; }

        /** Values per item: the product of the other dimensions (rows·cols for images; 1 for labels). */
        public int itemSize() {
            int s = 1;
            for (int i = 1; i < dims.length; i++) {
                s *= dims[i];
            }
            return s;
        }

        @Override public int[] dims() { return dims.clone(); }
    }

    /**
     * Images with their class labels, coded as in the other readers.
     *
     * @param images n × (rows·cols) values, row-major
     * @param y class index of each image in {@code classes}
     * @param classes the distinct labels, sorted numerically ("0" … "9")
     */
    public record LabelledImages(IdxArray images, double[] y, List<String> classes) {
        public LabelledImages {
            classes = List.copyOf(classes);
        }

        /** Number of images. */
        public int rows() { return images.items(); }

        /** Values per image. */
        public int cols() { return images.itemSize(); }

        /**
         * As a {@link Dataset} with dense column-major X (a copy in double precision: 8 bytes per
         * pixel), features named x1 … xp, target "label".
         */
        public Dataset toDataset() {
            int n = rows();
            int p = cols();
            float[] v = images.values();
            double[] x = new double[Math.multiplyExact(n, p)];
            for (int i = 0; i < n; i++) {
                int off = i * p;
                for (int j = 0; j < p; j++) {
                    x[j * n + i] = v[off + j];
                }
            }
            return new Dataset(new DenseMatrix(n, p, x), y, null, Dataset.defaultNames(p), "label", classes);
        }
    }

    /** Reads an IDX file as is. */
    public static IdxArray read(Path file) throws IOException {
        return read(file, 1f);
    }

    /**
     * Reads an IDX file, multiplying every value by {@code scale} (e.g. 1/255 for pixels).
     *
     * @throws DataFormatException for content that is not a valid IDX file
     * @throws IOException when the file cannot be read
     */
    public static IdxArray read(Path file, float scale) throws IOException {
        String name = file.toString();
        Cells.requireRegularFile(file);
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = gunzip(name, in);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new DataFormatException(name, "is a damaged gzip file (" + e.getMessage() + ")");
            }
        }
        return parse(name, bytes, scale);
    }

    /**
     * The decompressed bytes, but never more than the header announces: a small gzip file can
     * expand to far more than the heap (a "zip bomb"), which must be a message, not an
     * OutOfMemoryError. A header that announces nothing valid is returned alone for
     * {@link #parse} to report.
     */
    private static byte[] gunzip(String name, InputStream in) throws IOException {
        byte[] start = in.readNBytes(4);
        if (start.length < 4 || start[0] != 0 || start[1] != 0 || width(start[2] & 0xFF) == 0 || start[3] == 0) return start;
        int nd = start[3] & 0xFF;
        byte[] sizes = in.readNBytes(4 * nd);
        ByteBuffer buf = ByteBuffer.wrap(sizes).order(ByteOrder.BIG_ENDIAN);
        long count = 1;
        for (int d = 0; d < sizes.length / 4 && count <= Integer.MAX_VALUE; d++) count *= Math.max(0, buf.getInt(4 * d));
        byte[] head = Arrays.copyOf(start, 4 + sizes.length);
        System.arraycopy(sizes, 0, head, 4, sizes.length);
        if (sizes.length < 4 * nd || count == 0 || count > Integer.MAX_VALUE - 8) return head;   // parse says what is wrong
        long expected = 4 + 4L * nd + count * width(start[2] & 0xFF);
        byte[] body = in.readNBytes((int) Math.min(expected - head.length, Integer.MAX_VALUE - 16));
        if (in.read() >= 0) {
            int[] dims = new int[nd];
            for (int d = 0; d < nd; d++) dims[d] = buf.getInt(4 * d);
            throw new DataFormatException(name, 0, 0, null, expected + " bytes for " + dimensions(dims) + " "
                    + typeName(start[2] & 0xFF) + " values", "more after gzip decompression");
        }
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /** Bytes per value of an IDX element type; 0 for an unknown type. */
    private static int width(int type) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> 0;
        };
    }

    /**
     * Reads an image file and its label file (same number of items; labels one-dimensional).
     *
     * @param scale multiplies every pixel (1/255 maps unsigned bytes to [0, 1])
     */
    public static LabelledImages readLabelled(Path images, Path labels, float scale) throws IOException {
        IdxArray im = read(images, scale);
        IdxArray lb = read(labels);
        if (lb.dims.length != 1) {
            throw new DataFormatException(lb.file(), 0, 0, null, "a label file with 1 dimension", dimensions(lb.dims));
        }
        if (lb.items() != im.items()) {
            throw new DataFormatException(lb.file(), "has " + lb.items() + " labels but " + im.file() + " has " + im.items() + " images");
        }
        LabelCoder coder = new LabelCoder();
        float[] v = lb.values();
        for (float f : v) {
            coder.add(f == (long) f ? Long.toString((long) f) : Float.toString(f));
        }
        return new LabelledImages(im, coder.codes(), coder.sortedLabels());
    }

    private static IdxArray parse(String name, byte[] b, float scale) {
        if (b.length == 0) {
            throw new DataFormatException(name, "the file is empty");
        }
        if (b.length < 4) {
            throw new DataFormatException(name, 0, 0, null, "a 4-byte IDX header", b.length + " bytes");
        }
        if (b[0] != 0 || b[1] != 0) {
            throw new DataFormatException(name, 0, 0, null, "an IDX header starting with two zero bytes",
                    String.format("0x%02X 0x%02X (not an IDX file)", b[0] & 0xFF, b[1] & 0xFF));
        }
        int type = b[2] & 0xFF;
        int width = switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> throw new DataFormatException(name, 0, 0, null,
                    "an IDX element type (0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double)",
                    String.format("0x%02X", type));
        };
        int nd = b[3] & 0xFF;
        if (nd == 0) {
            throw new DataFormatException(name, 0, 0, null, "at least 1 dimension in the IDX header", "0");
        }
        int header = 4 + 4 * nd;
        if (b.length < header) {
            throw new DataFormatException(name, 0, 0, null, nd + " dimension sizes in the IDX header", "a file of " + b.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
        int[] dims = new int[nd];
        long count = 1;
        for (int d = 0; d < nd; d++) {
            dims[d] = buf.getInt(4 + 4 * d);
            if (dims[d] <= 0) {
                throw new DataFormatException(name, 0, 0, null, "dimension sizes > 0", "size " + Integer.toUnsignedString(dims[d])
                        + " for dimension " + (d + 1));
            }
            count *= dims[d];
            if (count > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(name, "holds " + dimensions(Arrays.copyOf(dims, d + 1)) + " values, more than Occam reads from one file");
            }
        }
        long expected = header + count * width;
        if (b.length != expected) {
            String what = b.length < expected ? "a truncated file of " + b.length + " bytes" : b.length + " bytes (" + (b.length - expected) + " too many)";
            throw new DataFormatException(name, 0, 0, null, expected + " bytes for " + dimensions(dims) + " " + typeName(type) + " values", what);
        }
        float[] v = new float[(int) count];
        int off = header;
        switch (type) {
            case 0x08 -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (b[off + i] & 0xFF) * scale;
                }
            }
            case 0x09 -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = b[off + i] * scale;
                }
            }
            case 0x0B -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = buf.getShort(off + 2 * i) * scale;
                }
            }
            case 0x0C -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (buf.getInt(off + 4 * i) * (double) scale);
                }
            }
            case 0x0D -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = buf.getFloat(off + 4 * i) * scale;
                }
            }
            default -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (buf.getDouble(off + 8 * i) * scale);
                }
            }
        }
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new DataFormatException(name, 0, 0, null, "finite values", v[i] + " at value " + (i + 1));
            }
        }
        return new IdxArray(name, type, dims, v);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "ubyte";
            case 0x09 -> "byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            default -> "double";
        };
    }

    private static String dimensions(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                s.append(" x ");
            }
            s.append(Integer.toUnsignedString(dims[i]));
        }
        return s.toString();
    }
}
