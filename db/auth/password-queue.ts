// A bounded queue in front of argon2: each hash holds 19 MiB and a core for tens of milliseconds, so a flood of
// sign-ins must not run hundreds at once. At most PASSWORD_HASH_CONCURRENCY run (2 by default); a few more wait
// their turn; beyond that the caller is told the server is busy (503 with Retry-After), and pages, which never
// hash, keep answering.
import { unavailable } from '../core/errors';
import { env } from '../platform/env';

/** Callers allowed to wait for a slot, per running slot. */
const WAITING_PER_SLOT = 8;
export const BUSY_RETRY_AFTER_SECONDS = 5;
export const BUSY_MESSAGE = `Too many sign-ins are being checked right now. Try again in ${BUSY_RETRY_AFTER_SECONDS} seconds.`;

type Queue = { running: number; waiting: (() => void)[]; started: number; mostAtOnce: number };
const globalForQueue = globalThis as unknown as { workshopPasswordQueue?: Queue };
const queue: Queue = (globalForQueue.workshopPasswordQueue ??= { running: 0, waiting: [], started: 0, mostAtOnce: 0 });

/** How many hashes ran in this process and the most that ran at once (tests and the health of the queue). */
export function passwordWorkStats(): { started: number; mostAtOnce: number; running: number } {
  return { started: queue.started, mostAtOnce: queue.mostAtOnce, running: queue.running };
}

/** True when a new caller would be refused right now. */
export function passwordQueueFull(): boolean {
  const slots = env().PASSWORD_HASH_CONCURRENCY;
  return queue.running >= slots && queue.waiting.length >= slots * WAITING_PER_SLOT;
}

/** Runs `work` (one argon2 call) when a slot is free; throws `unavailable` when the queue is full. */
export async function withPasswordSlot<T>(work: () => Promise<T>): Promise<T> {
  const slots = env().PASSWORD_HASH_CONCURRENCY;
  if (queue.running >= slots) {
    if (queue.waiting.length >= slots * WAITING_PER_SLOT) throw unavailable(BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS);
    await new Promise<void>((resolve) => queue.waiting.push(resolve));
  } else {
    queue.running++;
  }
  // A slot is ours here: either taken above or handed over by the caller that released it.
  queue.started++;
  queue.mostAtOnce = Math.max(queue.mostAtOnce, queue.running);
  try {
    return await work();
  } finally {
    const next = queue.waiting.shift();
    if (next) next();
    else queue.running--;
  }
}
