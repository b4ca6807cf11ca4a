import { describe, expect, it } from 'vitest';
import { compareRunsHref, runHref, trialHref } from './run-link.js';

describe('run links', () => {
  it('opens a trial reference at its page', () => {
    expect(trialHref('penguins#12')).toBe('/projects/penguins/trials/12');
    expect(trialHref('a#b#3')).toBe('/projects/a%23b/trials/3');
    expect(trialHref('penguins')).toBeNull();
    expect(trialHref('#3')).toBeNull();
    expect(trialHref('penguins#0')).toBeNull();
  });

  it('opens a run at its trial, or alone in compare when it has none', () => {
    expect(runHref('penguins#2', 'r1')).toBe('/projects/penguins/trials/2');
    expect(runHref(null, 'r1')).toBe(compareRunsHref(['r1']));
    expect(compareRunsHref(['a', 'b'])).toBe('/compare?runs=a%2Cb');
    expect(compareRunsHref(['a', 'b'], 'loss')).toBe('/compare?runs=a%2Cb&key=loss');
  });
});
