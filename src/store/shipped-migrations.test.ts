import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Migration } from './driver.js';
import { postgresMigrations } from './postgres/migrations/index.js';
import { sqliteMigrations } from './sqlite/migrations/index.js';

/**
 * The SHA-256 of every shipped migration's SQL, per dialect. A database records only the versions it has
 * applied, so editing a shipped migration would leave existing databases on the old schema and new ones on
 * the new: a shipped migration is frozen text. Change the schema with a new migration, and add its hash here.
 */
const SHIPPED: Record<string, { migrations: readonly Migration[]; sha256: Record<number, string> }> = {
  sqlite: {
    migrations: sqliteMigrations,
    sha256: {
      1: '04222b61a4b313ea0dbf7b460072f86f18ccf8ca27b174a819575a855478e06d',
      2: '4da4f17f8c8a8a5fc80a716d6872d796f0a11160ebc8ee0372ddfb102c0589c6',
      3: '17044a4356fc6f9ae9631170e5a25cc69da4682ad4870ceb1e2b48ee97ebcc4a',
      4: 'ee2df3011a7824601f78f6b26ea967ed62d7a0f51519c1d3c9c1bd11f3f5d312',
      5: '79c159a98723c10f66a965400072415c949bc14425eec6a1f857afa2e737cbd7',
      6: '95d493351dc8831464a46a20d3389ee1a248d39425fb9d3a668d48f2a2523fdb',
      7: '7fef72f4209e53fedc2e3cf8163882106410def051fae69e02eb8b3e43211353',
      8: '13234447e8a1c2d8fe9e42ccf533d1c70e2282c96780f3d831146eca94bd951f',
      9: 'b9c089494c83ecfa6c53b9002c6c60009bdc0dd0bddaca309b00445c2e20e851',
    },
  },
  postgres: {
    migrations: postgresMigrations,
    sha256: {
      1: '90b18a5931792b759719c82cd323e39fe881bd1fb15c88fb1e9d3dcc14ca3d35',
      2: 'd8ff4412ee1d388e74912d9f11397c43599b5dab155bb299a938b1f4c36560de',
      3: '0b8455bd39deb65c443c1bcb25526529c25d16fd518a98aef932794991a07d59',
      4: '2b3d2cab58c0970b0eadc234a8c8bc05b6465948e519220bfea165550f6e5ca9',
      5: '8866e43b9e7cf1f60d510b681fdad5583a6ba26771fb3057d672a19f6e84132d',
      6: '8159d69fddfabea452ab67c62733037e918b82360ca9e89c7a653b8db4a72e1c',
      7: '56c26d9eb4c163ab94b0931c94f165f8bae60d66b6642b995d73732e0c52f1b1',
      8: '2ffb0f1ebc283732e78c896a55442a2584aa5b20b37c6b12af33bfc1b0ea60ee',
      9: '7ebb3ff524d34ffbd1753c555a3f98b3140b544681e0395b35c37e976c96be05',
    },
  },
};

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe.each(Object.entries(SHIPPED))('shipped %s migrations', (dialect, { migrations, sha256: pinned }) => {
  it('are unchanged, byte for byte', () => {
    for (const migration of migrations) {
      const expected = pinned[migration.version];
      if (expected === undefined) continue;
      expect(
        sha256(migration.sql),
        `${dialect} migration ${migration.version} (${migration.name}) has shipped and is frozen: its SQL ` +
          'changed. Restore it and change the schema in a new migration instead.',
      ).toBe(expected);
    }
  });

  it('are all still listed', () => {
    const listed = new Set(migrations.map((m) => m.version));
    for (const version of Object.keys(pinned).map(Number)) {
      expect(
        listed.has(version),
        `${dialect} migration ${version} has shipped: databases have applied it, so it must stay listed.`,
      ).toBe(true);
    }
  });

  it('include no migration without a pinned hash', () => {
    for (const migration of migrations) {
      expect(
        pinned[migration.version],
        `${dialect} migration ${migration.version} (${migration.name}) is new: add its SHA-256 ` +
          `'${sha256(migration.sql)}' to SHIPPED in src/store/shipped-migrations.test.ts, which freezes it.`,
      ).toBeDefined();
    }
  });
});
