-- Time clocks (self-contained): nothing is deleted, everything is audited; a technician's entries never overlap,
-- as recorded or as corrected; an entry changes only to be stopped; corrections are append-only and the latest
-- one is the entry's effective times. PGlite ships btree_gist too, loaded in db/client.ts.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['time_entries', 'time_entry_adjustments']
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
CREATE TRIGGER time_entry_adjustments_refuse_update BEFORE UPDATE ON time_entry_adjustments
  FOR EACH ROW EXECUTE FUNCTION refuse_update();
--> statement-breakpoint

-- One technician's entries never overlap: the recorded ranges (a running entry runs to infinity) ...
ALTER TABLE time_entries ADD CONSTRAINT time_entries_no_overlap EXCLUDE USING gist (
  user_id WITH =, tstzrange(started_at, coalesce(ended_at, 'infinity'::timestamptz)) WITH &&);
--> statement-breakpoint
-- ... and the corrected ones, void entries aside.
ALTER TABLE time_entries ADD CONSTRAINT time_entries_effective_no_overlap EXCLUDE USING gist (
  user_id WITH =, tstzrange(effective_started_at, coalesce(effective_ended_at, 'infinity'::timestamptz)) WITH &&)
  WHERE (NOT voided);
--> statement-breakpoint

-- A new entry's effective times are its recorded ones. The one update a caller may make stops a running entry
-- (ended_at from null to a time, with who stopped it); the effective end follows. Corrections change only the
-- effective columns, from the adjustments' trigger (depth 2).
CREATE FUNCTION time_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.effective_started_at := NEW.started_at;
    NEW.effective_ended_at := NEW.ended_at;
    NEW.voided := false;
    NEW.adjustment_count := 0;
    RETURN NEW;
  END IF;
  IF (NEW.id, NEW.user_id, NEW.job_id, NEW.started_at, NEW.source, NEW.recorded_by, NEW.created_at)
      IS DISTINCT FROM (OLD.id, OLD.user_id, OLD.job_id, OLD.started_at, OLD.source, OLD.recorded_by, OLD.created_at) THEN
    RAISE EXCEPTION 'a time entry''s technician, job, start and source never change: add a correction'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'time_entries_only_stop';
  END IF;
  IF pg_trigger_depth() >= 2 THEN
    IF (NEW.ended_at, NEW.stopped_by) IS DISTINCT FROM (OLD.ended_at, OLD.stopped_by) THEN
      RAISE EXCEPTION 'a correction does not stop an entry' USING ERRCODE = 'check_violation',
        CONSTRAINT = 'time_entries_only_stop';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.ended_at IS NOT NULL OR NEW.ended_at IS NULL
      OR (NEW.effective_started_at, NEW.effective_ended_at, NEW.voided, NEW.adjustment_count)
        IS DISTINCT FROM (OLD.effective_started_at, OLD.effective_ended_at, OLD.voided, OLD.adjustment_count) THEN
    RAISE EXCEPTION 'a time entry changes only to be stopped: add a correction instead'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'time_entries_only_stop';
  END IF;
  NEW.effective_ended_at := NEW.ended_at;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER time_entries_guard BEFORE INSERT OR UPDATE ON time_entries
  FOR EACH ROW EXECUTE FUNCTION time_entries_guard();
--> statement-breakpoint

-- A correction locks its entry (corrections of one entry queue here), is refused while the clock still runs,
-- and becomes the entry's effective times; the exclusion constraint refuses one that overlaps another entry.
CREATE FUNCTION time_entry_adjustments_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE running boolean;
BEGIN
  SELECT ended_at IS NULL INTO running FROM time_entries WHERE id = NEW.time_entry_id FOR UPDATE;
  IF running THEN
    RAISE EXCEPTION 'a running clock cannot be corrected: stop it first' USING ERRCODE = 'check_violation',
      CONSTRAINT = 'time_entry_adjustments_entry_stopped';
  END IF;
  UPDATE time_entries
    SET effective_started_at = NEW.started_at, effective_ended_at = NEW.ended_at, voided = NEW.void,
      adjustment_count = adjustment_count + 1
    WHERE id = NEW.time_entry_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER time_entry_adjustments_apply BEFORE INSERT ON time_entry_adjustments
  FOR EACH ROW EXECUTE FUNCTION time_entry_adjustments_apply();
