-- AfterSales.Kit schema 0008 (SQLite): quality records kept against work orders (surveys, callbacks,
-- parts shipments), inspection plans and records, and the tenants' quality terms versions.
-- Tokens: {{prefix}} is the table prefix. SQLite has no schemas. Instants are INTEGER Unix
-- nanoseconds; dates (LocalDate) are INTEGER days since 1970-01-01; documents are JSON text.
CREATE TABLE "{{prefix}}quality_surveys" (
    "tenant_id" TEXT NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "answered_on" INTEGER NOT NULL,
    "skill" INTEGER NULL,
    "attitude" INTEGER NULL,
    "timeliness" INTEGER NULL,
    "suggestions" TEXT NOT NULL,
    CONSTRAINT "pk_{{prefix}}quality_surveys" PRIMARY KEY ("tenant_id", "work_order_id")
);

CREATE TABLE "{{prefix}}quality_callbacks" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "called_at" INTEGER NOT NULL,
    "called_by" TEXT NOT NULL,
    "reached" INTEGER NOT NULL,
    "note" TEXT NOT NULL,
    CONSTRAINT "pk_{{prefix}}quality_callbacks" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE "{{prefix}}quality_shipments" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "work_order_id" TEXT NOT NULL,
    "shipped_on" INTEGER NOT NULL,
    "ordered_part_number" TEXT NOT NULL,
    "ordered_quantity" INTEGER NOT NULL,
    "shipped_part_number" TEXT NOT NULL,
    "shipped_quantity" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}quality_shipments" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE "{{prefix}}inspection_plans" (
    "tenant_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    CONSTRAINT "pk_{{prefix}}inspection_plans" PRIMARY KEY ("tenant_id", "code")
);

CREATE TABLE "{{prefix}}inspection_records" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "inspected_on" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    CONSTRAINT "pk_{{prefix}}inspection_records" PRIMARY KEY ("tenant_id", "id")
);

CREATE TABLE "{{prefix}}quality_terms" (
    "tenant_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "adopted_at" INTEGER NOT NULL,
    "document" TEXT NOT NULL,
    CONSTRAINT "pk_{{prefix}}quality_terms" PRIMARY KEY ("tenant_id", "version")
);

CREATE INDEX "ix_{{prefix}}quality_surveys_tenant_answered_on" ON "{{prefix}}quality_surveys" ("tenant_id", "answered_on");

CREATE INDEX "ix_{{prefix}}quality_callbacks_tenant_called_at" ON "{{prefix}}quality_callbacks" ("tenant_id", "called_at");

CREATE INDEX "ix_{{prefix}}quality_callbacks_tenant_work_order" ON "{{prefix}}quality_callbacks" ("tenant_id", "work_order_id");

CREATE INDEX "ix_{{prefix}}quality_shipments_tenant_shipped_on" ON "{{prefix}}quality_shipments" ("tenant_id", "shipped_on");

CREATE INDEX "ix_{{prefix}}quality_shipments_tenant_work_order" ON "{{prefix}}quality_shipments" ("tenant_id", "work_order_id");

CREATE INDEX "ix_{{prefix}}inspection_records_tenant_subject" ON "{{prefix}}inspection_records" ("tenant_id", "subject_kind", "subject_id");
