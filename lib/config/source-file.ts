import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { ConfigProblem } from './problems';

/**
 * Parses YAML keeping positions; syntax errors (including duplicate keys) come back as problems located at
 * their line, never as exceptions. `file` is the name the problems show.
 */
export function parseYaml(text: string, file: string): { document: Document; lines: LineCounter; problems: ConfigProblem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
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

/** A parsed YAML file that remembers where each value came from, so problems can point at a line. */
export class SourceFile {
  private constructor(
    /** Path relative to the configuration root; this is what messages show. */
    readonly file: string,
    private readonly document: Document,
    private readonly lines: LineCounter,
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
    const { document, lines, problems } = parseYaml(text, file);
    if (problems.length > 0) return { problems };
    const source = new SourceFile(file, document, lines);
    if (document.contents === null || typeof source.data() !== 'object' || Array.isArray(source.data())) {
      return { problems: [{ file, path: [], message: 'the file must contain a YAML mapping', fix: 'start from an example file in the same folder' }] };
    }
    return { source, problems: [] };
  }

  data(): unknown {
    return this.document.toJS({ maxAliasCount: 100 });
  }

  /** Position of the deepest node on `path` that exists (a missing key points at its parent). */
  locate(pathInFile: readonly PropertyKey[]): { line: number; column: number } | undefined {
    for (let depth = pathInFile.length; depth >= 0; depth--) {
      const node = depth === 0 ? this.document.contents : this.document.getIn(pathInFile.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        const { line, col } = this.lines.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return undefined;
  }
}
