// Proves the layering rules of eslint.config.js: for each folder type a wrong import is reported by
// `npm run lint` (the same config, through ESLint's Node API) and a right import passes.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repo });
const written: string[] = [];

/** Writes a probe file into a layer's folder, lints it with the project's config, and removes it. */
async function lintProbe(relativePath: string, code: string): Promise<string[]> {
  const file = path.join(repo, relativePath);
  // A probe for a folder that does not exist yet makes it, and takes it away again.
  const made = mkdirSync(path.dirname(file), { recursive: true });
  const probe = made ?? file;
  writeFileSync(file, code);
  written.push(probe);
  try {
    const [result] = await eslint.lintFiles([file]);
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  } finally {
    rmSync(probe, { force: true, recursive: true });
  }
}

const layerRule = /^(boundaries\/dependencies|boundaries\/no-unknown-files|no-restricted-imports):/;

/** A probe that imports each [name, specifier] pair ('default' for a default import) and uses it, so only the imports can fail lint. */
function uses(...imports: Array<[string, string]>): string {
  const lines = imports.map(([name, from], i) =>
    name === 'default' ? `import v${i} from '${from}';` : `import { ${name} as v${i} } from '${from}';`,
  );
  return `${lines.join('\n')}\nexport const x = [${imports.map((_, i) => `v${i}`).join(', ')}];\n`;
}
/** The same with type-only imports: a type import crosses a layer just as a value import does. */
function usesType(name: string, from: string): string {
  return `import type { ${name} } from '${from}';\nexport type X = ${name};\n`;
}

/** The relative imports of a probe that name no file: a wrong probe must fail for its layer, not for a typo. */
function missingTargets(probeFile: string, code: string): string[] {
  const specifiers = [...code.matchAll(/from '(\.{1,2}\/[^']*)'/g)].map((m) => m[1]!);
  const dir = path.dirname(path.join(repo, probeFile));
  return specifiers.filter((spec) => {
    const base = path.join(dir, spec);
    return !['.ts', '.tsx', '/index.ts'].some((ext) => existsSync(base + ext));
  });
}

afterAll(() => {
  for (const probe of written) rmSync(probe, { force: true, recursive: true });
});

interface Case {
  layer: string;
  file: string;
  wrong: string[];
  right: string;
}

// Main process: each folder of electron/main, its composition root and the preload.
const mainCases: Case[] = [
  {
    layer: 'the vault imports only the vault, the worker runner and shared/domain',
    file: 'electron/main/vault/zz-layer-probe.ts',
    wrong: [uses(['EventHub', '../services/events']), usesType('Api', '../../../shared/ipc/api'), uses(['app', 'electron'])],
    right: uses(['DomainError', '../../../shared/domain/errors'], ['VaultError', './errors'], ['WorkerTimeout', '../workers/run']),
  },
  {
    layer: 'the worker runner imports only itself',
    file: 'electron/main/workers/zz-layer-probe.ts',
    wrong: [uses(['EventHub', '../services/events']), uses(['DomainError', '../../../shared/domain/errors'])],
    right: uses(['WorkerTimeout', './run']),
  },
  {
    layer: 'the settings store imports only itself and shared/domain',
    file: 'electron/main/settings/zz-layer-probe.ts',
    wrong: [uses(['EventHub', '../services/events']), uses(['Vault', '../vault'])],
    right: uses(['DomainError', '../../../shared/domain/errors'], ['SettingsStore', './settings-store']),
  },
  {
    layer: 'the mail adapter imports only itself, the worker runner and shared/',
    file: 'electron/main/mail/zz-layer-probe.ts',
    wrong: [
      uses(['EventHub', '../services/events']),
      uses(['Vault', '../vault']),
      uses(['handle', '../ipc/handle']),
      uses(['parseIcs', '../calendar/ics']),
    ],
    right: uses(['composeEml', './compose'], ['WorkerTimeout', '../workers/run'], ['DomainError', '../../../shared/domain/errors']),
  },
  {
    layer: 'the calendar adapter imports only itself, the worker runner and shared/',
    file: 'electron/main/calendar/zz-layer-probe.ts',
    wrong: [
      uses(['ReportService', '../reports/report-service']),
      uses(['api', '../../../renderer/kit/api']),
      uses(['composeEml', '../mail/compose']),
    ],
    right: uses(['parseIcs', './ics'], ['WorkerTimeout', '../workers/run'], ['roleSchema', '../../../shared/ipc/contract']),
  },
  {
    layer: 'services reach the vault only through vault/index.ts and never a handler, report or window',
    file: 'electron/main/services/zz-layer-probe.ts',
    wrong: [
      uses(['writeBackup', '../vault/backup']),
      uses(['createDispatcher', '../ipc/router']),
      uses(['ReportService', '../reports/report-service']),
      uses(['APP_CSP', '../windows/security']),
      uses(['createCore', '../core']),
      uses(['fakeApi', '../../../test/renderer/fake-api']),
    ],
    right: uses(
      ['writeBackup', '../vault'],
      ['EventHub', './events'],
      ['SettingsStore', '../settings/settings-store'],
      ['composeEml', '../mail/compose'],
      ['DomainError', '../../../shared/domain/errors'],
    ),
  },
  {
    layer: 'reports import only shared/, never the renderer, the vault or a service',
    file: 'electron/main/reports/zz-layer-probe.ts',
    wrong: [
      uses(['api', '../../../renderer/kit/api']),
      uses(['App', '../../../renderer/app/App']),
      uses(['Vault', '../vault']),
      uses(['EventHub', '../services/events']),
    ],
    right: uses(
      ['reportRequestSchema', '../../../shared/ipc/reports'],
      ['DomainError', '../../../shared/domain/errors'],
      ['ReportService', './report-service'],
    ),
  },
  {
    layer: 'ipc handlers import services, adapters, reports and shared/, never the vault',
    file: 'electron/main/ipc/zz-layer-probe.ts',
    wrong: [
      uses(['Vault', '../vault']),
      uses(['Vault', '../vault/vault']),
      uses(['APP_CSP', '../windows/security']),
      uses(['api', '../../../renderer/kit/api']),
    ],
    right: uses(
      ['EventHub', '../services/events'],
      ['ReportService', '../reports/report-service'],
      ['parseIcs', '../calendar/ics'],
      ['roleSchema', '../../../shared/ipc/contract'],
    ),
  },
  {
    layer: 'windows import only the ipc guard and shared/, never the renderer',
    file: 'electron/main/windows/zz-layer-probe.ts',
    wrong: [
      uses(['App', '../../../renderer/app/App']),
      uses(['api', '../../../renderer/kit/api']),
      uses(['EventHub', '../services/events']),
      uses(['Vault', '../vault']),
    ],
    right: uses(['handle', '../ipc/handle'], ['APP_CSP', './security'], ['roleSchema', '../../../shared/ipc/contract']),
  },
  {
    layer: "main's composition root wires main's layers, never the renderer or the preload",
    file: 'electron/main/zz-layer-probe.ts',
    wrong: [
      uses(['App', '../../renderer/app/App']),
      uses(['ipcTransport', '../preload/ipc-transport']),
      uses(['WorkerTimeout', './workers/run']),
    ],
    right: uses(['createCore', './core'], ['EventHub', './services/events'], ['APP_CSP', './windows/security'], ['Vault', './vault']),
  },
  {
    layer: 'a new folder under electron/main has no type until it is given one',
    file: 'electron/main/zz-untyped-folder/probe.ts',
    wrong: ['export const x = 1;\n'],
    right: '',
  },
  {
    layer: 'the preload imports only itself and shared/',
    file: 'electron/preload/zz-layer-probe.ts',
    wrong: [uses(['EventHub', '../main/services/events']), uses(['api', '../../renderer/kit/api'])],
    right: uses(['ipcTransport', './ipc-transport'], ['methodPath', '../../shared/ipc/api']),
  },
];

// Renderer, one way down: entry -> app shell -> features -> db -> kit -> shared/.
const rendererCases: Case[] = [
  {
    layer: 'the kit imports only itself and shared/, never a feature, the working set or the shell',
    file: 'renderer/kit/zz-layer-probe.ts',
    wrong: [
      uses(['materialDetails', '../features/materials/components/MaterialDetails']),
      uses(['useRead', '../db/useRead']),
      uses(['shortcuts', '../app/shortcuts']),
      uses(['EventHub', '../../electron/main/services/events']),
      uses(['ipcRenderer', 'electron']),
      uses(['readFileSync', 'node:fs']),
    ],
    right: uses(
      ['DomainError', '../../shared/domain/errors'],
      ['methodPath', '../../shared/ipc/api'],
      ['api', './api'],
      ['today', './clock'],
    ),
  },
  {
    layer: 'the working set imports the kit and shared/, never a feature or the shell',
    file: 'renderer/db/zz-layer-probe.ts',
    wrong: [uses(['materialDetails', '../features/materials/components/MaterialDetails']), uses(['App', '../app/App'])],
    right: uses(['api', '../kit/api'], ['useRead', './useRead'], ['DomainError', '../../shared/domain/errors']),
  },
  {
    layer: 'a feature imports features, the working set, the kit and shared/, never the app shell',
    file: 'renderer/features/requests/zz-layer-probe.ts',
    wrong: [
      uses(['Shell', '../../app/Shell']),
      uses(['shortcuts', '../../app/shortcuts']),
      uses(['ipcTransport', '../../../electron/preload/ipc-transport']),
      uses(['ipcRenderer', 'electron']),
    ],
    right: uses(
      ['materialDetails', '../materials/components/MaterialDetails'],
      ['useRead', '../../db/useRead'],
      ['today', '../../kit/clock'],
      ['DomainError', '../../../shared/domain/errors'],
    ),
  },
  {
    layer: 'the app shell composes features over the working set and the kit, never main',
    file: 'renderer/app/zz-layer-probe.ts',
    wrong: [
      uses(['EventHub', '../../electron/main/services/events']),
      uses(['ipcTransport', '../../electron/preload/ipc-transport']),
      uses(['readFileSync', 'node:fs']),
    ],
    right: uses(
      ['materialDetails', '../features/materials/components/MaterialDetails'],
      ['useRead', '../db/useRead'],
      ['api', '../kit/api'],
      ['shortcuts', './shortcuts'],
      ['DomainError', '../../shared/domain/errors'],
    ),
  },
  {
    layer: "the page's entry imports only the app shell",
    file: 'renderer/zz-layer-probe.tsx',
    wrong: [uses(['api', './kit/api']), uses(['materialDetails', './features/materials/components/MaterialDetails'])],
    right: uses(['App', './app/App']),
  },
];

// shared/: neither process, and only an allow-listed set of packages.
const sharedCases: Case[] = [
  {
    layer: 'shared/ipc imports shared/ and allow-listed packages only',
    file: 'shared/ipc/zz-layer-probe.ts',
    wrong: [
      uses(['EventHub', '../../electron/main/services/events']),
      uses(['api', '../../renderer/kit/api']),
      uses(['readFileSync', 'node:fs']),
      uses(['readFileSync', 'fs']),
      uses(['default', 'nodemailer/lib/mail-composer']),
      uses(['createTransport', 'nodemailer']),
      uses(['default', 'postal-mime']),
      uses(['XMLParser', 'fast-xml-parser']),
      uses(['useState', 'react']),
      uses(['Dexie', 'dexie']),
    ],
    right: uses(['DomainError', '../domain/errors'], ['z', 'zod']),
  },
  {
    layer: 'shared/domain imports shared/domain and allow-listed packages only',
    file: 'shared/domain/zz-layer-probe.ts',
    wrong: [
      usesType('Api', '../ipc/api'),
      uses(['createTransport', 'nodemailer']),
      uses(['XMLParser', 'fast-xml-parser']),
      uses(['app', 'electron']),
    ],
    right: uses(
      ['DomainError', './errors'],
      ['z', 'zod'],
      ['addDays', 'date-fns'],
      ['TZDate', '@date-fns/tz'],
      ['default', 'date-holidays'],
    ),
  },
];

describe('layering by lint', () => {
  for (const { layer, file, wrong, right } of [...mainCases, ...rendererCases, ...sharedCases]) {
    it(`${layer}: each wrong import fails lint`, async () => {
      for (const code of wrong) {
        expect(missingTargets(file, code), code).toEqual([]);
        const messages = await lintProbe(file, code);
        expect(
          messages.filter((m) => layerRule.test(m)),
          code,
        ).not.toEqual([]);
      }
    });

    if (right === '') continue;
    it(`${layer}: a right import passes`, async () => {
      expect(await lintProbe(file, right)).toEqual([]);
    });
  }
});
