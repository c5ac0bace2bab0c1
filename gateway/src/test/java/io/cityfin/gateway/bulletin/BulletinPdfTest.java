package io.cityfin.gateway.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.cityfin.common.problem.ProblemException;
import reactor.test.StepVerifier;

class BulletinPdfTest {

    @Test
    void answers503WhenTheFontIsMissing() {
        BulletinPdf pdf = new BulletinPdf(new BulletinProperties(Path.of("/nonexistent/wqy-zenhei.ttc"), null));

        StepVerifier.create(pdf.render("<html><body>x</body></html>"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(PdfUnavailableException.class)
                        .extracting(e -> ((ProblemException) e).status()).isEqualTo(503))
                .verify();
    }

    @Test
    void takesDebiansWqyZenHeiAndTenSecondsPerSourceByDefault() {
        BulletinProperties defaults = new BulletinProperties(null, null);

        assertThat(defaults.font()).isEqualTo(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
        assertThat(defaults.sourceTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusesASourceTimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> new BulletinProperties(null, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source-timeout");
        assertThatThrownBy(() -> new BulletinProperties(null, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
