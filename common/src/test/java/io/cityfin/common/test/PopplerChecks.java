package io.cityfin.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PDF read back by Debian's {@code poppler-utils} (the README's test packages), for the tests of a PDF the platform
 * writes (the gateway's bulletin, in its own IT and on the packaged platform): its fonts embedded, its text, and every
 * page rendered.
 */
public final class PopplerChecks {

    private PopplerChecks() {
    }

    /**
     * Writes {@code pdf} to {@code dir/name} (PNGs of earlier runs there removed) and checks with poppler-utils that
     * {@code pdffonts} lists {@code fontName} embedded (every line naming it says {@code yes}), that {@code pdftotext}
     * gives {@code text}, and that {@code pdftoppm} renders one non-empty PNG per page {@code pdfinfo} counts.
     */
    public static void assertEmbedsReadsAndRenders(byte[] pdf, Path dir, String name, String fontName, String text)
            throws IOException, InterruptedException {
        assertThat(pdf).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.write(file, pdf);
        for (Path png : pngs(dir)) {
            Files.delete(png);
        }

        String fonts = run("pdffonts", file.toString());
        String shown = run("pdftotext", "-enc", "UTF-8", file.toString(), "-");
        int pages = Integer.parseInt(run("pdfinfo", file.toString()).lines().filter(line -> line.startsWith("Pages:"))
                .findFirst().orElseThrow().replaceAll("\\D", ""));
        run("pdftoppm", "-png", "-r", "60", file.toString(), dir.resolve("page").toString());

        assertThat(fonts.lines().filter(line -> line.contains(fontName)).toList()).as("pdffonts:%n%s", fonts).isNotEmpty()
                .allSatisfy(line -> assertThat(line.split("\\s+")).contains("yes"));
        assertThat(shown).contains(text);
        assertThat(pages).isPositive();
        assertThat(pngs(dir)).hasSize(pages).allSatisfy(png -> assertThat(Files.size(png)).isPositive());
    }

    private static List<Path> pngs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(path -> path.toString().endsWith(".png")).toList();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
