import type { NextConfig } from 'next';

// Origins allowed to post server actions besides the app's own, for a reverse proxy that rewrites the host
// (comma-separated, e.g. "erp.example.com"). Next's same-origin check stays on for everything else.
const allowedOrigins = (process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

const nextConfig: NextConfig = {
  output: 'standalone',
  // Lets parallel test builds use their own folder (NEXT_DIST_DIR); the default is .next.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // Native and WASM packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  experimental: {
    serverActions: { allowedOrigins, bodySizeLimit: '1mb' },
  },
};

export default nextConfig;
