-- The throttle tables alone may delete, and only rows whose 15-minute window has ended (pruning); a row that
-- still counts failures cannot be deleted to lift a lockout early.
DROP TRIGGER login_attempts_refuse_delete ON login_attempts;
--> statement-breakpoint
CREATE FUNCTION refuse_live_login_attempt_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.window_started_at >= now() - interval '15 minutes' THEN
    RAISE EXCEPTION 'a sign-in attempt counter inside its window cannot be deleted'
      USING ERRCODE = '23001', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER login_attempts_refuse_live_delete BEFORE DELETE ON login_attempts
  FOR EACH ROW EXECUTE FUNCTION refuse_live_login_attempt_delete();
--> statement-breakpoint
CREATE TRIGGER login_address_attempts_refuse_live_delete BEFORE DELETE ON login_address_attempts
  FOR EACH ROW EXECUTE FUNCTION refuse_live_login_attempt_delete();
--> statement-breakpoint
CREATE TRIGGER sessions_refuse_delete BEFORE DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION refuse_delete();
--> statement-breakpoint
CREATE TRIGGER sessions_refuse_truncate BEFORE TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_delete();
