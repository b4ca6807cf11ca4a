// A TypeScript training script that logs through the SDK into the run it was started for.
import { Ratchet } from '../../../src/sdk/index.js';

const ratchet = new Ratchet({ uri: process.env.RATCHET_TRACKING_URI! });
const run = await ratchet.resumeRun(process.env.RATCHET_RUN_ID!);
for (let step = 0; step < 5; step++) run.log({ loss: 1 / (step + 1) }, { step });
run.setTags({ logged: 'sdk' });
await run.flush();
