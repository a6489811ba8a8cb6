// The bench's command line: paths resolved against the working directory, the mistakes refused with a reason.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../eval/tool-args.js';
import { parseBenchArgs } from './parse-bench-args.js';

const cwd = '/work/main';

describe('parseBenchArgs', () => {
  it('by default: the BBC corpus beside the repository, every file, the seed article, no scale side', () => {
    expect(parseBenchArgs([], cwd)).toEqual({
      corpus: '/work/shared/corpus/bbc',
      limit: null,
      article: '/work/main/seeds/000_2cd020d2d7a82209.txt',
      scale: null,
      json: false,
    });
  });

  it('paths are taken relative to the working directory', () => {
    const options = parseBenchArgs(['--corpus', 'fixtures/news', '--article', '/tmp/a.txt', '--limit', '100', '--scale', '10', '--json'], cwd);
    expect(options).toEqual({ corpus: '/work/main/fixtures/news', limit: 100, article: '/tmp/a.txt', scale: 10, json: true });
  });

  it('-h and --help ask for the usage text', () => {
    expect(parseBenchArgs(['-h'], cwd)).toBe('help');
    expect(parseBenchArgs(['--limit', '5', '--help'], cwd)).toBe('help');
  });

  it.each([
    [['--limit', '0'], '--limit expects a positive integer, got "0"'],
    [['--scale', '1'], '--scale expects at least 2 (the corpus listed k times), got "1"'],
    [['--scale', 'ten'], '--scale expects a positive integer, got "ten"'],
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parseBenchArgs(argv, cwd)).toThrow(message);
  });

  it('an option it does not know (such as the dropped --rounds) is a usage error that shows the usage', () => {
    let error: unknown;
    try {
      parseBenchArgs(['--rounds', '3'], cwd);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).showUsage).toBe(true);
    expect((error as UsageError).message).toMatch(/--rounds/);
  });
});
