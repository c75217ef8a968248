// ./.data/ holds what the app makes for itself on a bare machine: the embedded database and the auth secret.
import path from 'node:path';

// Not traced into the build's output (the comment tells Turbopack's file tracer to skip this path).
export const dataDir = path.join(/* turbopackIgnore: true */ process.cwd(), '.data');
