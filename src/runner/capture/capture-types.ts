/** A data set a run reads, by name (the key of its `ratchet.data.<name>` fingerprint tag). */
export interface DataInput {
  name: string;
  path: string;
}

/** What a run's surroundings were, captured once per command and shared by every run it starts. */
export interface Capture {
  /** Merged into every run's tags. */
  tags: Record<string, string>;
  /** Uploaded into every run's artifacts. */
  artifacts: { path: string; content: string }[];
  warnings: string[];
}
