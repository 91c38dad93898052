-- AfterSales.Kit schema 0010 (SQLite): people (R-ORG-1/2) - the tenants' engineers with their
-- centre, and each service centre's duty rota (its shifts as JSON in the centre's time zone).
-- Tokens: {{prefix}} is the table prefix. SQLite has no schemas.
CREATE TABLE "{{prefix}}engineers" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "centre_id" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "skills" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}engineers" PRIMARY KEY ("tenant_id", "id")
);

CREATE INDEX "ix_{{prefix}}engineers_centre" ON "{{prefix}}engineers" ("tenant_id", "centre_id", "id");

CREATE TABLE "{{prefix}}duty_rotas" (
    "tenant_id" TEXT NOT NULL,
    "centre_id" TEXT NOT NULL,
    "zone" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}duty_rotas" PRIMARY KEY ("tenant_id", "centre_id")
);

-- The index of the tickets an engineer was dispatched to, written with each Dispatched event; filled
-- here from the events stored before it (an engineer name longer than an id cannot be indexed).
CREATE TABLE "{{prefix}}engineer_dispatches" (
    "tenant_id" TEXT NOT NULL,
    "engineer_id" TEXT NOT NULL,
    "ticket_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "dispatched_at" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}engineer_dispatches" PRIMARY KEY ("tenant_id", "engineer_id", "ticket_id", "version")
);

INSERT INTO "{{prefix}}engineer_dispatches" ("tenant_id", "engineer_id", "ticket_id", "version", "dispatched_at")
SELECT "tenant_id", json_extract("payload", '$.engineer'), "ticket_id", "version", "at"
FROM "{{prefix}}ticket_events"
WHERE "kind" = 'Dispatched' AND json_extract("payload", '$.engineer') IS NOT NULL AND length(json_extract("payload", '$.engineer')) <= 100;
