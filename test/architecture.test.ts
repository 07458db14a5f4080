// Import directions of STYLE.md and the house plan (ARCHITECTURE.md), checked over every source file's import lines.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
  /** `import('…')`: loaded when run, not with the file. */
  dynamic: boolean;
}

// Static `import … from`, `export … from`, dynamic `import('…')` and bare `import '…'` (loaded for its effect).
const IMPORT_RE =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"`;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function importsOf(file: string): ImportLine[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT_RE)].map((m) => ({
    file,
    spec: m[3] ?? m[4] ?? m[5] ?? '',
    typeOnly: Boolean(m[2]),
    dynamic: m[4] !== undefined,
  }));
}

/** The repo path a relative import lands on ('bot/line/inbox.ts'); undefined for packages. */
function fileOf(line: ImportLine): string | undefined {
  if (!line.spec.startsWith('.')) return undefined;
  return relative(ROOT, resolve(ROOT, dirname(line.file), line.spec))
    .split(/[\\/]/)
    .join('/');
}

/** file → the source files it imports (type-only and dynamic imports included, each marked). */
function graphOf(folders: string[]): Map<string, ImportLine[]> {
  const files = folders.flatMap(listSources).map((f) => f.split(/[\\/]/).join('/'));
  const known = new Set(files);
  return new Map(
    files.map((file) => [file, importsOf(file).filter((line) => known.has(fileOf(line) ?? ''))] as const),
  );
}

/** Groups of files that import each other, directly or round about (Tarjan's strongly connected components). */
function circlesOf(graph: Map<string, ImportLine[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const line of graph.get(file) ?? []) {
      const next = fileOf(line) ?? '';
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    const selfImport = (graph.get(file) ?? []).some((line) => fileOf(line) === file);
    if (group.length > 1 || selfImport) circles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return circles;
}

/** The folders right under `dir` that hold any file (an emptied folder left on disk does not count). */
function foldersOf(dir: string): string[] {
  const holdsFiles = (path: string): boolean =>
    readdirSync(join(ROOT, path), { withFileTypes: true }).some(
      (entry) => !entry.isDirectory() || holdsFiles(join(path, entry.name)),
    );
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && holdsFiles(join(dir, entry.name)))
    .map((entry) => entry.name)
    .sort();
}

/** Every file reachable from `entry` through the imports `follow` accepts. */
function reachableFrom(
  graph: Map<string, ImportLine[]>,
  entry: string,
  follow: (line: ImportLine) => boolean,
): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const line of graph.get(file) ?? []) {
      const next = fileOf(line);
      if (next === undefined || seen.has(next) || !follow(line)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
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
    const entries = new Set(['bot/node.ts', 'bot/worker.ts', 'bot/tools/cli/ita.ts']);
    const readers = ['bot', 'db', 'core', 'liff/src']
      .flatMap(listSources)
      .filter((f) => !entries.has(f) && /process\.env/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(readers).toEqual([]);
  });

  describe('the house plan', () => {
    const graph = graphOf(['bot', 'db', 'core', 'liff/src', 'test', 'bench']);
    const under = (folder: string) => (file: string | undefined) => file?.startsWith(`${folder}/`) === true;

    it('builds the import graph it checks', () => {
      expect(graph.size).toBeGreaterThan(300);
      expect(graph.get('bot/app.ts')?.map(fileOf)).toContain('bot/line/webhook.ts');
      expect(graph.get('bot/app.ts')?.map(fileOf)).toContain('bot/features/index.ts');
    });

    it('has no import circle anywhere, type-only imports included', () => {
      expect(circlesOf(graph)).toEqual([]);
    });

    it('sees a circle when there is one', () => {
      const line = (file: string, spec: string): ImportLine => ({
        file,
        spec,
        typeOnly: true,
        dynamic: false,
      });
      const circle = new Map([
        ['x/a.ts', [line('x/a.ts', './b.ts')]],
        ['x/b.ts', [line('x/b.ts', './a.ts')]],
        ['x/c.ts', [line('x/c.ts', './a.ts')]],
      ]);
      expect(circlesOf(circle)).toEqual([['x/a.ts', 'x/b.ts']]);
    });

    it('keeps bot/ to its folders: line, http, features, tools, dev', () => {
      expect(foldersOf('bot')).toEqual(['dev', 'features', 'http', 'line', 'tools']);
    });

    it('keeps liff/src/ to its folders: lib, ui, features', () => {
      expect(foldersOf('liff/src')).toEqual(['features', 'lib', 'ui']);
    });

    it('lets bot/line and bot/http import no feature, tool or dev code', () => {
      const banned = ['bot/features', 'bot/tools', 'bot/dev'];
      const bad = [...graph.values()]
        .flat()
        .filter((line) => under('bot/line')(line.file) || under('bot/http')(line.file))
        .filter((line) => banned.some((folder) => under(folder)(fileOf(line))))
        .map((line) => `${line.file} imports ${line.spec}`);
      expect(bad).toEqual([]);
    });

    it('lets features use the plumbing but never the tools or dev code', () => {
      const bad = [...graph.values()]
        .flat()
        .filter((line) => under('bot/features')(line.file))
        .filter((line) => under('bot/tools')(fileOf(line)) || under('bot/dev')(fileOf(line)))
        .map((line) => `${line.file} imports ${line.spec}`);
      expect(bad).toEqual([]);
    });

    it('never lets the Worker or the app reach bot/dev, by any import', () => {
      for (const entry of ['bot/worker.ts', 'bot/app.ts']) {
        const reached = [...reachableFrom(graph, entry, () => true)];
        expect(reached.length, entry).toBeGreaterThan(50);
        expect(reached.filter(under('bot/dev')), entry).toEqual([]);
      }
    });

    it('loads bot/dev from the Node entry only on demand (a dynamic import in local mode)', () => {
      const loaded = reachableFrom(graph, 'bot/node.ts', (line) => !line.typeOnly && !line.dynamic);
      expect([...loaded].filter(under('bot/dev'))).toEqual([]);
      const onDemand = reachableFrom(graph, 'bot/node.ts', (line) => !line.typeOnly);
      expect([...onDemand].filter(under('bot/dev')).length).toBeGreaterThan(0);
    });
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
