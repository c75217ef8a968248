CREATE TYPE "public"."time_entry_source" AS ENUM('ui', 'api');--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"source" time_entry_source NOT NULL,
	"recorded_by" uuid NOT NULL,
	"stopped_by" uuid,
	"effective_started_at" timestamp with time zone NOT NULL,
	"effective_ended_at" timestamp with time zone,
	"voided" boolean DEFAULT false NOT NULL,
	"adjustment_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_ends_after_start" CHECK ("time_entries"."ended_at" is null or "time_entries"."ended_at" > "time_entries"."started_at"),
	CONSTRAINT "time_entries_effective_ends_after_start" CHECK ("time_entries"."effective_ended_at" is null or "time_entries"."effective_ended_at" > "time_entries"."effective_started_at"),
	CONSTRAINT "time_entries_stopped_by_with_end" CHECK ("time_entries"."stopped_by" is null or "time_entries"."ended_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "time_entry_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"time_entry_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"void" boolean DEFAULT false NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entry_adjustments_ends_after_start" CHECK ("time_entry_adjustments"."ended_at" > "time_entry_adjustments"."started_at"),
	CONSTRAINT "time_entry_adjustments_reason_present" CHECK (length(btrim("time_entry_adjustments"."reason")) between 1 and 1000)
);
--> statement-breakpoint
ALTER TABLE "estimate_lines" ADD COLUMN "technician_id" uuid;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "technician_id" uuid;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_stopped_by_users_id_fk" FOREIGN KEY ("stopped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry_adjustments" ADD CONSTRAINT "time_entry_adjustments_time_entry_id_time_entries_id_fk" FOREIGN KEY ("time_entry_id") REFERENCES "public"."time_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry_adjustments" ADD CONSTRAINT "time_entry_adjustments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "time_entries_one_running_key" ON "time_entries" USING btree ("user_id") WHERE "time_entries"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "time_entries_job_idx" ON "time_entries" USING btree ("job_id","effective_started_at");--> statement-breakpoint
CREATE INDEX "time_entries_user_started_idx" ON "time_entries" USING btree ("user_id","effective_started_at","id");--> statement-breakpoint
CREATE INDEX "time_entries_started_idx" ON "time_entries" USING btree ("effective_started_at","id");--> statement-breakpoint
CREATE INDEX "time_entries_recorded_by_idx" ON "time_entries" USING btree ("recorded_by");--> statement-breakpoint
CREATE INDEX "time_entries_stopped_by_idx" ON "time_entries" USING btree ("stopped_by");--> statement-breakpoint
CREATE INDEX "time_entry_adjustments_entry_idx" ON "time_entry_adjustments" USING btree ("time_entry_id","created_at");--> statement-breakpoint
CREATE INDEX "time_entry_adjustments_created_by_idx" ON "time_entry_adjustments" USING btree ("created_by");--> statement-breakpoint
ALTER TABLE "estimate_lines" ADD CONSTRAINT "estimate_lines_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "estimate_lines_technician_idx" ON "estimate_lines" USING btree ("technician_id") WHERE "estimate_lines"."technician_id" is not null;--> statement-breakpoint
CREATE INDEX "invoice_lines_technician_idx" ON "invoice_lines" USING btree ("technician_id") WHERE "invoice_lines"."technician_id" is not null;--> statement-breakpoint
ALTER TABLE "estimate_lines" ADD CONSTRAINT "estimate_lines_technician_on_labor" CHECK ("estimate_lines"."technician_id" is null or "estimate_lines"."kind" = 'labor');--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_technician_on_labor" CHECK ("invoice_lines"."technician_id" is null or "invoice_lines"."kind" = 'labor');