package io.agiledunning.cases.lifecycle;

import io.agiledunning.cases.lifecycle.CaseCommand.ActivatePlan;
import io.agiledunning.cases.lifecycle.CaseCommand.AddClaim;
import io.agiledunning.cases.lifecycle.CaseCommand.HandOver;
import io.agiledunning.cases.lifecycle.CaseCommand.MakePromise;
import io.agiledunning.cases.lifecycle.CaseCommand.OpenDispute;
import io.agiledunning.cases.lifecycle.CaseCommand.Pause;
import io.agiledunning.cases.lifecycle.CaseCommand.PlanCompleted;
import io.agiledunning.cases.lifecycle.CaseCommand.PlanDefaulted;
import io.agiledunning.cases.lifecycle.CaseCommand.PromiseBroken;
import io.agiledunning.cases.lifecycle.CaseCommand.PromiseKept;
import io.agiledunning.cases.lifecycle.CaseCommand.RecordFullPayment;
import io.agiledunning.cases.lifecycle.CaseCommand.ResolveDispute;
import io.agiledunning.cases.lifecycle.CaseCommand.Resume;
import io.agiledunning.cases.lifecycle.CaseCommand.Settle;
import io.agiledunning.cases.lifecycle.CaseCommand.StartDunning;
import io.agiledunning.cases.lifecycle.CaseCommand.Withdraw;
import io.agiledunning.cases.lifecycle.CaseCommand.WriteOff;
import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** One valid command of every kind (and every outcome variant), by the name the transition table uses. */
final class Samples {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    static final Map<String, CaseCommand> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("StartDunning", new StartDunning());
        COMMANDS.put("PauseUntil", new Pause("debtor in hospital", LocalDate.of(2025, 3, 24)));
        COMMANDS.put("PauseIndefinitely", new Pause("tenant checks the invoice"));
        COMMANDS.put("Resume", new Resume("debtor back home"));
        COMMANDS.put("OpenDispute", new OpenDispute("goods never delivered", "no delivery note"));
        COMMANDS.put("ResolveDisputeRejected", new ResolveDispute(DisputeResolution.REJECTED, "delivery confirmed by carrier"));
        COMMANDS.put("ResolveDisputeUpheldClose", new ResolveDispute(DisputeResolution.UPHELD_CLOSE, "invoice was sent twice"));
        COMMANDS.put("ResolveDisputeUpheldWriteOff", new ResolveDispute(DisputeResolution.UPHELD_WRITE_OFF, "goods were damaged"));
        COMMANDS.put("MakePromise", new MakePromise(LocalDate.of(2025, 3, 31), Money.of("120", "EUR")));
        COMMANDS.put("PromiseKeptInFull", new PromiseKept(Money.zero("EUR")));
        COMMANDS.put("PromiseKeptPartly", new PromiseKept(Money.of("30", "EUR")));
        COMMANDS.put("PromiseBroken", new PromiseBroken("no payment by 2025-03-31"));
        COMMANDS.put("ActivatePlan", new ActivatePlan(6, Money.of("50", "EUR"), LocalDate.of(2025, 4, 1)));
        COMMANDS.put("PlanCompleted", new PlanCompleted());
        COMMANDS.put("PlanDefaulted", new PlanDefaulted("second installment missed"));
        COMMANDS.put("RecordFullPayment", new RecordFullPayment(Money.of("300", "EUR")));
        COMMANDS.put("Settle", new Settle(Money.of("250", "EUR"), "hardship, agreed by phone"));
        COMMANDS.put("HandOver", new HandOver("Inkasso Nord GmbH", "dunning exhausted"));
        COMMANDS.put("WriteOff", new WriteOff("debtor unreachable"));
        COMMANDS.put("Withdraw", new Withdraw("claim booked in error"));
        COMMANDS.put("AddClaim", new AddClaim("INV-2025-0042", Money.of("80", "EUR")));
    }

    static CaseCommand command(String name) {
        CaseCommand command = COMMANDS.get(name);
        if (command == null) {
            throw new IllegalArgumentException("no sample command " + name);
        }
        return command;
    }

    private Samples() {
    }
}
