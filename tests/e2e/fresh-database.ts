// Prints the URL of a new, empty database on the same PostgreSQL server as DATABASE_URL, so the browser tests
// start from the demo shop alone rather than from what the integration tests left behind.
// `--drop URL` removes such a database again.
import pg from 'pg';

const source = process.env.DATABASE_URL;
if (!source) throw new Error('DATABASE_URL is not set.');
const dropIndex = process.argv.indexOf('--drop');
const url = new URL(dropIndex > 0 ? process.argv[dropIndex + 1]! : source);
const admin = new URL(url);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: dropIndex > 0 ? admin.toString() : source });
await client.connect();
try {
  if (dropIndex > 0) {
    const name = url.pathname.slice(1);
    if (!/_e2e_\d+$/.test(name)) throw new Error(`Refusing to drop ${name}: not a browser-test database.`);
    await client.query(`drop database if exists ${name} with (force)`);
  } else {
    const name =
      `${url.pathname.slice(1) || 'workshop'}`.replace(/[^a-z0-9_]/gi, '_').slice(0, 40) + `_e2e_${Date.now()}`;
    await client.query(`create database ${name}`);
    url.pathname = `/${name}`;
    console.log(url.toString());
  }
} finally {
  await client.end();
}
