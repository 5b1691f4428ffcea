// Two builds:
// 1. dist/**/*.js — the npm package: one ES module per source file (dist/ mirrors src/), so each
//    element's `<name>.js`, the file that calls customElements.define, stays a file of its own that
//    package.json `sideEffects` names; no define can move into a shared chunk that a bundler drops
//    as side-effect free. lit, @lit/* and oidc-client-ts stay external so the app's bundler dedupes them.
// 2. dist/zorgkit.js — one self-contained, minified production bundle (Lit included, dev-mode code
//    dropped) for `<script type="module" src=".../zorgkit.js">`. It has every element, the core and
//    the memory + FHIR REST adapters; the SMART adapter (and oidc-client-ts) is not in it.
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { defaultMinifyOptions } from '@lit-labs/rollup-plugin-minify-html-literals/lib/strategy.js';

/**
 * The CSS and HTML inside Lit's css`` and html`` templates, minified (lightningcss; html-minifier-next
 * with every run of white space kept as one space, never removed, so text reads as written).
 */
const minifyTemplates = () => minifyLiterals({ failOnError: true, options: { minifyOptions: { ...defaultMinifyOptions, conservativeCollapse: true } } });

export const entries = {
  index: 'src/index.ts',
  core: 'src/core/index.ts',
  'patient-banner': 'src/components/patient-banner/patient-banner.ts',
  'medication-list': 'src/components/medication-list/medication-list.ts',
  'consent-dialog': 'src/components/consent-dialog/consent-dialog.ts',
  context: 'src/components/context/context.ts',
  'adapters/memory': 'src/adapters/memory.ts',
  'adapters/fhir-rest': 'src/adapters/fhir-rest.ts',
  'adapters/smart': 'src/adapters/smart.ts',
  model: 'src/model/index.ts',
  react: 'src/react/index.ts',
};

const external = (id) => /^(lit|lit-html|lit-element|oidc-client-ts|tslib|react|react-dom)(\/|$)|^@lit(-labs)?\//.test(id);

export default [
  {
    input: Object.values(entries),
    external,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
      sourcemap: true,
    },
    plugins: [minifyTemplates(), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
  },
  {
    input: 'src/bundle.ts',
    output: { file: 'dist/zorgkit.js', format: 'es', sourcemap: true, inlineDynamicImports: true },
    plugins: [
      nodeResolve({ exportConditions: ['production'], browser: true }),
      minifyTemplates(),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
  },
];
