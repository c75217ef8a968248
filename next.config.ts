import type { NextConfig } from 'next';

// Origins allowed to post server actions besides the app's own, for a reverse proxy that rewrites the host
// (comma-separated, e.g. "erp.example.com"). Next's same-origin check stays on for everything else.
const allowedOrigins = (process.env.SERVER_ACTIONS_ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((origin) => origin.trim())
  .filter(Boolean);

const production = process.env.NODE_ENV === 'production';

// No 'unsafe-eval' in production (development needs it for React Refresh). Next's inline bootstrap scripts
// need 'unsafe-inline' unless every page used per-request nonces, which would make every page dynamic.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${production ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${production ? '' : ' ws: wss:'}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
  output: 'standalone',
  // .data/ holds the embedded database and the generated auth secret: never traced into the build's output.
  outputFileTracingExcludes: { '*': ['.data/**', '**/.data/**'] },
  // Lets parallel test builds use their own folder (NEXT_DIST_DIR); the default is .next.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // Native and WASM packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  experimental: {
    // NEXT_SERVER_MINIFY=0 keeps server code readable in CPU profiles (tests/bench/README.md, "Profiling").
    ...(process.env.NEXT_SERVER_MINIFY === '0' ? { serverMinification: false, turbopackMinify: false } : {}),
    serverActions: { allowedOrigins, bodySizeLimit: '1mb' },
    // Next copies a page request's body for the proxy (proxy.ts) up to this size (10 MB by default): no form needs
    // more than the server actions' limit, so a 30 MB POST to a page never has more than 1 MB held in memory.
    proxyClientMaxBodySize: '1mb',
  },
};

export default nextConfig;
