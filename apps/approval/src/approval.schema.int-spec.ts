import { schemaDriftOf } from '@onewindow/testing';
import { approvalService } from './approval.service';

describe('the approval schema', () => {
  it('is exactly what the migrations create: entities and migrations agree', async () => {
    expect(await schemaDriftOf(approvalService)).toEqual([]);
  });
});
