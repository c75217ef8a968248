import { jobStatusLabels } from '@/db/core/labels';
import type { JobPriority, JobStatus } from '@/db/schema';

/** What the button that moves a job from one status to another says. */
export function statusActionLabel(from: JobStatus, to: JobStatus): string {
  if (to === 'in_progress') return from === 'created' ? 'Start' : from === 'completed' ? 'Reopen' : 'Resume';
  if (to === 'waiting_for_parts') return jobStatusLabels.waiting_for_parts;
  if (to === 'completed') return 'Complete';
  if (to === 'cancelled') return 'Cancel job';
  return 'Back to created';
}

export const statusBadgeClasses: Record<JobStatus, string> = {
  created: 'bg-slate-100 text-slate-800 ring-slate-300',
  in_progress: 'bg-blue-50 text-blue-800 ring-blue-200',
  waiting_for_parts: 'bg-amber-50 text-amber-900 ring-amber-200',
  completed: 'bg-green-50 text-green-800 ring-green-200',
  cancelled: 'bg-red-50 text-red-800 ring-red-200',
};

export const priorityBadgeClasses: Record<JobPriority, string> = {
  low: 'bg-slate-50 text-slate-600 ring-slate-200',
  normal: 'bg-white text-slate-700 ring-slate-300',
  high: 'bg-orange-50 text-orange-800 ring-orange-200',
  urgent: 'bg-red-600 text-white ring-red-700',
};

/** "2026-03-01" for a date input, from a stored promised time. */
export function dateInputValue(date: Date | null | undefined): string {
  return date ? new Date(date).toISOString().slice(0, 10) : '';
}
