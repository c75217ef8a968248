import { connection } from 'next/server';

// Rendered on every request, like each of the app's pages.
export default async function Page() {
  await connection();
  return (
    <main>
      <h1>Hello</h1>
      <p>{new Date().toISOString()}</p>
    </main>
  );
}
