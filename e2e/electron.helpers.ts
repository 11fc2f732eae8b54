import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Is there an Electron binary to drive? `npm install` fetches it from the network; where that
// download is impossible the package is there but its binary is not, and the desktop tests skip.
const electronDir = join(process.cwd(), 'node_modules', 'electron');

export function electronBinary(): string | null {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const electronAvailable = electronBinary() !== null;
export const builtApp = existsSync(join(process.cwd(), 'out', 'main', 'index.js'));

export const skipReason = !electronAvailable
  ? 'SKIPPED: no Electron binary in node_modules/electron/dist (its download is not possible on this machine); these desktop tests run wherever `npm install` could fetch it'
  : 'SKIPPED: the desktop app is not built; run `npx electron-vite build` first';
