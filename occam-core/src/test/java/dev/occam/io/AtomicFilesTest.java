package dev.occam.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheWholeContent() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFiles.writeText(target, w -> w.write("a,b\n1,2\n"));
        assertThat(Files.readString(target)).isEqualTo("a,b\n1,2\n");
        assertThat(entries()).containsExactly("out.csv");
    }

    @Test
    void writesLargeBinaryContentExactly() throws IOException {
        Path target = dir.resolve("big.bin");
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        AtomicFiles.write(target, out -> {
            out.write(data, 0, 1000);
            for (int i = 1000; i < 2000; i++) out.write(data[i]);
            out.write(data, 2000, data.length - 2000);
        });
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = dir.resolve("model.json");
        Files.writeString(target, "old content that is longer than the new one");
        AtomicFiles.writeText(target, w -> w.write("new"));
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(entries()).containsExactly("model.json");
    }

    @Test
    void failureLeavesNoFileAndNoTemporary() throws IOException {
        Path target = dir.resolve("out.csv");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("x".repeat(200_000)); // more than one buffer: part of it reaches the temporary file
            throw new IOException("disk on fire");
        })).isInstanceOf(IOException.class).hasMessage("disk on fire");
        assertThat(entries()).isEmpty();
    }

    @Test
    void failureKeepsThePreviousContent() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "previous");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("half");
            throw new UncheckedIOException(new IOException("stopped"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(Files.readString(target)).isEqualTo("previous");
        assertThat(entries()).containsExactly("out.csv");
    }

    @Test
    void aBodyMayCloseWhatItIsGiven() throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.writeText(target, w -> {
            w.write("kept");
            w.close();
        });
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("kept");
    }

    @Test
    void missingDirectoryIsAnError() {
        Path target = dir.resolve("no-such-dir").resolve("out.csv");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> w.write("x"))).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.exists(dir.resolve("no-such-dir"))).isFalse();
    }

    @Test
    void aDirectoryInTheWayIsAnErrorAndLeavesNoTemporary() throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> w.write("x"))).isInstanceOf(IOException.class);
        assertThat(entries()).containsExactly("taken");
    }
}
