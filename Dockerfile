# syntax=docker/dockerfile:1
# One image for every app of the monorepo. The APP environment variable picks the app to run
# (gateway, agencies, workstreams, seed, …): the container runs dist/apps/$APP/src/main.js.
#
#   docker build -t convene .
#   docker run -e APP=agencies -e DATABASE_URL=… -e NATS_URL=… convene

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every dependency, swc compiles apps/ and libs/ to dist/ -------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY .swcrc ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

# ---- runtime: production dependencies and dist/ only -----------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# package.json is needed at run time too: its "imports" map #libs/* to dist/libs/*/index.js.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist

# NODE_ENV is deliberately left unset: Apollo Server would switch off introspection and the
# landing page, so the image would behave differently from `npm start` and the tests.
ENV APP=gateway
# Same Node flags as `npm start` (scripts/apps.mjs): a larger young generation halves GC time.
ENV NODE_OPTIONS=--max-semi-space-size=64
# The files stay owned by root (read-only for the app); the app runs as `node` (uid 1000).
USER node
# The gateway's port; services serve /health and /metrics on their HTTP_PORT (4001, 4002, …).
EXPOSE 4000
# `exec` makes node PID 1, so SIGTERM reaches Nest's shutdown hooks directly.
CMD ["/bin/sh", "-c", "exec node --enable-source-maps \"dist/apps/${APP}/src/main.js\""]
