// The package's main entry is the SDK: `import { Ratchet } from 'ratchet'` is what training code needs.
export * from './sdk/index.js';
// Node only (this entry is for Node; the browser imports 'ratchet/sdk'): a spool on the local disk.
export { DiskSpool, diskSpool } from './spool/disk-spool.js';
export { type SpooledRunStatus, type SpoolStatus, spoolStatus } from './spool/spool-status.js';
