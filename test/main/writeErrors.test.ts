import { describe, expect, it } from 'vitest';
import { describeWriteError } from '../../src/main/files/writeErrors';
import { describeReadError } from '../../src/main/files/readDocument';

// A failed save or open says, in words, which of the person's files and what went wrong.

const systemError = (code: string) =>
  Object.assign(new Error(`${code}: something, open '/home/u/work/.net.bpgraph.json.123-abcd.bpgraph-tmp'`), { code, errno: -28, syscall: 'open' });

describe('describeWriteError', () => {
  it.each([
    ['ENOSPC', /disk is full/],
    ['EDQUOT', /disk is full/],
    ['EACCES', /permission to write in the folder “work”/],
    ['EPERM', /permission/],
    ['EROFS', /read-only/],
    ['ENAMETOOLONG', /name is too long/],
    ['EBUSY', /in use by another program/],
    ['EIO', /disk reported a failure/],
    ['ENOENT', /folder “work” no longer exists/],
    ['EWHATEVER', /unexpected problem/],
  ])('%s', (code, words) => {
    const message = describeWriteError('/home/u/work/net.bpgraph.json', '/home/u/work', systemError(code));
    expect(message).toMatch(/^“net\.bpgraph\.json” could not be saved: /);
    expect(message).toMatch(words);
    expect(message).not.toMatch(/bpgraph-tmp|E[A-Z]{3,}|errno|syscall|open '/);
  });
});

describe('describeReadError', () => {
  it('words an unknown failure without the system text', () => {
    const message = describeReadError('net.bpgraph.json', systemError('EWHATEVER'));
    expect(message).toMatch(/^“net\.bpgraph\.json” could not be read/);
    expect(message).not.toMatch(/EWHATEVER|open '/);
  });
});
