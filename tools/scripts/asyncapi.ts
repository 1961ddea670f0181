import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsyncApiYaml } from '../../libs/contracts/src/asyncapi/asyncapi-document';

const target = join(__dirname, '..', '..', 'docs', 'asyncapi.yaml');
writeFileSync(target, renderAsyncApiYaml());
process.stdout.write(`wrote ${target}\n`);
