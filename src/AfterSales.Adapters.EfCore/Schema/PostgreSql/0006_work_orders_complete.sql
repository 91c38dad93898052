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

-- Per centre and part: the stock ledger's balance and version, kept with its movements, and the
-- installed base of that model (R-SP-1), kept with the devices. Filled here from the movements so far.
CREATE TABLE {{schema}}"{{prefix}}stock_positions" (
    tenant_id character varying(100) NOT NULL,
    centre_id character varying(100) NOT NULL,
    part_number character varying(100) NOT NULL,
    on_hand integer NOT NULL,
    version integer NOT NULL,
    installed_base integer NOT NULL,
    CONSTRAINT "pk_{{prefix}}stock_positions" PRIMARY KEY (tenant_id, centre_id, part_number)
);

INSERT INTO {{schema}}"{{prefix}}stock_positions" (tenant_id, centre_id, part_number, on_hand, version, installed_base)
SELECT tenant_id, centre_id, part_number,
       SUM(CASE WHEN kind IN ('Received', 'Returned') THEN quantity ELSE -quantity END), MAX(version), 0
FROM {{schema}}"{{prefix}}stock_movements"
GROUP BY tenant_id, centre_id, part_number;

CREATE INDEX "ix_{{prefix}}stock_movements_tenant_at" ON {{schema}}"{{prefix}}stock_movements" (tenant_id, at);

-- Monthly replenishment runs, one per month and centre (R-SP-3).
CREATE TABLE {{schema}}"{{prefix}}replenishment_runs" (
    tenant_id character varying(100) NOT NULL,
    month integer NOT NULL,
    centre_id character varying(100) NOT NULL,
    ran_at bigint NOT NULL,
    cells_checked integer NOT NULL,
    order_count integer NOT NULL,
    total_units bigint NOT NULL,
    orders text NOT NULL,
    CONSTRAINT "pk_{{prefix}}replenishment_runs" PRIMARY KEY (tenant_id, month, centre_id)
);
