import type { InputFingerprint } from '../cache/fingerprint.js';

export const DATASET_NAMES = ['equipment', 'bases', 'healthcare', 'ecg'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Where a dataset's input came from: the full Kaggle files, the `*_sample.csv` fallbacks, or dash's demo data. */
export type SourceKind = 'full' | 'sample' | 'demo';

export interface ResolvedSource {
  kind: SourceKind;
  /** The folder the `files` are relative to (the datasets folder, or the demo folder inside the cache). */
  root: string;
  /** Input files relative to `root`, '/' separated, in a stable order. */
  files: string[];
}

export interface DemoOptions {
  scale: 'small' | 'full';
  seed: number;
  /** Overwrite files that exist; without it an existing file is an error. */
  force: boolean;
}

/** Progress and warnings from inside a build; the builder routes them to the reporter. */
export interface BuildContext {
  source: ResolvedSource;
  /** Write the artefact here; the builder fsyncs and renames it into place only if `build` resolves. */
  tempPath: string;
  progress(text: string): void;
}

export interface BuildOutcome {
  rows: number;
  /** Non-fatal findings the user should see (e.g. "12 non-numeric Quantity values set to 0"). */
  warnings: string[];
  /** Dataset-specific figures kept in the manifest (e.g. rows per class). */
  details?: Record<string, unknown>;
}

/**
 * One dataset = one module of this shape (DESIGN §1). Adding a fifth dataset means one more module in the
 * registry and one more page; the builder, manifest, status and demo commands need no change.
 */
export interface DatasetModule {
  readonly name: DatasetName;
  /** Human title, e.g. "Military equipment transfers". */
  readonly title: string;
  /** File name of the cache artefact inside the cache folder. */
  readonly artefact: string;
  /** Bump when the transform or the artefact's layout changes: every cache built by an older version goes stale. */
  readonly version: string;
  /** Bump when the demo generator's output changes. */
  readonly demoVersion: string;
  /** Where the input goes under the datasets folder, for messages (e.g. "military_bases/military-bases.csv"). */
  readonly expects: string;
  /**
   * The real inputs under `datasetsDir` (full files preferred, then samples), or null when there are none. Anything at
   * an input's path that is not a readable file is an error (datasets/input.ts), never null.
   */
  locate(datasetsDir: string): Promise<ResolvedSource | null>;
  /** Writes demo inputs in the exact raw layout under `datasetsDir`; returns the paths written. */
  writeDemo(datasetsDir: string, options: DemoOptions): Promise<string[]>;
  build(context: BuildContext): Promise<BuildOutcome>;
  /**
   * Optional: takes in what its built cache says about the rows, so the next build of this dataset in the same
   * process (`dash dev`'s build process, which warms up after its start) need not work it out again. `read`
   * gives columns of the cache as it is.
   */
  remember?(read: (columns: readonly string[]) => Promise<Record<string, unknown[]>>): Promise<void>;
}

export type { InputFingerprint };
