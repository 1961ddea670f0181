import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeRecordFile, encodeRecordFile, FILE_ENCODINGS, FILE_FORMATS, RecordFileError, type FileLayout } from '@onewindow/mapping';
import { SettingsReader } from '../adapters/settings';
import { TransportError, type InboundItem, type OutboundTransport, type PolledSource, type TransportKind } from '../adapters/transport';

interface FileSettings extends FileLayout {
  folder: string;
}

function read(settings: Record<string, unknown>, path: string): { value: FileSettings; reader: SettingsReader } {
  const reader = new SettingsReader(settings, path);
  const folder = reader.string('folder') ?? '';
  const format = reader.oneOf('format', FILE_FORMATS) ?? 'csv';
  const encoding = reader.oneOf('encoding', FILE_ENCODINGS, 'utf-8') ?? 'utf-8';
  const xmlRoot = reader.string('xmlRoot', { optional: true, pattern: /^[A-Za-z_][\w.-]*$/, hint: '必须是 XML 元素名' });
  const xmlRecord = reader.string('xmlRecord', { optional: true, pattern: /^[A-Za-z_][\w.-]*$/, hint: '必须是 XML 元素名' });
  const arrays = settings['xmlArrays'];
  if (arrays !== undefined && (!Array.isArray(arrays) || arrays.some((a) => typeof a !== 'string'))) {
    reader.problems.push({ path: `${path}.xmlArrays`, message: '必须是元素路径列表' });
  }
  return {
    value: {
      folder,
      format,
      encoding,
      ...(xmlRoot ? { xmlRoot } : {}),
      ...(xmlRecord ? { xmlRecord } : {}),
      ...(Array.isArray(arrays) ? { xmlArrays: arrays as string[] } : {}),
    },
    reader,
  };
}

/**
 * File drop out: one file per delivery, written under a temporary name and renamed, so the
 * department's importer never reads half a file. Named `{application number}-{delivery id}`.
 */
export class FileOutboundTransport implements OutboundTransport {
  constructor(private readonly settings: FileSettings) {}

  async send(record: Record<string, unknown>, meta: { deliveryId: string; applicationNumber: string }) {
    await mkdir(this.settings.folder, { recursive: true });
    const name = `${meta.applicationNumber}-${meta.deliveryId}.${this.settings.format}`;
    const temporary = join(this.settings.folder, `.${name}.part`);
    let bytes: Buffer;
    try {
      bytes = encodeRecordFile([record], this.settings);
    } catch (error) {
      // The same record will never fit the encoding: a dead letter naming the field, not retries.
      if (error instanceof RecordFileError) throw new TransportError(error.message, false, error.field, error.code);
      throw error;
    }
    await writeFile(temporary, bytes);
    await rename(temporary, join(this.settings.folder, name));
    return { acknowledged: false, reference: name };
  }
}

/**
 * File drop in: picks up `*.csv` / `*.xml` in name order; a handled file moves to `processed/`,
 * a refused one to `failed/` (its records are in the dead letters with the reason).
 */
export class FileInboundSource implements PolledSource {
  constructor(private readonly settings: FileSettings) {}

  async poll(limit: number): Promise<InboundItem[]> {
    await mkdir(this.settings.folder, { recursive: true });
    const names = (await readdir(this.settings.folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && entry.name.toLowerCase().endsWith(`.${this.settings.format}`))
      .map((entry) => entry.name)
      .sort()
      .slice(0, limit);
    const items: InboundItem[] = [];
    for (const name of names) {
      const bytes = await readFile(join(this.settings.folder, name));
      const { text, decoded } = decodeRecordFile(bytes, this.settings);
      items.push({
        reference: name,
        raw: text,
        decoded,
        done: async (outcome) => {
          const target = join(this.settings.folder, outcome === 'processed' ? 'processed' : 'failed');
          await mkdir(target, { recursive: true });
          await rename(join(this.settings.folder, name), join(target, name));
        },
      });
    }
    return items;
  }
}

export const fileTransportKind: TransportKind = {
  kind: 'file',
  check: (settings, path) => read(settings, path).reader.problems,
  outbound: (settings) => new FileOutboundTransport(read(settings, '').value),
  inbound: (settings) => new FileInboundSource(read(settings, '').value),
};
