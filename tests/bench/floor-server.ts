// The raw-SQL floor: a bare node:http server that, for /q/<data key>, sends the very statements the data layer
// sent for that read (captured by tests/bench/capture-sql.ts) through a pg pool of the app's size, one after the
// other, and answers their rows as JSON. /static answers a constant without touching the database (the HTTP
// floor of Node itself). Run by tests/bench/run.ts as a child process: tsx tests/bench/floor-server.ts <port> <sql.json>
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';

type Statement = { sql: string; params: unknown[]; name?: string };

const [portText, statementsFile] = process.argv.slice(2);
const statements = JSON.parse(readFileSync(statementsFile!, 'utf8')) as Record<string, Statement[] | { error: string }>;
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
pool.on('error', () => {});

const server = http.createServer((request, response) => {
  const url = request.url ?? '/';
  if (url === '/static') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
    return;
  }
  const list = url.startsWith('/q/') ? statements[url.slice(3)] : undefined;
  if (!list || !Array.isArray(list)) {
    response.writeHead(404).end();
    return;
  }
  (async () => {
    const results: unknown[] = [];
    // A statement the app prepares is prepared here too (pg keeps it per connection under its name).
    for (const statement of list) {
      const { rows } = statement.name
        ? await pool.query({ name: statement.name, text: statement.sql, values: statement.params })
        : await pool.query(statement.sql, statement.params);
      results.push(rows);
    }
    const body = JSON.stringify(results);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(body);
  })().catch((error: unknown) => {
    response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(error instanceof Error ? error.message : String(error));
  });
});

server.listen(Number(portText), '127.0.0.1', () => console.log(`floor server on ${portText}`));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
