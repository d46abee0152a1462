package io.agiledunning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Keycloak server of this JVM, with the {@code agile-dunning} realm imported: an existing one
 * on the configured port (reused, never stopped by us) or a production-mode Keycloak started once
 * from the Maven Central distribution, storing its data in PostgreSQL's {@code keycloak} database.
 *
 * <p>The distribution is unzipped and {@code kc.sh build} run once per machine into
 * {@code ~/.cache/agile-dunning/keycloak-<version>}, so later starts take ~11 s instead of ~40 s.
 * Settings: {@code agiledunning.keycloak.port} (8180), {@code agiledunning.keycloak.management-port} (9180).
 */
public final class KeycloakServer {

    public static final String REALM = "agile-dunning";
    /** The public client users log in with (password grant enabled for tests, CLI and demo). */
    public static final String WEB_CLIENT = "agile-dunning-web";
    /** The audience every user token carries. */
    public static final String API_AUDIENCE = "agile-dunning-api";
    private static final String HOST = "127.0.0.1";
    /** Options baked into the optimized server; a changed list triggers a rebuild. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true");

    private static KeycloakServer instance;

    private final int port;
    private final int managementPort;
    private final boolean startedHere;

    private KeycloakServer(int port, int managementPort, boolean startedHere) {
        this.port = port;
        this.managementPort = managementPort;
        this.startedHere = startedHere;
    }

    /** Returns the running server, starting Keycloak (and PostgreSQL before it) if nothing listens. */
    public static synchronized KeycloakServer start() {
        if (instance == null) {
            int port = Settings.getInt("agiledunning.keycloak.port", 8180);
            int managementPort = Settings.getInt("agiledunning.keycloak.management-port", 9180);
            boolean running = Network.isListening(HOST, port);
            if (!running) {
                launch(port, managementPort);
            }
            KeycloakServer server = new KeycloakServer(port, managementPort, !running);
            server.configureRealm();
            instance = server;
        }
        return instance;
    }

    private static void launch(int port, int managementPort) {
        PostgresServer postgres = PostgresServer.start();
        postgres.ensureDatabase("keycloak");
        Path home = install();
        copyRealm(home);
        ProcessBuilder command = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--cache=local",
                "--http-enabled=true", "--http-host=" + HOST, "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false",
                "--db-url=" + postgres.jdbcUrl("keycloak"), "--db-username=keycloak_owner", "--db-password=keycloak_owner",
                "--import-realm");
        environment(command);
        ServerProcess keycloak = ServerProcess.start("keycloak", command);
        keycloak.awaitReady(Duration.ofSeconds(180),
                () -> Network.isHttpOk("http://" + HOST + ":" + managementPort + "/health/ready"));
    }

    /** Unzips and builds the distribution once per machine; a file lock serialises concurrent JVMs. */
    private static Path install() {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "agile-dunning");
        Path home = cache.resolve("keycloak-" + ServerArtifacts.keycloakVersion());
        try {
            Files.createDirectories(cache);
            try (FileChannel lockFile = FileChannel.open(cache.resolve("keycloak.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                if (!Files.exists(home.resolve("bin/kc.sh"))) {
                    unzip(ServerArtifacts.keycloakDistribution(), cache, home);
                }
                Path marker = home.resolve(".agiledunning-build");
                String options = String.join(" ", BUILD_OPTIONS);
                if (!Files.exists(marker) || !Files.readString(marker).equals(options)) {
                    build(home);
                    Files.writeString(marker, options);
                }
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install Keycloak into " + home, e);
        }
    }

    private static void build(Path home) {
        List<String> arguments = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        arguments.addAll(BUILD_OPTIONS);
        ProcessBuilder command = new ProcessBuilder(arguments);
        environment(command);
        ServerProcess.start("keycloak-build", command).awaitSuccess(Duration.ofSeconds(300));
    }

    /** Extracts into a sibling temp dir and renames it, so a crash never leaves a half-unzipped server. */
    private static void unzip(Path zip, Path cache, Path home) throws IOException {
        Path staging = Files.createTempDirectory(cache, "keycloak-unzip");
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                // Entries start with "keycloak-<version>/": strip that folder.
                String relative = entry.getName().substring(entry.getName().indexOf('/') + 1);
                Path target = staging.resolve(relative).normalize();
                if (relative.isEmpty() || !target.startsWith(staging)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (relative.startsWith("bin/") && relative.endsWith(".sh")) {
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void copyRealm(Path home) {
        Path imports = home.resolve("data/import");
        try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/agile-dunning-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("keycloak/agile-dunning-realm.json is missing from the test-support jar");
            }
            Files.createDirectories(imports);
            Files.copy(realm, imports.resolve("agile-dunning-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the realm into " + imports, e);
        }
    }

    private static void environment(ProcessBuilder command) {
        Map<String, String> env = command.environment();
        // Keycloak 26 needs Java 21+; the JVM running us is one (the build enforces it).
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        // jboss-threads needs this on Java 24+, else it logs an IllegalAccessError at shutdown.
        env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    }

    /**
     * Makes the built-in {@code organization} mapper emit {@code {"<alias>": {"id": "<uuid>"}}}
     * instead of a list of aliases: services key tenants by organization id. A realm import
     * cannot set this without redefining every built-in client scope, so it is done here,
     * idempotently, also on a reused server.
     */
    private void configureRealm() {
        KeycloakAdmin admin = admin();
        for (JsonNode scope : admin.get("/client-scopes")) {
            if (!"organization".equals(scope.path("name").asText())) {
                continue;
            }
            String scopeId = scope.get("id").asText();
            for (JsonNode mapper : scope.path("protocolMappers")) {
                if (!"oidc-organization-membership-mapper".equals(mapper.path("protocolMapper").asText())) {
                    continue;
                }
                ObjectNode config = (ObjectNode) mapper.get("config");
                if ("true".equals(config.path("addOrganizationId").asText()) && "JSON".equals(config.path("jsonType.label").asText())) {
                    continue;
                }
                config.put("addOrganizationId", "true");
                config.put("jsonType.label", "JSON");
                config.put("claim.name", "organization");
                config.put("access.token.claim", "true");
                config.put("id.token.claim", "true");
                config.put("introspection.token.claim", "true");
                admin.put("/client-scopes/" + scopeId + "/protocol-mappers/models/" + mapper.get("id").asText(), mapper);
            }
        }
        keepAdminAttributes(admin);
    }

    /**
     * Lets the admin API keep attributes the user profile does not declare (onboarding marks the users it
     * creates with the sign-up or invitation they belong to); users themselves can neither see nor edit them.
     */
    private static void keepAdminAttributes(KeycloakAdmin admin) {
        JsonNode profile = admin.get("/users/profile");
        if (!"ADMIN_EDIT".equals(profile.path("unmanagedAttributePolicy").asText())) {
            ((ObjectNode) profile).put("unmanagedAttributePolicy", "ADMIN_EDIT");
            admin.put("/users/profile", profile);
        }
    }

    /** An admin API client for the {@code agile-dunning} realm. */
    public KeycloakAdmin admin() {
        return new KeycloakAdmin(url(), REALM);
    }

    /** {@code http://127.0.0.1:8180} */
    public String url() {
        return "http://" + HOST + ":" + port;
    }

    /** The OIDC issuer / {@code quarkus.oidc.auth-server-url}. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public String adminConsoleUrl() {
        return url() + "/admin/master/console/#/" + REALM;
    }

    public String healthUrl() {
        return "http://" + HOST + ":" + managementPort + "/health/ready";
    }

    public boolean startedHere() {
        return startedHere;
    }
}
