// What the customers module answers with: plain objects, camelCase, Dates for timestamps.
import { customers, type CustomerKind } from '../schema';
import type { VehicleJobSummary, VehicleSummaryDto } from '../vehicles';

export type CustomerDto = {
  id: string;
  kind: CustomerKind;
  name: string;
  company: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type CustomerVehicleSummary = VehicleSummaryDto;

export type CustomerListItem = CustomerDto & {
  /** The customer's active vehicles (at most a handful), for the list. */
  vehicles: Pick<CustomerVehicleSummary, 'id' | 'plate' | 'vin' | 'make' | 'model' | 'year'>[];
};

/** A job in a customer's history: a vehicle's job summary, and which of their vehicles it was on. */
export type CustomerJobSummary = VehicleJobSummary & {
  vehicleId: string;
  vehicleMake: string;
  vehicleModel: string;
  vehiclePlate: string | null;
};

/** Another customer with the same phone number (digits compared) or email (case-insensitive). */
export type DuplicateCustomer = {
  id: string;
  name: string;
  archived: boolean;
  matches: ('phone' | 'email')[];
};

export type CustomerDetail = CustomerDto & {
  vehicles: CustomerVehicleSummary[];
  /** Newest first; only the jobs the actor may see. */
  jobs: CustomerJobSummary[];
  duplicates: DuplicateCustomer[];
};

/** What a save returns: the customer and the possible duplicates (a warning, never a refusal). */
export type SavedCustomer = CustomerDto & { duplicates: DuplicateCustomer[] };

export const customerColumns = {
  id: customers.id,
  kind: customers.kind,
  name: customers.name,
  company: customers.company,
  phone: customers.phone,
  email: customers.email,
  address: customers.address,
  notes: customers.notes,
  archivedAt: customers.archivedAt,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
};
