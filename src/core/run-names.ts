const ADJECTIVES = [
  'amber', 'brave', 'calm', 'clever', 'crisp', 'daring', 'eager', 'fleet', 'gentle', 'glad', 'honest', 'keen',
  'lively', 'lucid', 'merry', 'nimble', 'placid', 'proud', 'quick', 'quiet', 'rapid', 'sharp', 'steady', 'sunny',
  'swift', 'tidy', 'vivid', 'wise', 'witty', 'zesty',
];
const NOUNS = [
  'badger', 'bison', 'crane', 'eel', 'falcon', 'ferret', 'finch', 'fox', 'gecko', 'heron', 'ibis', 'koala',
  'lark', 'lemur', 'lynx', 'mole', 'newt', 'otter', 'owl', 'panda', 'puffin', 'quail', 'raven', 'seal', 'shrew',
  'stoat', 'swan', 'tern', 'vole', 'wren',
];

/** A memorable default run name in MLflow's style, e.g. "swift-otter-417". */
export function randomRunName(random: () => number = Math.random): string {
  const pick = (words: string[]) => words[Math.floor(random() * words.length)]!;
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${Math.floor(random() * 1000)}`;
}
