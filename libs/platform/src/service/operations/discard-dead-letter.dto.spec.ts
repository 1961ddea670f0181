import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldErrors } from '../../http/validation-messages';
import { DiscardDeadLetterDto, discardedByOf } from './discard-dead-letter.dto';

function problems(plain: object) {
  return toFieldErrors(validateSync(plainToInstance(DiscardDeadLetterDto, plain), { whitelist: true, forbidNonWhitelisted: true }));
}

describe('discarding a dead letter', () => {
  it('asks for a reason when there is none or it is blank', () => {
    for (const body of [{}, { reason: '' }, { reason: ' \n\t ' }, { reason: 42 }]) {
      expect(problems(body)).toEqual([expect.objectContaining({ path: 'reason', message: expect.stringMatching(/^请填写“?丢弃原因”?$/) })]);
    }
  });

  it('refuses a reason longer than 500 characters and takes one of 500', () => {
    expect(problems({ reason: '废'.repeat(501) })).toEqual([
      expect.objectContaining({ path: 'reason', message: '丢弃原因不能超过500个字' }),
    ]);
    expect(problems({ reason: '废'.repeat(500) })).toEqual([]);
  });

  it('names who discarded by name and account id', () => {
    expect(discardedByOf({ id: 'admin', name: '系统管理员' })).toBe('系统管理员（admin）');
  });
});
