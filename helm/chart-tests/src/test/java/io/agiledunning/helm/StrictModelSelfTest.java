package io.agiledunning.helm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator itself: a field the model does not know must fail, naming document, kind and field. */
class StrictModelSelfTest {

    private static final String DEPLOYMENT = """
            ---
            # Source: x/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: x
            spec:
              selector:
                matchLabels:
                  app: x
              template:
                metadata:
                  labels:
                    app: x
                spec:
                  containers:
                    - name: x
                      image: x:1
                      %s
            """;

    @Test
    void acceptsKnownFields() {
        StrictKubernetesModel.parse(DEPLOYMENT.formatted("imagePullPolicy: Always"));
    }

    @Test
    void rejectsUnknownField() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> StrictKubernetesModel.parse(DEPLOYMENT.formatted("readinessprobe: {}")));
        assertTrue(error.getMessage().contains("x/templates/deployment.yaml"), error.getMessage());
        assertTrue(error.getMessage().contains("Deployment has unknown field 'readinessprobe'"), error.getMessage());
        assertTrue(error.getMessage().contains("spec.template.spec.containers[0]"), error.getMessage());
    }

    @Test
    void rejectsUnknownKind() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> StrictKubernetesModel.parse("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n"));
        assertTrue(error.getMessage().contains("no model registered for example.com/v1/Widget"), error.getMessage());
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThrows(AssertionError.class,
                () -> StrictKubernetesModel.parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n"));
    }
}
