package io.agiledunning.testsupport;

import io.quarkus.bootstrap.resolver.maven.BootstrapMavenException;
import io.quarkus.bootstrap.resolver.maven.MavenArtifactResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * Finds the Keycloak distribution and the Kafka broker's classpath in the local Maven repository,
 * downloading them on first use.
 *
 * <p>Why at runtime: as dependencies of this module they would land on every consumer's test
 * classpath (Kafka's log4j binding and Scala next to Quarkus). Maven's resolver, which Quarkus'
 * test framework already brings along, resolves them in isolation instead; the coordinates come
 * from {@code agiledunning-servers.properties}, filtered from the parent pom's versions.
 */
final class ServerArtifacts {

    private static final Properties COORDINATES = load();

    private ServerArtifacts() {
    }

    static String keycloakVersion() {
        return new DefaultArtifact(COORDINATES.getProperty("keycloak.dist")).getVersion();
    }

    /** The {@code keycloak-quarkus-dist} zip, without its (unneeded) transitive dependencies. */
    static Path keycloakDistribution() {
        try {
            ArtifactResult result = resolver().resolve(new DefaultArtifact(COORDINATES.getProperty("keycloak.dist")));
            return result.getArtifact().getFile().toPath();
        } catch (BootstrapMavenException e) {
            throw new IllegalStateException("Cannot resolve the Keycloak distribution " + COORDINATES.getProperty("keycloak.dist"), e);
        }
    }

    /** kafka_2.13 with its own runtime dependencies plus a log4j2 binding for its SLF4J logging. */
    static List<Path> kafkaClasspath() {
        List<Dependency> roots = new java.util.ArrayList<>();
        roots.add(new Dependency(new DefaultArtifact(COORDINATES.getProperty("kafka.server")), "runtime"));
        Arrays.stream(COORDINATES.getProperty("kafka.logging").split(","))
                .map(coordinates -> new Dependency(new DefaultArtifact(coordinates.trim()), "runtime"))
                .forEach(roots::add);
        try {
            MavenArtifactResolver resolver = resolver();
            CollectRequest request = new CollectRequest(roots, List.of(), resolver.getRepositories());
            return resolver.getSystem().resolveDependencies(resolver.getSession(), new DependencyRequest(request, null))
                    .getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(Artifact::getFile)
                    .map(java.io.File::toPath)
                    .toList();
        } catch (BootstrapMavenException | DependencyResolutionException e) {
            throw new IllegalStateException("Cannot resolve the Kafka broker " + COORDINATES.getProperty("kafka.server"), e);
        }
    }

    private static MavenArtifactResolver resolver() throws BootstrapMavenException {
        // No workspace discovery: we want published artifacts, not the reactor's modules.
        return MavenArtifactResolver.builder().setWorkspaceDiscovery(false).build();
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ServerArtifacts.class.getResourceAsStream("/agiledunning-servers.properties")) {
            if (in == null) {
                throw new IllegalStateException("agiledunning-servers.properties is missing from the test-support jar");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
