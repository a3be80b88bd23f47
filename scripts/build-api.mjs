// Compiles the API and its workspace packages into one ES module, apps/api/dist/cli.js, which production runs
// with plain `node` (no TypeScript compiler at start-up). Installed packages stay outside the bundle; the
// project's data files are found from the repository root at run time (apps/api/src/config/paths.ts).

import { spawnSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import { root } from './pnpm.mjs';

const outfile = join(root, 'apps/api/dist/cli.js');
const outDir = dirname(outfile);

/**
 * pnpm lets each package see only its own dependencies (csv-parse belongs to packages/knowledge, not to
 * apps/api), so a bare import moved into apps/api/dist would not resolve. Each one is resolved where it is
 * written and kept outside the bundle as a relative path to the exact file it found.
 */
const installedPackagesStayOutside = {
  name: 'installed-packages-stay-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolvingInstalled || args.path.startsWith('@unani/')) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: { resolvingInstalled: true },
      });
      if (found.errors.length > 0) return { errors: found.errors };
      const path = relative(outDir, found.path).split(sep).join('/');
      return { path: path.startsWith('.') ? path : `./${path}`, external: true };
    });
  },
};

await build({
  entryPoints: [join(root, 'apps/api/src/cli/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Without this esbuild would also pick a package's "module" entry, which Node itself never loads.
  conditions: ['node'],
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [installedPackagesStayOutside],
  // Bundled code may call require(); an ES module has none unless it is made.
  banner: {
    js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);",
  },
});

// The parsed knowledge base beside the bundle: a start then reads one JSON file instead of parsing the YAML.
const snapshot = spawnSync(process.execPath, [outfile, 'kb', 'snapshot'], { cwd: root, encoding: 'utf8' });
if (snapshot.status !== 0) {
  process.stderr.write(snapshot.stderr);
  process.exit(snapshot.status ?? 1);
}
const { written, reason } = JSON.parse(snapshot.stdout);
if (!written) process.stderr.write(`No knowledge snapshot (the server will parse the files at start): ${reason}\n`);
