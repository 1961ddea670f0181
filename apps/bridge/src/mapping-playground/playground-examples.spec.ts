import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { playgroundExamples } from './playground-examples';
import { runPlayground } from './run-playground';

const fixtures = join(__dirname, '..', 'demo', 'testing');
const GOLDEN_INPUTS: Record<string, string> = {
  'scjgj-result': 'market.result.input.json',
  'wjw-result': 'health.result.input.xml',
  'zjj-result': 'zjj.result.approved.input.xml',
  'xfjy-penalty': 'fire.supervision-record.input.json',
};

describe('mapping playground examples', () => {
  it.each(playgroundExamples().map((example) => [example.id, example] as const))(
    '%s carries the demo system’s golden input byte for byte and maps without errors',
    (id, example) => {
      expect(Buffer.from(example.sampleBase64, 'base64').equals(readFileSync(join(fixtures, GOLDEN_INPUTS[id] as string)))).toBe(true);
      const outcome = runPlayground({ ...example, sampleBase64: example.sampleBase64 });
      expect(outcome).toMatchObject({ ok: true, encoding: example.encoding });
    },
  );

  it('reads typed text in the chosen encoding, so a GBK example edited on the page still maps', () => {
    const health = playgroundExamples().find((example) => example.id === 'wjw-result')!;
    const outcome = runPlayground({
      sampleText: health.sampleText,
      format: 'xml',
      encoding: 'gbk',
      xmlRoot: 'WSXK_JG',
      specText: health.specText,
    });
    expect(outcome).toMatchObject({
      ok: true,
      records: [{ outcome: 'approved', licence: { number: '鲁卫公证字〔2026〕第371502-0087号' } }],
    });
  });

  it('lists problems of the department code tables by their path', () => {
    const construction = playgroundExamples().find((example) => example.id === 'zjj-result')!;
    const outcome = runPlayground({
      sampleText: construction.sampleText,
      format: 'xml',
      encoding: 'gbk',
      specText: construction.specText,
      codeTablesText: '- { name: x }\n',
    });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems[0]).toMatchObject({ stage: 'spec', path: expect.stringMatching(/^codeTables\[0\]/) });
  });
});
