CREATE TYPE "public"."job_part_status" AS ENUM('needed', 'ordered', 'received', 'installed', 'returned');--> statement-breakpoint
CREATE TYPE "public"."purchase_order_status" AS ENUM('draft', 'ordered', 'partially_received', 'received', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."stock_movement_kind" AS ENUM('receipt', 'issue', 'return', 'adjustment');--> statement-breakpoint
CREATE TABLE "job_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"part_id" uuid,
	"description" text NOT NULL,
	"quantity_hundredths" integer NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"unit_cost_cents" bigint NOT NULL,
	"status" "job_part_status" DEFAULT 'needed' NOT NULL,
	"added_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"installed_at" timestamp with time zone,
	CONSTRAINT "job_parts_quantity_positive" CHECK ("job_parts"."quantity_hundredths" > 0),
	CONSTRAINT "job_parts_unit_price_non_negative" CHECK ("job_parts"."unit_price_cents" >= 0),
	CONSTRAINT "job_parts_unit_cost_non_negative" CHECK ("job_parts"."unit_cost_cents" >= 0),
	CONSTRAINT "job_parts_description_present" CHECK (length(btrim("job_parts"."description")) > 0)
);
--> statement-breakpoint
CREATE TABLE "parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"brand" text,
	"unit_cost_cents" bigint DEFAULT 0 NOT NULL,
	"unit_price_cents" bigint DEFAULT 0 NOT NULL,
	"bin" text,
	"reorder_point_hundredths" integer DEFAULT 0 NOT NULL,
	"vendor_id" uuid,
	"on_hand_hundredths" bigint DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parts_sku_present" CHECK (length(btrim("parts"."sku")) > 0),
	CONSTRAINT "parts_name_present" CHECK (length(btrim("parts"."name")) > 0),
	CONSTRAINT "parts_unit_cost_non_negative" CHECK ("parts"."unit_cost_cents" >= 0),
	CONSTRAINT "parts_unit_price_non_negative" CHECK ("parts"."unit_price_cents" >= 0),
	CONSTRAINT "parts_reorder_point_non_negative" CHECK ("parts"."reorder_point_hundredths" >= 0),
	CONSTRAINT "parts_on_hand_non_negative" CHECK ("parts"."on_hand_hundredths" >= 0)
);
--> statement-breakpoint
CREATE TABLE "purchase_order_counter" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "purchase_order_counter_single_row" CHECK ("purchase_order_counter"."id"),
	CONSTRAINT "purchase_order_counter_positive" CHECK ("purchase_order_counter"."last_number" > 0)
);
--> statement-breakpoint
CREATE TABLE "purchase_order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purchase_order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"part_id" uuid,
	"description" text NOT NULL,
	"quantity_hundredths" integer NOT NULL,
	"unit_cost_cents" bigint NOT NULL,
	"received_hundredths" integer DEFAULT 0 NOT NULL,
	"job_part_id" uuid,
	CONSTRAINT "purchase_order_lines_quantity_positive" CHECK ("purchase_order_lines"."quantity_hundredths" > 0),
	CONSTRAINT "purchase_order_lines_unit_cost_non_negative" CHECK ("purchase_order_lines"."unit_cost_cents" >= 0),
	CONSTRAINT "purchase_order_lines_received_within_ordered" CHECK ("purchase_order_lines"."received_hundredths" between 0 and "purchase_order_lines"."quantity_hundredths"),
	CONSTRAINT "purchase_order_lines_description_present" CHECK (length(btrim("purchase_order_lines"."description")) > 0)
);
--> statement-breakpoint
CREATE TABLE "purchase_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"vendor_id" uuid NOT NULL,
	"status" "purchase_order_status" DEFAULT 'draft' NOT NULL,
	"expected_at" timestamp with time zone,
	"notes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ordered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "purchase_orders_number_positive" CHECK ("purchase_orders"."number" > 0),
	CONSTRAINT "purchase_orders_cancelled_has_at" CHECK (("purchase_orders"."status" = 'cancelled') = ("purchase_orders"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"part_id" uuid NOT NULL,
	"quantity_hundredths" integer NOT NULL,
	"kind" "stock_movement_kind" NOT NULL,
	"purchase_order_line_id" uuid,
	"job_part_id" uuid,
	"reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_quantity_not_zero" CHECK ("stock_movements"."quantity_hundredths" <> 0),
	CONSTRAINT "stock_movements_cause" CHECK (case "stock_movements"."kind"
        when 'receipt' then "stock_movements"."purchase_order_line_id" is not null and "stock_movements"."quantity_hundredths" > 0
        when 'issue' then "stock_movements"."job_part_id" is not null and "stock_movements"."quantity_hundredths" < 0
        when 'return' then "stock_movements"."job_part_id" is not null and "stock_movements"."quantity_hundredths" > 0
        else "stock_movements"."reason" is not null and length(btrim("stock_movements"."reason")) > 0 end)
);
--> statement-breakpoint
CREATE TABLE "vendors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact_name" text,
	"phone" text,
	"email" text,
	"account_number" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vendors_name_present" CHECK (length(btrim("vendors"."name")) > 0)
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "part_id" uuid;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "unit_cost_cents" bigint;--> statement-breakpoint
ALTER TABLE "job_parts" ADD CONSTRAINT "job_parts_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_parts" ADD CONSTRAINT "job_parts_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_parts" ADD CONSTRAINT "job_parts_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parts" ADD CONSTRAINT "parts_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_purchase_order_id_purchase_orders_id_fk" FOREIGN KEY ("purchase_order_id") REFERENCES "public"."purchase_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_job_part_id_job_parts_id_fk" FOREIGN KEY ("job_part_id") REFERENCES "public"."job_parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_vendor_id_vendors_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_orders" ADD CONSTRAINT "purchase_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_purchase_order_line_id_purchase_order_lines_id_fk" FOREIGN KEY ("purchase_order_line_id") REFERENCES "public"."purchase_order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_job_part_id_job_parts_id_fk" FOREIGN KEY ("job_part_id") REFERENCES "public"."job_parts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_parts_job_idx" ON "job_parts" USING btree ("job_id","created_at");--> statement-breakpoint
CREATE INDEX "job_parts_reserved_idx" ON "job_parts" USING btree ("part_id") WHERE "job_parts"."status" in ('needed', 'received') and "job_parts"."part_id" is not null;--> statement-breakpoint
CREATE INDEX "job_parts_added_by_idx" ON "job_parts" USING btree ("added_by");--> statement-breakpoint
CREATE UNIQUE INDEX "parts_sku_lower_key" ON "parts" USING btree (lower("sku"));--> statement-breakpoint
CREATE INDEX "parts_name_idx" ON "parts" USING btree (lower("name"),"id");--> statement-breakpoint
CREATE INDEX "parts_vendor_idx" ON "parts" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "parts_sku_trgm_idx" ON "parts" USING gin ("sku" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parts_name_trgm_idx" ON "parts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "parts_words_idx" ON "parts" USING gin (to_tsvector('simple', "sku" || ' ' || "name"));--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_order_lines_position_key" ON "purchase_order_lines" USING btree ("purchase_order_id","position");--> statement-breakpoint
CREATE INDEX "purchase_order_lines_part_idx" ON "purchase_order_lines" USING btree ("part_id");--> statement-breakpoint
CREATE INDEX "purchase_order_lines_job_part_idx" ON "purchase_order_lines" USING btree ("job_part_id");--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_orders_number_key" ON "purchase_orders" USING btree ("number");--> statement-breakpoint
CREATE INDEX "purchase_orders_vendor_idx" ON "purchase_orders" USING btree ("vendor_id","status");--> statement-breakpoint
CREATE INDEX "purchase_orders_created_idx" ON "purchase_orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "purchase_orders_created_by_idx" ON "purchase_orders" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "stock_movements_part_idx" ON "stock_movements" USING btree ("part_id","id");--> statement-breakpoint
CREATE INDEX "stock_movements_po_line_idx" ON "stock_movements" USING btree ("purchase_order_line_id");--> statement-breakpoint
CREATE INDEX "stock_movements_job_part_idx" ON "stock_movements" USING btree ("job_part_id");--> statement-breakpoint
CREATE INDEX "stock_movements_created_by_idx" ON "stock_movements" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "vendors_name_idx" ON "vendors" USING btree (lower("name"),"id");--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_part_id_parts_id_fk" FOREIGN KEY ("part_id") REFERENCES "public"."parts"("id") ON DELETE no action ON UPDATE no action;