import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { diskCache } from '../disk-cache';
import type { ConfigProblem } from './problems';

const PARSE_OPTIONS = { prettyErrors: true, uniqueKeys: true } as const;
/** Aliases expand at most this many times (a "billion laughs" file fails instead of filling memory). */
const TO_JS_OPTIONS = { maxAliasCount: 100 } as const;

/**
 * Parses YAML keeping positions; syntax errors (including duplicate keys) come back as problems located at
 * their line, never as exceptions. `file` is the name the problems show.
 */
export function parseYaml(text: string, file: string): { document: Document; lines: LineCounter; problems: ConfigProblem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, ...PARSE_OPTIONS });
  const problems: ConfigProblem[] = document.errors.map((error) => ({
    file,
    path: [],
    message: `invalid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
    fix: 'fix the YAML syntax at this line (indentation, quotes, duplicate keys)',
    line: error.linePos?.[0].line,
    column: error.linePos?.[0].col,
  }));
  return { document, lines, problems };
}

/**
 * Parsing YAML with positions is the slowest step of loading the configuration (the OpenAPI documents especially),
 * and most files are the same from one run to the next. The value of a well-formed mapping is kept in the disk cache
 * (lib/disk-cache.ts) under the hash of its text; positions are needed only to report a problem, so a file read from
 * the cache is parsed again, by the same parser, only when a problem is located in it.
 */
const parsedValues = diskCache('uag-yaml');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const YAML_VERSION = (require('yaml/package.json') as { version: string }).version;

/** A parsed YAML file that remembers where each value came from, so problems can point at a line. */
export class SourceFile {
  private parsed?: { document: Document; lines: LineCounter };

  private constructor(
    /** Path relative to the configuration root; this is what messages show. */
    readonly file: string,
    private readonly text: string,
    private readonly value: unknown,
  ) {}

  /** Reads and parses a YAML file; syntax errors come back as problems instead of exceptions. */
  static read(rootDir: string, file: string): { source?: SourceFile; problems: ConfigProblem[] } {
    let text: string;
    try {
      text = readFileSync(path.join(rootDir, file), 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
      return { problems: [{ file, path: [], message: reason, fix: 'create the file or fix its permissions' }] };
    }
    return SourceFile.parse(file, text);
  }

  /** Parses YAML (or JSON, which parses as YAML with the same positions) that did not come from the configuration. */
  static parse(file: string, text: string): { source?: SourceFile; problems: ConfigProblem[] } {
    const cached = parsedValues.file({ yaml: YAML_VERSION, parse: PARSE_OPTIONS, toJs: TO_JS_OPTIONS, text }, 'json');
    const stored = cached && parsedValues.read(cached);
    if (stored) return { source: new SourceFile(file, text, JSON.parse(stored)), problems: [] };

    const { document, lines, problems } = parseYaml(text, file);
    if (problems.length > 0) return { problems };
    const value = document.contents === null ? null : document.toJS(TO_JS_OPTIONS);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { problems: [{ file, path: [], message: 'the file must contain a YAML mapping', fix: 'start from an example file in the same folder' }] };
    }
    if (cached && isJson(value)) parsedValues.write(cached, JSON.stringify(value));
    const source = new SourceFile(file, text, value);
    source.parsed = { document, lines };
    return { source, problems: [] };
  }

  /** The file's value; a fresh copy on each call, so callers may change it. */
  data(): unknown {
    return structuredClone(this.value);
  }

  /** Position of the deepest node on `path` that exists (a missing key points at its parent). */
  locate(pathInFile: readonly PropertyKey[]): { line: number; column: number } | undefined {
    this.parsed ??= parseYaml(this.text, this.file);
    const { document, lines } = this.parsed;
    for (let depth = pathInFile.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(pathInFile.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  }
}

/** Whether JSON keeps the value as it is: plain objects, arrays, strings, finite numbers, booleans and null only. */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(isJson);
  return false;
}
