package dev.occam.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** An IDX file: header for the type and dims, then the given payload bytes. */
    private static byte[] idx(int type, int[] dims, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeByte(type);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(payload);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Three 2×2 images with pixel values 0, 1, …, 11 and one of 255. */
    private static byte[] images() throws IOException {
        byte[] px = new byte[12];
        for (int i = 0; i < 12; i++) {
            px[i] = (byte) i;
        }
        px[11] = (byte) 255;
        return idx(0x08, new int[]{3, 2, 2}, px);
    }

    @Test
    void readsUnsignedByteImagesAndLabels() throws IOException {
        Path im = write("images-idx3-ubyte", images());
        Path lb = write("labels-idx1-ubyte", idx(0x08, new int[]{3}, new byte[]{7, 2, 7}));
        IdxReader.LabelledImages d = IdxReader.readLabelled(im, lb, 1f / 255);
        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.cols()).isEqualTo(4);
        assertThat(d.images().dims()).containsExactly(3, 2, 2);
        assertThat(d.images().values()[5]).isEqualTo(5 * (1f / 255));
        assertThat(d.images().values()[11]).isEqualTo(1f);
        assertThat(d.classes()).containsExactly("2", "7");
        assertThat(d.y()).containsExactly(1, 0, 1);

        Dataset ds = d.toDataset();
        assertThat(ds.x().get(1, 2)).isEqualTo((double) (6 * (1f / 255))); // row 2, pixel 3 = value 6, in float then widened
        assertThat(ds.classes()).containsExactly("2", "7");
        assertThat(ds.featureNames()).containsExactly("x1", "x2", "x3", "x4");
    }

    @Test
    void readsGzipCompressedFiles() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(images());
        }
        IdxReader.IdxArray a = IdxReader.read(write("images.gz", gz.toByteArray()));
        assertThat(a.values()).hasSize(12);
        assertThat(a.values()[11]).isEqualTo(255f);
    }

    @Test
    void aGzipFileIsDecompressedNoFurtherThanItsHeaderAnnounces() throws IOException {
        // 64 KiB of gzip that expands to 64 MiB behind a header announcing one byte: a small "zip bomb"
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(idx(0x08, new int[]{1}, new byte[]{7}));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) out.write(zeros);
        }
        Path bomb = write("bomb-idx1-ubyte.gz", gz.toByteArray());
        assertThatThrownBy(() -> IdxReader.read(bomb)).isInstanceOf(DataFormatException.class)
                .hasMessage(bomb + ": expected 9 bytes for 1 ubyte values, found more after gzip decompression");
        Path truncated = write("short-idx1-ubyte.gz", gzip(idx(0x08, new int[]{3}, new byte[]{1, 2})));
        assertThatThrownBy(() -> IdxReader.read(truncated))
                .hasMessage(truncated + ": expected 11 bytes for 3 ubyte values, found a truncated file of 10 bytes");
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(content);
        }
        return gz.toByteArray();
    }

    @Test
    void readsOtherElementTypesBigEndian() throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(payload);
        out.writeFloat(1.5f);
        out.writeFloat(-2.25f);
        assertThat(IdxReader.read(write("f", idx(0x0D, new int[]{2}, payload.toByteArray()))).values()).containsExactly(1.5f, -2.25f);
        assertThat(IdxReader.read(write("s", idx(0x0B, new int[]{1}, new byte[]{(byte) 0xFF, (byte) 0xFE}))).values())
                .containsExactly(-2f);
        assertThat(IdxReader.read(write("b", idx(0x09, new int[]{1}, new byte[]{(byte) 0xFF}))).values()).containsExactly(-1f);
    }

    @Test
    void badFilesGiveOneClearLine() throws IOException {
        Path empty = write("empty", new byte[0]);
        assertThatThrownBy(() -> IdxReader.read(empty)).isInstanceOf(DataFormatException.class)
                .hasMessage(empty + ": the file is empty");

        Path csv = write("data.csv", "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> IdxReader.read(csv))
                .hasMessage(csv + ": expected an IDX header starting with two zero bytes, found 0x61 0x2C (not an IDX file)");

        Path type = write("type", idx(0x07, new int[]{1}, new byte[]{1}));
        assertThatThrownBy(() -> IdxReader.read(type)).hasMessage(type
                + ": expected an IDX element type (0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double), found 0x07");

        byte[] full = images();
        Path truncated = write("truncated", java.util.Arrays.copyOf(full, full.length - 3));
        assertThatThrownBy(() -> IdxReader.read(truncated))
                .hasMessage(truncated + ": expected 28 bytes for 3 x 2 x 2 ubyte values, found a truncated file of 25 bytes");

        Path longer = write("longer", java.util.Arrays.copyOf(full, full.length + 2));
        assertThatThrownBy(() -> IdxReader.read(longer))
                .hasMessage(longer + ": expected 28 bytes for 3 x 2 x 2 ubyte values, found 30 bytes (2 too many)");

        Path zeroDim = write("zero", idx(0x08, new int[]{0, 28}, new byte[0]));
        assertThatThrownBy(() -> IdxReader.read(zeroDim)).hasMessage(zeroDim + ": expected dimension sizes > 0, found size 0 for dimension 1");

        Path damaged = write("damaged.gz", new byte[]{0x1F, (byte) 0x8B, 8, 0, 1, 2});
        assertThatThrownBy(() -> IdxReader.read(damaged)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(damaged + ": is a damaged gzip file (");

        assertThatThrownBy(() -> IdxReader.read(dir)).hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void labelsMustMatchTheImages() throws IOException {
        Path im = write("images", images());
        Path two = write("labels2", idx(0x08, new int[]{2}, new byte[]{1, 2}));
        assertThatThrownBy(() -> IdxReader.readLabelled(im, two, 1f))
                .hasMessage(two + ": has 2 labels but " + im + " has 3 images");
        Path wide = write("labels-2d", idx(0x08, new int[]{3, 2}, new byte[6]));
        assertThatThrownBy(() -> IdxReader.readLabelled(im, wide, 1f))
                .hasMessage(wide + ": expected a label file with 1 dimension, found 3 x 2");
    }
}
