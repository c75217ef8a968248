// What the jobs module answers with: plain objects, camelCase, Dates for timestamps.
import type { JobPriority, JobStatus } from '../schema';

export type JobPersonDto = { id: string; name: string };

export type JobSummaryDto = {
  id: string;
  /** The job number as people use it: J-000123. */
  number: string;
  /** The integer behind the number (increasing, gaps allowed). */
  sequence: number;
  title: string;
  status: JobStatus;
  priority: JobPriority;
  odometerIn: number | null;
  promisedAt: Date | null;
  /** Promised time has passed and the job is neither completed nor cancelled. */
  overdue: boolean;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  version: number;
  createdBy: string;
  vehicleId: string;
  vehicle: { id: string; plate: string | null; vin: string | null; make: string; model: string; year: number | null };
  customer: { id: string; name: string };
  assignees: JobPersonDto[];
};

export type JobPermissions = {
  canEdit: boolean;
  canChangeStatus: boolean;
  canAddNote: boolean;
  canAssign: boolean;
  /** The statuses this actor may move the job to now (reopen included for an admin when allowed). */
  nextStatuses: JobStatus[];
};

export type JobDto = JobSummaryDto & {
  description: string | null;
  creator: JobPersonDto;
  vehicle: JobSummaryDto['vehicle'] & { odometer: number | null };
  /** The job's issued (non-void) invoice, if any. */
  liveInvoice: { id: string; number: string } | null;
  permissions: JobPermissions;
};

export type JobStatusChangeDto = {
  id: number;
  jobId: string;
  fromStatus: JobStatus | null;
  toStatus: JobStatus;
  reason: string | null;
  changedAt: Date;
  changedBy: JobPersonDto;
};

export type BoardColumnDto = {
  status: JobStatus;
  count: number;
  jobs: JobSummaryDto[];
  /**
   * Completed and cancelled columns cover the jobs closed since this moment (the last 30 days: a shop's closed
   * jobs grow without end, the board shows the recent ones); null for the open columns, which show every job.
   */
  since: Date | null;
};
