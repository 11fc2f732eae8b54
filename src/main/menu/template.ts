import { basename } from 'node:path';
import type { CommandId } from '../../shared/commands';

// The application menu as plain data: each item runs a command id in the renderer (via the
// registry), opens a recent file, or is one of Electron's built-in roles. The Electron glue
// (electronMenu.ts) turns this into a Menu; tests read it directly.

export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'togglefullscreen'
  | 'resetZoom' | 'window' | 'minimize' | 'zoom' | 'front' | 'toggleDevTools' | 'close';

export type MenuSpec =
  | {
      kind: 'command';
      label: string;
      command: CommandId;
      accelerator?: string;
      /** false: show the shortcut but let the page handle the key (text fields keep their own undo, copy, delete) */
      registerAccelerator?: boolean;
    }
  | { kind: 'recent'; label: string; path: string }
  | { kind: 'clearRecent'; label: string; enabled: boolean }
  | { kind: 'role'; role: MenuRole; label?: string; accelerator?: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; label: string; role?: 'window' | 'help'; items: MenuSpec[] };

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly string[];
  /** show developer tools (development builds only) */
  dev: boolean;
}

const cmd = (label: string, command: CommandId, accelerator?: string): MenuSpec => ({ kind: 'command', label, command, accelerator });
const pageKey = (label: string, command: CommandId, accelerator: string): MenuSpec => ({
  kind: 'command',
  label,
  command,
  accelerator,
  registerAccelerator: false,
});
const sep: MenuSpec = { kind: 'separator' };

export function buildMenu(ctx: MenuContext): MenuSpec[] {
  const mac = ctx.platform === 'darwin';
  return [
    ...(mac ? [appMenu(ctx.appName)] : []),
    fileMenu(ctx, mac),
    editMenu(),
    viewMenu(ctx.dev),
    trainingMenu(),
    ...(mac ? [{ kind: 'submenu', label: 'Window', role: 'window', items: [{ kind: 'role', role: 'minimize' }, { kind: 'role', role: 'zoom' }, sep, { kind: 'role', role: 'front' }] } satisfies MenuSpec] : []),
    { kind: 'submenu', label: 'Help', role: 'help', items: [cmd(`About ${ctx.appName}`, 'help.about')] },
  ];
}

function appMenu(appName: string): MenuSpec {
  return {
    kind: 'submenu',
    label: appName,
    items: [
      cmd(`About ${appName}`, 'help.about'),
      sep,
      { kind: 'role', role: 'services' },
      sep,
      { kind: 'role', role: 'hide' },
      { kind: 'role', role: 'hideOthers' },
      { kind: 'role', role: 'unhide' },
      sep,
      { kind: 'role', role: 'quit' },
    ],
  };
}

function fileMenu(ctx: MenuContext, mac: boolean): MenuSpec {
  return {
    kind: 'submenu',
    label: 'File',
    items: [
      cmd('New', 'file.new', 'CmdOrCtrl+N'),
      cmd('Open…', 'file.open', 'CmdOrCtrl+O'),
      { kind: 'submenu', label: 'Open Recent', items: recentItems(ctx.recent) },
      sep,
      cmd('Save', 'file.save', 'CmdOrCtrl+S'),
      cmd('Save As…', 'file.saveAs', 'CmdOrCtrl+Shift+S'),
      sep,
      cmd('Import Data CSV…', 'file.importCsv'),
      cmd('Export Data CSV…', 'file.exportCsv'),
      cmd('Export PNG…', 'file.exportPng'),
      cmd('Export SVG…', 'file.exportSvg'),
      cmd('Export PyTorch Script…', 'file.exportPytorch'),
      cmd('Export NumPy Script…', 'file.exportNumpy'),
      cmd('Export Jupyter Notebook…', 'file.exportNotebook'),
      sep,
      cmd('Print Worksheet…', 'file.printWorksheet', 'CmdOrCtrl+P'),
      sep,
      cmd('Close', 'file.close', 'CmdOrCtrl+W'),
      ...(mac ? [] : [sep, { kind: 'role', role: 'quit', label: 'Quit', accelerator: 'Ctrl+Q' } satisfies MenuSpec]),
    ],
  };
}

function recentItems(recent: readonly string[]): MenuSpec[] {
  const items: MenuSpec[] = recent.map((path) => ({ kind: 'recent', label: basename(path), path }));
  return [...items, ...(items.length ? [sep] : []), { kind: 'clearRecent', label: 'Clear Recent', enabled: items.length > 0 }];
}

function editMenu(): MenuSpec {
  return {
    kind: 'submenu',
    label: 'Edit',
    items: [
      pageKey('Undo', 'edit.undo', 'CmdOrCtrl+Z'),
      pageKey('Redo', 'edit.redo', 'Shift+CmdOrCtrl+Z'),
      sep,
      pageKey('Cut', 'edit.cut', 'CmdOrCtrl+X'),
      pageKey('Copy', 'edit.copy', 'CmdOrCtrl+C'),
      pageKey('Paste', 'edit.paste', 'CmdOrCtrl+V'),
      pageKey('Duplicate', 'edit.duplicate', 'CmdOrCtrl+D'),
      pageKey('Delete', 'edit.delete', 'Delete'),
      sep,
      pageKey('Select All', 'edit.selectAll', 'CmdOrCtrl+A'),
    ],
  };
}

function viewMenu(dev: boolean): MenuSpec {
  return {
    kind: 'submenu',
    label: 'View',
    items: [
      cmd('Zoom In', 'view.zoomIn', 'CmdOrCtrl+='),
      cmd('Zoom Out', 'view.zoomOut', 'CmdOrCtrl+-'),
      cmd('Fit to Window', 'view.fit', 'CmdOrCtrl+0'),
      cmd('Tidy Layout', 'view.layout', 'CmdOrCtrl+Shift+L'),
      sep,
      cmd('Toggle Panels', 'view.togglePanels', 'CmdOrCtrl+\\'),
      { kind: 'role', role: 'togglefullscreen' },
      ...(dev ? [sep, { kind: 'role', role: 'toggleDevTools' } satisfies MenuSpec] : []),
    ],
  };
}

function trainingMenu(): MenuSpec {
  return {
    kind: 'submenu',
    label: 'Training',
    items: [
      cmd('Play / Pause', 'training.playPause', 'CmdOrCtrl+Enter'),
      cmd('Step One Example', 'training.step', 'CmdOrCtrl+\''),
      cmd('Run One Epoch', 'training.epoch', 'CmdOrCtrl+E'),
      sep,
      cmd('Reset Weights', 'training.reset', 'CmdOrCtrl+Shift+R'),
    ],
  };
}

/** every command id the menu can send (for tests and the renderer's registry check) */
export function menuCommands(items: readonly MenuSpec[]): CommandId[] {
  return items.flatMap((item) =>
    item.kind === 'command' ? [item.command] : item.kind === 'submenu' ? menuCommands(item.items) : [],
  );
}
