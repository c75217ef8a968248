// ./.data/ holds what the app makes for itself on a bare machine: the embedded database and the auth secret.
import path from 'node:path';

export const dataDir = path.join(process.cwd(), '.data');
