import { buildSync, version, type BuildFailure, type BuildOptions } from 'esbuild';
import * as path from 'node:path';
import { bundleCacheKey, readCachedBundle, writeCachedBundle } from './build-cache';

/**
 * Bundles a handler with esbuild at synth time: one minified CommonJS file for the Lambda Node.js 22
 * runtime on arm64, with a linked source map so stack traces point at the TypeScript source.
 *
 * The output depends only on the handler's source, its dependencies and the pinned esbuild version:
 * paths in the source map are relative to `rootDir`, so two checkouts in different directories produce
 * the same bytes (and the same `source_code_hash`).
 */

/** The Lambda runtime the bundles are built for. */
export const LAMBDA_RUNTIME = 'nodejs22.x';
export const LAMBDA_ARCHITECTURE = 'arm64';
/** The file the runtime loads: the handler setting is `index.<export>`. */
export const BUNDLE_FILE = 'index.js';

export interface HandlerBundle {
  /** `index.js` and `index.js.map`. */
  readonly files: ReadonlyMap<string, Buffer>;
}

export interface BundleHandlerOptions {
  /** The handler's entry file, e.g. `lambdas/authorizer/index.ts`, relative to `rootDir` or absolute. */
  readonly entry: string;
  /** Repository root: module resolution starts here and source-map paths are relative to it. */
  readonly rootDir: string;
}

/** Everything that shapes the bundle's bytes besides its inputs (and part of the cache key). */
const BUILD_SETTINGS = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // ES module builds of dependencies tree-shake better than their CommonJS builds.
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: 'linked',
  // Stack traces need the mappings, not the sources; leaving them out keeps the archive small.
  sourcesContent: false,
  legalComments: 'none',
  // The TypeScript settings that change emitted code, stated here instead of discovered from
  // tsconfig.json files, so the bytes do not depend on which tsconfig sits above the checkout.
  tsconfigRaw: { compilerOptions: { alwaysStrict: true, useDefineForClassFields: true } },
  charset: 'utf8',
} satisfies BuildOptions;

// Synthesis builds the same handler for every environment; bundling once per process keeps
// `make synth` fast (esbuild takes ~100 ms per build, the rest of the synth of 34 stacks ~1 s).
const bundles = new Map<string, HandlerBundle>();

export function bundleHandler(options: BundleHandlerOptions): HandlerBundle {
  const rootDir = path.resolve(options.rootDir);
  const entry = path.resolve(rootDir, options.entry);
  const key = `${rootDir}\0${entry}`;
  const cached = bundles.get(key);
  if (cached) return cached;

  const bundle = build(rootDir, entry);
  bundles.set(key, bundle);
  return bundle;
}

function build(rootDir: string, entry: string): HandlerBundle {
  // A virtual output location inside the root (nothing is written) keeps source-map paths relative and machine-independent.
  const outfile = path.join(rootDir, '.bundle', path.basename(path.dirname(entry)), BUNDLE_FILE);
  const cacheKey = bundleCacheKey(rootDir, entry, { esbuild: version, settings: BUILD_SETTINGS });
  const cached = readCachedBundle(cacheKey, rootDir);
  if (cached) return { files: cached };
  try {
    const result = buildSync({ ...BUILD_SETTINGS, absWorkingDir: rootDir, entryPoints: [entry], outfile, write: false, metafile: true, logLevel: 'silent' });
    const files = new Map(result.outputFiles.map((file) => [path.basename(file.path), Buffer.from(file.contents)]));
    if (!files.has(BUNDLE_FILE)) throw new Error(`esbuild produced no ${BUNDLE_FILE}`);
    writeCachedBundle(cacheKey, rootDir, Object.keys(result.metafile.inputs), files);
    return { files };
  } catch (error) {
    const failure = error as Partial<BuildFailure>;
    const details = failure.errors
      ?.map((message) => `  ${message.location ? `${message.location.file}:${message.location.line}: ` : ''}${message.text}`)
      .join('\n');
    throw new Error(`bundling ${path.relative(rootDir, entry)} failed${details ? `:\n${details}` : `: ${String(error)}`}`);
  }
}
