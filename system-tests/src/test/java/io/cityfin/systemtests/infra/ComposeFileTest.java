package io.cityfin.systemtests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** {@code infra/docker-compose.yml} against the apps (it cannot run here: no Docker engine). */
class ComposeFileTest {

    static final String COMPOSE_FILE = "infra/docker-compose.yml";

    @Test
    void givesEveryAppWhatItNeeds() {
        Repository repository = Repository.current();
        Path file = repository.path(COMPOSE_FILE);

        assertThat(ComposeCheck.problems(Yaml.load(file), file.getParent(), DeploymentNeeds.read(repository), repository))
            .isEmpty();
    }
}
