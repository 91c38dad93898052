-- AfterSales.Kit schema 0004 (SQLite): the transactional outbox (also the tenants' event log),
-- webhook subscriptions and their deliveries.
-- Tokens: {{prefix}} is the table prefix. SQLite has one writer at a time, so the sequence is the
-- commit order and transaction_id is 0.
CREATE TABLE "{{prefix}}outbox" (
    "sequence" INTEGER NOT NULL CONSTRAINT "pk_{{prefix}}outbox" PRIMARY KEY AUTOINCREMENT,
    "transaction_id" INTEGER NOT NULL,
    "id" TEXT NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL
);

CREATE TABLE "{{prefix}}webhook_subscriptions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_{{prefix}}webhook_subscriptions" PRIMARY KEY,
    "tenant_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "event_types" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "{{prefix}}webhook_deliveries" (
    "subscription_id" TEXT NOT NULL,
    "event_sequence" INTEGER NOT NULL,
    "tenant_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "last_status_code" INTEGER NULL,
    "last_error" TEXT NULL,
    "last_attempt_at" INTEGER NULL,
    "delivered_at" INTEGER NULL,
    "claimed_by" TEXT NULL,
    "claimed_until" INTEGER NULL,
    CONSTRAINT "pk_{{prefix}}webhook_deliveries" PRIMARY KEY ("subscription_id", "event_sequence"),
    CONSTRAINT "fk_{{prefix}}webhook_deliveries_{{prefix}}webhook_subscriptions" FOREIGN KEY ("subscription_id") REFERENCES "{{prefix}}webhook_subscriptions" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_{{prefix}}outbox_id" ON "{{prefix}}outbox" ("id");

CREATE INDEX "ix_{{prefix}}outbox_state" ON "{{prefix}}outbox" ("state", "sequence");

CREATE INDEX "ix_{{prefix}}outbox_tenant_position" ON "{{prefix}}outbox" ("tenant_id", "transaction_id", "sequence");

CREATE INDEX "ix_{{prefix}}webhook_deliveries_state" ON "{{prefix}}webhook_deliveries" ("state", "subscription_id", "event_sequence");

CREATE INDEX "ix_{{prefix}}webhook_subscriptions_tenant" ON "{{prefix}}webhook_subscriptions" ("tenant_id");
