-- AfterSales.Kit schema 0006 (PostgreSQL): work orders joined to entitlements, spares, loaners and people.
-- Tokens: {{schema}} is the quoted schema and a dot, or nothing; {{prefix}} is the table prefix.
-- Instants are bigint Unix nanoseconds; dates (LocalDate) are integer days since 1970-01-01.

-- Devices name their contract, centre, model and grade (entitlement at report, installed base, loaners).
ALTER TABLE {{schema}}"{{prefix}}devices"
    ADD COLUMN warranty_policy character varying(100) NULL,
    ADD COLUMN contract_id character varying(100) NULL,
    ADD COLUMN centre_id character varying(100) NULL,
    ADD COLUMN model character varying(100) NULL,
    ADD COLUMN grade integer NULL;

-- A device's work orders (R-WO-10).
CREATE INDEX "ix_{{prefix}}tickets_tenant_device" ON {{schema}}"{{prefix}}tickets" (tenant_id, device_serial_number);

-- Back-dated facts keep when they were entered; "at" is when they happened.
ALTER TABLE {{schema}}"{{prefix}}ticket_events" ADD COLUMN recorded_at bigint NULL;

-- Tendered price lists per contract, every version kept (R-WAR-8).
CREATE TABLE {{schema}}"{{prefix}}price_lists" (
    tenant_id character varying(100) NOT NULL,
    id character varying(100) NOT NULL,
    version integer NOT NULL,
    currency character varying(3) NOT NULL,
    document text NOT NULL,
    saved_at bigint NOT NULL,
    CONSTRAINT "pk_{{prefix}}price_lists" PRIMARY KEY (tenant_id, id, version)
);
