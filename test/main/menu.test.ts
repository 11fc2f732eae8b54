import { describe, expect, it } from 'vitest';
import { buildMenu, menuCommands, type MenuSpec } from '../../src/main/menu/template';
import { fileFromArgs } from '../../src/main/launchArgs';
import { COMMAND_IDS } from '../../src/shared/commands';

const find = (items: MenuSpec[], label: string): MenuSpec & { kind: 'submenu' } => {
  const found = items.find((i) => i.kind === 'submenu' && i.label === label);
  if (!found || found.kind !== 'submenu') throw new Error(`no ${label} menu`);
  return found;
};
const labels = (menu: MenuSpec & { kind: 'submenu' }) =>
  menu.items.map((i) => (i.kind === 'separator' ? '—' : i.kind === 'role' ? `role:${i.role}` : i.label));

describe('application menu', () => {
  const linux = buildMenu({ platform: 'linux', appName: 'Backprop Studio', recent: ['/home/u/a.bpgraph.json'], dev: false });

  it('has File, Edit, View, Training and Help, each item a known command id', () => {
    expect(linux.map((m) => (m.kind === 'submenu' ? m.label : '?'))).toEqual(['File', 'Edit', 'View', 'Training', 'Help']);
    for (const id of menuCommands(linux)) expect(COMMAND_IDS).toContain(id);
  });

  it('File has New, Open…, Open Recent, Save, Save As…, exports, Close and Quit with the usual shortcuts', () => {
    const file = find(linux, 'File');
    expect(labels(file)).toEqual([
      'New', 'Open…', 'Open Recent', '—', 'Save', 'Save As…', '—', 'Import Data CSV…', 'Export Data CSV…', 'Export PNG…', 'Export SVG…', 'Export PyTorch Script…', 'Export NumPy Script…', 'Export Jupyter Notebook…', '—', 'Print Worksheet…', '—', 'Close', '—', 'role:quit',
    ]);
    const acc = Object.fromEntries(file.items.flatMap((i) => (i.kind === 'command' ? [[i.command, i.accelerator]] : [])));
    expect(acc).toMatchObject({ 'file.new': 'CmdOrCtrl+N', 'file.open': 'CmdOrCtrl+O', 'file.save': 'CmdOrCtrl+S', 'file.saveAs': 'CmdOrCtrl+Shift+S', 'file.close': 'CmdOrCtrl+W', 'file.printWorksheet': 'CmdOrCtrl+P' });
    const recent = find(file.items, 'Open Recent');
    expect(recent.items[0]).toEqual({ kind: 'recent', label: 'a.bpgraph.json', path: '/home/u/a.bpgraph.json' });
  });

  it('Edit items leave their keys to the page, so text fields keep their own undo and copy', () => {
    const edit = find(linux, 'Edit');
    expect(menuCommands(edit.items)).toEqual(['edit.undo', 'edit.redo', 'edit.cut', 'edit.copy', 'edit.paste', 'edit.duplicate', 'edit.delete', 'edit.selectAll']);
    for (const item of edit.items) if (item.kind === 'command') expect(item.registerAccelerator).toBe(false);
  });

  it('View and Training carry zoom, fit, panels, full screen, play/pause, step, epoch, reset', () => {
    expect(menuCommands(find(linux, 'View').items)).toEqual(expect.arrayContaining(['view.zoomIn', 'view.zoomOut', 'view.fit', 'view.togglePanels']));
    expect(labels(find(linux, 'View'))).toContain('role:togglefullscreen');
    expect(menuCommands(find(linux, 'Training').items)).toEqual(['training.playPause', 'training.step', 'training.epoch', 'training.reset']);
    expect(menuCommands(find(linux, 'Help').items)).toEqual(['help.about']);
  });

  it('on macOS the app menu holds About and Quit, and File has no Quit', () => {
    const mac = buildMenu({ platform: 'darwin', appName: 'Backprop Studio', recent: [], dev: false });
    expect(mac[0]).toMatchObject({ kind: 'submenu', label: 'Backprop Studio' });
    expect(labels(find(mac, 'Backprop Studio'))).toContain('role:quit');
    expect(labels(find(mac, 'File'))).not.toContain('role:quit');
    expect(find(find(mac, 'File').items, 'Open Recent').items).toEqual([{ kind: 'clearRecent', label: 'Clear Recent', enabled: false }]);
  });
});

describe('file named at launch', () => {
  it('takes the first .json argument after the app, resolving it against the working folder', () => {
    expect(fileFromArgs(['electron', '.', '--flag', 'net.bpgraph.json'], '/home/u', 2)).toBe('/home/u/net.bpgraph.json');
    expect(fileFromArgs(['app', '/abs/x.json'], '/', 1)).toBe('/abs/x.json');
    expect(fileFromArgs(['app', '--inspect=x.json', 'readme.txt'], '/', 1)).toBeNull();
  });
});
