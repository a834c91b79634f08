import type { DatasetModule } from './types.js';

// Placeholder until the ingest of this dataset lands (issue 2).
export const healthcare: DatasetModule = {
  name: 'healthcare',
  title: 'healthcare',
  artefact: 'healthcare.parquet',
  version: '0',
  demoVersion: '0',
  locate: async () => null,
  writeDemo: async () => [],
  build: async () => {
    throw new Error('healthcare ingest is not implemented yet');
  },
};
