-- AfterSales.Kit schema 0009 (PostgreSQL): due notices - events due at a future instant (a loaner's
-- return-by ...), one per tenant, type and subject, claimed by the deadline watcher when due
-- (FOR UPDATE SKIP LOCKED with a lease).
-- Tokens: {{schema}} is the quoted schema and a dot, or nothing; {{prefix}} is the table prefix.
CREATE TABLE {{schema}}"{{prefix}}due_notices" (
    tenant_id character varying(100) NOT NULL,
    type character varying(200) NOT NULL,
    subject text NOT NULL,
    due_at bigint NOT NULL,
    event_id character varying(64) NOT NULL,
    payload text NOT NULL,
    claimed_by character varying(200) NULL,
    claimed_until bigint NULL,
    CONSTRAINT "pk_{{prefix}}due_notices" PRIMARY KEY (tenant_id, type, subject)
);

CREATE INDEX "ix_{{prefix}}due_notices_due_at" ON {{schema}}"{{prefix}}due_notices" (due_at);
