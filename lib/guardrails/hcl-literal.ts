/**
 * Reads the literal cdktf writes for `Fn.jsonencode(...)`: `${jsonencode({"openapi" = "3.0.1", ...})}`.
 * OpenAPI bodies and IAM policies built that way are HCL object expressions, not JSON, yet the
 * guardrails need to look inside them. Anything that is not a literal (a reference, a function call)
 * comes back as an `HclExpression`, which the rules treat as "set, value known at apply time".
 */

export class HclExpression {
  constructor(readonly text: string) {}
}

/** The value inside `${jsonencode(...)}`, or `undefined` when `text` is not exactly such a call or cannot be read. */
export function parseJsonencode(text: string): unknown {
  const match = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(text.trim());
  if (!match) return undefined;
  try {
    const parser = new Parser(match[1]!);
    const value = parser.value();
    parser.end();
    return value;
  } catch {
    return undefined;
  }
}

class Parser {
  private position = 0;

  constructor(private readonly text: string) {}

  value(): unknown {
    this.skipSpace();
    const char = this.text[this.position];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    const literal = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)(?=[\s,\]})]|$)/.exec(this.text.slice(this.position));
    if (literal) {
      this.position += literal[0].length;
      return JSON.parse(literal[0]) as unknown;
    }
    return this.expression();
  }

  end(): void {
    this.skipSpace();
    if (this.position !== this.text.length) throw new Error(`unexpected text at ${this.position}`);
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.position++; // {
    for (;;) {
      this.skipSpace(true);
      if (this.text[this.position] === '}') {
        this.position++;
        return result;
      }
      const key = this.text[this.position] === '"' ? this.string() : this.identifier();
      this.skipSpace();
      const separator = this.text[this.position];
      if (separator !== '=' && separator !== ':') throw new Error(`expected = after key ${key}`);
      this.position++;
      result[key] = this.value();
    }
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    this.position++; // [
    for (;;) {
      this.skipSpace(true);
      if (this.text[this.position] === ']') {
        this.position++;
        return result;
      }
      result.push(this.value());
    }
  }

  /** A quoted string with its escapes resolved; `${...}` interpolations are kept verbatim. */
  private string(): string {
    let result = '';
    this.position++; // opening quote
    while (this.position < this.text.length) {
      const char = this.text[this.position]!;
      if (char === '"') {
        this.position++;
        return result;
      }
      if (char === '\\') {
        const next = this.text[this.position + 1];
        const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (next === 'u') {
          result += String.fromCharCode(parseInt(this.text.slice(this.position + 2, this.position + 6), 16));
          this.position += 6;
        } else {
          result += escapes[next ?? ''] ?? next ?? '';
          this.position += 2;
        }
        continue;
      }
      if (char === '$' && this.text.startsWith('$${', this.position)) {
        result += '$${';
        this.position += 3;
        continue;
      }
      if (char === '$' && this.text[this.position + 1] === '{') {
        const start = this.position;
        this.position += 2;
        this.skipBalanced('}');
        result += this.text.slice(start, this.position);
        continue;
      }
      result += char;
      this.position++;
    }
    throw new Error('unterminated string');
  }

  private identifier(): string {
    const match = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.position));
    if (!match) throw new Error(`expected a key at ${this.position}`);
    this.position += match[0].length;
    return match[0];
  }

  /** A reference or function call: everything up to the next separator at depth 0. */
  private expression(): HclExpression {
    const start = this.position;
    while (this.position < this.text.length) {
      const char = this.text[this.position]!;
      if (char === ',' || char === '}' || char === ']' || char === '\n') break;
      if (char === '(' || char === '[' || char === '{') {
        this.position++;
        this.skipBalanced(char === '(' ? ')' : char === '[' ? ']' : '}');
        continue;
      }
      if (char === '"') {
        this.string();
        continue;
      }
      this.position++;
    }
    const text = this.text.slice(start, this.position).trim();
    if (text === '') throw new Error(`expected a value at ${start}`);
    return new HclExpression(text);
  }

  /** Moves past the bracket that closes the one just consumed, skipping nested brackets and strings. */
  private skipBalanced(close: string): void {
    const pairs: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
    while (this.position < this.text.length) {
      const char = this.text[this.position]!;
      if (char === close) {
        this.position++;
        return;
      }
      if (char === '"') {
        this.string();
        continue;
      }
      this.position++;
      if (pairs[char]) this.skipBalanced(pairs[char]!);
    }
    throw new Error(`missing ${close}`);
  }

  private skipSpace(andCommas = false): void {
    const pattern = andCommas ? /[\s,]/ : /\s/;
    while (this.position < this.text.length && pattern.test(this.text[this.position]!)) this.position++;
  }
}
