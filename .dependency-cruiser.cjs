/**
 * The architecture's house rules ("the folders are the architecture"; "imports only point down"), made
 * executable: `npm run lint:deps` cruises src/ and fails on any import that points the wrong way. Type-only imports
 * count (tsPreCompilationDeps): a type pulled from a layer above is still a dependency on it.
 * Unit tests (`*.test.ts`) sit next to their source but may reach anything a test needs, so the layer
 * rules leave them out.
 */

const TEST_FILE = '\\.test\\.ts$';

/** The src/ folders a layer may import from, besides npm packages and Node built-ins. */
function layer(name, allowed, comment) {
  return {
    name: `${name}-imports-only-${allowed.join('-')}`,
    comment,
    severity: 'error',
    from: { path: `^src/${name}/`, pathNot: TEST_FILE },
    to: { path: '^src/', pathNot: `^src/(${allowed.join('|')})/` },
  };
}

/** Node built-ins are off limits for code that must stay pure or run in a browser. */
function noBuiltins(name, comment) {
  return {
    name: `${name}-no-node-builtins`,
    comment,
    severity: 'error',
    from: { path: `^src/${name}/`, pathNot: TEST_FILE },
    to: { dependencyTypes: ['core'] },
  };
}

/** npm packages a layer may use; `allowed` is a regular expression over the package name ('' = none). */
function onlyPackages(name, allowed, comment) {
  return {
    name: `${name}-npm-only-${allowed === '' ? 'none' : allowed.replace(/[^a-z@]+/g, '-')}`,
    comment,
    severity: 'error',
    from: { path: `^src/${name}/`, pathNot: TEST_FILE },
    to: {
      dependencyTypes: [
        'npm',
        'npm-dev',
        'npm-optional',
        'npm-peer',
        'npm-bundled',
        'npm-no-pkg',
        'npm-unknown',
      ],
      ...(allowed === '' ? {} : { pathNot: `node_modules/(${allowed})/` }),
    },
  };
}

/** A database driver used only inside its own dialect folder. */
function driverOnlyIn(dialect, packages) {
  return {
    name: `${packages[0]}-only-in-store-${dialect}`,
    comment:
      `Every difference between databases lives in src/store/${dialect}/ (like Kysely's src/dialect/<db>/), ` +
      `so only that folder talks to the ${packages[0]} driver.`,
    severity: 'error',
    from: { pathNot: [`^src/store/${dialect}/`, TEST_FILE] },
    to: { path: `node_modules/(${packages.join('|')})/` },
  };
}

/** A dialect folder reached only through the one module that maps a store location to a dialect. */
function dialectOnlyViaOpenStore(dialect) {
  return {
    name: `store-${dialect}-only-via-open-store`,
    comment:
      'Nothing branches on a database outside store/<dialect>/: src/store/open-store.ts is the one place ' +
      'that maps a location to a dialect; everything else works against the Store interface.',
    severity: 'error',
    from: { pathNot: ['^src/store/open-store\\.ts$', `^src/store/${dialect}/`, TEST_FILE] },
    to: { path: `^src/store/${dialect}/` },
  };
}

module.exports = {
  forbidden: [
    layer(
      'core',
      ['core'],
      'core is the pure domain (types, ids, rules, the query language): it depends on nothing.',
    ),
    noBuiltins('core', 'core has no IO: no Node built-ins.'),
    onlyPackages(
      'core',
      '',
      'core uses no frameworks or libraries, so it runs anywhere (server, CLI, browser).',
    ),

    layer(
      'stats',
      ['stats', 'core'],
      'stats is pure statistics over numbers; it may name domain types from core.',
    ),
    noBuiltins(
      'stats',
      'stats is pure computation (published as ratchet/stats): no IO, so no Node built-ins.',
    ),
    onlyPackages(
      'stats',
      '@stdlib',
      'Distributions come from @stdlib and nothing else ("No IO. Distributions from a library").',
    ),

    layer(
      'contract',
      ['contract', 'core'],
      'The /api/v1 contract is shared by the server and the SDK (which runs in a browser): it may name domain types, nothing server-side.',
    ),
    noBuiltins('contract', 'The contract runs in the browser too (through the SDK): no Node built-ins.'),
    onlyPackages('contract', 'zod', 'The contract is declared with the schema library alone.'),

    layer(
      'store',
      ['core', 'stats', 'store'],
      'store is the persistence layer below the services: it never reaches up.',
    ),
    driverOnlyIn('postgres', ['pg', '@types/pg']),
    driverOnlyIn('sqlite', ['better-sqlite3', '@types/better-sqlite3']),
    dialectOnlyViaOpenStore('sqlite'),
    dialectOnlyViaOpenStore('postgres'),

    layer(
      'tracking',
      ['core', 'stats', 'store', 'tracking'],
      'tracking and serving are sibling services over the store: they never import each other (the composition root in src/server puts them together).',
    ),
    layer(
      'serving',
      ['core', 'stats', 'store', 'serving'],
      'serving and tracking are sibling services over the store: they never import each other.',
    ),
    layer(
      'runner',
      ['core', 'stats', 'contract', 'sdk', 'runner'],
      "The runner executes runs on the user's machine, which reaches the tracker through its API: it is a client (through the SDK), never a reader of the store.",
    ),

    layer(
      'http',
      ['core', 'stats', 'contract', 'tracking', 'serving', 'http'],
      'http is the boundary over the services: it reads and writes through them, never through the store (not even its types), so persistence can change without touching a route.',
    ),

    layer(
      'sdk',
      ['sdk', 'core', 'contract'],
      'The SDK is a fetch-only client usable in Node and the browser: it knows the contract, not the server.',
    ),
    noBuiltins('sdk', 'The SDK runs in a browser: no Node built-ins.'),
    onlyPackages('sdk', 'zod', 'The SDK stays small: the schema library of the contract and nothing else.'),

    layer(
      'spool',
      ['spool', 'sdk', 'core', 'contract'],
      "The SDK's on-disk spool is the Node half of the SDK (files, fsync, pids): it implements the SDK's Spool, nothing server-side.",
    ),
    onlyPackages('spool', '', 'The spool needs Node alone.'),

    {
      name: 'server-not-into-clients',
      comment:
        'src/server is the composition root (store → services → app): it may wire anything, but the clients (cli, sdk, web) sit above it.',
      severity: 'error',
      from: { path: '^src/server/', pathNot: TEST_FILE },
      to: { path: ['^src/(cli|sdk)/', '^web/'] },
    },

    layer(
      'cli',
      ['cli', 'sdk', 'spool', 'core', 'contract', 'stats', 'runner', 'server'],
      'The CLI is a client of the API through the SDK; it reaches src/server only to start the server or run the app in-process, stats for the pure `compare` CI gate, and runner to execute runs.',
    ),

    {
      name: 'web-imports-only-sdk-contract-core',
      comment:
        'The web UI is a client of /api/v1 through the SDK: it may use the SDK, the contract and core, never the server side.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: '^src/(sdk|contract|core)/' },
    },
    {
      name: 'web-no-node-builtins',
      comment: 'The web UI runs in a browser: no Node built-ins.',
      severity: 'error',
      from: { path: '^web/src/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'src-not-into-web',
      comment:
        'Nothing in src/ depends on the UI: the server serves its built files, it does not import them.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },

    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be understood, tested or moved without the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'Every import must resolve, or the rules above could not see where it points (and would pass silently).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      // Resolves the package's own subpaths (ratchet/stats) to src/ as tsc and vitest do. No 'types':
      // package.json lists it first and it points at dist/, which exists only after a build.
      exportsFields: ['exports'],
      conditionNames: ['source', 'import', 'node', 'default'],
    },
  },
};
