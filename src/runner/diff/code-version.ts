/**
 * A `ratchet.code_version`: `<commit>` when the working tree was clean, `<commit>+dirty.<hash of the diff>`
 * when it was not (a git commit alone, from MLflow's tag, reads as clean).
 */
export interface CodeVersion {
  commit: string;
  /** The hash of the uncommitted changes; null for a clean tree. */
  dirty: string | null;
}

const DIRTY_SUFFIX = '+dirty.';

export function parseCodeVersion(version: string): CodeVersion {
  const at = version.indexOf(DIRTY_SUFFIX);
  return at < 0
    ? { commit: version, dirty: null }
    : { commit: version.slice(0, at), dirty: version.slice(at + DIRTY_SUFFIX.length) };
}

/** How two code versions differ: by commit, by uncommitted changes, both, or not at all. */
export interface CodeDifference {
  from: string | null;
  to: string | null;
  commitDiffers: boolean;
  uncommittedChangesDiffer: boolean;
}

export function codeDifference(from: string | null, to: string | null): CodeDifference | null {
  if (from === to) return null;
  const a = from === null ? null : parseCodeVersion(from);
  const b = to === null ? null : parseCodeVersion(to);
  return {
    from,
    to,
    commitDiffers: a?.commit !== b?.commit,
    uncommittedChangesDiffer: (a?.dirty ?? null) !== (b?.dirty ?? null),
  };
}

/** "commit 1a2b… → 3c4d…", "uncommitted changes differ": the lines that say how the code differs. */
export function describeCodeDifference(code: CodeDifference, sides = { from: 'A', to: 'B' }): string[] {
  const a = code.from === null ? null : parseCodeVersion(code.from);
  const b = code.to === null ? null : parseCodeVersion(code.to);
  const commit = (version: CodeVersion | null) =>
    version === null ? '(unknown)' : version.commit.slice(0, 12);
  const commitLine = code.commitDiffers ? `commit ${commit(a)} → ${commit(b)}` : `same commit ${commit(a)}`;
  if (!code.uncommittedChangesDiffer) return [commitLine];
  const which = !a?.dirty ? `only in ${sides.to}` : !b?.dirty ? `only in ${sides.from}` : 'differ';
  return [commitLine, `uncommitted changes ${which}`];
}
