import { describeConsumers, type CatalogEntry } from './catalog';

export const CATALOG_FORMATS = ['table', 'json', 'markdown'] as const;
export type CatalogFormat = (typeof CATALOG_FORMATS)[number];

/** The command that regenerates docs/catalog.md; the file says so at the top and `list --check` suggests it. */
export const CATALOG_COMMAND = 'npm run onboard -- list --format markdown --output docs/catalog.md';

export function renderCatalog(entries: readonly CatalogEntry[], format: CatalogFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(entries, null, 2)}\n`;
    case 'markdown':
      return renderMarkdown(entries);
    case 'table':
      return renderTable(entries);
  }
}

/** Aligned columns for a terminal. */
function renderTable(entries: readonly CatalogEntry[]): string {
  const header = ['SERVICE', 'OWNER', 'VISIBILITY', 'BASE PATH', 'ENVIRONMENTS', 'CONSUMERS'];
  const rows = entries.map((entry) => [
    entry.service,
    entry.owner.team,
    entry.visibility,
    `/${entry.basePath}`,
    entry.environments.join(', ') || '-',
    describeConsumers(entry),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

function renderMarkdown(entries: readonly CatalogEntry[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const rows = entries.map((entry) =>
    [
      `\`${entry.service}\``,
      cell(entry.description),
      `${cell(entry.owner.team)} (<${entry.owner.email}>)`,
      entry.visibility,
      `\`/${entry.basePath}\``,
      entry.environments.join(', ') || '-',
      cell(describeConsumers(entry)),
    ].join(' | '),
  );
  return [
    `<!-- Generated from services/ and environments/ by \`${CATALOG_COMMAND}\`; do not edit by hand. -->`,
    '',
    '# Service catalog',
    '',
    'Every API onboarded on the unified API gateway. Visibility `public` is served on the public domain through CloudFront,',
    '`private` on the private custom domain to the internal consumers listed, `both` on both. How to onboard a service:',
    '[onboarding.md](onboarding.md).',
    '',
    '| Service | Description | Owner | Visibility | Base path | Environments | Internal consumers |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}
