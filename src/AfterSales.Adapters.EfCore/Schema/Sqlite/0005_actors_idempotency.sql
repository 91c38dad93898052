-- AfterSales.Kit schema 0005 (SQLite): who recorded each ticket event, and the durable
-- Idempotency-Key store shared by every node. Tokens: {{prefix}} is the table prefix. Instants are
-- INTEGER Unix nanoseconds.
ALTER TABLE "{{prefix}}ticket_events" ADD COLUMN "actor_subject" TEXT NULL;

ALTER TABLE "{{prefix}}ticket_events" ADD COLUMN "actor_name" TEXT NULL;

CREATE TABLE "{{prefix}}idempotency_keys" (
    "tenant_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "lease_id" TEXT NOT NULL,
    "lease_until" INTEGER NULL,
    "created_at" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    "status_code" INTEGER NULL,
    "headers" TEXT NULL,
    "body" BLOB NULL,
    "omitted_body_length" INTEGER NULL,
    "size" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}idempotency_keys" PRIMARY KEY ("tenant_id", "key")
);

CREATE INDEX "ix_{{prefix}}idempotency_keys_tenant_created" ON "{{prefix}}idempotency_keys" ("tenant_id", "created_at");

CREATE INDEX "ix_{{prefix}}idempotency_keys_expires" ON "{{prefix}}idempotency_keys" ("expires_at");
