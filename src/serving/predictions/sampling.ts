/**
 * Whether a prediction is kept at `rate`, decided by its id alone (FNV-1a, 32 bits), so that a retried batch
 * keeps exactly the predictions it kept the first time.
 */
export function keptAtSampleRate(id: string, rate: number): boolean {
  if (rate >= 1) return true;
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32 < rate;
}
