-- AfterSales.Kit schema 0002 (SQLite): spare-stock movements, complaints, device warranty records.
-- Tokens: {{prefix}} is the table prefix. SQLite has no schemas. Instants are INTEGER Unix
-- nanoseconds; dates (LocalDate) are INTEGER days since 1970-01-01.
CREATE TABLE "{{prefix}}stock_movements" (
    "tenant_id" TEXT NOT NULL,
    "centre_id" TEXT NOT NULL,
    "part_number" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "at" INTEGER NOT NULL,
    "work_order_id" TEXT NULL,
    "note" TEXT NULL,
    CONSTRAINT "pk_{{prefix}}stock_movements" PRIMARY KEY ("tenant_id", "centre_id", "part_number", "version")
);

CREATE TABLE "{{prefix}}complaints" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "engineer_id" TEXT NOT NULL,
    "filed_at" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "first_replied_at" INTEGER NULL,
    "verified_at" INTEGER NULL,
    "engineer_responsible" INTEGER NULL,
    "formally_answered_at" INTEGER NULL,
    "solved_at" INTEGER NULL,
    "verdict_at" INTEGER NULL,
    "customer_satisfied" INTEGER NULL,
    "closed_at" INTEGER NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}complaints" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE "{{prefix}}devices" (
    "tenant_id" TEXT NOT NULL,
    "serial_number" TEXT NOT NULL,
    "component_code" TEXT NOT NULL,
    "component_name_zh" TEXT NOT NULL,
    "component_name_en" TEXT NOT NULL,
    "accepted_on" INTEGER NULL,
    "handed_over_on" INTEGER NULL,
    "completed_on" INTEGER NULL,
    "history" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}devices" PRIMARY KEY ("tenant_id", "serial_number")
);

CREATE INDEX "ix_{{prefix}}complaints_tenant_status" ON "{{prefix}}complaints" ("tenant_id", "status");

CREATE INDEX "ix_{{prefix}}devices_tenant_component" ON "{{prefix}}devices" ("tenant_id", "component_code");
