import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ItemWorkflow } from './item-workflow.entity';

/**
 * Each item's configured workflow (审批流程): its steps, whether duties are separated (审批分离) and
 * how its licences are numbered and how long they run. An item without one follows the default
 * steps of its handling type. Every read and write of it goes through here.
 */
@Injectable()
export class ItemWorkflowRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The item's configured workflow, or null when it follows the default. */
  async find(itemCode: string, tx: EntityManager = this.dataSource.manager): Promise<ItemWorkflow | null> {
    return tx.getRepository(ItemWorkflow).findOne({ where: { itemCode } });
  }

  /** Writes the item's workflow, new or replacing the one configured, and answers it as written. */
  async save(workflow: Omit<ItemWorkflow, 'updatedAt'>): Promise<ItemWorkflow> {
    return this.dataSource.getRepository(ItemWorkflow).save(workflow);
  }

  /** Configures several items at once (the demo's). */
  async saveAll(workflows: Array<Omit<ItemWorkflow, 'updatedAt'>>): Promise<void> {
    await this.dataSource.getRepository(ItemWorkflow).save(workflows);
  }
}
