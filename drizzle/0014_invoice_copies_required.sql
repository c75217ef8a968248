ALTER TABLE "invoices" ALTER COLUMN "customer_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "bill_to_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "vehicle_make" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "vehicle_model" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "job_number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "job_title" SET NOT NULL;