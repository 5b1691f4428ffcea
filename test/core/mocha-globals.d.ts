// Types for the mocha globals that @web/test-runner-mocha provides in the browser: @types/mocha is
// not installed (and no dependency may be added). Remove this file if @types/mocha is ever added.
// Global (no imports or exports), so every test file under test/ gets them.

interface MochaContext {
  /** Sets this test's (or hook's) time limit in milliseconds. */
  timeout(ms: number): void;
  /** Sets the time after which this test is reported as slow. */
  slow(ms: number): void;
  /** Skips this test. */
  skip(): never;
  /** Retries this test up to `n` times. */
  retries(n: number): void;
}

type MochaDone = (error?: unknown) => void;
type MochaTestFunction = (this: MochaContext, done: MochaDone) => void | PromiseLike<unknown>;
type MochaSuiteFunction = (this: MochaContext) => void;

/** A group of tests. */
declare function describe(title: string, fn: MochaSuiteFunction): void;
declare namespace describe {
  function only(title: string, fn: MochaSuiteFunction): void;
  function skip(title: string, fn: MochaSuiteFunction): void;
}
/** One test. */
declare function it(title: string, fn?: MochaTestFunction): void;
declare namespace it {
  function only(title: string, fn?: MochaTestFunction): void;
  function skip(title: string, fn?: MochaTestFunction): void;
}
/** Runs once before the tests of the enclosing `describe`. */
declare function before(fn: MochaTestFunction): void;
declare function before(title: string, fn: MochaTestFunction): void;
/** Runs once after the tests of the enclosing `describe`. */
declare function after(fn: MochaTestFunction): void;
declare function after(title: string, fn: MochaTestFunction): void;
/** Runs before each test of the enclosing `describe`. */
declare function beforeEach(fn: MochaTestFunction): void;
declare function beforeEach(title: string, fn: MochaTestFunction): void;
/** Runs after each test of the enclosing `describe`. */
declare function afterEach(fn: MochaTestFunction): void;
declare function afterEach(title: string, fn: MochaTestFunction): void;
