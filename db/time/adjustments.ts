// Corrections: an admin's append-only adjustment of a stopped entry (a corrected start or end, or void), with a
// reason. The adjustment's trigger locks the entry and makes the adjustment its effective times; the exclusion
// constraint refuses a correction that would overlap another entry of the technician (409).
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { getDb } from '../client';
import { conflict, invalid, isCheckViolation, isExclusionViolation, notFound } from '../core/errors';
import { isUuid } from '../core/ids';
import { parse } from '../core/input';
import { requireAdmin } from '../core/policy';
import { timeEntries, timeEntryAdjustments } from '../schema';
import { adjustTimeEntryInput } from './inputs';
import { entryById } from './sql';
import type { TimeEntryDto } from './types';

const stillRunning = () => conflict('This clock is still running: stop it before correcting it.');

export async function adjustTimeEntry(actor: Actor | null, entryId: string, input: unknown): Promise<TimeEntryDto> {
  const admin = requireAdmin(actor);
  if (!isUuid(entryId)) throw notFound('Time entry');
  const data = parse(adjustTimeEntryInput, input ?? {});
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const [entry] = await tx
        .select({
          endedAt: timeEntries.endedAt,
          startedAt: timeEntries.effectiveStartedAt,
          effectiveEndedAt: timeEntries.effectiveEndedAt,
          voided: timeEntries.voided,
        })
        .from(timeEntries)
        .where(eq(timeEntries.id, entryId))
        .for('update');
      if (!entry) throw notFound('Time entry');
      if (!entry.endedAt || !entry.effectiveEndedAt) throw stillRunning();
      const startedAt = data.startedAt ?? entry.startedAt;
      const endedAt = data.endedAt ?? entry.effectiveEndedAt;
      if (endedAt <= startedAt) {
        const message = 'The end must be after the start.';
        throw invalid({ [data.endedAt ? 'endedAt' : 'startedAt']: [message] }, message);
      }
      if (endedAt > new Date()) throw invalid({ endedAt: ['The end cannot be in the future.'] });
      await tx.insert(timeEntryAdjustments).values({
        timeEntryId: entryId,
        startedAt,
        endedAt,
        void: data.void ?? entry.voided,
        reason: data.reason,
        createdBy: admin.id,
      });
    });
  } catch (error) {
    if (isExclusionViolation(error, 'time_entries_effective_no_overlap')) {
      const message = 'That overlaps another time entry of this technician.';
      throw conflict(message, { startedAt: [message], endedAt: [message] });
    }
    if (isCheckViolation(error, 'time_entry_adjustments_entry_stopped')) throw stillRunning();
    throw error;
  }
  return (await entryById(db, entryId))!;
}
