import { DashError } from '../errors.js';
import type { Io } from './io.js';

export async function run(_options: Record<string, unknown>, _io: Io): Promise<number> {
  throw new DashError('`dash serve` is not available yet: it arrives with the server issue.');
}
