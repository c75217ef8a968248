// What the vehicles module answers with, and its one refusal of its own.
import { DomainError } from '../core/errors';
import { vehicles, type JobPriority, type JobStatus } from '../schema';

export type VehicleDto = {
  id: string;
  customerId: string;
  vin: string | null;
  plate: string | null;
  make: string;
  model: string;
  year: number | null;
  color: string | null;
  odometer: number | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

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

export const vehicleColumns = {
  id: vehicles.id,
  customerId: vehicles.customerId,
  vin: vehicles.vin,
  plate: vehicles.plate,
  make: vehicles.make,
  model: vehicles.model,
  year: vehicles.year,
  color: vehicles.color,
  odometer: vehicles.odometer,
  archivedAt: vehicles.archivedAt,
  createdAt: vehicles.createdAt,
  updatedAt: vehicles.updatedAt,
};
