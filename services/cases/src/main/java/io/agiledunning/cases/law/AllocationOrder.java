package io.agiledunning.cases.law;

import java.util.List;

/** The order in which a payment settles the components of one claim. */
public enum AllocationOrder {
    /** § 367(1) BGB: costs, then interest, then principal. The default. */
    COSTS_INTEREST_PRINCIPAL(List.of(Component.COSTS, Component.INTEREST, Component.PRINCIPAL), "§ 367(1) BGB"),
    /** § 497(3) BGB, consumer loan contracts in default: costs, then principal, then interest. */
    COSTS_PRINCIPAL_INTEREST(List.of(Component.COSTS, Component.PRINCIPAL, Component.INTEREST), "§ 497(3) BGB");

    private final List<Component> order;
    private final String source;

    AllocationOrder(List<Component> order, String source) {
        this.order = order;
        this.source = source;
    }

    public List<Component> components() {
        return order;
    }

    public String source() {
        return source;
    }
}
