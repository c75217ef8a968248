// The demo shop's made-up people, vehicles, complaints and job plans, and the seeded random numbers that pick
// from them (the same shop on every run).
import type { JobStatus } from '../schema';

export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

export const firstNames = [
  'Maria',
  'James',
  'Aisha',
  'Tom',
  'Lena',
  'Diego',
  'Priya',
  'Oliver',
  'Sofia',
  'Kenji',
  'Emma',
  'Noah',
  'Fatima',
  'Lucas',
  'Grace',
  'Ivan',
  'Chloe',
  'Mateo',
  'Hannah',
  'Samuel',
  'Zoe',
  'Omar',
  'Ruth',
  'Victor',
];
export const lastNames = [
  'Garcia',
  'Smith',
  'Khan',
  'Müller',
  'Okafor',
  'Rossi',
  'Patel',
  'Brown',
  'Nguyen',
  'Tanaka',
  'Silva',
  'Johnson',
  'Haddad',
  'Kowalski',
  'Lee',
  'Petrov',
  "O'Brien",
  'Martin',
];
export const businesses = [
  'Rapid Courier LLC',
  'Green Valley Landscaping',
  'Citywide Plumbing',
  'Sunrise Taxi Co.',
  'Harbor Florists',
  'Peak Electric Inc.',
  'Blue Line Deliveries',
  'Northside Bakery',
  'Summit Builders',
  'Metro Cleaning Services',
];
export const streets = [
  'Oak Street',
  'Maple Avenue',
  'Main Street',
  'Cedar Lane',
  'Elm Road',
  'Harbor Drive',
  'Hillcrest Way',
  'Pine Court',
];
export const models: [string, string, string][] = [
  ['1HG', 'Honda', 'Civic'],
  ['1FT', 'Ford', 'F-150'],
  ['1G1', 'Chevrolet', 'Malibu'],
  ['JTD', 'Toyota', 'Corolla'],
  ['5YJ', 'Tesla', 'Model 3'],
  ['WVW', 'Volkswagen', 'Golf'],
  ['WBA', 'BMW', '3 Series'],
  ['KMH', 'Hyundai', 'Elantra'],
  ['JN1', 'Nissan', 'Altima'],
  ['1FM', 'Ford', 'Transit'],
  ['2T1', 'Toyota', 'RAV4'],
  ['3VW', 'Volkswagen', 'Jetta'],
];
export const colors = ['White', 'Black', 'Silver', 'Blue', 'Red', 'Grey', 'Green'];
export const complaints = [
  ['Brakes squeal when stopping', 'Front pads worn; customer hears squeal at low speed.'],
  ['Check engine light on', 'Light came on yesterday, car runs rough at idle.'],
  ['Annual service', 'Oil and filter, inspect belts and fluids.'],
  ['AC blows warm air', 'Recharge and leak test.'],
  ['Noise from front suspension', 'Clunk over bumps, worse when turning left.'],
  ['Battery keeps dying', 'Test battery and alternator.'],
  ['Replace timing belt', 'Due at 100k miles per schedule.'],
  ['Tire rotation and alignment', 'Pulls to the right on the highway.'],
  ['Coolant leak', 'Puddle under the engine after parking overnight.'],
  ['Transmission slipping', 'Slips between 2nd and 3rd gear when cold.'],
] as const;
export const noteTexts = [
  'Customer dropped off keys at the front desk.',
  'Diagnosed: front pads at 2 mm, rotors within spec.',
  'Ordered parts from the supplier, ETA two days.',
  'Parts arrived, resuming work.',
  'Test drive done, no more noise.',
  'Called the customer with the estimate; approved by phone.',
  'Found a cracked hose while in there; customer approved replacement.',
  'Cleared codes, monitoring readiness.',
];

export type Plan = { status: JobStatus; invoice?: 'unpaid' | 'partial' | 'paid' | 'void-reissued' | 'void' };

// Jobs in every status; completed ones carry invoices in every payment state.
export const plans: Plan[] = [
  ...Array.from({ length: 7 }, (): Plan => ({ status: 'created' })),
  ...Array.from({ length: 7 }, (): Plan => ({ status: 'in_progress' })),
  ...Array.from({ length: 5 }, (): Plan => ({ status: 'waiting_for_parts' })),
  ...Array.from({ length: 3 }, (): Plan => ({ status: 'completed' })),
  ...Array.from({ length: 4 }, (): Plan => ({ status: 'completed', invoice: 'unpaid' })),
  ...Array.from({ length: 3 }, (): Plan => ({ status: 'completed', invoice: 'partial' })),
  ...Array.from({ length: 8 }, (): Plan => ({ status: 'completed', invoice: 'paid' })),
  { status: 'completed', invoice: 'void-reissued' },
  { status: 'completed', invoice: 'void' },
  ...Array.from({ length: 4 }, (): Plan => ({ status: 'cancelled' })),
];

export const paths: Record<JobStatus, JobStatus[]> = {
  created: [],
  in_progress: ['in_progress'],
  waiting_for_parts: ['in_progress', 'waiting_for_parts'],
  completed: ['in_progress', 'waiting_for_parts', 'in_progress', 'completed'],
  cancelled: ['cancelled'],
};
