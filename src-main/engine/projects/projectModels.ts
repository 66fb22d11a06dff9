// Model folders of a project live beside it in "<project file>.models/", one immutable folder per
// version of a run's model: "<runId>-<16 hex of the content hash>". A save never changes or
// deletes a folder the project file on disk refers to: it stages new versions under temp names,
// renames each complete one into place, and only then renames the project file (the single commit
// point). Versions no longer referenced by the project file or its .bak are collected afterwards,
// SQLite-journal style, and so are the leftovers of interrupted saves (their names record the
// owner pid) on the next save or open.
import { createHash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import type { ProjectRun, SessionProjectRun } from '../../shared/schemas/project';
import { isStale, ownerTag, pidAlive, ownerOf } from '../fsAtomic/ownedNames';
import { backupPathOf, collectStaleTemps, fsyncPath } from '../fsAtomic/writeFileAtomic';
import { ProjectFileError } from './projectErrors';

export function projectModelsDir(projectPath: string): string {
  return `${path.resolve(projectPath)}.models`;
}

/** The folder of one model version inside the project's models folder. */
export function runModelDir(projectPath: string, version: string): string {
  return path.join(projectModelsDir(projectPath), version);
}

/** Folder names a save creates: "<runId>-<16 hex>", or "<runId>-<16 hex>-<8 hex>" on a clash. */
const VERSION = /^[A-Za-z0-9_-]{1,100}-[0-9a-f]{16}(?:-[0-9a-f]{8})?$/;
const STAGING = /^\..+\.\d{1,10}-[0-9a-f]{12}\.(?:staging|trash|lock)$/;

/** Staging folders, trash folders and lock files this process has in use now (base names). */
const active = new Set<string>();

function owned(models: string, stem: string, suffix: 'staging' | 'trash' | 'lock'): string {
  const name = `.${stem}.${ownerTag()}.${suffix}`;
  active.add(name);
  return path.join(models, name);
}

const release = (p: string): boolean => active.delete(path.basename(p));

async function lstatOrNull(p: string): Promise<Stats | null> {
  return fsp.lstat(p).catch(() => null);
}

/** The regular files of a model folder, sorted; refuses links, sub-folders and devices. */
async function modelFiles(dir: string, describe: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile())
      throw new ModelFolderError(
        `${describe}: "${entry.name}" is not a regular file (a link, folder or device); a model folder holds only files.`,
      );
    names.push(entry.name);
  }
  return names.sort();
}

/** Raised for a model folder that is not what a project may refer to. */
export class ModelFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFolderError';
  }
}

/** sha256 over the folder's file names, sizes and contents, in name order. */
async function hashModelFolder(dir: string, names: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const name of names) {
    const bytes = await fsp.readFile(path.join(dir, name));
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Copies the files to a staging folder (each fsynced), then renames it to `dest` in one step. */
async function stageVersion(
  models: string,
  source: string,
  names: readonly string[],
  dest: string,
): Promise<void> {
  const staging = owned(models, path.basename(dest), 'staging');
  try {
    await fsp.mkdir(staging);
    for (const name of names) {
      const to = path.join(staging, name);
      await fsp.copyFile(path.join(source, name), to, constants.COPYFILE_EXCL);
      await fsyncPath(to);
    }
    await fsyncPath(staging);
    await fsp.rename(staging, dest);
    await fsyncPath(models);
  } catch (e) {
    await fsp.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  } finally {
    release(staging);
  }
}

const within = (root: string, p: string): boolean => {
  const rel = path.relative(root, p);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
};

async function realOrSelf(p: string): Promise<string> {
  return fsp.realpath(p).catch(() => path.resolve(p));
}

export interface StoreOptions {
  /**
   * Folders a run's model may be copied from (the session's work folder, the models folders of
   * projects the user opened), besides the project's own. Undefined: the caller vouches for every
   * source (the host's autosave, which only holds folders the session made or opened).
   */
  modelRoots?: readonly string[];
}

export interface StoredModels {
  runs: ProjectRun[];
  warnings: string[];
  /** Releases the save lock; call after the project file is committed (or the save failed). */
  unlock(): Promise<void>;
  /** Version folders this save created (for cleanup when the commit fails). */
  created: string[];
  /** The models folder did not exist before this save. */
  createdModelsDir: boolean;
}

/**
 * Brings each run's model under the project as an immutable version folder and returns the runs
 * with modelDir relative to the project's folder. A run whose model folder has gone keeps
 * modelDir null and a warning. Nothing the project file on disk refers to is touched.
 */
export async function storeRunModels(
  projectPath: string,
  runs: readonly SessionProjectRun[],
  options: StoreOptions,
): Promise<StoredModels> {
  const file = path.resolve(projectPath);
  const models = projectModelsDir(file);
  const rel = (version: string): string => `${path.basename(models)}/${version}`;
  const warnings: string[] = [];
  const out: ProjectRun[] = [];
  const created: string[] = [];
  let lock: string | null = null;
  let createdModelsDir = false;
  const roots =
    options.modelRoots === undefined
      ? null
      : await Promise.all([models, ...options.modelRoots].map((r) => realOrSelf(r)));
  const ensureModels = async (): Promise<void> => {
    if (lock !== null) return;
    const info = await lstatOrNull(models);
    if (info === null) {
      await fsp.mkdir(models);
      createdModelsDir = true;
    } else if (!info.isDirectory()) {
      throw new ModelFolderError(
        `"${path.basename(models)}" beside the project is not a folder (or is a link); move it away and save again.`,
      );
    }
    lock = owned(models, 'save', 'lock');
    await fsp.writeFile(lock, `${process.pid}\n`, { flag: 'wx' });
  };
  const unlock = async (): Promise<void> => {
    if (lock === null) return;
    await fsp.rm(lock, { force: true }).catch(() => undefined);
    release(lock);
    lock = null;
  };
  try {
    for (const run of runs) {
      if (typeof run.modelDir !== 'string') {
        out.push({ ...run, modelDir: null });
        continue;
      }
      const source = path.resolve(run.modelDir);
      const info = await fsp.stat(source).catch(() => null);
      if (!info?.isDirectory()) {
        warnings.push(`Run ${run.id}: its model files are gone; it was saved without its model.`);
        out.push({ ...run, modelDir: null });
        continue;
      }
      const real = await realOrSelf(source);
      if (roots !== null && !roots.some((root) => within(root, real)))
        throw new ModelFolderError(
          `Run ${run.id}: its model folder is not one this session trained or opened; the project was not saved.`,
        );
      const names = await modelFiles(source, `Run ${run.id}`);
      const digest = (await hashModelFolder(source, names)).slice(0, 16);
      let version = `${run.id}-${digest}`;
      let dest = path.join(models, version);
      if (source !== dest) {
        await ensureModels();
        const existing = await lstatOrNull(dest);
        if (existing !== null) {
          // Same content hash: reuse it, after checking it really is that content.
          const same =
            existing.isDirectory() &&
            (await modelFiles(dest, `Run ${run.id}`)
              .then((n) => hashModelFolder(dest, n))
              .then((h) => h.startsWith(digest))
              .catch(() => false));
          if (!same) {
            version = `${version}-${ownerTag().slice(-8)}`;
            dest = path.join(models, version);
          }
        }
        if ((await lstatOrNull(dest)) === null) {
          await stageVersion(models, source, names, dest);
          created.push(dest);
        }
      }
      out.push({ ...run, modelDir: rel(version) });
    }
  } catch (e) {
    await discardStored({ created, createdModelsDir, unlock }, models);
    throw e;
  }
  return { runs: out, warnings, unlock, created, createdModelsDir };
}

/** Undoes a save that did not commit: the versions it made, its lock, a models folder it made. */
export async function discardStored(
  stored: Pick<StoredModels, 'created' | 'createdModelsDir' | 'unlock'>,
  models: string,
): Promise<void> {
  for (const dir of stored.created) await fsp.rm(dir, { recursive: true, force: true });
  await stored.unlock();
  if (stored.createdModelsDir) await fsp.rmdir(models).catch(() => undefined);
}

/**
 * The reverse on open: absolute model folders, null (and listed) where a folder is missing. A
 * model folder is always looked up inside this project's own models folder, and must be a real
 * folder of regular files there: a link that leads elsewhere is refused.
 */
export async function resolveRunModels(
  projectPath: string,
  runs: readonly ProjectRun[],
): Promise<{ runs: SessionProjectRun[]; missingModels: string[] }> {
  const file = path.resolve(projectPath);
  const models = projectModelsDir(file);
  const missingModels: string[] = [];
  const out: SessionProjectRun[] = [];
  const modelsInfo = await lstatOrNull(models);
  const refuse = (run: ProjectRun, why: string): never => {
    throw new ProjectFileError(
      'invalid',
      file,
      `"${file}" is not a valid project file: run ${run.id}: ${why}`,
    );
  };
  for (const run of runs) {
    if (typeof run.modelDir !== 'string') {
      out.push({ ...run, modelDir: null });
      continue;
    }
    const version = run.modelDir.slice(run.modelDir.lastIndexOf('/') + 1);
    if (modelsInfo === null) {
      missingModels.push(run.id);
      out.push({ ...run, modelDir: null });
      continue;
    }
    if (!modelsInfo.isDirectory())
      refuse(run, `"${path.basename(models)}" is a link or not a folder.`);
    const dir = path.join(models, version);
    const info = await lstatOrNull(dir);
    if (info === null) {
      missingModels.push(run.id);
      out.push({ ...run, modelDir: null });
      continue;
    }
    if (!info.isDirectory())
      refuse(
        run,
        `its model folder "${version}" is a link or not a folder; it must be a real folder inside the project's own models folder.`,
      );
    const real = await realOrSelf(dir);
    if (!within(await realOrSelf(models), real))
      refuse(run, `its model folder "${version}" leads outside the project's own models folder.`);
    const names = await modelFiles(dir, `its model folder "${version}"`).catch((e: unknown) =>
      refuse(run, e instanceof Error ? e.message : String(e)),
    );
    if (!names.includes('model.json')) {
      // An emptied folder (as older versions' interrupted saves could leave): say it is missing.
      missingModels.push(run.id);
      out.push({ ...run, modelDir: null });
      continue;
    }
    out.push({ ...run, modelDir: dir });
  }
  return { runs: out, missingModels };
}

/** Version folder names a project file refers to; null when the file exists but cannot be read. */
async function referencedVersions(file: string): Promise<Set<string> | null> {
  let text: string;
  try {
    text = await fsp.readFile(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? new Set() : null;
  }
  try {
    const data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as {
      runs?: { modelDir?: unknown }[];
    };
    const refs = new Set<string>();
    for (const run of Array.isArray(data.runs) ? data.runs : []) {
      const dir = run?.modelDir;
      if (typeof dir === 'string') refs.add(dir.slice(dir.lastIndexOf('/') + 1));
    }
    return refs;
  } catch {
    return null;
  }
}

/**
 * Collects what interrupted saves left (temp project files, staging and trash folders, locks of
 * dead processes) and model versions neither the project file nor its .bak refers to. Skips the
 * versions while another live process is saving this project. Returns the names removed.
 */
export async function collectProjectGarbage(
  projectPath: string,
  /** Version folder names to keep even if no project file refers to them (a save's sources). */
  keep: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const file = path.resolve(projectPath);
  const removed = await collectStaleTemps(file);
  const models = projectModelsDir(file);
  const info = await lstatOrNull(models);
  if (!info?.isDirectory()) return removed;
  const names = await fsp.readdir(models);
  let foreignSave = false;
  for (const name of names) {
    if (!STAGING.test(name)) continue;
    if (isStale(name, active)) {
      await fsp.rm(path.join(models, name), { recursive: true, force: true });
      removed.push(name);
    } else if (name.endsWith('.lock')) {
      const owner = ownerOf(name);
      if (owner !== null && owner !== process.pid && pidAlive(owner)) foreignSave = true;
    }
  }
  if (foreignSave) return removed;
  const current = await referencedVersions(file);
  if (current === null) return removed;
  const previous = (await referencedVersions(backupPathOf(file))) ?? new Set<string>();
  for (const name of names) {
    if (!VERSION.test(name) || current.has(name) || previous.has(name) || keep.has(name)) continue;
    const dir = path.join(models, name);
    if (!(await lstatOrNull(dir))?.isDirectory()) continue;
    // Out of the way in one step, so a half-deleted folder never keeps a version's name.
    const trash = owned(models, name, 'trash');
    try {
      await fsp.rename(dir, trash);
      await fsp.rm(trash, { recursive: true, force: true });
      removed.push(name);
    } finally {
      release(trash);
    }
  }
  if ((await fsp.readdir(models)).length === 0) await fsp.rmdir(models).catch(() => undefined);
  return removed;
}
