import { registerCommand, runCommand } from '../commands';
import type { CommandId } from '../../../shared/commands';
import { notify } from '../store/notices';
import { closeFile, newFile, openFile, saveDocument } from './documentFlows';
import { exportPicture } from './exportFlows';

// The 'file.*' commands this part implements (CSV import/export belong to the data panel).

export function registerFileCommands(): () => void {
  const offs = [
    registerCommand('file.new', newFile),
    registerCommand('file.open', openFile),
    registerCommand('file.save', async () => void (await saveDocument(false))),
    registerCommand('file.saveAs', async () => void (await saveDocument(true))),
    registerCommand('file.close', closeFile),
    registerCommand('file.exportPng', () => exportPicture('png')),
    registerCommand('file.exportSvg', () => exportPicture('svg')),
  ];
  return () => offs.forEach((off) => off());
}

const TEXT_EDITING: Partial<Record<CommandId, string>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'edit.delete': 'delete',
  'edit.selectAll': 'selectAll',
};

/** a menu command from the desktop: edit commands act on a focused text field, the rest run by id */
export async function runMenuCommand(id: CommandId, active: Element | null = document.activeElement): Promise<void> {
  const textCommand = TEXT_EDITING[id];
  if (textCommand && isTextField(active)) {
    document.execCommand(textCommand);
    return;
  }
  if (!(await runCommand(id))) notify(`“${id}” is not available here.`, 'info');
}

function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(el.type);
  return (el as HTMLElement).isContentEditable === true;
}
