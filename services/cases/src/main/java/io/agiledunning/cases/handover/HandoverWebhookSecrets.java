package io.agiledunning.cases.handover;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

/** The key each tenant's handover webhooks are signed with: created or replaced by a tenant admin, shown once. */
@ApplicationScoped
public class HandoverWebhookSecrets {

    public record Created(String secret, Instant createdAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TenantTransactions transactions;
    private final Clock clock;

    public HandoverWebhookSecrets(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new secret; the old one signs nothing from now on. */
    public Uni<Created> rotate(TenantId tenant) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Created created = new Created("whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key), clock.instant());
        return transactions.inTransaction(tenant, session -> session.createNativeQuery("""
                        insert into handover_webhook_secrets (tenant_id, secret, created_at) values (:tenant, :secret, :at)
                        on conflict (tenant_id) do update set secret = excluded.secret, created_at = excluded.created_at""")
                .setParameter("tenant", tenant.value())
                .setParameter("secret", created.secret())
                .setParameter("at", OffsetDateTime.ofInstant(created.createdAt(), ZoneOffset.UTC))
                .executeUpdate()
                .replaceWith(created));
    }

    /** Inside the tenant's transaction. */
    static Uni<Optional<String>> current(Mutiny.Session session) {
        return session.createNativeQuery("select secret from handover_webhook_secrets", String.class)
                .getResultList()
                .map(rows -> rows.stream().findFirst());
    }
}
