-- The audit trail: every insert and update of a business table writes one audit_events row in the same
-- transaction, with only the changed columns before and after. Who and where from come from the transaction
-- settings app.actor_id and app.origin (set by the data layer, db/platform/audit-context.ts); password hashes are
-- never copied, only marked as changed. audit_events itself is append-only.
CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
      IF column_name <> 'updated_at' AND (new_row -> column_name) IS DISTINCT FROM (old_row -> column_name) THEN
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
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'customers', 'vehicles', 'jobs', 'job_assignments', 'job_status_changes',
    'job_notes', 'invoices', 'invoice_lines', 'payments', 'shop_settings']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row_change()',
      t || '_audit', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_update BEFORE UPDATE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_delete BEFORE DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_delete();
--> statement-breakpoint
CREATE TRIGGER audit_events_refuse_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
--> statement-breakpoint
CREATE TRIGGER login_attempts_refuse_delete BEFORE DELETE ON login_attempts
  FOR EACH ROW EXECUTE FUNCTION refuse_delete();
