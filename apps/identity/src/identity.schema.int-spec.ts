import { schemaDriftOf } from '@onewindow/testing';
import { identityService } from './identity.service';

describe('the identity schema', () => {
  it('is exactly what the migrations create: entities and migrations agree', async () => {
    expect(await schemaDriftOf(identityService)).toEqual([]);
  });
});
