package io.agiledunning.api.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.common.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A tenant's data from every service as one ZIP archive (GDPR Art. 20; docs/offboarding.md): one JSON Lines file per
 * service ({@code {"table": ..., "row": ...}} per line) and a {@code manifest.json} naming the tenant, the time and the
 * rows per file. Streamed through in constant memory; files don't travel well through GraphQL.
 */
@Path("/api/platform/tenants/{tenantId}/export")
public class TenantExportResource {

    /** What the archive holds: rows per file. */
    record Manifest(UUID tenantId, String exportedAt, String format, Map<String, Long> rows) {
        static final String FORMAT = "JSON Lines: one {\"table\": <table>, \"row\": <the row>} per line";
    }

    private final TenantDataServices services;
    private final Clock clock;
    private final ObjectMapper json;

    public TenantExportResource(TenantDataServices services, Clock clock, ObjectMapper json) {
        this.services = services;
        this.clock = clock;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Response export(@PathParam("tenantId") UUID tenantId) {
        Map<String, Response> parts = new LinkedHashMap<>();
        services.all().forEach((name, service) -> {
            Response part = service.export(tenantId);
            if (part.getStatus() != Response.Status.OK.getStatusCode()) {
                throw new ServiceErrorMapper().toThrowable(part);
            }
            parts.put(name, part);
        });
        String exportedAt = clock.instant().toString();
        StreamingOutput archive = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                Map<String, Long> rows = new LinkedHashMap<>();
                for (var part : parts.entrySet()) {
                    zip.putNextEntry(new ZipEntry(part.getKey() + ".ndjson"));
                    try (InputStream in = part.getValue().readEntity(InputStream.class)) {
                        rows.put(part.getKey() + ".ndjson", copyCountingLines(in, zip));
                    }
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(json.writeValueAsBytes(new Manifest(tenantId, exportedAt, Manifest.FORMAT, rows)));
                zip.closeEntry();
            }
        };
        return Response.ok(archive, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"tenant-%s-%s.zip\"".formatted(tenantId, exportedAt.substring(0, 10)))
                .build();
    }

    private static long copyCountingLines(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long lines = 0;
        for (int read; (read = in.read(buffer)) != -1; ) {
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
            out.write(buffer, 0, read);
        }
        return lines;
    }
}
