// Vehicles: registered under a customer. The VIN is normalised to upper case; a 17-character VIN uses no I, O
// or Q; a wrong check digit is a warning the user accepts (acceptVinWarning), because many VINs outside North
// America don't use it; shorter chassis numbers are allowed. One active vehicle per VIN (the database holds it
// too: vehicles_vin_active_key). Only an admin archives.
export * from './types';
export {
  createVehicleInput,
  listVehiclesInput,
  MAX_ODOMETER,
  MIN_VEHICLE_YEAR,
  normalisePlate,
  updateVehicleInput,
} from './inputs';
export { getVehicle, listVehicles } from './reads';
export { archiveVehicle, createVehicle, ownerIsArchived, unarchiveVehicle, updateVehicle } from './writes';
export { getVehicleForJob, searchVehiclesForJob, searchVehiclesInput, type VehicleChoiceDto } from './picker';
