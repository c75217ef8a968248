// What the time clock functions return: plain objects, camelCase, Dates for timestamps.
import type { TimeEntrySource } from '../schema';

/** A time entry as corrected (its latest adjustment), or as recorded when it has none. */
export type TimeEntryDto = {
  id: string;
  userId: string;
  userName: string;
  jobId: string;
  /** The job's sequence number (shown as J-000123). */
  jobNumber: number;
  startedAt: Date;
  /** Null while the clock runs. */
  endedAt: Date | null;
  /** Effective length so far (a running clock: until now). */
  durationSeconds: number;
  voided: boolean;
  /** Whether an admin corrected it (see its adjustments). */
  adjusted: boolean;
  source: TimeEntrySource;
};

/** Starting a clock answers the new entry and the technician's clock it stopped first, if one ran. */
export type StartedClockDto = TimeEntryDto & { stopped: TimeEntryDto | null };

export type TimeAdjustmentDto = {
  id: string;
  timeEntryId: string;
  startedAt: Date;
  endedAt: Date;
  void: boolean;
  reason: string;
  createdBy: { id: string; name: string };
  createdAt: Date;
};

/** A technician's row of the productivity report over a period. */
export type TechnicianReportRowDto = {
  userId: string;
  name: string;
  clockedSeconds: number;
  /** Decimal text with two places ("12.50"). */
  billedHours: string;
  /** Billed ÷ clocked hours, two places; null when nothing was clocked. */
  efficiency: number | null;
  jobsWorked: number;
  jobsCompleted: number;
};

export type TechnicianReportDto = { from: string; to: string; data: TechnicianReportRowDto[] };

/** Clocked time on one job, per technician (the job page). */
export type JobClockedTimeDto = {
  technicians: { userId: string; name: string; clockedSeconds: number; running: boolean; billedHours: string }[];
  totalSeconds: number;
  billedHours: string;
};

/** One week of the dashboard's chart: Monday's date (UTC) and the hours clocked and billed that week. */
export type WeeklyHoursDto = { weekStart: string; clockedHours: number; billedHours: number };
