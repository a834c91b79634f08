import type { DatasetModule } from './types.js';

// Placeholder until the ingest of this dataset lands (issue 2).
export const equipment: DatasetModule = {
  name: 'equipment',
  title: 'equipment',
  artefact: 'equipment.parquet',
  version: '0',
  demoVersion: '0',
  locate: async () => null,
  writeDemo: async () => [],
  build: async () => {
    throw new Error('equipment ingest is not implemented yet');
  },
};
