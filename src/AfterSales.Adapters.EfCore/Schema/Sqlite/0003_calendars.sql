-- AfterSales.Kit schema 0003 (SQLite): tenants' calendar versions with their adoption progress; the
-- provisional flag of a ticket's summary. Tokens: {{prefix}} is the table prefix. Instants are
-- INTEGER Unix nanoseconds.
CREATE TABLE "{{prefix}}calendars" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "saved_at" INTEGER NOT NULL,
    "adoption_cursor" TEXT NULL,
    "adopted_count" INTEGER NOT NULL,
    "adoption_completed_at" INTEGER NULL,
    CONSTRAINT "pk_{{prefix}}calendars" PRIMARY KEY ("tenant_id", "id", "version")
);

ALTER TABLE "{{prefix}}tickets" ADD COLUMN "is_provisional" INTEGER NOT NULL DEFAULT 0;
