-- AfterSales.Kit schema 0008 (PostgreSQL): quality records kept against work orders (surveys,
-- callbacks, parts shipments), inspection plans and records, and the tenants' quality terms versions.
-- Tokens: {{schema}} is the quoted schema and a dot, or nothing; {{prefix}} is the table prefix.
-- Instants are bigint Unix nanoseconds; dates (LocalDate) are integer days since 1970-01-01;
-- documents are JSON text.
CREATE TABLE {{schema}}"{{prefix}}quality_surveys" (
    tenant_id character varying(100) NOT NULL,
    work_order_id character varying(100) NOT NULL,
    answered_on integer NOT NULL,
    skill integer NULL,
    attitude integer NULL,
    timeliness integer NULL,
    suggestions text NOT NULL,
    CONSTRAINT "pk_{{prefix}}quality_surveys" PRIMARY KEY (tenant_id, work_order_id)
);

CREATE TABLE {{schema}}"{{prefix}}quality_callbacks" (
    tenant_id character varying(100) NOT NULL,
    id character varying(100) NOT NULL,
    work_order_id character varying(100) NOT NULL,
    called_at bigint NOT NULL,
    called_by text NOT NULL,
    reached boolean NOT NULL,
    note text NOT NULL,
    CONSTRAINT "pk_{{prefix}}quality_callbacks" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE {{schema}}"{{prefix}}quality_shipments" (
    tenant_id character varying(100) NOT NULL,
    id character varying(100) NOT NULL,
    work_order_id character varying(100) NOT NULL,
    shipped_on integer NOT NULL,
    ordered_part_number text NOT NULL,
    ordered_quantity integer NOT NULL,
    shipped_part_number text NOT NULL,
    shipped_quantity integer NOT NULL,
    CONSTRAINT "pk_{{prefix}}quality_shipments" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE {{schema}}"{{prefix}}inspection_plans" (
    tenant_id character varying(100) NOT NULL,
    code character varying(100) NOT NULL,
    document text NOT NULL,
    version integer NOT NULL,
    CONSTRAINT "pk_{{prefix}}inspection_plans" PRIMARY KEY (tenant_id, code)
);

CREATE TABLE {{schema}}"{{prefix}}inspection_records" (
    tenant_id character varying(100) NOT NULL,
    id character varying(100) NOT NULL,
    subject_kind character varying(16) NOT NULL,
    subject_id character varying(100) NOT NULL,
    inspected_on integer NOT NULL,
    document text NOT NULL,
    CONSTRAINT "pk_{{prefix}}inspection_records" PRIMARY KEY (tenant_id, id)
);

CREATE TABLE {{schema}}"{{prefix}}quality_terms" (
    tenant_id character varying(100) NOT NULL,
    version integer NOT NULL,
    adopted_at bigint NOT NULL,
    document text NOT NULL,
    CONSTRAINT "pk_{{prefix}}quality_terms" PRIMARY KEY (tenant_id, version)
);

CREATE INDEX "ix_{{prefix}}quality_surveys_tenant_answered_on" ON {{schema}}"{{prefix}}quality_surveys" (tenant_id, answered_on);

CREATE INDEX "ix_{{prefix}}quality_callbacks_tenant_called_at" ON {{schema}}"{{prefix}}quality_callbacks" (tenant_id, called_at);

CREATE INDEX "ix_{{prefix}}quality_callbacks_tenant_work_order" ON {{schema}}"{{prefix}}quality_callbacks" (tenant_id, work_order_id);

CREATE INDEX "ix_{{prefix}}quality_shipments_tenant_shipped_on" ON {{schema}}"{{prefix}}quality_shipments" (tenant_id, shipped_on);

CREATE INDEX "ix_{{prefix}}quality_shipments_tenant_work_order" ON {{schema}}"{{prefix}}quality_shipments" (tenant_id, work_order_id);

CREATE INDEX "ix_{{prefix}}inspection_records_tenant_subject" ON {{schema}}"{{prefix}}inspection_records" (tenant_id, subject_kind, subject_id);
