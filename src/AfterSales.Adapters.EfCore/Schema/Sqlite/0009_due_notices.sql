-- AfterSales.Kit schema 0009 (SQLite): due notices - events due at a future instant (a loaner's
-- return-by ...), one per tenant, type and subject, claimed by the deadline watcher when due.
-- Tokens: {{prefix}} is the table prefix. Instants are INTEGER Unix nanoseconds.
CREATE TABLE "{{prefix}}due_notices" (
    "tenant_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "due_at" INTEGER NOT NULL,
    "event_id" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "claimed_by" TEXT NULL,
    "claimed_until" INTEGER NULL,
    CONSTRAINT "pk_{{prefix}}due_notices" PRIMARY KEY ("tenant_id", "type", "subject")
);

CREATE INDEX "ix_{{prefix}}due_notices_due_at" ON "{{prefix}}due_notices" ("due_at");
