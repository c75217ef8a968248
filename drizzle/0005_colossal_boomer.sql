DROP INDEX "jobs_status_promised_idx";--> statement-breakpoint
CREATE INDEX "customers_company_trgm_idx" ON "customers" USING gin ("company" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_email_trgm_idx" ON "customers" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_phone_trgm_idx" ON "customers" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_phone_digits_trgm_idx" ON "customers" USING gin (regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_phone_digits_idx" ON "customers" USING btree (regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g'));--> statement-breakpoint
CREATE INDEX "jobs_open_promised_idx" ON "jobs" USING btree ("promised_at","number") WHERE "jobs"."status" not in ('completed', 'cancelled');--> statement-breakpoint
CREATE INDEX "jobs_completed_idx" ON "jobs" USING btree ("completed_at","number") WHERE "jobs"."status" = 'completed';--> statement-breakpoint
CREATE INDEX "jobs_cancelled_idx" ON "jobs" USING btree ("cancelled_at","number") WHERE "jobs"."status" = 'cancelled';--> statement-breakpoint
CREATE INDEX "vehicles_plate_trgm_idx" ON "vehicles" USING gin ("plate" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "vehicles_plate_key_trgm_idx" ON "vehicles" USING gin (regexp_replace(upper(coalesce("plate", '')), '[^A-Z0-9]', '', 'g') gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "jobs_status_promised_idx" ON "jobs" USING btree ("status","promised_at","number");