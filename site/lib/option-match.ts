/**
 * Which options a typed query shows, best first: an exact match (label or value, ignoring case), then those that
 * start with it, then those that merely contain it, each group in the options' own order. Typing "West" and
 * pressing Enter must choose West, not the Midwest listed before it.
 */
export function matchOptions<T extends { value: string; label: string }>(options: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...options];
  const rank = (option: T): number => {
    const label = option.label.toLowerCase();
    const value = option.value.toLowerCase();
    if (label === q || value === q) return 0;
    if (label.startsWith(q) || value.startsWith(q)) return 1;
    if (label.includes(q) || value.includes(q)) return 2;
    return 3;
  };
  return options
    .map((option, index) => ({ option, index, rank: rank(option) }))
    .filter((m) => m.rank < 3)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((m) => m.option);
}
