-- AfterSales.Kit schema 0007 (SQLite): tenants' SLA policy versions as documents, with the calendar
-- versions each was bound to. Tokens: {{prefix}} is the table prefix. Instants are INTEGER Unix nanoseconds.
CREATE TABLE "{{prefix}}sla_policies" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "calendars" TEXT NOT NULL,
    "saved_at" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}sla_policies" PRIMARY KEY ("tenant_id", "id", "version")
);
