// Text of a .seriesstudio file → a validated Project, with errors that say what is wrong and where.
import { PROJECT_FORMAT, PROJECT_SCHEMA_VERSION, Project } from '../../shared/schemas/project';
import { jsonErrorOffset, lineColumn } from './jsonErrorPosition';
import { ProjectFileError } from './projectErrors';

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const offset = jsonErrorOffset(text) ?? text.length;
    const { line, column } = lineColumn(text, offset);
    const detail = e instanceof Error ? e.message : String(e);
    const where =
      offset >= text.length ? 'the file ends early' : `at line ${line}, column ${column}`;
    throw new ProjectFileError(
      'corrupt-json',
      file,
      `"${file}" is not valid JSON: ${where} (position ${offset}). ${detail}`,
      { offset, line, column },
      e,
    );
  }
}

export function parseProjectText(file: string, raw: string): Project {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const data = parseJson(file, text);
  const record =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : null;
  if (record?.['format'] !== PROJECT_FORMAT) {
    throw new ProjectFileError(
      'not-a-project',
      file,
      `"${file}" is not a Series Studio project (no "format": "${PROJECT_FORMAT}").`,
    );
  }
  const version = record['schemaVersion'];
  if (
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version > PROJECT_SCHEMA_VERSION
  ) {
    throw new ProjectFileError(
      'newer-schema',
      file,
      `"${file}" was made by a newer Series Studio (schema ${version}); this version reads up to ${PROJECT_SCHEMA_VERSION}.`,
    );
  }
  const parsed = Project.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new ProjectFileError('invalid', file, `"${file}" is not a valid project file: ${issues}`);
  }
  return parsed.data;
}
