package io.agiledunning.onboarding.signup;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The tenants table. Platform data (no tenant filter, no row-level security): each method opens its own
 * transaction unless it is handed a session.
 */
@ApplicationScoped
public class TenantRegistry {

    private final Mutiny.SessionFactory sessions;

    public TenantRegistry(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** Earlier sign-ups that share the admin e-mail, the company or the VAT id with this one. */
    public Uni<List<Tenant>> clashingWith(SignUp signUp) {
        return sessions.withTransaction(session -> session.createSelectionQuery(
                        "from Tenant where adminEmail = :email or companyKey = :company or (vatId is not null and vatId = :vatId)", Tenant.class)
                .setParameter("email", signUp.adminEmail())
                .setParameter("company", signUp.companyKey())
                .setParameter("vatId", signUp.vatId() == null ? "" : signUp.vatId())
                .getResultList());
    }

    public Uni<Boolean> slugTaken(String slug) {
        return sessions.withTransaction(session -> session.createSelectionQuery("select count(*) from Tenant where slug = :slug", Long.class)
                .setParameter("slug", slug)
                .getSingleResult()
                .map(count -> count > 0));
    }

    public Uni<Tenant> insert(Tenant tenant) {
        return sessions.withTransaction(session -> session.persist(tenant).replaceWith(tenant));
    }

    /** Loads the tenant, applies {@code change} and commits it (version-checked). */
    public Uni<Tenant> update(UUID id, Consumer<Tenant> change) {
        return sessions.withTransaction(session -> update(session, id, change));
    }

    public Uni<Tenant> update(Mutiny.Session session, UUID id, Consumer<Tenant> change) {
        return session.find(Tenant.class, id).invoke(change).call(session::flush);
    }

    public Uni<Optional<Tenant>> find(UUID id) {
        return sessions.withTransaction(session -> session.find(Tenant.class, id)).map(Optional::ofNullable);
    }

    /** The tenant whose admin signed up with this (lower-case) e-mail address. */
    public Uni<Optional<Tenant>> findByAdminEmail(String email) {
        return sessions.withTransaction(session -> session.createSelectionQuery("from Tenant where adminEmail = :email", Tenant.class)
                        .setParameter("email", email)
                        .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    public Uni<Optional<Tenant>> findByVerificationHash(String hash) {
        return sessions.withTransaction(session -> session.createSelectionQuery("from Tenant where verificationHash = :hash", Tenant.class)
                        .setParameter("hash", hash)
                        .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    public Uni<Optional<Tenant>> findByOrganization(UUID organizationId) {
        return sessions.withTransaction(session -> session.createSelectionQuery("from Tenant where organizationId = :org", Tenant.class)
                        .setParameter("org", organizationId)
                        .getSingleResultOrNull())
                .map(Optional::ofNullable);
    }

    /** Newest first; {@code search} matches slug or legal name (case-insensitive, literally), {@code status} filters. */
    public Uni<List<Tenant>> search(String search, TenantStatus status, int limit) {
        String pattern = search == null || search.isBlank() ? "%"
                : "%" + search.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return sessions.withTransaction(session -> session.createSelectionQuery("""
                        from Tenant
                        where (lower(slug) like :pattern escape '!' or lower(legalName) like :pattern escape '!')
                          and status in (:statuses)
                        order by createdAt desc, id""", Tenant.class)
                .setParameter("pattern", pattern)
                .setParameter("statuses", status == null ? List.of(TenantStatus.values()) : List.of(status))
                .setMaxResults(limit)
                .getResultList());
    }

    public Uni<Void> delete(UUID id) {
        return sessions.withTransaction(session -> session.createMutationQuery("delete from Tenant where id = :id")
                .setParameter("id", id)
                .executeUpdate()
                .replaceWithVoid());
    }
}
