import type { Command } from 'commander';

/**
 * Shell completion scripts generated from the commander program itself, so a new command, option or choice is
 * completed the day it is added. The program is first reduced to plain data (a model), then written in each
 * shell's own completion language.
 */

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value of an option or argument completes to. */
export type ValueKind =
  | { kind: 'none' }
  | { kind: 'any' }
  | { kind: 'dir' }
  | { kind: 'words'; words: readonly string[] }
  /** A comma-separated subset of the words (`--only equipment,bases`). */
  | { kind: 'list'; words: readonly string[] };

export interface OptionModel {
  long: string;
  short: string | undefined;
  description: string;
  value: ValueKind;
}

export interface CommandModel {
  name: string;
  description: string;
  options: OptionModel[];
  /** The words the positional argument completes to (only the first argument is completed). */
  argument: ValueKind;
}

export interface CompletionModel {
  program: string;
  /** The program's own options (--version, --help). */
  options: OptionModel[];
  commands: CommandModel[];
}

/** Which value each option takes: its choices, a folder for `<dir>`, the named word lists, or anything. */
function valueOf(option: { long?: string; flags: string; required: boolean; optional: boolean; argChoices?: string[] }, lists: Readonly<Record<string, readonly string[]>>): ValueKind {
  if (!option.required && !option.optional) return { kind: 'none' };
  if (option.argChoices) return { kind: 'words', words: option.argChoices };
  const list = option.long === undefined ? undefined : lists[option.long];
  if (list) return { kind: 'list', words: list };
  if (option.flags.includes('<dir>')) return { kind: 'dir' };
  return { kind: 'any' };
}

function optionsOf(command: Command, lists: Readonly<Record<string, readonly string[]>>): OptionModel[] {
  const help = command.createHelp();
  return help.visibleOptions(command).map((o) => ({
    long: o.long ?? (o.short as string),
    short: o.long === undefined ? undefined : o.short,
    description: o.description,
    value: valueOf(o, lists),
  }));
}

/** `lists` names the options whose value is a comma-separated list of words (e.g. `--only`). */
export function completionModel(program: Command, lists: Readonly<Record<string, readonly string[]>>): CompletionModel {
  return {
    program: program.name(),
    options: optionsOf(program, lists),
    commands: program.commands.map((c) => {
      const choices = c.registeredArguments[0]?.argChoices;
      return {
        name: c.name(),
        description: c.description(),
        options: optionsOf(c, lists),
        argument: choices ? { kind: 'words', words: choices } : { kind: 'none' },
      };
    }),
  };
}

const fnName = (program: string): string => `_${program.replace(/[^A-Za-z0-9_]/g, '_')}`;

/** A single-quoted word for sh-like shells (bash, zsh). */
const shQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function bashValueCase(options: OptionModel[], listFn: string): string[] {
  const lines: string[] = [];
  for (const o of options) {
    const flags = [o.long, ...(o.short ? [o.short] : [])].join('|');
    if (o.value.kind === 'none') continue;
    if (o.value.kind === 'dir') lines.push(`        ${flags}) COMPREPLY=($(compgen -d -- "$cur")); return ;;`);
    else if (o.value.kind === 'words') lines.push(`        ${flags}) COMPREPLY=($(compgen -W ${shQuote(o.value.words.join(' '))} -- "$cur")); return ;;`);
    else if (o.value.kind === 'list') lines.push(`        ${flags}) ${listFn} ${shQuote(o.value.words.join(' '))}; return ;;`);
    else lines.push(`        ${flags}) return ;;`);
  }
  return lines;
}

export function bashScript(model: CompletionModel): string {
  const fn = fnName(model.program);
  const words = (options: OptionModel[]): string => options.flatMap((o) => [o.long, ...(o.short ? [o.short] : [])]).join(' ');
  const cases = model.commands.map((c) => {
    const argument = c.argument.kind === 'words' ? ` ${c.argument.words.join(' ')}` : '';
    return [
      `    ${c.name})`,
      '      case "$prev" in',
      ...bashValueCase(c.options, `${fn}_list`),
      '      esac',
      `      COMPREPLY=($(compgen -W ${shQuote(words(c.options) + argument)} -- "$cur")) ;;`,
    ].join('\n');
  });
  return `# ${model.program} completion for bash. Load it with: source <(${model.program} completion bash)
# or save it as ~/.local/share/bash-completion/completions/${model.program}
${fn}_list() {
  # A comma-separated list: complete the word after the last comma, keeping what comes before it.
  local prefix="" last="$cur"
  if [[ $cur == *,* ]]; then prefix="\${cur%,*},"; last="\${cur##*,}"; fi
  COMPREPLY=($(compgen -P "$prefix" -W "$1" -- "$last"))
  compopt -o nospace 2>/dev/null
}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=($(compgen -W ${shQuote([...model.commands.map((c) => c.name), ...words(model.options).split(' ')].join(' '))} -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
}
complete -o default -F ${fn} ${model.program}
`;
}

/** zsh's _arguments spec text: brackets and colons in a description are syntax there. */
const zshText = (s: string): string => s.replace(/[[\]:\\]/g, (c) => `\\${c}`);

function zshAction(value: ValueKind, name: string): string {
  switch (value.kind) {
    case 'none':
      return '';
    case 'any':
      return `:${name}: `;
    case 'dir':
      return `:${name}:_files -/`;
    case 'words':
      return `:${name}:(${value.words.join(' ')})`;
    case 'list':
      return `:${name}:_sequence compadd - ${value.words.join(' ')}`;
  }
}

function zshSpecs(options: OptionModel[]): string[] {
  return options.flatMap((o) => {
    const name = o.long.replace(/^-+/, '');
    const takes = o.value.kind === 'none' ? '' : '=';
    const spec = (flag: string): string => shQuote(`${flag}${flag.startsWith('--') ? takes : ''}[${zshText(o.description)}]${zshAction(o.value, name)}`);
    return [spec(o.long), ...(o.short ? [spec(o.short)] : [])];
  });
}

export function zshScript(model: CompletionModel): string {
  const fn = fnName(model.program);
  const commands = model.commands.map((c) => `    ${shQuote(`${c.name.replace(/:/g, '\\:')}:${c.description}`)}`);
  const cases = model.commands.map((c) => {
    const argument = c.argument.kind === 'words' ? [shQuote(`1:${c.name}:(${c.argument.words.join(' ')})`)] : [];
    const specs = [...zshSpecs(c.options), ...argument].map((s) => `        ${s}`);
    return `    ${c.name})\n      _arguments -s \\\n${specs.join(' \\\n')}\n      ;;`;
  });
  return `#compdef ${model.program}
# ${model.program} completion for zsh. Load it with: source <(${model.program} completion zsh)
# (after compinit), or save it as _${model.program} in a folder of $fpath.
${fn}() {
  local -a commands
  commands=(
${commands.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands '${model.program} command' commands
    _arguments -s \\
${zshSpecs(model.options)
  .map((s) => `      ${s}`)
  .join(' \\\n')}
    return
  fi
  local command=\${words[2]}
  # The subcommand's own arguments start after its name.
  shift words
  (( CURRENT-- ))
  case $command in
${cases.join('\n')}
  esac
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${model.program}
fi
`;
}

/** A fish single-quoted word. */
const fishQuote = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function fishValue(value: ValueKind): string {
  switch (value.kind) {
    case 'none':
      return '';
    case 'any':
      return ' -x';
    case 'dir':
      return ` -x -a ${fishQuote('(__fish_complete_directories)')}`;
    case 'words':
      return ` -x -a ${fishQuote(value.words.join(' '))}`;
    case 'list':
      return ` -x -a ${fishQuote(`(__fish_complete_list , "printf '%s\\n' ${value.words.join(' ')}")`)}`;
  }
}

function fishOption(program: string, condition: string, o: OptionModel): string {
  const long = o.long.startsWith('--') ? ` -l ${o.long.slice(2)}` : ` -s ${o.long.slice(1)}`;
  const short = o.short ? ` -s ${o.short.slice(1)}` : '';
  return `complete -c ${program} -n ${fishQuote(condition)}${short}${long}${fishValue(o.value)} -d ${fishQuote(o.description)}`;
}

export function fishScript(model: CompletionModel): string {
  const p = model.program;
  const lines = [
    `# ${p} completion for fish. Load it with: ${p} completion fish | source`,
    `# or save it as ~/.config/fish/completions/${p}.fish`,
    `complete -c ${p} -f`,
    ...model.commands.map((c) => `complete -c ${p} -n '__fish_use_subcommand' -a ${c.name} -d ${fishQuote(c.description)}`),
    ...model.options.map((o) => fishOption(p, '__fish_use_subcommand', o)),
  ];
  for (const c of model.commands) {
    const condition = `__fish_seen_subcommand_from ${c.name}`;
    lines.push(...c.options.map((o) => fishOption(p, condition, o)));
    if (c.argument.kind === 'words') lines.push(`complete -c ${p} -n ${fishQuote(condition)} -x -a ${fishQuote(c.argument.words.join(' '))}`);
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: Shell, model: CompletionModel): string {
  if (shell === 'bash') return bashScript(model);
  if (shell === 'zsh') return zshScript(model);
  return fishScript(model);
}
