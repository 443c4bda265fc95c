package dev.occam.robust;

import dev.occam.glm.LinearModel;
import dev.occam.io.ModelFile;
import dev.occam.nn.NetworkFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * SIGKILL while MODEL.json, PATH.csv and NET.json are being rewritten (through
 * {@code AtomicFiles}) leaves each file whole: a real child JVM ({@link FileWriterLoop}) rewrites
 * them in a loop, is killed at a random moment, and each file must then load and hold one complete
 * version, no older than the first version that child finished. What a kill leaves besides them can
 * only be hidden temporary files ({@code .NAME.<hex>.tmp}), which no reader opens by the target's
 * name.
 */
class KillDuringWriteTest {
    private static final int KILLS = 20;
    private static final Pattern TEMP = Pattern.compile("\\.(MODEL\\.json|PATH\\.csv|NET\\.json)\\.[0-9a-f]+\\.tmp");

    @TempDir
    Path dir;

    @Test
    void everyFileIsWholeAfterEveryKill() throws Exception {
        Random random = new Random(20261202L);
        Path stderr = dir.resolve("child-stderr.txt");
        Path out = Files.createDirectory(dir.resolve("out"));
        Map<String, Long> last = new TreeMap<>();
        java.util.Set<String> leftovers = new java.util.HashSet<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            long first = kill * 100_000L; // below 2^24: NET.json holds the version as a float
            Process child = ChildProcess.start("128m", stderr, List.of(), FileWriterLoop.class, out, first);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String ready = lines.readLine();
                assertEquals("ready", ready, () -> "child " + " did not start: " + read(stderr));
                // after "ready" the child is rewriting the files back to back: any moment is mid-write of one
                Thread.sleep(random.nextInt(200));
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "killed child did not end");
            }
            assertEquals(137, child.exitValue(), "the child must have died of SIGKILL, not ended on its own");
            long model = modelVersion(out.resolve("MODEL.json"));
            long path = pathVersion(out.resolve("PATH.csv"));
            long net = networkVersion(out.resolve("NET.json"));
            for (Map.Entry<String, Long> e : Map.of("MODEL.json", model, "PATH.csv", path, "NET.json", net).entrySet()) {
                assertTrue(e.getValue() >= first, e.getKey() + " after kill " + kill + " holds version " + e.getValue()
                        + ", older than the first this child finished (" + first + ")");
                last.put(e.getKey(), e.getValue());
            }
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (last.containsKey(name)) continue;
                    assertTrue(TEMP.matcher(name).matches(), "unexpected file after a kill: " + name);
                    leftovers.add(name);
                }
            }
        }
        // The kills landed mid-write at least sometimes (else this test would prove little): a
        // leftover temporary file is the trace of a write cut short.
        assertTrue(!leftovers.isEmpty(), "no kill landed during a write in " + KILLS + " kills");
        System.out.println("KillDuringWriteTest: " + KILLS + " kills, " + leftovers.size() + " cut writes left a temporary file, last versions " + last);
    }

    /** The version of a whole MODEL.json: every number in it equal. */
    private static long modelVersion(Path file) throws Exception {
        LinearModel m = ModelFile.read(file);
        double v = m.lambda();
        assertEquals(v, m.intercepts()[0], file.toString());
        assertEquals(FileWriterLoop.P, m.coefficients()[0].length);
        for (double w : m.coefficients()[0]) assertEquals(v, w, file + ": mixed versions");
        return (long) v;
    }

    /** The version of a whole PATH.csv: a header, every row complete, every number but df and dev_ratio equal. */
    private static long pathVersion(Path file) throws Exception {
        String text = Files.readString(file);
        assertTrue(text.endsWith("\n"), file + " does not end with a line end");
        List<String> rows = text.lines().toList();
        assertEquals(FileWriterLoop.LAMBDAS + 1, rows.size(), file + ": rows");
        assertTrue(rows.get(0).startsWith("lambda,df,dev_ratio,intercept,x0,"));
        double v = Double.NaN;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(3 + 1 + FileWriterLoop.P + 1, cells.length, file + ": cells of a row");
            if (Double.isNaN(v)) v = Double.parseDouble(cells[0]);
            for (int c = 0; c < cells.length; c++) {
                if (c == 1 || c == 2) continue;
                assertEquals(v, Double.parseDouble(cells[c]), file + ": mixed versions");
            }
        }
        return (long) v;
    }

    /** The version of a whole NET.json: every weight and bias equal. */
    private static long networkVersion(Path file) throws Exception {
        float[][] values = NetworkFile.read(file).network().values();
        float v = values[0][0];
        for (float[] a : values) {
            for (float x : a) {
                if (x != v) fail(file + ": mixed versions " + v + " and " + x);
            }
        }
        return (long) v;
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
