-- AfterSales.Kit schema 0001 (PostgreSQL): work orders and their events.
-- Tokens: {{schema}} is the quoted schema and a dot, or nothing; {{prefix}} is the table prefix.
-- Instants are bigint Unix nanoseconds (exact; timestamptz has microseconds).
CREATE TABLE {{schema}}"{{prefix}}tickets" (
    tenant_id character varying(100) NOT NULL,
    id character varying(100) NOT NULL,
    state character varying(32) NOT NULL,
    severity_code text NOT NULL,
    policy_key text NOT NULL,
    device_serial_number text NOT NULL,
    reported_at bigint NOT NULL,
    last_event_at bigint NOT NULL,
    as_of bigint NOT NULL,
    next_deadline bigint NULL,
    is_legacy_issue boolean NOT NULL,
    version integer NOT NULL,
    claimed_by character varying(200) NULL,
    claimed_until bigint NULL,
    CONSTRAINT "pk_{{prefix}}tickets" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE {{schema}}"{{prefix}}ticket_events" (
    tenant_id character varying(100) NOT NULL,
    ticket_id character varying(100) NOT NULL,
    version integer NOT NULL,
    kind character varying(32) NOT NULL,
    at bigint NOT NULL,
    payload text NULL,
    CONSTRAINT "pk_{{prefix}}ticket_events" PRIMARY KEY (tenant_id, ticket_id, version),
    CONSTRAINT "fk_{{prefix}}ticket_events_{{prefix}}tickets" FOREIGN KEY (tenant_id, ticket_id) REFERENCES {{schema}}"{{prefix}}tickets" (tenant_id, id) ON DELETE RESTRICT
);

CREATE INDEX "ix_{{prefix}}tickets_next_deadline" ON {{schema}}"{{prefix}}tickets" (next_deadline);

CREATE INDEX "ix_{{prefix}}tickets_tenant_next_deadline" ON {{schema}}"{{prefix}}tickets" (tenant_id, next_deadline);
