// Runs a command-line task and turns the errors a person can act on into one readable line (no stack trace).
import { EmbeddedDatabaseBusyError } from '../platform/embedded-lock';

export async function runTask(task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    if (
      error instanceof EmbeddedDatabaseBusyError ||
      (error instanceof Error && error.message.startsWith('Invalid environment'))
    ) {
      console.error(error.message);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
