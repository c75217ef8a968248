// Customers: the people and businesses whose vehicles the shop repairs. Admins and workers list, search,
// create and edit them; only an admin archives (nothing is deleted). Search is one box across name, company,
// phone (digits, punctuation ignored), email and the plate/VIN of the customer's vehicles.
export * from './types';
export * from './inputs';
export { getCustomer, getCustomerPage, listCustomers, type CustomerPages } from './reads';
export { archiveCustomer, createCustomer, unarchiveCustomer, updateCustomer } from './writes';
