package io.agiledunning.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads rendered manifests into the fabric8 Kubernetes model, rejecting every field the model does not know.
 * <p>
 * fabric8's model classes accept unknown fields into an {@code additionalProperties} map through
 * {@code @JsonAnySetter}; a misspelt or misplaced field (say {@code readinessprobe}, or {@code resources} one level
 * too high) would pass silently. Here the any-setters are switched off, {@code ignoreUnknown} is ignored and
 * FAIL_ON_UNKNOWN_PROPERTIES is on, so such a field fails with its path.
 */
final class StrictKubernetesModel {

    /** A rendered document: where it came from, its kind, the strict model object and the raw tree. */
    record Document(String source, String kind, HasMetadata object, JsonNode tree) {
        String describe() {
            return kind + " " + object.getMetadata().getName() + " (" + source + ")";
        }
    }

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1/Pod", io.fabric8.kubernetes.api.model.Pod.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule",
                    io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));

    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final ObjectMapper STRICT = strictMapper();

    private StrictKubernetesModel() {
    }

    static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                return Boolean.FALSE; // no additionalProperties catch-all
            }

            @Override
            public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
                return super.findPropertyIgnoralByName(config, annotated).withoutIgnoreUnknown();
            }
        });
        return mapper;
    }

    /** Parses a multi-document `helm template` output; fails listing document, kind and unknown field. */
    static List<Document> parse(String rendered) {
        List<Document> documents = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] parts = rendered.split("(?m)^---\\s*$");
        for (int i = 0; i < parts.length; i++) {
            String text = parts[i];
            String source = text.lines().filter(l -> l.startsWith("# Source:")).findFirst()
                    .map(l -> l.substring("# Source:".length()).trim()).orElse("document " + i);
            JsonNode tree;
            try {
                tree = YAML.readTree(text);
            } catch (IOException e) {
                errors.add(source + ": not valid YAML: " + e.getMessage());
                continue;
            }
            if (tree == null || tree.isMissingNode() || tree.isNull() || tree.isEmpty()) {
                continue; // a template that rendered nothing
            }
            String apiVersion = tree.path("apiVersion").asText();
            String kind = tree.path("kind").asText();
            Class<? extends HasMetadata> type = KINDS.get(apiVersion + "/" + kind);
            if (type == null) {
                errors.add(source + ": no model registered for " + apiVersion + "/" + kind);
                continue;
            }
            try {
                documents.add(new Document(source, kind, STRICT.treeToValue(tree, type), tree));
            } catch (UnrecognizedPropertyException e) {
                errors.add(source + ": " + kind + " has unknown field '" + e.getPropertyName() + "' at "
                        + path(e) + " (known here: " + e.getKnownPropertyIds() + ")");
            } catch (JsonMappingException e) {
                errors.add(source + ": " + kind + " does not match the model at " + path(e) + ": " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("Rendered manifests do not match the Kubernetes model:\n  "
                    + String.join("\n  ", errors));
        }
        return documents;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
