// PGlite does no locking of its own: two processes opening one directory corrupt it. A lock file with the
// owner's pid makes the second opener fail with a clear message instead; a lock left by a dead process is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class EmbeddedDatabaseBusyError extends Error {
  constructor(directory: string, pid: number) {
    super(
      `The embedded database in ${directory} is already open in process ${pid} ` +
        `(a dev server, a test run or an npm run db:* script). Stop that process first, ` +
        `or point DATABASE_URL at a PostgreSQL server.`,
    );
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock for `directory`, or throws EmbeddedDatabaseBusyError. Returns the release function. */
export function lockEmbeddedDirectory(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const lockFile = path.join(directory, '.workshop.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSafe(lockFile), 10);
      if (owner === process.pid) return () => {};
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new EmbeddedDatabaseBusyError(directory, owner);
      }
      try {
        unlinkSync(lockFile); // stale: its process is gone
      } catch {
        // someone else removed it; try again
      }
    }
  }
  throw new Error(`Could not take the lock on ${lockFile}`);
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
