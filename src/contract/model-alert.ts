import { z } from 'zod';
import { versionQuality } from './prediction.js';

/** A served version of a project's model whose live accuracy fell below its offline evaluation. */
export const modelAlert = versionQuality.extend({ model: z.string() });
