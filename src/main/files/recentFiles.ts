import { readFile } from 'node:fs/promises';
import { isAbsolute, normalize } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomicWrite';

// The Open Recent list: most recent first, no duplicates, at most `max`, kept in a small JSON
// file in the app's data folder. A missing or corrupt list is an empty list, never an error.

const StoredList = z.array(z.string().min(1).max(4096)).max(100);

export class RecentFiles {
  private paths: string[] = [];

  constructor(
    private readonly storePath: string,
    private readonly max = 10,
  ) {}

  async load(): Promise<string[]> {
    try {
      const parsed = StoredList.safeParse(JSON.parse(await readFile(this.storePath, 'utf8')));
      this.paths = parsed.success ? parsed.data.filter(isAbsolute).slice(0, this.max) : [];
    } catch {
      this.paths = [];
    }
    return this.list();
  }

  list(): string[] {
    return [...this.paths];
  }

  has(path: string): boolean {
    return this.paths.includes(normalize(path));
  }

  async add(path: string): Promise<void> {
    const p = normalize(path);
    this.paths = [p, ...this.paths.filter((q) => q !== p)].slice(0, this.max);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    const p = normalize(path);
    if (!this.paths.includes(p)) return;
    this.paths = this.paths.filter((q) => q !== p);
    await this.persist();
  }

  async clear(): Promise<void> {
    this.paths = [];
    await this.persist();
  }

  private async persist(): Promise<void> {
    await writeFileAtomic(this.storePath, JSON.stringify(this.paths, null, 2));
  }
}
