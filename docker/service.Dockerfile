# One image per service, from the same file: docker build --build-arg SERVICE=intake -f docker/service.Dockerfile .
# It runs exactly what the four-process test runs: `node dist/<service>/main.js`.
FROM node:20.20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ARG SERVICE
# PGlite (the embedded launcher's database) has no place in a service image: a service runs on PostgreSQL.
RUN node tools/scripts/build-app.mjs ${SERVICE} && npm prune --omit=dev && rm -rf node_modules/@electric-sql

FROM node:20.20-bookworm-slim
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE}
WORKDIR /app
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist/${SERVICE} ./dist/${SERVICE}
USER node
# Health: the platform's readiness endpoint checks the database and the broker.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node dist/${SERVICE}/main.js serve"]
