// What the app remembers between runs: recent files and the crash-recovery copy of unsaved work.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Recovery, RecentFile } from '../../shared/host-api.ts';
import { writeFileAtomic } from '../disk/atomic-write.ts';
import { ensurePrivateDir, isStateDir, STATE_FILE_MODE } from '../disk/state-dir.ts';

const MAX_RECENT = 10;

export class AppState {
  constructor(readonly dir: string) {}

  private async read<T>(file: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
    try {
      const parsed = schema.safeParse(
        JSON.parse(await readFile(path.join(this.dir, file), 'utf8')),
      );
      return parsed.success ? parsed.data : fallback; // a damaged state file is forgotten, not fatal
    } catch {
      return fallback;
    }
  }

  private async write(file: string, value: unknown): Promise<void> {
    await ensurePrivateDir(this.dir, isStateDir);
    await writeFileAtomic(path.join(this.dir, file), JSON.stringify(value, null, 2) + '\n', {
      mode: STATE_FILE_MODE,
    });
  }

  recent(): Promise<RecentFile[]> {
    return this.read('recent.json', z.array(RecentFile), []);
  }

  async touchRecent(file: string): Promise<void> {
    const list = (await this.recent()).filter((r) => r.path !== file);
    list.unshift({ path: file, openedAt: new Date().toISOString() });
    await this.write('recent.json', list.slice(0, MAX_RECENT));
  }

  recovery(): Promise<Recovery | null> {
    return this.read('recovery.json', Recovery.nullable(), null);
  }

  async putRecovery(r: Recovery): Promise<void> {
    await this.write('recovery.json', r);
  }

  async clearRecovery(): Promise<void> {
    await this.write('recovery.json', null);
  }
}
