import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../src/renderer/src/canvas/editShortcuts';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
  shortcutFor({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('editor shortcuts', () => {
  it('map the usual chords to the edit and view commands, with Ctrl or ⌘', () => {
    expect(key('z', { ctrlKey: true })).toBe('edit.undo');
    expect(key('Z', { metaKey: true, shiftKey: true })).toBe('edit.redo');
    expect(key('y', { ctrlKey: true })).toBe('edit.redo');
    expect(key('c', { ctrlKey: true })).toBe('edit.copy');
    expect(key('v', { metaKey: true })).toBe('edit.paste');
    expect(key('x', { ctrlKey: true })).toBe('edit.cut');
    expect(key('d', { ctrlKey: true })).toBe('edit.duplicate');
    expect(key('a', { ctrlKey: true })).toBe('edit.selectAll');
    expect(key('Delete')).toBe('edit.delete');
    expect(key('Backspace')).toBe('edit.delete');
    expect(key('=', { ctrlKey: true })).toBe('view.zoomIn');
    expect(key('-', { ctrlKey: true })).toBe('view.zoomOut');
    expect(key('0', { ctrlKey: true })).toBe('view.fit');
    expect(key('L', { ctrlKey: true, shiftKey: true })).toBe('view.layout');
  });
  it('leave plain letters and Alt chords alone', () => {
    expect(key('z')).toBeNull();
    expect(key('a')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
  });
});
