// Proves the layering rules of eslint.config.js: for each layer a wrong import is reported by
// `npm run lint` (the same config, through ESLint's Node API) and a right import passes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, code);
  written.push(file);
  try {
    const [result] = await eslint.lintFiles([file]);
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  } finally {
    rmSync(file, { force: true });
  }
}

const layerRule = /^(boundaries\/dependencies|no-restricted-imports):/;

afterAll(() => {
  for (const file of written) rmSync(file, { force: true });
});

describe('layering by lint', () => {
  const cases: Array<{ layer: string; file: string; wrong: string[]; right: string }> = [
    {
      layer: 'the vault imports only the vault and shared/domain',
      file: 'electron/main/vault/zz-layer-probe.ts',
      wrong: [
        "import { EventHub } from '../services/events';\nexport const x = EventHub;\n",
        "import type { Api } from '../../../shared/ipc/api';\nexport type X = Api;\n",
        "import { app } from 'electron';\nexport const x = app;\n",
      ],
      right:
        "import { DomainError } from '../../../shared/domain/errors';\nimport { VaultError } from './errors';\nexport const x = [DomainError, VaultError];\n",
    },
    {
      layer: 'services reach the vault only through vault/index.ts',
      file: 'electron/main/services/zz-layer-probe.ts',
      wrong: [
        "import { writeBackup } from '../vault/backup';\nexport const x = writeBackup;\n",
        "import { createDispatcher } from '../ipc/router';\nexport const x = createDispatcher;\n",
      ],
      right:
        "import { writeBackup } from '../vault';\nimport { EventHub } from './events';\nimport { DomainError } from '../../../shared/domain/errors';\nexport const x = [writeBackup, EventHub, DomainError];\n",
    },
    {
      layer: 'ipc handlers import services and shared/, never the vault',
      file: 'electron/main/ipc/zz-layer-probe.ts',
      wrong: [
        "import { Vault } from '../vault';\nexport const x = Vault;\n",
        "import { Vault } from '../vault/vault';\nexport const x = Vault;\n",
      ],
      right:
        "import { EventHub } from '../services/events';\nimport { roleSchema } from '../../../shared/ipc/contract';\nexport const x = [EventHub, roleSchema];\n",
    },
    {
      layer: 'the renderer imports only shared/ and its own files',
      file: 'renderer/app/zz-layer-probe.ts',
      wrong: [
        "import { EventHub } from '../../electron/main/services/events';\nexport const x = EventHub;\n",
        "import { ipcTransport } from '../../electron/preload/ipc-transport';\nexport const x = ipcTransport;\n",
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      ],
      right:
        "import { DomainError } from '../../shared/domain/errors';\nimport type { Api } from '../../shared/ipc/api';\nimport { api } from './api';\nexport const x: [unknown, Api | null, unknown] = [DomainError, null, api];\n",
    },
    {
      layer: 'shared/ imports nothing platform-specific and neither process',
      file: 'shared/ipc/zz-layer-probe.ts',
      wrong: [
        "import { EventHub } from '../../electron/main/services/events';\nexport const x = EventHub;\n",
        "import { api } from '../../renderer/kit/api';\nexport const x = api;\n",
        "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      ],
      right: "import { DomainError } from '../domain/errors';\nimport { z } from 'zod';\nexport const x = [DomainError, z];\n",
    },
    {
      layer: 'shared/domain never imports shared/ipc',
      file: 'shared/domain/zz-layer-probe.ts',
      wrong: ["import type { Api } from '../ipc/api';\nexport type X = Api;\n"],
      right: "import { DomainError } from './errors';\nexport const x = DomainError;\n",
    },
  ];

  for (const { layer, file, wrong, right } of cases) {
    it(`${layer}: each wrong import fails lint`, async () => {
      for (const code of wrong) {
        const messages = await lintProbe(file, code);
        expect(
          messages.filter((m) => layerRule.test(m)),
          code,
        ).not.toEqual([]);
      }
    });

    it(`${layer}: a right import passes`, async () => {
      expect(await lintProbe(file, right)).toEqual([]);
    });
  }
});
