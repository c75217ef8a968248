// What the vehicles module answers with, and its one refusal of its own.
import { DomainError } from '../core/errors';
import { jobs, vehicles, type JobPriority, type JobStatus } from '../schema';

/** A vehicle without its owner and timestamps: as a customer's page lists it. */
export type VehicleSummaryDto = {
  id: string;
  vin: string | null;
  plate: string | null;
  make: string;
  model: string;
  year: number | null;
  color: string | null;
  odometer: number | null;
  archivedAt: Date | null;
};

export type VehicleDto = VehicleSummaryDto & { customerId: string; createdAt: Date; updatedAt: Date };

export type VehicleListItem = VehicleDto & { customerName: string; customerArchived: boolean };

export type VehicleJobSummary = {
  id: string;
  number: number;
  title: string;
  status: JobStatus;
  priority: JobPriority;
  odometerIn: number | null;
  promisedAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
};

export type OdometerReading = {
  reading: number;
  recordedAt: Date;
  /** `vehicle`: the reading kept on the vehicle (date of its last change); `job`: odometer in of a job. */
  source: 'vehicle' | 'job';
  jobId: string | null;
  jobNumber: number | null;
};

export type VehicleDetail = VehicleDto & {
  owner: { id: string; name: string; phone: string | null; archivedAt: Date | null };
  /** Service history, newest first; only jobs the actor may see. */
  jobs: VehicleJobSummary[];
  /** Newest first. */
  odometerReadings: OdometerReading[];
  /** Set when the stored VIN's check digit is wrong (it was accepted when it was saved). */
  vinWarning: string | null;
};

export type SavedVehicle = VehicleDto & { vinWarning: string | null };

/** Refusal for a VIN already on another active vehicle; `existingVehicleId` lets a UI link to it. */
export class VinTakenError extends DomainError {
  constructor(
    readonly existingVehicleId: string,
    description: string,
  ) {
    super('conflict', 'That VIN is already on another active vehicle.', {
      vin: [`That VIN is already on another active vehicle (${description}).`],
      existingVehicleId: [existingVehicleId],
    });
  }
}

/** What describes a vehicle, between its id and owner and its timestamps. */
const vehicleDescriptionColumns = {
  vin: vehicles.vin,
  plate: vehicles.plate,
  make: vehicles.make,
  model: vehicles.model,
  year: vehicles.year,
  color: vehicles.color,
  odometer: vehicles.odometer,
  archivedAt: vehicles.archivedAt,
};

export const vehicleSummaryColumns = { id: vehicles.id, ...vehicleDescriptionColumns };

export const vehicleColumns = {
  id: vehicles.id,
  customerId: vehicles.customerId,
  ...vehicleDescriptionColumns,
  createdAt: vehicles.createdAt,
  updatedAt: vehicles.updatedAt,
};

/** The columns of a job in a vehicle's (or customer's) service history: `VehicleJobSummary`. */
export const vehicleJobColumns = {
  id: jobs.id,
  number: jobs.number,
  title: jobs.title,
  status: jobs.status,
  priority: jobs.priority,
  odometerIn: jobs.odometerIn,
  promisedAt: jobs.promisedAt,
  createdAt: jobs.createdAt,
  completedAt: jobs.completedAt,
};
