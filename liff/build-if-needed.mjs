// `npm start`'s first step: builds the mini-app when it is missing or older than its sources, and otherwise
// does nothing, so a restart does not rebuild it. On a production install (devDependencies pruned, so no Vite)
// it uses the build it has, and stops with the command to run when there is none.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BUILT = join(ROOT, 'liff/dist/liff/index.html');
/** What the build reads: the app, its configs, and the Thai threat model rendered as /liff/privacy.html. */
const SOURCES = [
  'liff/src',
  'liff/index.html',
  'liff/vite.config.ts',
  'liff/vite-privacy.ts',
  'liff/vite-lean.ts',
  'docs/threat-model.th.md',
];

function newestIn(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestIn(join(path, name))));
}

const built = statSync(BUILT, { throwIfNoEntry: false });
const sourcesChanged = Math.max(...SOURCES.map((p) => newestIn(join(ROOT, p))));
const hasVite = existsSync(join(ROOT, 'node_modules/vite/package.json'));

if (built !== undefined && built.mtimeMs >= sourcesChanged) process.exit(0);
if (!hasVite) {
  if (built !== undefined) {
    console.warn(
      'the mini-app build is older than its sources; Vite is not installed, so it is served as built',
    );
    process.exit(0);
  }
  console.error('the mini-app is not built: run `npm ci && npm run build` (before `npm prune --omit=dev`)');
  process.exit(1);
}
console.log(
  built === undefined ? 'building the mini-app (first start)…' : 'the mini-app changed: rebuilding…',
);
// npm runs this script, so npm_execpath is npm's own CLI; run its `build` script with the same Node.
const npm = process.env.npm_execpath;
const result =
  npm === undefined
    ? spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    : spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
