-- Rules the database holds whoever connects: nothing is hard-deleted, history is append-only, job statuses
-- follow the transition table, issued invoices and their lines do not change, payments never exceed the total.

-- 1. No DELETE on any business table.
CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never deleted (archive, deactivate, cancel or void instead)', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['users', 'customers', 'vehicles', 'jobs', 'job_assignments', 'job_status_changes',
    'job_notes', 'invoices', 'invoice_lines', 'payments', 'invoice_counters', 'shop_settings']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION refuse_delete()',
      t || '_refuse_delete', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete()',
      t || '_refuse_truncate', t);
  END LOOP;
END $$;
--> statement-breakpoint

-- 2. Append-only tables: status history, notes, invoice lines, payments.
CREATE FUNCTION refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % never change once written', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER job_status_changes_refuse_update BEFORE UPDATE ON job_status_changes
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
--> statement-breakpoint
CREATE TRIGGER job_notes_refuse_update BEFORE UPDATE ON job_notes
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
--> statement-breakpoint
CREATE TRIGGER invoice_lines_refuse_update BEFORE UPDATE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
--> statement-breakpoint
CREATE TRIGGER payments_refuse_update BEFORE UPDATE ON payments
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
--> statement-breakpoint

-- 3. Job status transitions. A new job starts as `created`; completed and cancelled are final, except that a
-- completed job may be reopened while it has no live (non-void) invoice.
CREATE FUNCTION jobs_check_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'created' THEN
      RAISE EXCEPTION 'a new job starts as created, not %', NEW.status USING ERRCODE = 'check_violation',
        CONSTRAINT = 'jobs_status_transition';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF NOT ((OLD.status, NEW.status) IN (
      ('created', 'in_progress'), ('created', 'cancelled'),
      ('in_progress', 'waiting_for_parts'), ('in_progress', 'completed'), ('in_progress', 'cancelled'),
      ('waiting_for_parts', 'in_progress'), ('waiting_for_parts', 'cancelled'),
      ('completed', 'in_progress'))) THEN
    RAISE EXCEPTION 'a job cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'check_violation',
      CONSTRAINT = 'jobs_status_transition';
  END IF;
  IF OLD.status = 'completed' AND EXISTS (
      SELECT 1 FROM invoices WHERE job_id = OLD.id AND status <> 'void') THEN
    RAISE EXCEPTION 'a job with an issued invoice cannot be reopened' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'jobs_reopen_invoiced';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER jobs_check_status BEFORE INSERT OR UPDATE OF status ON jobs
  FOR EACH ROW EXECUTE FUNCTION jobs_check_status();
--> statement-breakpoint

-- 4. Invoices: only completed jobs are invoiced; once issued, only the payment total and voiding change.
CREATE FUNCTION invoices_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'issued' THEN
      RAISE EXCEPTION 'an invoice is issued before it can be voided' USING ERRCODE = 'check_violation',
        CONSTRAINT = 'invoices_issued_first';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM jobs WHERE id = NEW.job_id AND status = 'completed') THEN
      RAISE EXCEPTION 'only a completed job can be invoiced' USING ERRCODE = 'check_violation',
        CONSTRAINT = 'invoices_job_completed';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'void' THEN
    RAISE EXCEPTION 'a void invoice never changes' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'invoices_immutable';
  END IF;
  IF (NEW.id, NEW.job_id, NEW.number, NEW.year, NEW.sequence, NEW.currency, NEW.line_count, NEW.subtotal_cents,
      NEW.tax_cents, NEW.total_cents, NEW.issued_at, NEW.issued_by)
     IS DISTINCT FROM
     (OLD.id, OLD.job_id, OLD.number, OLD.year, OLD.sequence, OLD.currency, OLD.line_count, OLD.subtotal_cents,
      OLD.tax_cents, OLD.total_cents, OLD.issued_at, OLD.issued_by) THEN
    RAISE EXCEPTION 'an issued invoice cannot change; void it and issue a new one'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_immutable';
  END IF;
  IF NEW.paid_cents <> OLD.paid_cents AND NEW.status = 'void' THEN
    RAISE EXCEPTION 'a void invoice takes no payments' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'invoices_immutable';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER invoices_guard BEFORE INSERT OR UPDATE ON invoices
  FOR EACH ROW EXECUTE FUNCTION invoices_guard();
--> statement-breakpoint

-- Lines may only be written together with their invoice: at commit the invoice's line count and totals must
-- equal its lines, and those invoice columns never change afterwards, so a later line cannot be slipped in.
CREATE FUNCTION invoice_lines_match_invoice() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  inv invoices%ROWTYPE;
  line_count integer;
  subtotal bigint;
  tax bigint;
BEGIN
  SELECT * INTO inv FROM invoices WHERE id = NEW.invoice_id;
  SELECT count(*), coalesce(sum(line_total_cents), 0), coalesce(sum(tax_cents), 0)
    INTO line_count, subtotal, tax FROM invoice_lines WHERE invoice_id = NEW.invoice_id;
  IF line_count <> inv.line_count OR subtotal <> inv.subtotal_cents OR tax <> inv.tax_cents THEN
    RAISE EXCEPTION 'invoice % lines (% lines, % + % cents) do not match the invoice (% lines, % + % cents)',
      inv.number, line_count, subtotal, tax, inv.line_count, inv.subtotal_cents, inv.tax_cents
      USING ERRCODE = 'check_violation', CONSTRAINT = 'invoice_lines_match_invoice';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER invoice_lines_match_invoice AFTER INSERT ON invoice_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION invoice_lines_match_invoice();
--> statement-breakpoint

-- 5. Payments add to the invoice's paid total in the same statement; the invoice's check constraint
-- (paid_cents between 0 and total_cents) then refuses an overpayment, also under concurrency (row lock).
CREATE FUNCTION payments_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE invoices SET paid_cents = paid_cents + NEW.amount_cents WHERE id = NEW.invoice_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER payments_apply AFTER INSERT ON payments
  FOR EACH ROW EXECUTE FUNCTION payments_apply();
