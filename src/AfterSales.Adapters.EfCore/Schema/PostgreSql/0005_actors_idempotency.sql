-- AfterSales.Kit schema 0005 (PostgreSQL): who recorded each ticket event, and the durable
-- Idempotency-Key store shared by every node. Tokens: {{schema}} is the quoted schema and a dot, or
-- nothing; {{prefix}} is the table prefix. Instants are bigint Unix nanoseconds.
ALTER TABLE {{schema}}"{{prefix}}ticket_events" ADD COLUMN actor_subject character varying(200) NULL;

ALTER TABLE {{schema}}"{{prefix}}ticket_events" ADD COLUMN actor_name character varying(200) NULL;

CREATE TABLE {{schema}}"{{prefix}}idempotency_keys" (
    tenant_id character varying(100) NOT NULL,
    key character varying(255) NOT NULL,
    fingerprint character varying(64) NOT NULL,
    lease_id character varying(36) NOT NULL,
    lease_until bigint NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    status_code integer NULL,
    headers text NULL,
    body bytea NULL,
    omitted_body_length integer NULL,
    size bigint NOT NULL,
    CONSTRAINT "pk_{{prefix}}idempotency_keys" PRIMARY KEY (tenant_id, key)
);

CREATE INDEX "ix_{{prefix}}idempotency_keys_tenant_created" ON {{schema}}"{{prefix}}idempotency_keys" (tenant_id, created_at);

CREATE INDEX "ix_{{prefix}}idempotency_keys_expires" ON {{schema}}"{{prefix}}idempotency_keys" (expires_at);
