import type { EcgPrecomputed } from '../../ecg/schema.js';
import { shapeEcg } from '../assets/ecg.js';
import { jsonAsset, type PageDefinition } from '../page.js';

export const ecg: PageDefinition = {
  id: 'ecg',
  title: 'ECG',
  summary: 'Heartbeats of the MIT-BIH and PTB datasets: real-beat playback with fiducials, class statistics, a waveform browser and PCA.',
  guide: [
    'Switch dataset (MIT-BIH / PTB) and class; play the real sampled beats with P/Q/R/S/T markers at 0.5×, 1× or 2×',
    'Fiducials and PR/QT/ST intervals in samples and ms (125 Hz) for the beat in the browser',
    'Class distribution (linear/log), mean ± 1 std, features per class, class correlation, PCA — click a point to open its beat',
  ],
  caches: ['ecg'],
  async data({ caches }) {
    return [jsonAsset('ecg', shapeEcg(await caches.json<EcgPrecomputed>('ecg')))];
  },
};
