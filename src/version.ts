import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** dash's own version, from package.json (one level above both src/ and lib/). */
export const DASH_VERSION: string = (require('../package.json') as { version: string }).version;
