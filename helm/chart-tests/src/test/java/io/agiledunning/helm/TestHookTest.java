package io.agiledunning.helm;

import io.agiledunning.helm.StrictKubernetesModel.Document;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * helm-java's template leaves out `helm test` hooks, so the hook Pod is checked from a copy of the umbrella chart in
 * which it is an ordinary template.
 */
class TestHookTest {

    @Test
    void readinessTestPodIsValidAndHardened() throws IOException {
        Path umbrella = Charts.chart(Charts.UMBRELLA);
        Path hook = umbrella.resolve("templates/tests/frontend-api-ready.yaml");
        String original = Files.readString(hook);
        assertTrue(original.contains("helm.sh/hook: test"), "the Pod is a helm test hook");
        Path plain = umbrella.resolve("templates/zz-test-hook-as-plain.yaml");
        Files.writeString(plain, original.replace("helm.sh/hook: test", "agiledunning.io/hook: test"));
        try {
            List<Document> documents = StrictKubernetesModel.parse(Charts.render(Charts.UMBRELLA, null, Map.of()));
            Pod pod = documents.stream().map(Document::object).filter(o -> o instanceof Pod).map(o -> (Pod) o)
                    .findFirst().orElseThrow(() -> new AssertionError("no test Pod rendered"));
            assertEquals("Never", pod.getSpec().getRestartPolicy());
            assertTrue(pod.getSpec().getContainers().getFirst().getCommand()
                    .contains("http://ad-frontend-api:8080/q/health/ready"), pod.getSpec().getContainers().toString());
            Hardening.check(documents);
        } finally {
            Files.delete(plain);
        }
    }
}
