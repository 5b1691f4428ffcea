// The keyboard in the browser tests: one helper for every engine, so key names and sequences that
// only one driver understands ('Space' over CDP, held Shift, fast repeated letters) stay out of the
// tests. The server side is scripts/wtr-keys.mjs.
import { executeServerCommand } from '@web/test-runner-commands';

/** Keys with a name; any single character can be pressed as itself. */
export type Key = 'Backspace' | 'Tab' | 'Enter' | 'Escape' | 'Space' | 'Home' | 'End' | 'Delete'
  | 'ArrowLeft' | 'ArrowUp' | 'ArrowRight' | 'ArrowDown';

/** Presses and releases one key, or each key in turn. */
export async function press(...keys: Key[]): Promise<void> {
  await executeServerCommand('zk-keys', { keys });
}

/** Presses keys with Shift held down (Shift+Tab moves focus backwards). */
export async function pressWithShift(...keys: Key[]): Promise<void> {
  await executeServerCommand('zk-keys', { keys, shift: true });
}

/** Types text character by character, each released before the next, as a person types. */
export async function type(text: string): Promise<void> {
  if (text) await executeServerCommand('zk-keys', { keys: [...text] });
}
