import { schemaDriftOf } from '@onewindow/testing';
import { bridgeService } from './bridge.service';

describe('the bridge schema', () => {
  it('is exactly what the migrations create: entities and migrations agree', async () => {
    expect(await schemaDriftOf(bridgeService)).toEqual([]);
  });
});
