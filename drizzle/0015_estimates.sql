CREATE TYPE "public"."authorization_channel" AS ENUM('link', 'phone', 'in_person');--> statement-breakpoint
CREATE TYPE "public"."estimate_status" AS ENUM('draft', 'sent', 'approved', 'declined', 'superseded');--> statement-breakpoint
ALTER TYPE "public"."request_origin" ADD VALUE 'public';--> statement-breakpoint
CREATE TABLE "approval_request_counts" (
	"address" text PRIMARY KEY NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "estimate_authorizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estimate_id" uuid NOT NULL,
	"channel" "authorization_channel" NOT NULL,
	"authorized_by" text NOT NULL,
	"approved_line_ids" uuid[] NOT NULL,
	"approved_total_cents" bigint NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"client_address" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "estimate_authorizations_name_present" CHECK (length(btrim("estimate_authorizations"."authorized_by")) > 0),
	CONSTRAINT "estimate_authorizations_total_non_negative" CHECK ("estimate_authorizations"."approved_total_cents" >= 0),
	CONSTRAINT "estimate_authorizations_recorder" CHECK (("estimate_authorizations"."channel" = 'link') = ("estimate_authorizations"."recorded_by" is null))
);
--> statement-breakpoint
CREATE TABLE "estimate_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"estimate_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"position" integer NOT NULL,
	"kind" "invoice_line_kind" NOT NULL,
	"description" text NOT NULL,
	"quantity" numeric(12, 2) NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"tax_rate_basis_points" integer NOT NULL,
	"line_total_cents" bigint NOT NULL,
	"tax_cents" bigint NOT NULL,
	CONSTRAINT "estimate_lines_quantity_positive" CHECK ("estimate_lines"."quantity" > 0),
	CONSTRAINT "estimate_lines_amounts_non_negative" CHECK ("estimate_lines"."unit_price_cents" >= 0 and "estimate_lines"."line_total_cents" >= 0 and "estimate_lines"."tax_cents" >= 0),
	CONSTRAINT "estimate_lines_tax_rate_range" CHECK ("estimate_lines"."tax_rate_basis_points" between 0 and 10000),
	CONSTRAINT "estimate_lines_description_present" CHECK (length(btrim("estimate_lines"."description")) > 0)
);
--> statement-breakpoint
CREATE TABLE "estimates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" "estimate_status" DEFAULT 'draft' NOT NULL,
	"line_revision" integer DEFAULT 1 NOT NULL,
	"currency" text NOT NULL,
	"subtotal_cents" bigint NOT NULL,
	"tax_cents" bigint NOT NULL,
	"total_cents" bigint NOT NULL,
	"approved_total_cents" bigint,
	"notes" text,
	"valid_days" integer NOT NULL,
	"token_hash" text,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"expires_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "estimates_version_positive" CHECK ("estimates"."version" > 0),
	CONSTRAINT "estimates_valid_days_range" CHECK ("estimates"."valid_days" between 1 and 365),
	CONSTRAINT "estimates_totals_non_negative" CHECK ("estimates"."subtotal_cents" >= 0 and "estimates"."tax_cents" >= 0),
	CONSTRAINT "estimates_total_is_sum" CHECK ("estimates"."total_cents" = "estimates"."subtotal_cents" + "estimates"."tax_cents"),
	CONSTRAINT "estimates_sent_has_link" CHECK (("estimates"."sent_at" is null) = ("estimates"."token_hash" is null) and ("estimates"."sent_at" is null) = ("estimates"."expires_at" is null)),
	CONSTRAINT "estimates_currency_code" CHECK ("estimates"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "shop_settings" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD COLUMN "estimate_valid_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD COLUMN "approval_tolerance_percent" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "shop_settings" ADD COLUMN "estimate_terms" text;--> statement-breakpoint
ALTER TABLE "estimate_authorizations" ADD CONSTRAINT "estimate_authorizations_estimate_id_estimates_id_fk" FOREIGN KEY ("estimate_id") REFERENCES "public"."estimates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimate_authorizations" ADD CONSTRAINT "estimate_authorizations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimate_lines" ADD CONSTRAINT "estimate_lines_estimate_id_estimates_id_fk" FOREIGN KEY ("estimate_id") REFERENCES "public"."estimates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimates" ADD CONSTRAINT "estimates_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimates" ADD CONSTRAINT "estimates_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "estimates" ADD CONSTRAINT "estimates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "estimate_authorizations_estimate_key" ON "estimate_authorizations" USING btree ("estimate_id");--> statement-breakpoint
CREATE INDEX "estimate_authorizations_recorded_by_idx" ON "estimate_authorizations" USING btree ("recorded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "estimate_lines_position_key" ON "estimate_lines" USING btree ("estimate_id","revision","position");--> statement-breakpoint
CREATE UNIQUE INDEX "estimates_job_version_key" ON "estimates" USING btree ("job_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "estimates_job_current_key" ON "estimates" USING btree ("job_id") WHERE "estimates"."status" <> 'superseded';--> statement-breakpoint
CREATE UNIQUE INDEX "estimates_token_hash_key" ON "estimates" USING btree ("token_hash") WHERE "estimates"."token_hash" is not null;--> statement-breakpoint
CREATE INDEX "estimates_created_by_idx" ON "estimates" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "estimates_sent_by_idx" ON "estimates" USING btree ("sent_by");--> statement-breakpoint
ALTER TABLE "shop_settings" ADD CONSTRAINT "shop_settings_estimate_valid_days_range" CHECK ("shop_settings"."estimate_valid_days" between 1 and 365);--> statement-breakpoint
ALTER TABLE "shop_settings" ADD CONSTRAINT "shop_settings_approval_tolerance_range" CHECK ("shop_settings"."approval_tolerance_percent" between 0 and 100);