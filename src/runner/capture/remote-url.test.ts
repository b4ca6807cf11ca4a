import { describe, expect, it } from 'vitest';
import { stripCredentials } from './remote-url.js';

describe('stripCredentials', () => {
  it('drops a password, an https token user name and a query', () => {
    expect(stripCredentials('https://user:s3cret@github.com/o/r.git')).toBe('https://github.com/o/r.git');
    expect(stripCredentials('https://ghp_token@github.com/o/r.git')).toBe('https://github.com/o/r.git');
    expect(stripCredentials('https://host/o/r.git?private_token=x')).toBe('https://host/o/r.git');
    expect(stripCredentials('ssh://git:pw@host/o/r.git')).toBe('ssh://git@host/o/r.git');
    expect(stripCredentials('deploy:pw@host:o/r.git')).toBe('deploy@host:o/r.git');
  });

  it('keeps what holds no secret', () => {
    expect(stripCredentials('git@github.com:o/r.git')).toBe('git@github.com:o/r.git');
    expect(stripCredentials('ssh://git@host/o/r.git')).toBe('ssh://git@host/o/r.git');
    expect(stripCredentials('/srv/git/r.git')).toBe('/srv/git/r.git');
  });
});
