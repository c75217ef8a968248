-- Estimates (issue 14): the rules the database holds whoever connects. Self-contained: the three tables refuse
-- DELETE and TRUNCATE and are audited like every business table; estimate lines and authorizations are
-- append-only; a sent estimate's lines and totals never change; statuses follow draft → sent → approved |
-- declined, any of them → superseded.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['estimates', 'estimate_lines', 'estimate_authorizations']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION refuse_delete()',
      t || '_refuse_delete', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete()',
      t || '_refuse_truncate', t);
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row_change()',
      t || '_audit', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER estimate_lines_refuse_update BEFORE UPDATE ON estimate_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
--> statement-breakpoint
CREATE TRIGGER estimate_authorizations_refuse_update BEFORE UPDATE ON estimate_authorizations
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
--> statement-breakpoint
CREATE FUNCTION estimate_lines_only_on_draft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM estimates WHERE id = NEW.estimate_id AND status = 'draft') THEN
    RAISE EXCEPTION 'lines are added to a draft estimate only' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'estimates_frozen';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER estimate_lines_only_on_draft BEFORE INSERT ON estimate_lines
  FOR EACH ROW EXECUTE FUNCTION estimate_lines_only_on_draft();
--> statement-breakpoint
CREATE FUNCTION estimates_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'a new estimate starts as a draft' USING ERRCODE = 'check_violation',
        CONSTRAINT = 'estimates_status_transition';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status <> OLD.status AND NOT ((OLD.status, NEW.status) IN (
      ('draft', 'sent'), ('draft', 'superseded'), ('sent', 'approved'), ('sent', 'declined'),
      ('sent', 'superseded'), ('approved', 'superseded'), ('declined', 'superseded'))) THEN
    RAISE EXCEPTION 'an estimate cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'check_violation',
      CONSTRAINT = 'estimates_status_transition';
  END IF;
  IF OLD.status <> 'draft' AND (
      NEW.line_revision, NEW.subtotal_cents, NEW.tax_cents, NEW.total_cents, NEW.currency, NEW.notes,
      NEW.valid_days, NEW.token_hash, NEW.sent_at, NEW.expires_at, NEW.job_id, NEW.version
    ) IS DISTINCT FROM (
      OLD.line_revision, OLD.subtotal_cents, OLD.tax_cents, OLD.total_cents, OLD.currency, OLD.notes,
      OLD.valid_days, OLD.token_hash, OLD.sent_at, OLD.expires_at, OLD.job_id, OLD.version
    ) THEN
    RAISE EXCEPTION 'a sent estimate''s lines and totals never change (revise it instead)'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'estimates_frozen';
  END IF;
  IF OLD.approved_total_cents IS NOT NULL AND NEW.approved_total_cents IS DISTINCT FROM OLD.approved_total_cents THEN
    RAISE EXCEPTION 'an estimate''s approved total never changes' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'estimates_frozen';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER estimates_guard BEFORE INSERT OR UPDATE ON estimates
  FOR EACH ROW EXECUTE FUNCTION estimates_guard();
