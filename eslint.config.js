import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Node built-in modules, with and without the node: prefix, for the layering rules below.
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads']

const restrict = (groups, message) => groups.map((group) => ({ group: [group], message }))

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off'
    }
  },
  {
    // Tests index into arrays they just built; a non-null assertion there is a fine failure.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-misused-spread': 'off'
    }
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node }
  },
  {
    // src/shared runs everywhere: no Electron, no Node, no DOM.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...restrict(['electron', 'electron/*'], 'src/shared runs in every process: no Electron.'),
            ...restrict(nodeBuiltins, 'src/shared runs in the renderer too: no Node built-ins.'),
            ...restrict(['react', 'react-dom', 'react-dom/*'], 'src/shared holds no UI.')
          ]
        }
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'location', 'process', 'Buffer', 'require'].map((name) => ({
          name,
          message: 'src/shared runs in every process: no DOM or Node globals.'
        }))
      ]
    }
  },
  {
    // The core is plain Node so it runs in headless mode, tests and the relay.
    files: ['src/core/**/*.ts', 'src/headless/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: restrict(['electron', 'electron/*'], 'The core and headless mode never import electron.') }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...restrict(['electron', 'electron/*'], 'The renderer talks to the core over RPC, never to Electron.'),
            ...restrict(nodeBuiltins, 'The renderer is sandboxed: no Node built-ins.'),
            ...restrict(['**/core/**', '**/main/**', '**/headless/**', '**/preload/**'], 'The renderer imports only src/shared and itself.')
          ]
        }
      ],
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'holdfast', message: 'Only src/renderer/src/lib/coreConnection.ts touches window.holdfast.' }
      ]
    }
  },
  {
    files: ['src/renderer/src/lib/coreConnection.ts'],
    rules: { 'no-restricted-properties': 'off' }
  },
  {
    // The preload maps names to channels and nothing else.
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: restrict(['**/core/**', '**/main/**', '**/renderer/**'], 'The preload only imports electron and src/shared.') }
      ]
    }
  }
)
