import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { writeFileAtomically } from '../lib/atomic-write';

/**
 * Runs a TypeScript entry point from one esbuild bundle of it and everything it imports, compiled from V8's code
 * cache (decision 0019). Loading ~1,000 modules one by one through tsx's hooks and compiling them was half of an
 * example synth; the bundle and its code cache load in about a tenth of a second.
 *
 * The bundle is rebuilt whenever one of our sources in it changed size or time since it was built, or npm changed the
 * installed packages (node_modules/.package-lock.json), so an edit is always what runs; after editing a file inside
 * node_modules by hand, run with `UAG_BUNDLE=off` or `make clean`. Every `__dirname` and `__filename` in the bundle is
 * its input file's own, so paths computed from them (Lambda sources, caches, the zip child) are the ones the
 * unbundled code sees. `UAG_BUNDLE=off` (or `UAG_SOURCE_MAPS=1`, for source-mapped traces) runs the entry point
 * directly instead.
 */
export interface RunBundledOptions {
  /** Where the bundle, its input list and its code cache live. @default node_modules/.cache/uag-app */
  readonly cacheDir?: string;
}

interface BundleMeta {
  readonly node: string;
  /** The bundle's file name in the cache directory: `<entry>.<hash of its path>.<hash of its contents>.cjs`. */
  readonly bundle: string;
  /** `latin1` when the bundle is ASCII: read without decoding UTF-8 (a 5 MB file, 30 ms less). */
  readonly encoding: 'latin1' | 'utf8';
  /** Absolute input path → [mtimeMs, size] when the bundle was built. */
  readonly inputs: Record<string, [number, number]>;
}

const REPOSITORY_ROOT = path.resolve(__dirname, '..');
const INSTALLED_PACKAGES = path.join(REPOSITORY_ROOT, 'node_modules', '.package-lock.json');

export async function runBundled(entry: string, options: RunBundledOptions = {}): Promise<void> {
  if (process.env.UAG_BUNDLE === 'off' || process.env.UAG_SOURCE_MAPS === '1') return runDirectly(entry);
  const cacheDir = options.cacheDir ?? path.join(REPOSITORY_ROOT, 'node_modules', '.cache', 'uag-app');
  // Per entry path: checkouts of other commits (make affected) may share the cache directory.
  const name = `${path.basename(entry).replace(/\.[cm]?[jt]s$/, '')}.${createHash('sha256').update(entry).digest('hex').slice(0, 8)}`;
  const metaFile = path.join(cacheDir, `${name}.json`);
  let source = freshBundle(metaFile, cacheDir);
  if (!source) {
    try {
      source = await build(entry, name, cacheDir, metaFile);
    } catch {
      // The bundle is only a faster way to run the same code: a source esbuild cannot parse (tsx then reports it
      // with its own message) or a cache directory that cannot be written falls back to running the sources.
      return runDirectly(entry);
    }
  }
  runWithCodeCache(source.file, source.code);
}

function runDirectly(entry: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(entry);
}

/**
 * The bundle, when its recorded inputs all still have the size and modification time they were built from.
 * Bundles are named by a hash of their contents, so a code cache (named after its bundle) is only ever used with the
 * code it was made from: V8 itself checks no more than a cached source's length.
 */
function freshBundle(metaFile: string, cacheDir: string): { file: string; code: string } | undefined {
  try {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as BundleMeta;
    if (meta.node !== process.version) return undefined;
    for (const [file, [mtimeMs, size]] of Object.entries(meta.inputs)) {
      const stat = statSync(file, { throwIfNoEntry: false });
      if (!stat || stat.mtimeMs !== mtimeMs || stat.size !== size) return undefined;
    }
    const file = path.join(cacheDir, meta.bundle);
    return { file, code: readFileSync(file, meta.encoding) };
  } catch {
    return undefined; // no bundle yet, or one a concurrent rebuild removed: build again
  }
}

async function build(entry: string, name: string, cacheDir: string, metaFile: string): Promise<{ file: string; code: string }> {
  // Only when rebuilding: esbuild starts its own process.
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    format: 'cjs',
    // Without comments and indentation the bundle is a third smaller and, as a rule, ASCII (esbuild escapes other
    // characters in code), read without decoding UTF-8. Names stay, for messages and traces.
    minifyWhitespace: true,
    // esbuild finds its platform binary at run time; it stays a package.
    external: ['esbuild'],
    write: false,
    metafile: true,
    outfile: path.join(cacheDir, `${name}.cjs`),
    logLevel: 'silent',
    plugins: [ownDirectoryNames],
  });
  const inputs: BundleMeta['inputs'] = {};
  // This file decides how the bundle is built. Packages are represented by npm's record of the installed tree, which
  // every `npm ci` and `npm install` rewrites: a thousand fewer files to look at on every run.
  const files = [...Object.keys(result.metafile.inputs).map((input) => path.resolve(input)), __filename, INSTALLED_PACKAGES];
  for (const file of files.filter((file) => file === INSTALLED_PACKAGES || !file.includes(`${path.sep}node_modules${path.sep}`))) {
    const stat = statSync(file);
    inputs[file] = [stat.mtimeMs, stat.size];
  }
  const code = result.outputFiles[0]!.text;
  const bundle = `${name}.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`;
  writeFileAtomically(path.join(cacheDir, bundle), code);
  const encoding = /[\u0080-\uffff]/.test(code) ? 'utf8' : 'latin1';
  writeFileAtomically(metaFile, JSON.stringify({ node: process.version, bundle, encoding, inputs } satisfies BundleMeta));
  // Older bundles and their code caches; a process still running one has already read it.
  for (const file of readdirSync(cacheDir)) {
    if (file.startsWith(`${name}.`) && /\.cjs(\.v8cache)?$/.test(file) && !file.startsWith(bundle)) rmSync(path.join(cacheDir, file), { force: true });
  }
  return { file: path.join(cacheDir, bundle), code };
}

/**
 * Gives every bundled file its own `__dirname` and `__filename` instead of the bundle's, declared after the file's
 * directive prologue so that a `'use strict'` file stays strict.
 */
const ownDirectoryNames = {
  name: 'own-directory-names',
  setup(builder: import('esbuild').PluginBuild) {
    builder.onLoad({ filter: /\.(ts|js|cjs|mjs)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
      if (!/\b__(dirname|filename)\b/.test(source)) return { contents: source, loader };
      const prologue = DIRECTIVE_PROLOGUE.exec(source)![0];
      const names = `var __dirname = ${JSON.stringify(path.dirname(args.path))}, __filename = ${JSON.stringify(args.path)};\n`;
      return { contents: prologue + names + source.slice(prologue.length), loader };
    });
  },
};

/** A shebang, comments and directives (`'use strict';`) at the start of a file. */
const DIRECTIVE_PROLOGUE = /^(#![^\n]*\n)?(\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|(['"])use strict\3;?)*/;

/**
 * Compiles the bundle with V8's code cache from an earlier run (functions compiled then are not compiled again), runs
 * it as a CommonJS module, and writes a new cache when there was none or V8 refused it (other V8 flags). Only a run
 * that succeeded writes one: a run stopped early by bad input compiled too little of the code to be worth keeping.
 */
function runWithCodeCache(bundle: string, code: string): void {
  const cacheFile = `${bundle}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(code), { filename: bundle, cachedData });
  const module = new Module(bundle);
  module.filename = bundle;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  if (!process.exitCode && (cachedData === undefined || script.cachedDataRejected)) {
    try {
      writeFileAtomically(cacheFile, script.createCachedData());
    } catch {
      // A cache that cannot be written only costs the next run its compile time.
    }
  }
}
