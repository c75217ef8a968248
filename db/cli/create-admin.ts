// npm run create-admin -- --email boss@shop.example --name "Dana Boss"
// The first admin of a production database. Password from ADMIN_PASSWORD, else asked for (not echoed).
import { parseArgs } from 'node:util';
import { closeDb } from '../client';
import { createFirstAdmin } from '../auth/first-admin';
import { DomainError } from '../core/errors';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
if (!values.email || !values.name) {
  console.error('Usage: npm run create-admin -- --email you@example.com --name "Your Name"');
  process.exit(2);
}

async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    console.error('Set ADMIN_PASSWORD or run this in a terminal to type the password.');
    process.exit(2);
  }
  process.stdout.write('Password (8–128 characters): ');
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let password = '';
  return new Promise((resolve) => {
    process.stdin.on('data', (chunk: Buffer) => {
      for (const character of chunk.toString('utf8')) {
        if (character === '\r' || character === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write('\n');
          resolve(password);
          return;
        }
        if (character === '\u0003') process.exit(130);
        password = character === '\u007f' ? password.slice(0, -1) : password + character;
      }
    });
  });
}

process.env.SEED_DEMO_DATA ??= 'never';
const password = process.env.ADMIN_PASSWORD ?? (await promptPassword());
try {
  const admin = await createFirstAdmin({ email: values.email, name: values.name, password });
  console.log(`Admin ${admin.email} created. Sign in at /login.`);
} catch (error) {
  if (error instanceof DomainError) {
    console.error(error.message);
    for (const [field, messages] of Object.entries(error.fieldErrors))
      console.error(`  ${field}: ${messages.join(' ')}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await closeDb();
}
