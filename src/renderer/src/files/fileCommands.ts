import type { Commands } from '../commands';
import type { CommandId } from '../../../shared/commands';
import type { Notices } from '../store/notices';
import type { DocumentFlows } from './documentFlows';
import type { ExportFlows } from './exportFlows';
import type { ShareFlows } from './shareFlows';

// The 'file.*' commands this part implements (CSV import/export belong to the data panel).

export function fileCommands(flows: DocumentFlows, exports: ExportFlows, share: ShareFlows | null = null): [CommandId, () => void | Promise<void>][] {
  return [
    // the web page's (the desktop shares files)
    ...(share ? [['file.copyShareLink', share.copyShareLink] as [CommandId, () => Promise<void>]] : []),
    ['file.new', flows.newFile],
    ['file.open', flows.openFile],
    ['file.save', async () => void (await flows.saveDocument(false))],
    ['file.saveAs', async () => void (await flows.saveDocument(true))],
    ['file.close', flows.closeFile],
    ['file.exportPng', () => exports.exportPicture('png')],
    ['file.exportSvg', () => exports.exportPicture('svg')],
    ['file.exportPytorch', () => exports.exportCode('pytorch')],
    ['file.exportNumpy', () => exports.exportCode('numpy')],
    ['file.exportNotebook', () => exports.exportCode('notebook')],
  ];
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

/** said when a lesson step hides or locks what a menu command does */
export const MENU_INERT = 'This step of the lesson hides or locks that; it comes back in a later step, or when you leave the lesson.';

/**
 * a menu command from the desktop: edit commands act on a focused text field, one the lesson's
 * step makes inert (lesson/shortcutGate.ts, as for its shortcut) is refused with a word, the rest run by id
 */
export async function runMenuCommand(
  id: CommandId,
  commands: Pick<Commands, 'run'>,
  notices: Pick<Notices, 'notify'>,
  active: Element | null = document.activeElement,
  inert: (id: CommandId) => boolean = () => false,
): Promise<void> {
  const textCommand = TEXT_EDITING[id];
  if (textCommand && isTextField(active)) {
    document.execCommand(textCommand);
    return;
  }
  if (inert(id)) {
    notices.notify(MENU_INERT, 'info');
    return;
  }
  if (!(await commands.run(id))) notices.notify(`“${id}” is not available here.`, 'info');
}

function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(el.type);
  return (el as HTMLElement).isContentEditable === true;
}
