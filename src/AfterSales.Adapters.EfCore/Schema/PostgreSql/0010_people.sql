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
