-- AfterSales.Kit schema 0002 (PostgreSQL): spare-stock movements, complaints, device warranty records.
-- Tokens: {{schema}} is the quoted schema and a dot, or nothing; {{prefix}} is the table prefix.
-- Instants are bigint Unix nanoseconds; dates (LocalDate) are integer days since 1970-01-01.
CREATE TABLE {{schema}}"{{prefix}}stock_movements" (
    tenant_id character varying(100) NOT NULL,
    centre_id character varying(100) NOT NULL,
    part_number character varying(100) NOT NULL,
    version integer NOT NULL,
    kind character varying(32) NOT NULL,
    quantity integer NOT NULL,
    recorded_by text NOT NULL,
    at bigint NOT NULL,
    work_order_id text NULL,
    note text NULL,
    CONSTRAINT "pk_{{prefix}}stock_movements" PRIMARY KEY (tenant_id, centre_id, part_number, version)
);

CREATE TABLE {{schema}}"{{prefix}}complaints" (
    tenant_id character varying(100) NOT NULL,
    id character varying(100) NOT NULL,
    work_order_id text NOT NULL,
    engineer_id text NOT NULL,
    filed_at bigint NOT NULL,
    summary text NOT NULL,
    status character varying(32) NOT NULL,
    first_replied_at bigint NULL,
    verified_at bigint NULL,
    engineer_responsible boolean NULL,
    formally_answered_at bigint NULL,
    solved_at bigint NULL,
    verdict_at bigint NULL,
    customer_satisfied boolean NULL,
    closed_at bigint NULL,
    version integer NOT NULL,
    CONSTRAINT "pk_{{prefix}}complaints" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE {{schema}}"{{prefix}}devices" (
    tenant_id character varying(100) NOT NULL,
    serial_number character varying(100) NOT NULL,
    component_code character varying(100) NOT NULL,
    component_name_zh text NOT NULL,
    component_name_en text NOT NULL,
    accepted_on integer NULL,
    handed_over_on integer NULL,
    completed_on integer NULL,
    history text NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "pk_{{prefix}}devices" PRIMARY KEY (tenant_id, serial_number)
);

CREATE INDEX "ix_{{prefix}}complaints_tenant_status" ON {{schema}}"{{prefix}}complaints" (tenant_id, status);

CREATE INDEX "ix_{{prefix}}devices_tenant_component" ON {{schema}}"{{prefix}}devices" (tenant_id, component_code);
