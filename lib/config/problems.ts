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
  /** 1-based position in the file, when the path resolves to a node. */
  readonly line?: number;
  readonly column?: number;
}

/** Renders a path the way people write it: `network.spokes[0].vpc.cidr`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

export function formatProblem(problem: ConfigProblem): string {
  const position = problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`;
  return `${problem.file}${position}: ${formatPath(problem.path)}: ${problem.message}\n    fix: ${problem.fix}`;
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
