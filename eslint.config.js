// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Data flows one way through the pipeline's layers (docs/ARCHITECTURE.md), lowest first:
// model/version/github -> sources/diff -> rules -> suppress -> config -> the engine (scan, gate,
// scan-worker) -> report -> the entry points (main, cli, index). A module imports only from its
// own layer or lower ones; each layer below lists what sits above it.
const FOLDERS = ['sources', 'diff', 'rules', 'suppress', 'config', 'report'];
const ENGINE = ['scan', 'gate', 'scan-worker', 'engine'];
const ENTRIES = ['main', 'cli', 'action'];
const LAYERS = [
  { files: ['src/model.ts', 'src/version.ts', 'src/github/**'], above: FOLDERS },
  { files: ['src/sources/**', 'src/diff/**'], above: FOLDERS.slice(2) },
  { files: ['src/rules/**'], above: FOLDERS.slice(3) },
  { files: ['src/suppress/**'], above: FOLDERS.slice(4) },
  { files: ['src/config/**'], above: FOLDERS.slice(5) },
];

/** An import of a folder (`../config/x.js`) or a top-level file (`../../scan.js`) of src/. */
const folderImport = (names) => `^(\\.\\.?/)+(${names.join('|')})/`;
const fileImport = (names) => `^(\\.\\.?/)+(${names.join('|')})\\.js$`;

const boundary = (files, folders, topFiles) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(folders.length
            ? [
                {
                  regex: folderImport(folders),
                  message:
                    'An upward import: this layer sits below that folder (docs/ARCHITECTURE.md).',
                },
              ]
            : []),
          {
            regex: fileImport(topFiles),
            message: 'An upward import: this layer sits below the engine and the entry points.',
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...LAYERS.map(({ files, above }) => boundary(files, above, [...ENGINE, ...ENTRIES])),
  boundary(
    ['src/scan.ts', 'src/gate.ts', 'src/scan-worker.ts', 'src/engine.ts'],
    ['report'],
    ENTRIES,
  ),
  boundary(['src/report/**'], [], ENTRIES),
);
