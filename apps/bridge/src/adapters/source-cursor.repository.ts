import { DataSource } from 'typeorm';
import { SourceCursor } from './source-cursor.entity';

/**
 * How far the bridge has read each polled table source (读取位置), kept in its own database, not
 * the department's. Built by the table transport, which exists outside Nest's container.
 */
export class SourceCursorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The position read up to, or null before the first row is taken. */
  async position(sourceId: string): Promise<string | null> {
    const cursor = await this.dataSource.getRepository(SourceCursor).findOne({ where: { sourceId } });
    return cursor?.position ?? null;
  }

  async moveTo(sourceId: string, position: string): Promise<void> {
    await this.dataSource.getRepository(SourceCursor).upsert({ sourceId, position }, ['sourceId']);
  }
}
