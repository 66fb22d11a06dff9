// Uploaded files live in uploadsDir/<uploadId>/<original name>: the folder keeps the analyst's file
// name for messages and reports, the random id keeps uploads apart.
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Keeps a browser-supplied name to one harmless path segment. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^A-Za-z0-9 ._()-]/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return cleaned.length > 0 ? cleaned : 'upload.csv';
}

export async function newUploadSlot(
  uploadsDir: string,
  rawName: string,
): Promise<{ uploadId: string; name: string; folder: string; file: string }> {
  const name = safeFileName(rawName);
  const uploadId = `up_${randomBytes(16).toString('hex')}`;
  const folder = path.join(uploadsDir, uploadId);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  return { uploadId, name, folder, file: path.join(folder, name) };
}

export async function storeUploadText(
  uploadsDir: string,
  rawName: string,
  text: string,
): Promise<{ uploadId: string; name: string; sizeBytes: number }> {
  const slot = await newUploadSlot(uploadsDir, rawName);
  try {
    await writeFile(slot.file, text, { mode: 0o600 });
  } catch (error) {
    await rm(slot.folder, { recursive: true, force: true });
    throw error;
  }
  return { uploadId: slot.uploadId, name: slot.name, sizeBytes: Buffer.byteLength(text) };
}
