import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The package root loads all ~2,000 resource bindings: seconds and hundreds of MB per process. */
const providerRoot = {
  name: '@cdktf/provider-aws',
  message: 'Import the resource from @cdktf/provider-aws/lib/<resource> (the package root costs seconds and hundreds of MB).',
};

/**
 * Layers point down: main.ts/app → stacks → modules → lib; lambdas and tools use lib. A layer may not import the
 * layers above it (docs/architecture.md). Each entry: which files, and which folders they may not import.
 */
const LAYERS = [
  { files: ['lib/**/*.ts'], forbidden: ['app', 'stacks', 'modules', 'lambdas', 'tools'], why: 'lib/ is the bottom layer: config model, rules, naming, helpers' },
  { files: ['modules/**/*.ts'], forbidden: ['app', 'stacks', 'tools', 'lib/cross-stack'], why: 'modules take plain values; stacks hand them what crosses a stack boundary (stacks/contracts)' },
  { files: ['lambdas/**/*.ts'], forbidden: ['app', 'stacks', 'modules', 'tools'], why: 'handlers are bundled alone; they may share only lib/ leaf files' },
  { files: ['stacks/**/*.ts'], forbidden: ['app', 'tools'], why: 'stacks compose modules; the synth pipeline (app/) composes stacks' },
];

const restrictImports = (forbidden = [], why = '') => [
  'error',
  {
    paths: [providerRoot],
    patterns: forbidden.length > 0 ? [{ group: forbidden.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]), message: `${why}.` }] : [],
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'cdktf.out/', '.tmp/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-restricted-imports': restrictImports(),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...LAYERS.map(({ files, forbidden, why }) => ({ files, rules: { 'no-restricted-imports': restrictImports(forbidden, why) } })),
  {
    // Tests read synthesized Terraform JSON, whose shape is the provider's, not ours.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
