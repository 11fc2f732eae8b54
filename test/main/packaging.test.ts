import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
// @ts-expect-error js-yaml ships no type declarations here
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
// @ts-expect-error a plain .mjs script without types
import { FuseState, fuseProblems } from '../../build/check-fuses.mjs';

// electron-builder.yml: valid against electron-builder's own schema, the .bpgraph.json file
// association, and hardened fuses; and the fuse checker tells a hardened binary from a default one.

interface BuilderConfig {
  asar: boolean;
  fileAssociations: { ext: string; role: string }[];
  electronFuses: Record<string, boolean>;
  [key: string]: unknown;
}
const config = yaml.load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('matches electron-builder’s configuration schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../node_modules/app-builder-lib/scheme.json', import.meta.url), 'utf8'));
    const ajv = new Ajv({ allErrors: true });
    const valid = ajv.validate(schema, config);
    expect(ajv.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('associates .bpgraph.json and targets Linux, macOS and Windows', () => {
    expect(config.fileAssociations[0]).toMatchObject({ ext: 'bpgraph.json', role: 'Editor' });
    expect(Object.keys(config)).toEqual(expect.arrayContaining(['linux', 'mac', 'win']));
    expect(config.asar).toBe(true);
  });

  it('hardens the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('check-fuses', () => {
  const hardened = {
    [FuseV1Options.RunAsNode]: FuseState.DISABLE,
    [FuseV1Options.EnableCookieEncryption]: FuseState.ENABLE,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
    [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.ENABLE,
    [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.DISABLE,
  };

  it('passes a hardened wire and names every fuse a stock binary leaves open', () => {
    expect(fuseProblems(hardened)).toEqual([]);
    const stock = { ...hardened, [FuseV1Options.RunAsNode]: FuseState.ENABLE, [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.ENABLE };
    expect(fuseProblems(stock)).toEqual(['RunAsNode is enabled, expected disabled', 'EnableNodeCliInspectArguments is enabled, expected disabled']);
  });
});
