#!/usr/bin/env node
// Reads the fuses of a packaged Backprop Studio binary and fails unless each is hardened as
// electron-builder.yml asks. Usage: node build/check-fuses.mjs <path to the packaged executable>
// (e.g. dist/linux-unpacked/backprop-studio, "dist/mac/Backprop Studio.app", dist/win-unpacked/Backprop Studio.exe).
import { createRequire } from 'node:module';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

// the byte each fuse holds (not re-exported by the package's entry point)
export const { FuseState } = createRequire(import.meta.url)('@electron/fuses/dist/constants.js');

export const EXPECTED = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

export function fuseProblems(wire) {
  const problems = [];
  for (const [option, want] of Object.entries(EXPECTED)) {
    const state = wire[option];
    const on = state === FuseState.ENABLE;
    if (state === undefined || state === FuseState.INHERIT || on !== want) {
      problems.push(`${FuseV1Options[option]} is ${describe(state)}, expected ${want ? 'enabled' : 'disabled'}`);
    }
  }
  return problems;
}

function describe(state) {
  if (state === FuseState.ENABLE) return 'enabled';
  if (state === FuseState.DISABLE) return 'disabled';
  return 'unset';
}

const target = process.argv[2];
if (target && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const problems = fuseProblems(await getCurrentFuseWire(target));
  if (problems.length) {
    console.error(`Fuses of ${target} are not hardened:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`Fuses of ${target}: hardened (${Object.keys(EXPECTED).length} checked).`);
}
