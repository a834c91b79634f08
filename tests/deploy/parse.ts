// Small, strict readers for the deployment files the tests check: Dockerfile instructions, systemd unit
// sections and Markdown fences and tables. Each throws on input it does not understand, so a test cannot pass
// by reading nothing.

export interface Instruction {
  keyword: string;
  /** Text after the keyword with `--flag=value` options removed. */
  args: string;
  flags: Record<string, string>;
  line: number;
}

export interface Stage {
  name: string | undefined;
  /** The base image with global ARG defaults substituted. */
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  globalArgs: Record<string, string>;
  stages: Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  const logical: { text: string; line: number }[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (pending === undefined && (trimmed === '' || trimmed.startsWith('#'))) return;
    if (pending !== undefined && trimmed.startsWith('#')) return; // comment lines inside a continuation
    const continued = trimmed.endsWith('\\');
    const part = continued ? trimmed.slice(0, -1).trim() : trimmed;
    pending = pending === undefined ? { text: part, line: index + 1 } : { text: `${pending.text} ${part}`.trim(), line: pending.line };
    if (!continued) {
      logical.push(pending);
      pending = undefined;
    }
  });
  if (pending !== undefined) throw new Error(`Dockerfile line ${pending.line}: continuation runs past the end of the file`);

  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const { text: entry, line } of logical) {
    const m = /^([A-Za-z]+)\s+(.*)$/s.exec(entry);
    if (!m) throw new Error(`Dockerfile line ${line}: expected INSTRUCTION arguments, found "${entry}"`);
    const keyword = (m[1] as string).toUpperCase();
    let rest = m[2] as string;
    const flags: Record<string, string> = {};
    if (keyword !== 'RUN' || /^--/.test(rest)) {
      let f: RegExpExecArray | null;
      while ((f = /^--([a-z-]+)(?:=(\S+))?\s+/.exec(rest)) !== null) {
        const name = f[1] as string;
        flags[name] = flags[name] === undefined ? (f[2] ?? 'true') : `${flags[name]};${f[2] ?? 'true'}`;
        rest = rest.slice(f[0].length);
      }
    }
    const instruction: Instruction = { keyword, args: rest.trim(), flags, line };
    if (keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!from) throw new Error(`Dockerfile line ${line}: FROM ${instruction.args} is not "image [AS name]"`);
      const image = (from[1] as string).replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => {
        const name = (a ?? b) as string;
        const value = globalArgs[name];
        if (value === undefined) throw new Error(`Dockerfile line ${line}: FROM uses $${name}, which has no global ARG default`);
        return value;
      });
      stages.push({ name: from[2], from: image, instructions: [] });
    } else if (stages.length === 0) {
      if (keyword !== 'ARG') throw new Error(`Dockerfile line ${line}: only ARG may come before the first FROM, found ${keyword}`);
      const arg = /^(\w+)(?:=(.*))?$/.exec(instruction.args);
      if (!arg) throw new Error(`Dockerfile line ${line}: ARG ${instruction.args} is not NAME[=default]`);
      globalArgs[arg[1] as string] = arg[2] ?? '';
    } else {
      (stages[stages.length - 1] as Stage).instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

export function stage(dockerfile: Dockerfile, name: string): Stage {
  const found = dockerfile.stages.find((s) => s.name === name);
  if (!found) throw new Error(`Dockerfile has no stage "${name}" (stages: ${dockerfile.stages.map((s) => s.name).join(', ')})`);
  return found;
}

export function instructions(s: Stage, keyword: string): Instruction[] {
  return s.instructions.filter((i) => i.keyword === keyword);
}

/** `["node", "x"]` → ['node', 'x']; a shell-form command is an error: PID 1 must be the program itself. */
export function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((p) => typeof p === 'string')) {
    throw new Error(`expected a JSON array of strings (exec form), found ${args}`);
  }
  return parsed as string[];
}

/** `ENV A=1 B="two words"` → { A: '1', B: 'two words' } (the key=value form only). */
export function envPairs(args: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /\s*(\w+)=("(?:[^"\\]|\\.)*"|\S*)/y;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(args)) !== null) {
    const value = m[2] as string;
    out[m[1] as string] = value.startsWith('"') ? (JSON.parse(value) as string) : value;
    end = re.lastIndex;
  }
  if (args.slice(end).trim() !== '') throw new Error(`ENV ${args}: cannot read "${args.slice(end)}" as KEY=value`);
  return out;
}

/** systemd unit → section → key → values (a key may repeat, e.g. Environment). */
export function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let current: Record<string, string[]> | undefined;
  const lines = text.replace(/\\\n\s*/g, ' ').split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      current = sections[header[1] as string] = {};
      return;
    }
    const kv = /^(\w+)=(.*)$/.exec(line);
    if (!kv || !current) throw new Error(`unit line ${index + 1}: expected [Section] or Key=value, found "${line}"`);
    (current[kv[1] as string] ??= []).push((kv[2] as string).trim());
  });
  return sections;
}

export interface Fence {
  lang: string;
  /** Words after the language in the info string, e.g. `runnable`. */
  tags: string[];
  body: string;
  line: number;
}

export function fences(markdown: string): Fence[] {
  const out: Fence[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i] as string); i++) body.push(lines[i] as string);
    if (i >= lines.length) throw new Error(`markdown line ${start + 1}: fence never closed`);
    out.push({ lang: open[1] as string, tags: (open[2] as string).split(/\s+/).filter(Boolean), body: body.join('\n'), line: start + 1 });
  }
  return out;
}

const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

function tableAt(lines: string[], start: number): Record<string, string>[] {
  const titles = cells(lines[start] as string);
  const rows: Record<string, string>[] = [];
  for (let i = start + 2; i < lines.length && (lines[i] as string).trimStart().startsWith('|'); i++) {
    const row = cells(lines[i] as string);
    rows.push(Object.fromEntries(titles.map((t, k) => [t, row[k] ?? ''])));
  }
  return rows;
}

/** The first table under the heading `heading` (exact text), as rows of cells keyed by column title. */
export function tableUnder(markdown: string, heading: string): Record<string, string>[] {
  const lines = markdown.split('\n');
  const at = lines.findIndex((l) => /^#+\s/.test(l) && l.replace(/^#+\s+/, '').trim() === heading);
  if (at < 0) throw new Error(`no heading "${heading}"`);
  const start = lines.findIndex((l, i) => i > at && l.trimStart().startsWith('|'));
  if (start < 0) throw new Error(`no table under "${heading}"`);
  return tableAt(lines, start);
}

/** The one table whose column titles are exactly `titles`. */
export function tableWithTitles(markdown: string, titles: string[]): Record<string, string>[] {
  const lines = markdown.split('\n');
  const starts = lines.flatMap((l, i) => (l.trimStart().startsWith('|') && JSON.stringify(cells(l)) === JSON.stringify(titles) ? [i] : []));
  if (starts.length !== 1) throw new Error(`expected one table titled ${titles.join(' | ')}, found ${starts.length}`);
  return tableAt(lines, starts[0] as number);
}

/** Markdown headings (any level) in order, without the #'s. */
export function headings(markdown: string): string[] {
  let inFence = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inFence = !inFence;
    else if (!inFence && /^#{1,6}\s/.test(line)) out.push(line.replace(/^#+\s+/, '').trim());
  }
  return out;
}

/** `a` with surrounding backticks removed: table cells write `DASH_PORT` and `8050`. */
export function unquote(cell: string): string {
  return cell.replace(/^`(.*)`$/, '$1');
}
