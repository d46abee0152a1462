package io.agiledunning.cases.imports;

import io.agiledunning.testsupport.FreePorts;
import io.agiledunning.testsupport.PlatformService;
import io.agiledunning.testsupport.PostgresServer;
import io.agiledunning.testsupport.ServiceLauncher;
import io.agiledunning.testsupport.ServiceProcess;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged cases service is killed (SIGKILL) in the middle of an import, started again, and the file is
 * uploaded again: the tenant's final state equals that of another tenant that imported the file once.
 */
class ImportCrashIT {

    private static final int ROWS = 1_500;
    private static ServiceProcess cases;


    @AfterAll
    static void stop() {
        if (cases != null) {
            cases.stop();
        }
    }

    @Test
    void aKilledImportCompletesByUploadingTheFileAgain() throws Exception {
        TestTenant crashed = TestTenants.create("imp-crash");
        TestTenant clean = TestTenants.create("imp-clean");
        byte[] file = file(UUID.randomUUID().toString().substring(0, 8));
        int port = FreePorts.one();
        cases = start(port);

        CompletableFuture<HttpResponse<String>> interrupted = upload(cases.url(), crashed.agentToken(), file);
        long committedBeforeKill = awaitRunningWithRows(crashed.id(), 300);
        ProcessHandle.of(cases.process().pid()).orElseThrow().destroyForcibly(); // kill -9: no shutdown hook, no rollback by us
        cases.process().stop();
        assertTrue(interrupted.handle((r, e) -> e != null || r.statusCode() >= 500).get(), "the killed upload did not succeed");

        cases = start(port);
        JsonPath again = JsonPath.from(upload(cases.url(), crashed.agentToken(), file).get().body());
        assertEquals("COMPLETED", again.getString("state"), again.prettify());
        assertEquals(ROWS, again.getLong("rowsRead"));
        assertTrue(again.getLong("claimsUnchanged") >= committedBeforeKill - again.getLong("rowsRejected"),
                "rows merged before the kill are recognised: " + again.prettify());
        JsonPath once = JsonPath.from(upload(cases.url(), clean.agentToken(), file).get().body());
        assertEquals("COMPLETED", once.getString("state"), once.prettify());
        assertEquals(once.getLong("rowsValid"), again.getLong("rowsValid"));
        assertEquals(once.getLong("rowsRejected"), again.getLong("rowsRejected"));
        assertEquals(0, once.getLong("claimsUnchanged"));

        // The relay of the restarted service publishes the rest of the events; then both tenants are alike.
        String expected = null;
        String actual = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            expected = TenantState.of(cases.url(), clean.id().toString(), clean.viewerToken());
            actual = TenantState.of(cases.url(), crashed.id().toString(), crashed.viewerToken());
            if (expected.equals(actual)) {
                break;
            }
            Thread.sleep(2_000);
        }
        assertEquals(expected, actual);
    }

    /** Debtors with three claims each (the later ones join the first's case); every 50th row has a negative amount. */
    private static byte[] file(String run) {
        StringBuilder csv = new StringBuilder(ROWS * 120).append(ImportReaderTest.ENGLISH_HEADER).append('\n');
        for (int i = 0; i < ROWS; i++) {
            String amount = i % 50 == 49 ? "-1.00" : (100 + i % 900) + "." + (i % 100 < 10 ? "0" : "") + (i % 100);
            csv.append("D%s-%d,CONSUMER,Debtor %d,d%d@example.org,,,,,,C%s-%d,R%d,2026-01-15,2026-02-14,%s,EUR,,,true\n"
                    .formatted(run, i / 3, i / 3, i / 3, run, i, i, amount));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ServiceProcess start(int port) {
        Map<String, String> config = new LinkedHashMap<>(ServiceLauncher.configFor(PlatformService.CASES));
        config.put("cases.import.chunk-rows", "10");
        return ServiceLauncher.start("cases-import-crash", PlatformService.CASES.jar(), port, config);
    }

    private static CompletableFuture<HttpResponse<String>> upload(String url, String token, byte[] file) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/imports"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until the tenant's running job has committed at least {@code rows} rows, read straight from the database
     * (as superuser, past row-level security) so the kill lands mid-import however fast the machine is; the API's
     * answer could come late. @return the rows committed when seen
     */
    private static long awaitRunningWithRows(UUID tenant, long rows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection db = PostgresServer.start().superuserConnection("cases");
             PreparedStatement job = db.prepareStatement("select state, rows_read from import_jobs where tenant_id = ?")) {
            job.setObject(1, tenant);
            while (System.nanoTime() < deadline) {
                try (ResultSet found = job.executeQuery()) {
                    if (found.next() && found.getLong("rows_read") >= rows) {
                        assertEquals("RUNNING", found.getString("state"), "the import ended before it could be killed");
                        return found.getLong("rows_read");
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the import did not reach " + rows + " rows in time");
    }
}
