import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The sandbox's mutable data (chats, messages, ...), kept in memory and, when a file is given,
 * saved to it as JSON shortly after each change and on close. Each emulator owns one named
 * section; sections must be plain JSON values.
 */
export class SandboxState {
  readonly #file: string | undefined;
  readonly #sections = new Map<string, unknown>();
  #loaded: Record<string, unknown> = {};
  #saveTimer: ReturnType<typeof setTimeout> | undefined;
  #saving: Promise<void> = Promise.resolve();

  private constructor(file: string | undefined) {
    this.#file = file;
  }

  /** Opens the state, reading `file` when it exists. Without a file, state lives in memory only. */
  static async open(file?: string): Promise<SandboxState> {
    const state = new SandboxState(file);
    if (file === undefined) return state;

    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null) state.#loaded = parsed as Record<string, unknown>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new Error(`The sandbox state file ${file} could not be read: ${(error as Error).message}. Delete it to start from the seed data.`);
      }
    }
    return state;
  }

  /** Returns the named section, from the file when it was saved before, else from `seed()`. */
  section<T>(name: string, seed: () => T): T {
    if (!this.#sections.has(name)) {
      this.#sections.set(name, name in this.#loaded ? (this.#loaded[name] as T) : seed());
    }
    return this.#sections.get(name) as T;
  }

  /** Marks the state as changed; it is saved within half a second when a file is set. */
  changed(): void {
    if (this.#file === undefined || this.#saveTimer !== undefined) return;
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = undefined;
      void this.save();
    }, 500);
  }

  /** Writes all sections to the file now (atomically, through a temporary file). */
  async save(): Promise<void> {
    const file = this.#file;
    if (file === undefined) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;

    const snapshot = JSON.stringify(Object.fromEntries(this.#sections), null, 2);
    this.#saving = this.#saving.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(`${file}.tmp`, snapshot);
      await rename(`${file}.tmp`, file);
    });
    await this.#saving;
  }
}
