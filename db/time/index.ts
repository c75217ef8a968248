// Time clocks and productivity (issue 15): technicians clock on and off jobs (one running clock each, never
// overlapping: the database holds both), admins correct entries with append-only adjustments, and the reports
// compare clocked with billed hours. `@/db/time` is this list.
export * from './types';
export * from './inputs';
export { startClock, stopClock } from './clock';
export {
  getJobClockedTime,
  getMyRunningClock,
  getTimesheet,
  getTimeEntry,
  listRunningClocks,
  listTimeAdjustments,
  listTimeEntries,
} from './entries';
export { adjustTimeEntry } from './adjustments';
export { getTechnicianReport, getTechnicianReportCsv, getWeeklyHours, technicianReportColumns } from './report';
export { thisMonth } from './period';
