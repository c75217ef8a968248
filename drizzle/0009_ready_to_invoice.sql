ALTER TABLE "jobs" ADD COLUMN "has_live_invoice" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "jobs_ready_to_invoice_idx" ON "jobs" USING btree ("completed_at","id") WHERE "jobs"."status" = 'completed' and not "jobs"."has_live_invoice";--> statement-breakpoint
-- jobs.has_live_invoice follows the job's invoices: true while one of them is issued (not void). At most one is
-- (invoices_job_live_key), so the row being written decides.
CREATE FUNCTION jobs_track_live_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE jobs SET has_live_invoice = (NEW.status <> 'void')
  WHERE id = NEW.job_id AND has_live_invoice IS DISTINCT FROM (NEW.status <> 'void');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_track_live_invoice AFTER INSERT OR UPDATE OF status ON invoices
  FOR EACH ROW EXECUTE FUNCTION jobs_track_live_invoice();
--> statement-breakpoint
-- The audit trail leaves the derived column out, as it leaves out updated_at (the invoice's own event says it).
CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_row jsonb := to_jsonb(NEW);
  old_row jsonb;
  before_values jsonb := '{}'::jsonb;
  after_values jsonb := '{}'::jsonb;
  column_name text;
  actor_text text := nullif(current_setting('app.actor_id', true), '');
  origin_text text := coalesce(nullif(current_setting('app.origin', true), ''), 'system');
  row_id text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    old_row := to_jsonb(OLD);
    FOR column_name IN SELECT jsonb_object_keys(new_row) LOOP
      IF column_name NOT IN ('updated_at', 'has_live_invoice') AND (new_row -> column_name) IS DISTINCT FROM (old_row -> column_name) THEN
        before_values := before_values || jsonb_build_object(column_name, old_row -> column_name);
        after_values := after_values || jsonb_build_object(column_name, new_row -> column_name);
      END IF;
    END LOOP;
    IF after_values = '{}'::jsonb THEN
      RETURN NULL;
    END IF;
  ELSE
    after_values := new_row;
    before_values := NULL;
  END IF;
  IF after_values ? 'password_hash' THEN
    after_values := jsonb_set(after_values, '{password_hash}', '"[changed]"');
    IF before_values IS NOT NULL THEN
      before_values := jsonb_set(before_values, '{password_hash}', '"[hidden]"');
    END IF;
  END IF;
  row_id := CASE TG_TABLE_NAME
    WHEN 'job_assignments' THEN (new_row ->> 'job_id') || ':' || (new_row ->> 'worker_id')
    WHEN 'shop_settings' THEN 'shop'
    ELSE new_row ->> 'id'
  END;
  INSERT INTO audit_events (actor_id, origin, entity, entity_id, action, before, after)
  VALUES (actor_text::uuid, origin_text::request_origin, TG_TABLE_NAME, row_id, lower(TG_OP)::audit_action,
          before_values, after_values);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- The jobs invoiced so far (their audit trigger off meanwhile: nothing changes that the trail would show).
ALTER TABLE jobs DISABLE TRIGGER jobs_audit;
--> statement-breakpoint
UPDATE jobs SET has_live_invoice = true
WHERE EXISTS (SELECT 1 FROM invoices WHERE invoices.job_id = jobs.id AND invoices.status <> 'void');
--> statement-breakpoint
ALTER TABLE jobs ENABLE TRIGGER jobs_audit;
