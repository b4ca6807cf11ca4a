// The package's main entry is the SDK: `import { Ratchet } from 'ratchet'` is what training code needs.
export * from './sdk/index.js';
