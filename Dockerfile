# Unani CDSS: API and web app in one process (`cdss serve`, the default command); the same image runs the
# training worker with `cdss worker`. Both run the compiled bundle apps/api/dist/cli.js that `pnpm run build`
# makes. Built and run by docker-compose.yml.
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/engine/package.json packages/engine/
COPY packages/knowledge/package.json packages/knowledge/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm run build
# The server runs as the image's unprivileged `node` user: it writes only its model folder (models and the
# second-factor key file live there, on the compose file's volume).
RUN mkdir -p /app/models && chown node:node /app/models
USER node
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s CMD node -e "fetch('http://127.0.0.1:3000/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "apps/api/dist/cli.js", "serve"]
