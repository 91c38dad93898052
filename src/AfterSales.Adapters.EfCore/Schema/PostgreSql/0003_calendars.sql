-- AfterSales.Kit schema 0003 (PostgreSQL): tenants' calendar versions with their adoption progress;
-- the provisional flag of a ticket's summary. Tokens: {{schema}} is the quoted schema and a dot, or
-- nothing; {{prefix}} is the table prefix. Instants are bigint Unix nanoseconds.
CREATE TABLE {{schema}}"{{prefix}}calendars" (
    tenant_id character varying(100) NOT NULL,
    id character varying(100) NOT NULL,
    version integer NOT NULL,
    name text NOT NULL,
    document text NOT NULL,
    saved_at bigint NOT NULL,
    adoption_cursor character varying(100) NULL,
    adopted_count integer NOT NULL,
    adoption_completed_at bigint NULL,
    CONSTRAINT "pk_{{prefix}}calendars" PRIMARY KEY (tenant_id, id, version)
);

ALTER TABLE {{schema}}"{{prefix}}tickets" ADD COLUMN is_provisional boolean NOT NULL DEFAULT FALSE;
