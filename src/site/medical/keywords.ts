// Keyword extraction for HC-6 (original-inventory.md §4.5), done once by `dash site`.
//
// The original skipped the first keywords entry of every record on the assumption that it is the specialty,
// and excluded only the specialty names of the *filtered* rows, so the same keyword could appear or vanish
// as the filter changed (weak point 23). Here every specialty name of the dataset, and every part of it
// longer than 3 characters, is excluded whatever the filter, and the first entry is dropped only when it is
// one of those: a record whose list does not start with its specialty keeps its first real keyword.

const MIN_LENGTH = 3;
const MAX_LENGTH = 40;

/** Lowercased specialty names and their parts longer than 3 characters (split on "/", "-" and whitespace). */
export function specialtyExclusions(specialties: Iterable<string>): Set<string> {
  const excluded = new Set<string>();
  for (const specialty of specialties) {
    const name = specialty.trim().toLowerCase();
    if (name === '') continue;
    excluded.add(name);
    for (const part of name.split(/[/\-\s]+/)) if (part.length > 3) excluded.add(part);
  }
  return excluded;
}

/**
 * The keywords of one record: the comma-separated entries trimmed and lowercased, without entries shorter
 * than 3 or longer than 40 characters, without specialty names, each once.
 */
export function recordKeywords(keywords: string, excluded: ReadonlySet<string>): string[] {
  const kept = new Set<string>();
  for (const entry of keywords.split(',')) {
    const keyword = entry.trim().toLowerCase();
    if (keyword.length < MIN_LENGTH || keyword.length > MAX_LENGTH || excluded.has(keyword)) continue;
    kept.add(keyword);
  }
  return [...kept];
}
