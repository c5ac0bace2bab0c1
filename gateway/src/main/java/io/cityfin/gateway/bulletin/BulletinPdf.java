package io.cityfin.gateway.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The bulletin's HTML as PDF, through openhtmltopdf (PDFBox), with the configured TrueType CJK font embedded (subset).
 * Debian's {@code fonts-noto-cjk} is CFF-based and will not embed; {@code fonts-wqy-zenhei} ships a TrueType
 * collection (.ttc), which openhtmltopdf reads through PDFBox's {@code TrueTypeCollection} when the file's name ends in
 * {@code .ttc} (every face registered under the one family name). Rendering is CPU work: it runs on the bounded
 * elastic scheduler, never on an event loop.
 */
@Component
public class BulletinPdf {

    /** The family the bulletin's style names first. */
    static final String FAMILY = "WenQuanYi Zen Hei";
    private static final Logger LOG = LoggerFactory.getLogger(BulletinPdf.class);

    private final Path font;

    public BulletinPdf(BulletinProperties properties) {
        this.font = properties.font();
    }

    /** Fails with {@link PdfUnavailableException} (503) when the font is missing, saying so in the log. */
    public Mono<Void> checkFont() {
        if (Files.isReadable(font)) {
            return Mono.empty();
        }
        LOG.error("Bulletin PDF unavailable: the CJK font {} is missing. Install Debian's fonts-wqy-zenhei "
                + "(apt-get install fonts-wqy-zenhei) or point cityfin.gateway.bulletin.font (CITYFIN_BULLETIN_FONT) at a TrueType CJK font.", font);
        return Mono.error(new PdfUnavailableException("The bulletin cannot be made as PDF here: its CJK font is not installed."));
    }

    public Mono<byte[]> render(String html) {
        return checkFont().then(Mono.fromCallable(() -> pdf(html)).subscribeOn(Schedulers.boundedElastic()));
    }

    private byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), FAMILY);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the bulletin as PDF", e);
        }
        return out.toByteArray();
    }
}
