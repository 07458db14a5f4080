// Import directions of STYLE.md, checked over every source file's import lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'line-openapi', '.wrangler']);

function listSources(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!statSync(abs, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(abs, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface ImportLine {
  file: string;
  spec: string;
  typeOnly: boolean;
}

// Static `import … from`, `export … from` and dynamic `import('…')`.
const IMPORT_RE =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"`;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): ImportLine[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT_RE)].map((m) => ({
    file,
    spec: m[3] ?? m[4] ?? '',
    typeOnly: Boolean(m[2]),
  }));
}

/** The top folder an import lands in ('core', 'db', …), or 'package:<name>'. */
function targetOf(line: ImportLine): string {
  if (!line.spec.startsWith('.')) return `package:${line.spec}`;
  const abs = resolve(ROOT, line.file, '..', line.spec);
  return relative(ROOT, abs).split(/[\\/]/)[0] ?? '';
}

function violations(folder: string, allowed: (target: string, line: ImportLine) => boolean): string[] {
  return listSources(folder)
    .flatMap(importsOf)
    .filter((line) => !allowed(targetOf(line), line))
    .map((line) => `${line.file} imports ${line.spec}`);
}

describe('architecture', () => {
  it('finds the import lines it checks', () => {
    const lines = ['core', 'bot', 'db'].flatMap(listSources).flatMap(importsOf);
    expect(lines.length).toBeGreaterThan(5);
  });

  it('keeps core/ free of anything outside core/', () => {
    expect(violations('core', (target) => target === 'core')).toEqual([]);
  });

  it('keeps core/ free of I/O, clocks and globals of a runtime', () => {
    const banned = /\bDate\.now\(|new Date\(\)|\bfetch\(|\bcrypto\.|\bconsole\.|\bprocess\.|\brequire\(/;
    const offenders = listSources('core').filter((f) => banned.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('lets db/ depend on core/ types and packages only', () => {
    expect(
      violations('db', (target) => ['db', 'core'].includes(target) || target.startsWith('package:')),
    ).toEqual([]);
  });

  it('never lets bot/ import liff/', () => {
    expect(violations('bot', (target) => target !== 'liff')).toEqual([]);
  });

  it('lets liff/ import bot/ for types only, and never db/', () => {
    const bad = violations('liff', (target, line) => target !== 'db' && (target !== 'bot' || line.typeOnly));
    expect(bad).toEqual([]);
  });

  it('names better-sqlite3 only in db/sqlite.ts and D1 only in db/d1.ts', () => {
    const all = ['bot', 'db', 'core', 'liff'].flatMap(listSources).flatMap(importsOf);
    const sqlite = all.filter((l) => l.spec === 'better-sqlite3' && l.file !== 'db/sqlite.ts' && !l.typeOnly);
    const d1 = all.filter((l) => l.spec === 'kysely-d1' && l.file !== 'db/d1.ts');
    expect([...sqlite, ...d1].map((l) => l.file)).toEqual([]);
  });

  it('reads the environment only in the entry points', () => {
    const entries = new Set(['bot/node.ts', 'bot/worker.ts', 'bot/cli/ita.ts']);
    const readers = ['bot', 'db', 'core', 'liff/src']
      .flatMap(listSources)
      .filter((f) => !entries.has(f) && /process\.env/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(readers).toEqual([]);
  });
});

// The repository stands on its own: a clone with nothing beside it installs, tests and runs. Every file that
// code, a script or a config could read a path from is scanned for relative paths that climb out of it.
const SCANNED = /\.(ts|tsx|mts|mjs|js|cjs|json|toml|sh|yml|yaml)$|^run$/;
const NOT_SCANNED = new Set([...SKIP, '.git', 'data', 'coverage', 'package-lock.json']);

function listRepoFiles(dir = ''): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    if (NOT_SCANNED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listRepoFiles(path);
    return SCANNED.test(entry.name) ? [path] : [];
  });
}

/** Quoted relative paths that resolve above the repository's root, and every mention of the shared/ folder beside it. */
function pathsOutside(file: string, text: string): string[] {
  const shared = `${'..'}/shared`;
  const found = text.includes(shared) ? [`${file} names ${shared}`] : [];
  for (const m of text.matchAll(/['"`]((?:\.\.?\/)+[^'"`\s]*)['"`]/g)) {
    const spec = m[1] ?? '';
    if (relative(ROOT, resolve(ROOT, file, '..', spec)).startsWith('..')) found.push(`${file} reads ${spec}`);
  }
  return found;
}

describe('a repository that stands on its own', () => {
  it('scans the sources, tests, scripts and configs', () => {
    const files = listRepoFiles();
    for (const f of ['package.json', '.ci/run', 'test/architecture.test.ts', 'bot/node.ts', 'wrangler.toml'])
      expect(files).toContain(f);
  });

  it('finds a path that climbs above the root, and names of the shared folder, when there are some', () => {
    // Built from pieces, so that this file's own text holds no such path.
    const up = (n: number, rest: string) => `${'../'.repeat(n)}${rest}`;
    const quote = (path: string) => `new URL('${path}', import.meta.url)`;
    expect(pathsOutside('test/core/x.test.ts', quote(up(3, 'shared/a.json')))).toEqual([
      `test/core/x.test.ts names ${up(1, 'shared')}`,
      `test/core/x.test.ts reads ${up(3, 'shared/a.json')}`,
    ]);
    expect(pathsOutside('test/core/x.test.ts', quote(up(2, 'core/index.ts')))).toEqual([]);
    expect(pathsOutside('bench/a.ts', quote(up(2, 'outside.txt')))).toEqual([
      `bench/a.ts reads ${up(2, 'outside.txt')}`,
    ]);
  });

  it('reads nothing outside the repository', () => {
    const offenders = listRepoFiles().flatMap((f) => pathsOutside(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
