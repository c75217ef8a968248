// Stands in for the `server-only` marker package when db/ modules are imported by vitest.
export {};
