// Child process of the throughput section: the pipeline and retext-english's parse timed on the same texts in
// a fresh process. How fast the pipeline runs depends on how V8 compiled and placed its code in that
// process: two copies of the same pipeline in one process differed by up to 1.4×, across every function. The
// section takes the median of several processes, so that one draw does not decide the figure.
//
// `<texts.json> <runs>`: a JSON array of the texts; replies with the pipeline's and the parse's rates.
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import retextEnglish from 'retext-english';
import { analyze } from '../../src/core/pipeline.js';
import { rate, warmUp, type Rate } from './throughputRate.js';

export interface ThroughputChildResult {
  pipeline: Rate;
  parse: Rate;
}

const parser = unified().use(retextEnglish).freeze();

if (!process.send) throw new Error('throughputChild runs as a child process of the benchmark (fork with an IPC channel)');
const [file, runs] = process.argv.slice(2);
const texts = JSON.parse(readFileSync(file, 'utf8')) as string[];
const pipelineFn = (t: string) => void analyze(t);
const parseFn = (t: string) => void parser.parse(t);
warmUp(texts, pipelineFn);
warmUp(texts, parseFn);
const result: ThroughputChildResult = { pipeline: rate(texts, pipelineFn, Number(runs)), parse: rate(texts, parseFn, Number(runs)) };
process.send(result, () => process.exit(0));
