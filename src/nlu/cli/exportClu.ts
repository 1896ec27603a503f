import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../../projectRoot';
import { cluProjectOf } from '../clu/projectExport';
import { loadCorpus } from '../local/corpus';

const USAGE = `usage: npm run nlu:export-clu -- [--corpus data/nlu/corpus.jsonl] [--project sampark] [--out file.json]
Writes the training corpus as a CLU conversation project to import (Language Studio > Import, or the
authoring API :import); without --out the JSON goes to stdout.`;

/** Exports the local corpus in CLU's project import format, so a discom trains CLU on the same data. */
function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: { corpus: { type: 'string' }, project: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // npm runs scripts from the project root and records where the command was typed in INIT_CWD.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const corpus = values.corpus ? path.resolve(cwd, values.corpus) : path.join(projectRoot(), 'data', 'nlu', 'corpus.jsonl');
  const project = cluProjectOf(loadCorpus(corpus), values.project ?? 'sampark');
  const json = `${JSON.stringify(project, null, 2)}\n`;
  if (!values.out) {
    process.stdout.write(json);
    return;
  }
  fs.writeFileSync(path.resolve(cwd, values.out), json);
  process.stderr.write(`${project.assets.utterances.length} utterances, ${project.assets.intents.length} intents written to ${values.out}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
  process.exitCode = 1;
}
