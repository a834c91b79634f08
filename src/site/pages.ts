import type { PageDefinition } from './page.js';
import { combined } from './pages/combined.js';
import { ecg } from './pages/ecg.js';
import { equipment } from './pages/equipment.js';
import { installations } from './pages/installations.js';
import { medical } from './pages/medical.js';
import { overview } from './pages/overview.js';
import { status } from './pages/status.js';

/**
 * Every page of the site, in navigation order: the ONE list a new page is added to. The bundler builds a browser
 * entry for each site/pages/<id>.ts, and `dash site` refuses to build a registered page without one.
 */
export const PAGES: readonly PageDefinition[] = [
  overview,
  equipment,
  installations,
  ecg,
  medical,
  combined,
  status,
];
