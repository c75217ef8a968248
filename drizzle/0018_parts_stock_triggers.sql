-- Parts, stock and purchase orders (self-contained): nothing is deleted, everything is audited, the stock ledger
-- is append-only and keeps parts.on_hand_hundredths equal to the sum of the part's movements, never below zero;
-- purchase orders and job parts follow their transition tables.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['vendors', 'parts', 'job_parts', 'purchase_orders', 'purchase_order_lines',
    'stock_movements', 'purchase_order_counter']
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW EXECUTE FUNCTION refuse_delete()',
      t || '_refuse_delete', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete()',
      t || '_refuse_truncate', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['vendors', 'parts', 'job_parts', 'purchase_orders', 'purchase_order_lines',
    'stock_movements']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row_change()',
      t || '_audit', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE TRIGGER stock_movements_refuse_update BEFORE UPDATE ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
--> statement-breakpoint

-- on_hand is written only by the ledger's trigger (depth 2); a new part starts with nothing on the shelf.
CREATE FUNCTION parts_guard_on_hand() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW.on_hand_hundredths <> 0 THEN
    RAISE EXCEPTION 'a new part starts with nothing on hand: add a stock movement' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'parts_on_hand_from_ledger';
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.on_hand_hundredths IS DISTINCT FROM OLD.on_hand_hundredths
      AND pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'on hand is kept from the stock ledger and never written directly'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'parts_on_hand_from_ledger';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER parts_guard_on_hand BEFORE INSERT OR UPDATE OF on_hand_hundredths ON parts
  FOR EACH ROW EXECUTE FUNCTION parts_guard_on_hand();
--> statement-breakpoint

-- Each movement locks its part's row (concurrent movements of one part queue here), refuses to take the
-- shelf below zero, and moves on_hand by its quantity.
CREATE FUNCTION stock_movements_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE current_on_hand bigint;
BEGIN
  SELECT on_hand_hundredths INTO current_on_hand FROM parts WHERE id = NEW.part_id FOR UPDATE;
  IF current_on_hand + NEW.quantity_hundredths < 0 THEN
    RAISE EXCEPTION 'not enough stock on hand' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'stock_movements_on_hand_non_negative';
  END IF;
  UPDATE parts SET on_hand_hundredths = on_hand_hundredths + NEW.quantity_hundredths WHERE id = NEW.part_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER stock_movements_apply BEFORE INSERT ON stock_movements
  FOR EACH ROW EXECUTE FUNCTION stock_movements_apply();
--> statement-breakpoint

CREATE FUNCTION purchase_orders_check_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'a new purchase order starts as draft' USING ERRCODE = 'check_violation',
        CONSTRAINT = 'purchase_orders_status_transition';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF NOT ((OLD.status, NEW.status) IN (
      ('draft', 'ordered'), ('draft', 'cancelled'), ('ordered', 'cancelled'), ('ordered', 'partially_received'),
      ('ordered', 'received'), ('partially_received', 'received'))) THEN
    RAISE EXCEPTION 'a purchase order cannot go from % to %', OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'purchase_orders_status_transition';
  END IF;
  IF NEW.status = 'cancelled' AND EXISTS (
      SELECT 1 FROM purchase_order_lines WHERE purchase_order_id = OLD.id AND received_hundredths > 0) THEN
    RAISE EXCEPTION 'a purchase order with received lines cannot be cancelled' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'purchase_orders_status_transition';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER purchase_orders_check_status BEFORE INSERT OR UPDATE OF status ON purchase_orders
  FOR EACH ROW EXECUTE FUNCTION purchase_orders_check_status();
--> statement-breakpoint

CREATE FUNCTION job_parts_check_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'needed' THEN
      RAISE EXCEPTION 'a job part starts as needed' USING ERRCODE = 'check_violation',
        CONSTRAINT = 'job_parts_status_transition';
    END IF;
    RETURN NEW;
  END IF;
  IF NEW.status = OLD.status THEN
    RETURN NEW;
  END IF;
  IF NOT ((OLD.status, NEW.status) IN (
      ('needed', 'ordered'), ('needed', 'installed'), ('needed', 'returned'), ('ordered', 'needed'),
      ('ordered', 'received'), ('received', 'installed'), ('received', 'returned'), ('installed', 'returned'))) THEN
    RAISE EXCEPTION 'a job part cannot go from % to %', OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'job_parts_status_transition';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER job_parts_check_status BEFORE INSERT OR UPDATE OF status ON job_parts
  FOR EACH ROW EXECUTE FUNCTION job_parts_check_status();
