-- AfterSales.Kit schema 0001 (SQLite): work orders and their events.
-- Tokens: {{prefix}} is the table prefix. SQLite has no schemas. Instants are INTEGER Unix nanoseconds.
CREATE TABLE "{{prefix}}tickets" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "severity_code" TEXT NOT NULL,
    "policy_key" TEXT NOT NULL,
    "device_serial_number" TEXT NOT NULL,
    "reported_at" INTEGER NOT NULL,
    "last_event_at" INTEGER NOT NULL,
    "as_of" INTEGER NOT NULL,
    "next_deadline" INTEGER NULL,
    "is_legacy_issue" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "claimed_by" TEXT NULL,
    "claimed_until" INTEGER NULL,
    CONSTRAINT "pk_{{prefix}}tickets" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE "{{prefix}}ticket_events" (
    "tenant_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    "payload" TEXT NULL,
    CONSTRAINT "pk_{{prefix}}ticket_events" PRIMARY KEY ("tenant_id", "ticket_id", "version"),
    CONSTRAINT "fk_{{prefix}}ticket_events_{{prefix}}tickets" FOREIGN KEY ("tenant_id", "ticket_id") REFERENCES "{{prefix}}tickets" ("tenant_id", "id") ON DELETE RESTRICT
);

CREATE INDEX "ix_{{prefix}}tickets_next_deadline" ON "{{prefix}}tickets" ("next_deadline");

CREATE INDEX "ix_{{prefix}}tickets_tenant_next_deadline" ON "{{prefix}}tickets" ("tenant_id", "next_deadline");
