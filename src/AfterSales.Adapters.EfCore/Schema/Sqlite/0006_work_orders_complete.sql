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
