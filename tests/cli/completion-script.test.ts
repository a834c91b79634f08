import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionModel, type CompletionModel } from '../../src/cli/completion-script.js';
import { createProgram } from '../../src/cli/main.js';
import { DATASET_NAMES } from '../../src/datasets/types.js';
import { dash } from '../support/io.js';
import { tempDir } from '../support/fixtures.js';

// Each script is loaded into its real shell (installed by .ci/run) and asked for completions the way the shell's
// completion system asks; zsh's completion widgets only run inside a line editor, so there its two entry points
// (_describe, _arguments) are replaced by functions that print what they were given.

const program = createProgram({ stdout: process.stdout, stderr: process.stderr, env: {}, cwd: '/', now: () => new Date(0) }, () => undefined);
const model: CompletionModel = completionModel(program, { '--only': DATASET_NAMES });

function shell(command: string, args: string[], cwd: string): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cwd, XDG_CONFIG_HOME: cwd, XDG_DATA_HOME: cwd } });
  if (r.error) throw new Error(`${command} is needed for this test (apt-get install ${command}): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${command} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

let dir: string;
const scripts: Record<string, string> = {};

// One folder for the whole file (tempDir's are removed after each test).
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dash-completion-'));
  for (const name of ['bash', 'zsh', 'fish']) {
    const r = await dash(['completion', name], { cwd: dir });
    expect(r.code).toBe(0);
    scripts[name] = join(dir, `dash.${name}`);
    await writeFile(scripts[name] as string, r.stdout);
  }
  await writeFile(join(dir, 'data_one'), '');
  await writeFile(join(dir, 'README'), '');
  await mkdir(join(dir, 'data_dir'));
  await mkdir(join(dir, 'dist_dir'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the completion model', () => {
  it('holds every command and option of the program, with the value each option takes', () => {
    expect(model.commands.map((c) => c.name)).toEqual(program.commands.map((c) => c.name()));
    expect(model.commands.map((c) => c.name)).toEqual(['build', 'cache', 'site', 'serve', 'dev', 'status', 'demo', 'clean', 'completion']);
    const build = model.commands.find((c) => c.name === 'build');
    expect(build?.options.map((o) => o.long)).toEqual(['--datasets', '--cache', '--out', '--only', '--force', '--demo', '--json', '--help']);
    expect(build?.options.find((o) => o.long === '--datasets')?.value).toEqual({ kind: 'dir' });
    expect(build?.options.find((o) => o.long === '--only')?.value).toEqual({ kind: 'list', words: DATASET_NAMES });
    expect(build?.options.find((o) => o.long === '--force')?.value).toEqual({ kind: 'none' });
    expect(model.commands.find((c) => c.name === 'demo')?.options.find((o) => o.long === '--scale')?.value).toEqual({ kind: 'words', words: ['small', 'full'] });
    expect(model.commands.find((c) => c.name === 'completion')?.argument).toEqual({ kind: 'words', words: ['bash', 'zsh', 'fish'] });
    expect(model.options.map((o) => [o.long, o.short])).toEqual([
      ['--version', '-V'],
      ['--help', '-h'],
    ]);
  });

  it('rejects a shell it has no script for (exit 2)', async () => {
    const r = await dash(['completion', 'tcsh'], { cwd: await tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("dash: command-argument value 'tcsh' is invalid for argument 'shell'. Allowed choices are bash, zsh, fish.");
  });
});

describe('dash completion bash, in bash', () => {
  /** COMPREPLY for the command line `words`, the last word being the one completed. */
  const complete = (...words: string[]): string[] => {
    const line = ['dash', ...words].map((w) => `'${w}'`).join(' ');
    const out = shell('bash', ['-c', `source "$0"; COMP_WORDS=(${line}); COMP_CWORD=${words.length}; _dash; printf '%s\\n' "\${COMPREPLY[@]}"`, scripts.bash as string], dir);
    return out.split('\n').filter((s) => s !== '');
  };

  it('completes commands, each command’s options and the values they take', () => {
    expect(complete('')).toEqual(['build', 'cache', 'site', 'serve', 'dev', 'status', 'demo', 'clean', 'completion', '--version', '-V', '--help', '-h']);
    expect(complete('c')).toEqual(['cache', 'clean', 'completion']);
    for (const command of model.commands) {
      expect(complete(command.name, '--'), command.name).toEqual(command.options.map((o) => o.long));
    }
    expect(complete('cache', '--ch')).toEqual(['--check']);
    expect(complete('demo', '--scale', '')).toEqual(['small', 'full']);
    expect(complete('build', '--only', 'equipment,b')).toEqual(['equipment,bases']);
    expect(complete('build', '--only', '')).toEqual([...DATASET_NAMES]);
    expect(complete('build', '--datasets', 'd').sort()).toEqual(['data_dir', 'dist_dir']);
    expect(complete('serve', '--port', '')).toEqual([]);
    expect(complete('completion', '')).toEqual(['--help', '-h', 'bash', 'zsh', 'fish']);
  });
});

describe('dash completion fish, in fish', () => {
  const complete = (line: string): string[] =>
    shell('fish', ['--no-config', '-c', `source $argv[1]; complete -C '${line}'`, scripts.fish as string], dir)
      .split('\n')
      .filter((s) => s !== '');

  it('completes commands with their descriptions, options and values', () => {
    expect(complete('dash ')).toEqual(model.commands.map((c) => `${c.name}\t${c.description}`).sort());
    expect(complete('dash cache --ch')).toEqual(['--check\tbuild nothing; exit 1 if any cache is stale or missing']);
    expect(complete('dash demo --scale ').map((s) => s.split('\t')[0])).toEqual(['full', 'small']);
    expect(complete('dash build --only equipment,b').map((s) => s.split('\t')[0])).toEqual(['equipment,bases']);
    expect(complete('dash build --datasets d').map((s) => s.split('\t')[0])).toEqual(['data_dir/', 'dist_dir/']);
    expect(complete('dash completion ').filter((s) => !s.startsWith('-'))).toEqual(['bash', 'fish', 'zsh']);
    for (const command of model.commands) {
      const longs = complete(`dash ${command.name} --`).map((s) => s.split('\t')[0]);
      expect(longs.sort(), command.name).toEqual(command.options.map((o) => o.long).sort());
    }
  });
});

describe('dash completion zsh, in zsh', () => {
  /** What _describe and _arguments receive for the command line, the last word being the one completed. */
  const calls = (...words: string[]): string[] => {
    const line = ['dash', ...words].map((w) => `'${w}'`).join(' ');
    const script = [
      'compdef() { print -r -- "compdef $*" }',
      'source $1',
      "_describe() { print -r -- \"_describe ${(j:|:)${(P)${@[-1]}}}\" }",
      '_arguments() { print -rl -- "_arguments" "$@" }',
      `words=(${line}); CURRENT=${words.length + 1}`,
      '_dash',
    ].join('\n');
    return shell('zsh', ['-f', '-c', script, 'zsh', scripts.zsh as string], dir)
      .split('\n')
      .filter((s) => s !== '');
  };

  it('registers itself, describes the commands and gives _arguments each command’s options', () => {
    expect(shell('zsh', ['-n', scripts.zsh as string], dir)).toBe('');
    const top = calls('');
    expect(top[0]).toBe('compdef _dash dash');
    expect(top[1]).toBe(`_describe ${model.commands.map((c) => `${c.name}:${c.description}`).join('|')}`);
    expect(top.slice(2)).toEqual(['_arguments', '-s', '--version[output the version number]', '-V[output the version number]', '--help[display help for command]', '-h[display help for command]']);

    const build = calls('build', '--o');
    expect(build).toContain('--datasets=[raw datasets folder]:datasets:_files -/');
    expect(build).toContain('--only=[comma-separated subset\\: equipment,bases,healthcare,ecg (repeatable)]:only:_sequence compadd - equipment bases healthcare ecg');
    expect(build).toContain('--force[rebuild even when fresh]');
    expect(calls('demo', '--scale', '')).toContain('--scale=[small, or full for the real sizes (555 MB ECG)]:scale:(small full)');
    expect(calls('completion', '')).toContain('1:completion:(bash zsh fish)');
    for (const command of model.commands) {
      const specs = calls(command.name, '').filter((s) => s.startsWith('--'));
      expect(specs.map((s) => /^--[a-z-]+/.exec(s)?.[0]), command.name).toEqual(command.options.map((o) => o.long));
    }
  });
});
