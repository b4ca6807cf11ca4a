import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the demo (npm start)', () => {
  it('runs the penguin experiment end to end: baseline, three verdicts, a promotion and the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-demo-'));
    const store = join(dir, 'ratchet.db');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'examples/penguins/main.ts', '--exit'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, RATCHET_STORE: store, RATCHET_PORT: '0' },
      timeout: 120_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout;
    expect(lines).toMatch(
      /Softmax regression on all four measurements[^\n]*\n[^\n]*→ improved\n\s+promoted #2/,
    );
    expect(lines).toMatch(/Body mass adds nothing[^\n]*\n[^\n]*→ no_detectable_difference/);
    expect(lines).toMatch(/100× smaller learning rate[^\n]*\n[^\n]*→ worse/);
    expect(lines).toMatch(/The web UI: +http:\/\/127\.0\.0\.1:\d+\/projects\/penguins\n/);
    const report = readFileSync(join(dir, 'penguins-report.html'), 'utf8');
    expect(report).toContain('<svg');
    expect(report).toContain('Body mass adds nothing');
    expect(existsSync(store)).toBe(true);
  });
});
