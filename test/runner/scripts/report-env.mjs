// Reports what the runner handed it, through the zero-dependency channel (fd 3), then exits as asked.
import { writeSync } from 'node:fs';

const fd = Number(process.env.RATCHET_CHANNEL_FD);
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k.startsWith('RATCHET_') || k.startsWith('MLFLOW_')),
);
writeSync(
  fd,
  `${JSON.stringify({ tags: { 'seen.env': JSON.stringify(env), 'seen.argv': JSON.stringify(process.argv.slice(2)) } })}\n`,
);
writeSync(
  fd,
  `${JSON.stringify({ metrics: { acc: 0.5 + Number(process.env.RATCHET_SEED) / 100 }, step: 1 })}\n`,
);
console.log(`@ratchet ${JSON.stringify({ metric: 'via_stdout', value: 1 })}`);
console.log('plain output');
console.error('to stderr');
writeSync(fd, 'not json\n');
process.exitCode = Number(process.env.EXIT_WITH ?? 0);
