package com.sequentum.sandbox.state;

import java.time.Instant;

/** One entry of CreditHistoryApiModel.transactions. */
public final class CreditTransaction {
    public int id;
    public String transactionType;
    public double amount;
    public double balance;
    public Instant created;
    public Instant expiresAt;
    public String message;

    long amountCents;

    public long amountCents() { return amountCents; }

    public static CreditTransaction of(String type, long amountCents, Instant created, Instant expiresAt, String message) {
        CreditTransaction t = new CreditTransaction();
        t.transactionType = type;
        t.amountCents = amountCents;
        t.amount = amountCents / 100.0;
        t.created = created;
        t.expiresAt = expiresAt;
        t.message = message;
        return t;
    }
}
