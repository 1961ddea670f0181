import { schemaDriftOf } from '@onewindow/testing';
import { supervisionService } from './supervision.service';

describe('the supervision schema', () => {
  it('is exactly what the migrations create: entities and migrations agree', async () => {
    expect(await schemaDriftOf(supervisionService)).toEqual([]);
  });
});
