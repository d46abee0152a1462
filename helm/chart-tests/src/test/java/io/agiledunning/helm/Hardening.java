package io.agiledunning.helm;

import io.agiledunning.helm.StrictKubernetesModel.Document;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The rules every rendered platform must keep; collects all violations, then fails once listing them. */
final class Hardening {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY).*");

    private Hardening() {
    }

    static void check(List<Document> documents) {
        List<String> problems = new ArrayList<>();
        Set<String> hpaTargets = documents.stream()
                .filter(d -> d.object() instanceof HorizontalPodAutoscaler)
                .map(d -> ((HorizontalPodAutoscaler) d.object()).getSpec().getScaleTargetRef().getName())
                .collect(Collectors.toSet());
        for (Document doc : documents) {
            String where = doc.describe();
            switch (doc.object()) {
                case Deployment deployment -> {
                    var spec = deployment.getSpec();
                    selector(where, spec.getSelector(), problems);
                    Map<String, String> podLabels = spec.getTemplate().getMetadata().getLabels();
                    spec.getSelector().getMatchLabels().forEach((k, v) -> {
                        if (!v.equals(podLabels.get(k))) {
                            problems.add(where + ": selector " + k + "=" + v + " does not match the pod labels");
                        }
                    });
                    if (spec.getTemplate().getMetadata().getAnnotations() == null
                            || !spec.getTemplate().getMetadata().getAnnotations().containsKey("checksum/config")) {
                        problems.add(where + ": pod template lacks the checksum/config annotation");
                    }
                    if (hpaTargets.contains(deployment.getMetadata().getName()) && spec.getReplicas() != null) {
                        problems.add(where + ": sets replicas although an HPA scales it");
                    }
                    pod(where, spec.getTemplate().getSpec(), true, problems);
                }
                case Pod pod -> pod(where, pod.getSpec(), false, problems);
                case Service service -> {
                    Map<String, String> selector = ((Service) service).getSpec().getSelector();
                    if (selector != null && selector.containsKey("app.kubernetes.io/version")) {
                        problems.add(where + ": service selector contains the version");
                    }
                }
                case PodDisruptionBudget pdb -> selector(where, pdb.getSpec().getSelector(), problems);
                case NetworkPolicy policy -> selector(where, policy.getSpec().getPodSelector(), problems);
                case ServiceMonitor monitor -> selector(where, monitor.getSpec().getSelector(), problems);
                case io.fabric8.kubernetes.api.model.ConfigMap configMap -> {
                    if (configMap.getData() != null) {
                        configMap.getData().keySet().stream().filter(k -> SECRET_NAME.matcher(k).matches())
                                .forEach(k -> problems.add(where + ": ConfigMap holds " + k + "; secrets belong in a Secret"));
                    }
                }
                case io.fabric8.kubernetes.api.model.Secret secret ->
                        problems.add(where + ": the charts must not render Secrets (passwords only from existingSecret)");
                default -> {
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Hardening violations:\n  " + String.join("\n  ", problems));
        }
    }

    private static void selector(String where, LabelSelector selector, List<String> problems) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            problems.add(where + ": has no matchLabels selector");
            return;
        }
        if (selector.getMatchLabels().keySet().stream().anyMatch(k -> k.contains("version") || k.equals("helm.sh/chart"))) {
            problems.add(where + ": selector contains the version: " + selector.getMatchLabels());
        }
    }

    private static void pod(String where, PodSpec spec, boolean longRunning, List<String> problems) {
        PodSecurityContext podContext = spec.getSecurityContext();
        boolean podNonRoot = podContext != null && Boolean.TRUE.equals(podContext.getRunAsNonRoot());
        List<Container> containers = new ArrayList<>(spec.getContainers());
        if (spec.getInitContainers() != null) {
            containers.addAll(spec.getInitContainers());
        }
        for (Container c : containers) {
            String at = where + " container " + c.getName();
            SecurityContext sc = c.getSecurityContext();
            if (sc == null) {
                problems.add(at + ": no securityContext");
                continue;
            }
            if (!Boolean.TRUE.equals(sc.getRunAsNonRoot()) && !podNonRoot) {
                problems.add(at + ": not runAsNonRoot");
            }
            if (sc.getRunAsUser() != null && sc.getRunAsUser() == 0) {
                problems.add(at + ": runs as UID 0");
            }
            if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                problems.add(at + ": root filesystem not read-only");
            }
            if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                problems.add(at + ": allowPrivilegeEscalation not false");
            }
            if (Boolean.TRUE.equals(sc.getPrivileged())) {
                problems.add(at + ": privileged");
            }
            if (sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                    || !sc.getCapabilities().getDrop().contains("ALL")) {
                problems.add(at + ": does not drop ALL capabilities");
            }
            String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                    : podContext != null && podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                problems.add(at + ": no seccomp profile");
            }
            if (longRunning && (c.getLivenessProbe() == null || c.getReadinessProbe() == null)) {
                problems.add(at + ": lacks a liveness or readiness probe");
            }
            if (c.getResources() == null || c.getResources().getLimits() == null
                    || !c.getResources().getLimits().containsKey("memory")
                    || c.getResources().getRequests() == null || c.getResources().getRequests().isEmpty()) {
                problems.add(at + ": lacks resource requests or a memory limit");
            }
            if (c.getImage() == null || c.getImage().endsWith(":") || c.getImage().endsWith(":latest")) {
                problems.add(at + ": image without a pinned tag: " + c.getImage());
            }
            if (c.getEnv() != null) {
                for (EnvVar env : c.getEnv()) {
                    if (SECRET_NAME.matcher(env.getName()).matches() && env.getValue() != null) {
                        problems.add(at + ": " + env.getName() + " has a literal value; secrets come only from secretKeyRef");
                    }
                }
            }
        }
    }
}
