# The console for a separate deployment: the Vite build served by nginx, which also proxies
# /api/<service>/ to the services (docker/console.nginx.conf.template; the upstreams come from
# INTAKE_URL, APPROVAL_URL, SUPERVISION_URL, BRIDGE_URL, IDENTITY_URL and the port from CONSOLE_LISTEN_PORT).
#   docker build -f docker/console.Dockerfile -t onewindow-console .
FROM node:20.20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run console:build --outputStyle=static

FROM nginx:1.27-alpine
ENV CONSOLE_LISTEN_PORT=8080 \
    INTAKE_URL=http://intake:3001 \
    APPROVAL_URL=http://approval:3002 \
    SUPERVISION_URL=http://supervision:3003 \
    BRIDGE_URL=http://bridge:3004 \
    IDENTITY_URL=http://identity:3005
# The image turns templates into /etc/nginx/conf.d/*.conf with envsubst at start; only the variables above are set, so nginx's own $variables stay.
COPY docker/console.nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /src/dist/console /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:${CONSOLE_LISTEN_PORT}/ || exit 1
