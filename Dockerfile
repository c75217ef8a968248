# syntax=docker/dockerfile:1
# Multi-stage build of the Next.js standalone server. Migrations in ./drizzle are applied at start-up.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN useradd --system --uid 1001 workshop
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/drizzle ./drizzle
USER workshop
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# V8 sizes its heap from the machine's memory and grows to ~0.5–1 GB under load before collecting; 160 MB of old
# space and 8 MB semi-spaces keep the server under 300 MB (tests/bench/README.md, "Server memory" and round 5). Raise
# them for a very busy shop.
CMD ["node", "--max-old-space-size=160", "--max-semi-space-size=8", "server.js"]
