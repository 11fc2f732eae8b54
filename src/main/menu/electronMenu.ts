import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { CommandId } from '../../shared/commands';
import type { MenuSpec } from './template';

// Turns the menu's plain description into Electron's Menu.

export interface MenuActions {
  command(id: CommandId): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

export function toElectronMenu(items: readonly MenuSpec[], actions: MenuActions): Menu {
  return Menu.buildFromTemplate(items.map((item) => toItem(item, actions)));
}

function toItem(item: MenuSpec, actions: MenuActions): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'command':
      return {
        label: item.label,
        accelerator: item.accelerator,
        registerAccelerator: item.registerAccelerator ?? true,
        click: () => actions.command(item.command),
      };
    case 'recent':
      return { label: item.label, toolTip: item.path, click: () => actions.openRecent(item.path) };
    case 'clearRecent':
      return { label: item.label, enabled: item.enabled, click: () => actions.clearRecent() };
    case 'role':
      return { role: item.role, label: item.label, accelerator: item.accelerator };
    case 'separator':
      return { type: 'separator' };
    case 'submenu':
      return { label: item.label, role: item.role, submenu: item.items.map((i) => toItem(i, actions)) };
  }
}
