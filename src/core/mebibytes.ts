/** Bytes as MiB for messages, to two decimals (`0.05`, `256`). */
export function mebibytes(bytes: number): string {
  return String(Math.round((bytes / 2 ** 20) * 100) / 100);
}
