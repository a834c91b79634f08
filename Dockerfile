# syntax=docker/dockerfile:1
#
# dash: build stage (install, compile, pre-build caches + site) → slim runtime stage (production
# dependencies, compiled CLI, dist/ and data_cache/), run as the image's non-root `node` user.
#
#   docker build -t dash:latest .                                              # caches + site from the demo data
#   docker build --build-context datasets=./datasets -t dash:latest .          # ... from your real datasets/
#   docker build --build-arg PREBUILD=false -t dash:latest .                   # no caches: build them at deploy time
#
# The datasets never enter the image: they are bind-mounted into the one RUN that builds the caches.

ARG NODE_VERSION=22

# Empty unless `--build-context datasets=<dir>` replaces it (a named context overrides the stage of the same name).
FROM scratch AS datasets

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# CI=true: plain progress lines in the build log instead of a spinner.
ENV CI=true
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# true: `dash build` (caches, then the site) from the datasets context, or the built-in demo data for any
# dataset it lacks. false: ship empty data_cache/ and dist/ and run `dash build` at deploy time
# (the Kubernetes init container and the compose `build` service do).
ARG PREBUILD=true
RUN --mount=type=bind,from=datasets,target=/app/datasets \
    mkdir -p data_cache dist \
    && if [ "$PREBUILD" = "true" ]; then node bin/dash.js build && node bin/dash.js cache --check; fi
RUN npm prune --omit=dev --no-audit --no-fund
# Sentry's SDK is not a dependency of dash (it would triple the install): added only with SENTRY=true. Without it
# a SENTRY_DSN logs at start-up that errors are not sent to Sentry.
ARG SENTRY=false
ARG SENTRY_VERSION=11
RUN --mount=type=cache,target=/root/.npm \
    if [ "$SENTRY" = "true" ]; then npm install --no-save --omit=dev --no-audit --no-fund "@sentry/node@$SENTRY_VERSION"; fi

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# The production column of DEPLOYMENT.md's settings table. Override any of them with `docker run -e`.
ENV DASH_ENV=production \
    DASH_HOST=0.0.0.0 \
    DASH_PORT=8050 \
    DASH_DEBUG=false \
    DASH_LOG_LEVEL=warn \
    DASH_LOG_FORMAT=json \
    DASH_WORKERS=4 \
    DASH_REQUEST_TIMEOUT=120
# datasets/, data_cache/ and dist/ are the defaults, relative to this folder.
WORKDIR /app
# Everything stays owned by root: the server only reads, and cannot rewrite its code, site or caches. To build
# at deploy time, point DASH_CACHE_DIR/DASH_DIST_DIR into a writable volume (as k8s/deployment.yaml does).
COPY --from=build /app/package.json /app/LICENSE /app/THIRD_PARTY_NOTICES ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/lib ./lib
COPY --from=build /app/deploy/healthcheck.mjs ./deploy/healthcheck.mjs
COPY --from=build /app/dist ./dist
COPY --from=build /app/data_cache ./data_cache
USER node
EXPOSE 8050
# Readiness (/health: 200 healthy, 503 degraded); node itself, since slim images have no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["node", "deploy/healthcheck.mjs"]
# node is PID 1 and `dash serve` handles SIGTERM/SIGINT itself (graceful shutdown); no npm or shell in between.
CMD ["node", "bin/dash.js", "serve"]
