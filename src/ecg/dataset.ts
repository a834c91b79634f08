import type { DatasetModule } from '../datasets/types.js';

// Placeholder until the ECG precompute lands (issue 3).
export const ecg: DatasetModule = {
  name: 'ecg',
  title: 'ECG heartbeats',
  artefact: 'ecg_precomputed.json',
  version: '0',
  demoVersion: '0',
  locate: async () => null,
  writeDemo: async () => [],
  build: async () => {
    throw new Error('ECG precompute is not implemented yet');
  },
};
