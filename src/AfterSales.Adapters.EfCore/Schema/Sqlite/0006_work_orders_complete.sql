-- AfterSales.Kit schema 0006 (SQLite): work orders joined to entitlements, spares, loaners and people.
-- Tokens: {{prefix}} is the table prefix. SQLite has no schemas. Instants are INTEGER Unix
-- nanoseconds; dates (LocalDate) are INTEGER days since 1970-01-01.

-- Devices name their contract, centre, model and grade (entitlement at report, installed base, loaners).
ALTER TABLE "{{prefix}}devices" ADD COLUMN "warranty_policy" TEXT NULL;
ALTER TABLE "{{prefix}}devices" ADD COLUMN "contract_id" TEXT NULL;
ALTER TABLE "{{prefix}}devices" ADD COLUMN "centre_id" TEXT NULL;
ALTER TABLE "{{prefix}}devices" ADD COLUMN "model" TEXT NULL;
ALTER TABLE "{{prefix}}devices" ADD COLUMN "grade" INTEGER NULL;

-- A device's work orders (R-WO-10).
CREATE INDEX "ix_{{prefix}}tickets_tenant_device" ON "{{prefix}}tickets" ("tenant_id", "device_serial_number");

-- Back-dated facts keep when they were entered; "at" is when they happened.
ALTER TABLE "{{prefix}}ticket_events" ADD COLUMN "recorded_at" INTEGER NULL;

-- Tendered price lists per contract, every version kept (R-WAR-8).
CREATE TABLE "{{prefix}}price_lists" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "saved_at" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}price_lists" PRIMARY KEY ("tenant_id", "id", "version")
);

-- Per centre and part: the stock ledger's balance and version, kept with its movements, and the
-- installed base of that model (R-SP-1), kept with the devices. Filled here from the movements so far.
CREATE TABLE "{{prefix}}stock_positions" (
    "tenant_id" TEXT NOT NULL,
    "centre_id" TEXT NOT NULL,
    "part_number" TEXT NOT NULL,
    "on_hand" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "installed_base" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}stock_positions" PRIMARY KEY ("tenant_id", "centre_id", "part_number")
);

INSERT INTO "{{prefix}}stock_positions" ("tenant_id", "centre_id", "part_number", "on_hand", "version", "installed_base")
SELECT "tenant_id", "centre_id", "part_number",
       SUM(CASE WHEN "kind" IN ('Received', 'Returned') THEN "quantity" ELSE -"quantity" END), MAX("version"), 0
FROM "{{prefix}}stock_movements"
GROUP BY "tenant_id", "centre_id", "part_number";

CREATE INDEX "ix_{{prefix}}stock_movements_tenant_at" ON "{{prefix}}stock_movements" ("tenant_id", "at");

-- Monthly replenishment runs, one per month and centre (R-SP-3).
CREATE TABLE "{{prefix}}replenishment_runs" (
    "tenant_id" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "centre_id" TEXT NOT NULL,
    "ran_at" INTEGER NOT NULL,
    "cells_checked" INTEGER NOT NULL,
    "order_count" INTEGER NOT NULL,
    "total_units" INTEGER NOT NULL,
    "orders" TEXT NOT NULL,
    CONSTRAINT "pk_{{prefix}}replenishment_runs" PRIMARY KEY ("tenant_id", "month", "centre_id")
);
