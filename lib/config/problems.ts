/** A configuration problem: where it is and what to do about it. Validators collect these; nothing throws early. */
export interface ConfigProblem {
  /** File relative to the configuration root, e.g. `environments/prod.yaml`. */
  readonly file: string;
  /** Path inside the file, e.g. `['accounts', 'payments', 'id']`. Empty for the whole file. */
  readonly path: readonly PropertyKey[];
  /** What is wrong, with the offending value where it helps. */
  readonly message: string;
  /** What the user should do. */
  readonly fix: string;
  /** Id of the rule that found it, when one did (e.g. `UAG-OAS-001`).
   * @default - none */
  readonly rule?: string;
  /** How `path` is shown: a YAML path (`a.b[0]`) or, for OpenAPI documents, a JSON pointer (`#/paths/~1a/get`).
   * @default 'yaml' */
  readonly pathStyle?: 'yaml' | 'json-pointer';
  /** 1-based position in the file, when the path resolves to a node. */
  readonly line?: number;
  readonly column?: number;
}

/** Renders a path the way people write it: `network.spokes[0].vpc.cidr`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)).join('');
}

/** Renders a path as a JSON pointer: `#/paths/~1payments/get`. */
export function formatPointer(path: readonly PropertyKey[]): string {
  return `#/${path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

export function formatProblem(problem: ConfigProblem): string {
  const position = problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`;
  const location = problem.pathStyle === 'json-pointer' ? formatPointer(problem.path) : formatPath(problem.path);
  const rule = problem.rule ? ` [${problem.rule}]` : '';
  return `${problem.file}${position}: ${location}: ${problem.message}${rule}\n    fix: ${problem.fix}`;
}

/** Thrown once, after every problem of every file has been collected. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(ConfigError.render(problems));
    this.name = 'ConfigError';
  }

  private static render(problems: readonly ConfigProblem[]): string {
    const files = [...new Set(problems.map((problem) => problem.file))];
    const noun = problems.length === 1 ? 'problem' : 'problems';
    const heading = `Configuration has ${problems.length} ${noun} in ${files.join(', ')}:`;
    return [heading, ...problems.map((problem) => `  ${formatProblem(problem)}`)].join('\n');
  }
}
