package io.cityfin.systemtests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code infra/k8s} against the apps (no cluster here; {@code kubectl kustomize infra/k8s} renders it). */
class KubernetesManifestsTest {

    static final String DIR = "infra/k8s";

    static final String README = "infra/README.md";

    @Test
    void giveEveryAppWhatItNeeds() {
        Repository repository = Repository.current();

        Manifests manifests = Manifests.load(repository.path(DIR), repository.path(README));

        assertThat(KubernetesCheck.problems(manifests, DeploymentNeeds.read(repository), repository)).isEmpty();
    }
}
