-- AfterSales.Kit schema 0007 (PostgreSQL): tenants' SLA policy versions as documents, with the
-- calendar versions each was bound to. Tokens: {{schema}} is the quoted schema and a dot, or nothing;
-- {{prefix}} is the table prefix. Instants are bigint Unix nanoseconds.
CREATE TABLE {{schema}}"{{prefix}}sla_policies" (
    tenant_id character varying(100) NOT NULL,
    id character varying(100) NOT NULL,
    version integer NOT NULL,
    name text NOT NULL,
    document text NOT NULL,
    calendars text NOT NULL,
    saved_at bigint NOT NULL,
    CONSTRAINT "pk_{{prefix}}sla_policies" PRIMARY KEY (tenant_id, id, version)
);
