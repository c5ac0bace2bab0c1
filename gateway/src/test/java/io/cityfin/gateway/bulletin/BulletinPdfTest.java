package io.cityfin.gateway.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.cityfin.common.problem.ProblemException;
import reactor.test.StepVerifier;

class BulletinPdfTest {

    @Test
    void answers503WhenTheFontIsMissing() {
        BulletinPdf pdf = new BulletinPdf(new BulletinProperties(Path.of("/nonexistent/wqy-zenhei.ttc")));

        StepVerifier.create(pdf.render("<html><body>x</body></html>"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(PdfUnavailableException.class)
                        .extracting(e -> ((ProblemException) e).status()).isEqualTo(503))
                .verify();
    }

    @Test
    void takesDebiansWqyZenHeiByDefault() {
        assertThat(new BulletinProperties(null).font()).isEqualTo(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
    }
}
