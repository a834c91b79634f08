import type { DatasetModule } from './types.js';

// Placeholder until the ingest of this dataset lands (issue 2).
export const bases: DatasetModule = {
  name: 'bases',
  title: 'bases',
  artefact: 'bases.parquet',
  version: '0',
  demoVersion: '0',
  locate: async () => null,
  writeDemo: async () => [],
  build: async () => {
    throw new Error('bases ingest is not implemented yet');
  },
};
