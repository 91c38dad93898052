-- AfterSales.Kit schema 0010 (PostgreSQL): people (R-ORG-1/2) - the tenants' engineers with their
-- centre, and each service centre's duty rota (its shifts as JSON in the centre's time zone).
-- Tokens: {{schema}} is the quoted schema and a dot, or nothing; {{prefix}} is the table prefix.
CREATE TABLE {{schema}}"{{prefix}}engineers" (
    tenant_id character varying(100) NOT NULL,
    id character varying(100) NOT NULL,
    name character varying(200) NOT NULL,
    centre_id character varying(100) NOT NULL,
    contact character varying(200) NOT NULL,
    skills text NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "pk_{{prefix}}engineers" PRIMARY KEY (tenant_id, id)
);

CREATE INDEX "ix_{{prefix}}engineers_centre" ON {{schema}}"{{prefix}}engineers" (tenant_id, centre_id, id);

CREATE TABLE {{schema}}"{{prefix}}duty_rotas" (
    tenant_id character varying(100) NOT NULL,
    centre_id character varying(100) NOT NULL,
    zone character varying(100) NOT NULL,
    document text NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "pk_{{prefix}}duty_rotas" PRIMARY KEY (tenant_id, centre_id)
);

-- The index of the tickets an engineer was dispatched to, written with each Dispatched event; filled
-- here from the events stored before it (an engineer name longer than an id cannot be indexed).
CREATE TABLE {{schema}}"{{prefix}}engineer_dispatches" (
    tenant_id character varying(100) NOT NULL,
    engineer_id character varying(100) NOT NULL,
    ticket_id character varying(100) NOT NULL,
    version integer NOT NULL,
    dispatched_at bigint NOT NULL,
    CONSTRAINT "pk_{{prefix}}engineer_dispatches" PRIMARY KEY (tenant_id, engineer_id, ticket_id, version)
);

INSERT INTO {{schema}}"{{prefix}}engineer_dispatches" (tenant_id, engineer_id, ticket_id, version, dispatched_at)
SELECT tenant_id, payload::json->>'engineer', ticket_id, version, at
FROM {{schema}}"{{prefix}}ticket_events"
WHERE kind = 'Dispatched' AND payload::json->>'engineer' IS NOT NULL AND length(payload::json->>'engineer') <= 100;
