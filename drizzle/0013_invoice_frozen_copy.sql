-- An issued invoice is a document: the bill-to, the vehicle and the job it was issued for are copied into it
-- (db/invoices/issuing.ts fills them in the issuing statement) and never change with it. Self-contained: fills
-- the copy of the invoices issued so far, freezes the new columns and ties paid_cents to the payments.

-- The invoices issued so far get the copy as their job, vehicle and customer read now (the guard and the audit
-- trigger off meanwhile: the trail would show a change nobody made, and the guard refuses any change of a void one).
ALTER TABLE invoices DISABLE TRIGGER invoices_guard;
--> statement-breakpoint
ALTER TABLE invoices DISABLE TRIGGER invoices_audit;
--> statement-breakpoint
UPDATE invoices i SET
  customer_id = c.id, bill_to_name = c.name, bill_to_company = c.company, bill_to_address = c.address,
  bill_to_phone = c.phone, bill_to_email = c.email,
  vehicle_year = v.year, vehicle_make = v.make, vehicle_model = v.model, vehicle_plate = v.plate,
  vehicle_vin = v.vin, vehicle_color = v.color, vehicle_odometer = coalesce(j.odometer_in, v.odometer),
  job_number = j.number, job_title = j.title
FROM jobs j JOIN vehicles v ON v.id = j.vehicle_id JOIN customers c ON c.id = v.customer_id
WHERE j.id = i.job_id AND i.bill_to_name IS NULL;
--> statement-breakpoint
ALTER TABLE invoices ENABLE TRIGGER invoices_audit;
--> statement-breakpoint
ALTER TABLE invoices ENABLE TRIGGER invoices_guard;
--> statement-breakpoint

-- Once issued, only the paid total (from payments) and voiding change; the copy is frozen with the rest. The paid
-- total is the sum of the invoice's payments: a direct change of paid_cents (or an invoice written as already
-- paid) is refused, so only a payment moves it (payments_apply below).
CREATE OR REPLACE FUNCTION invoices_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF NEW.paid_cents <> 0 THEN
      RAISE EXCEPTION 'an invoice is paid by payments, not written as paid' USING ERRCODE = 'check_violation',
        CONSTRAINT = 'invoices_paid_from_payments';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'void' THEN
    RAISE EXCEPTION 'a void invoice never changes' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'invoices_immutable';
  END IF;
  IF (NEW.id, NEW.job_id, NEW.number, NEW.year, NEW.sequence, NEW.currency, NEW.line_count, NEW.subtotal_cents,
      NEW.tax_cents, NEW.total_cents, NEW.issued_at, NEW.issued_by,
      NEW.customer_id, NEW.bill_to_name, NEW.bill_to_company, NEW.bill_to_address, NEW.bill_to_phone,
      NEW.bill_to_email, NEW.vehicle_year, NEW.vehicle_make, NEW.vehicle_model, NEW.vehicle_plate, NEW.vehicle_vin,
      NEW.vehicle_color, NEW.vehicle_odometer, NEW.job_number, NEW.job_title)
     IS DISTINCT FROM
     (OLD.id, OLD.job_id, OLD.number, OLD.year, OLD.sequence, OLD.currency, OLD.line_count, OLD.subtotal_cents,
      OLD.tax_cents, OLD.total_cents, OLD.issued_at, OLD.issued_by,
      OLD.customer_id, OLD.bill_to_name, OLD.bill_to_company, OLD.bill_to_address, OLD.bill_to_phone,
      OLD.bill_to_email, OLD.vehicle_year, OLD.vehicle_make, OLD.vehicle_model, OLD.vehicle_plate, OLD.vehicle_vin,
      OLD.vehicle_color, OLD.vehicle_odometer, OLD.job_number, OLD.job_title) THEN
    RAISE EXCEPTION 'an issued invoice cannot change; void it and issue a new one'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'invoices_immutable';
  END IF;
  IF NEW.paid_cents <> OLD.paid_cents AND NEW.status = 'void' THEN
    RAISE EXCEPTION 'a void invoice takes no payments' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'invoices_immutable';
  END IF;
  -- Read with a fresh snapshot (read committed): a concurrent payment that committed first is counted, as the
  -- row version this update applies to already counts it.
  IF NEW.paid_cents <> OLD.paid_cents
     AND NEW.paid_cents <> (SELECT coalesce(sum(amount_cents), 0) FROM payments WHERE invoice_id = NEW.id) THEN
    RAISE EXCEPTION 'the paid total of an invoice is the sum of its payments' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'invoices_paid_from_payments';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint

-- Payments add to their invoice's paid total once per statement (so several payments in one insert add up before
-- the guard compares the total with the payments); the check paid_cents between 0 and total_cents still refuses
-- an overpayment under concurrency (the invoice's row lock).
CREATE OR REPLACE FUNCTION payments_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE invoices i SET paid_cents = i.paid_cents + p.amount
  FROM (SELECT invoice_id, sum(amount_cents)::bigint AS amount FROM new_payments GROUP BY invoice_id) p
  WHERE i.id = p.invoice_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER payments_apply ON payments;
--> statement-breakpoint
CREATE TRIGGER payments_apply AFTER INSERT ON payments REFERENCING NEW TABLE AS new_payments
  FOR EACH STATEMENT EXECUTE FUNCTION payments_apply();
