// Jobs: opening a job card for a vehicle, editing it, moving it along its statuses, assigning workers, and the
// board and "my jobs" screens. One file per concern; `@/db/jobs` is this list.
export * from './rules';
export * from './types';
export * from './inputs';
export { jobAccess } from './access';
export { selectJobsWithCustomer } from './summaries';
export { getJob, getJobHistory, listJobs } from './reads';
export { BOARD_CLOSED_DAYS, listJobsForBoard, listMyJobs } from './board';
export { createJob, setJobAssignees, updateJob } from './writes';
export { changeJobStatus } from './status-changes';
export { getVehicleForJob, searchVehiclesForJob, searchVehiclesInput, type VehicleChoiceDto } from '../vehicles';
