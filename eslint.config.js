// Lint: type-checked TypeScript, Lit and web-component rules, lit-a11y, and zorgkit's security guards.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/** Security guards (issue: hostile input): no raw HTML, no eval, no localStorage outside the opt-in. */
const securityRules = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-imports': ['error', {
    patterns: [{
      group: ['lit/directives/unsafe-*', 'lit-html/directives/unsafe-*'],
      message: 'Data is text, never markup: no unsafeHTML / unsafeSVG.',
    }],
  }],
  'no-restricted-syntax': ['error',
    { selector: "MemberExpression[property.name='innerHTML']", message: 'No innerHTML: render with Lit templates.' },
    { selector: "MemberExpression[property.name='outerHTML']", message: 'No outerHTML: render with Lit templates.' },
    { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML.' },
    { selector: "Identifier[name='unsafeCSS']", message: 'No unsafeCSS: theme through --zk-* properties.' },
    { selector: "Identifier[name='unsafeHTML']", message: 'Data is text, never markup.' },
    { selector: "Identifier[name='unsafeSVG']", message: 'Data is text, never markup.' },
    { selector: "Identifier[name='localStorage']", message: 'Nothing goes to localStorage (tokens, patient data).' },
    // The same, spelled as strings: el['innerHTML'], Reflect.set(el, 'innerHTML', …), window['localStorage'], { innerHTML: … }.
    { selector: 'Literal[value=/^(innerHTML|outerHTML|insertAdjacentHTML|localStorage)$/]', message: 'No raw HTML, no localStorage (spelled as a string).' },
    { selector: 'TemplateElement[value.raw=/^(innerHTML|outerHTML|insertAdjacentHTML|localStorage)$/]', message: 'No raw HTML, no localStorage (spelled as a string).' },
    { selector: 'Property > Identifier.key[name=/^(innerHTML|outerHTML)$/]', message: 'No raw HTML: render with Lit templates.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'custom-elements.json', 'docs/api/**', 'screenshots/',
    // Apps that consume the packed package (built and type-checked by test/consumers).
    'test/consumers/apps/'] },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended'], litA11y.configs?.recommended ? { plugins: { 'lit-a11y': litA11y }, rules: litA11y.configs.recommended.rules } : {}],
    rules: { ...securityRules, 'no-console': ['error', { allow: ['warn', 'error'] }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // @open-wc's chai typings declare every assertion as a Promise.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
