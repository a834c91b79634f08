import { inspectInput } from '../datasets/input.js';
import type { DatasetModule, ResolvedSource } from '../datasets/types.js';
import { DashError } from '../errors.js';

/**
 * When dash's built-in demo data may stand in for a dataset's input (README "Where the data comes from"):
 * - `--demo` asks for it: every selected dataset is built from demo data and the datasets folder is not read;
 * - a datasets folder the user named (`--datasets`, DASH_DATASETS_DIR) must exist and hold every selected input;
 * - the default folder missing an input (a fresh clone) falls back to demo data, said once per dataset, except
 *   under DASH_ENV=production, where it is an error.
 * Whatever stands at an input's path and is not a readable file is an error in every case (datasets/input.ts).
 */
export interface InputPolicy {
  /** The datasets folder came from a flag or an environment variable, not the built-in default. */
  datasetsNamed: boolean;
  production: boolean;
  demo: boolean;
}

export const DEFAULT_INPUT_POLICY: InputPolicy = { datasetsNamed: false, production: false, demo: false };

/** Checked once before any dataset starts: a mistyped folder fails the whole run with its path. */
export async function checkDatasetsFolder(folder: string, policy: InputPolicy): Promise<void> {
  if (policy.demo) return;
  const present = (await inspectInput(folder, 'folder')) === 'present';
  if (!present && policy.datasetsNamed) {
    throw new DashError(`datasets folder ${folder} does not exist (from --datasets or DASH_DATASETS_DIR); dash never uses demo data in place of a folder you named — fix the path, or run \`dash build --demo\` to build the demo data on purpose`);
  }
}

export interface InputChoice {
  /** The real inputs, or null for the built-in demo data. */
  located: ResolvedSource | null;
  /** Why demo data is used, to tell the user; undefined for real inputs. */
  demoNote: string | undefined;
}

export async function chooseInput(module: DatasetModule, folder: string, policy: InputPolicy): Promise<InputChoice> {
  if (policy.demo) return { located: null, demoNote: `${module.name}: using the built-in demo data (--demo)` };
  const located = await module.locate(folder);
  if (located !== null) return { located, demoNote: undefined };
  const expected = `no input under ${folder} (expected ${module.expects})`;
  if (policy.datasetsNamed) {
    throw new DashError(`${expected}; add it, leave ${module.name} out with --only, or build demo data on purpose with --demo`);
  }
  if (policy.production) {
    throw new DashError(`${expected}; DASH_ENV=production never builds demo data unless asked: add the input, or pass --demo`);
  }
  return { located: null, demoNote: `${module.name}: no input under ${folder}; using the built-in demo data (run \`dash demo\` to see the files)` };
}
