ALTER TABLE "invoices" ADD COLUMN "customer_id" uuid;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "bill_to_name" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "bill_to_company" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "bill_to_address" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "bill_to_phone" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "bill_to_email" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vehicle_year" integer;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vehicle_make" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vehicle_model" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vehicle_plate" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vehicle_vin" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vehicle_color" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "vehicle_odometer" integer;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "job_number" integer;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "job_title" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_customer_id_idx" ON "invoices" USING btree ("customer_id");