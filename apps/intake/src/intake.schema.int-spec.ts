import { schemaDriftOf } from '@onewindow/testing';
import { intakeService } from './intake.service';

describe('the intake schema', () => {
  it('is exactly what the migrations create: entities and migrations agree', async () => {
    expect(await schemaDriftOf(intakeService)).toEqual([]);
  });
});
