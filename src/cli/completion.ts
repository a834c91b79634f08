import { DATASET_NAMES } from '../datasets/types.js';
import { EXIT_OK } from '../errors.js';
import { completionModel, completionScript, type Shell } from './completion-script.js';
import type { Io } from './io.js';
import { createProgram } from './main.js';

/** `dash completion bash|zsh|fish`: the script on stdout, from the same program the CLI parses with. */
export async function run(options: Record<string, unknown>, io: Io): Promise<number> {
  const [shell] = options.args as [Shell];
  const model = completionModel(createProgram(io, () => undefined), { '--only': DATASET_NAMES });
  io.stdout.write(completionScript(shell, model));
  return EXIT_OK;
}
