import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatCompact, formatCurrency, formatDuration, formatInteger, formatPercent, formatSeconds, formatTimestamp } from '../../../site/lib/format.js';

describe('formatting', () => {
  it('groups integers and shows a dash for missing values', () => {
    expect(formatInteger(130958)).toBe('130,958');
    expect(formatInteger(null)).toBe('—');
    expect(formatInteger(NaN)).toBe('—');
  });

  it('compacts only from ten thousand up', () => {
    expect(formatCompact(9999)).toBe('9,999');
    expect(formatCompact(130958)).toBe('131K');
    expect(formatCompact(2_450_000_000)).toBe('2.5B');
  });

  it('formats money, percentages, sizes and durations', () => {
    expect(formatCurrency(1234.56)).toBe('$1,235');
    expect(formatCurrency(2_450_000_000)).toBe('$2.5B');
    expect(formatPercent(0.1234)).toBe('12.3 %');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(27.3 * 1024 * 1024)).toBe('27.3 MiB');
    expect(formatBytes(1_478_290)).toBe('1.41 MiB');
    expect(formatBytes(156_672)).toBe('153 KiB');
    expect(formatBytes(1023 * 1024)).toBe('1023 KiB');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_300)).toBe('12.3 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatSeconds(3725)).toBe('1 h 2 min');
    expect(formatSeconds(200_000)).toBe('2 d 7 h');
  });

  it('shows a time of day in UTC, 24-hour, whatever the viewer’s zone', () => {
    expect(formatClock(new Date('2026-11-28T15:33:35.900Z'))).toBe('15:33:35 UTC');
    expect(formatClock(new Date('2026-11-28T03:04:05Z'))).toBe('03:04:05 UTC');
  });

  it('shows timestamps in UTC whatever the viewer’s zone', () => {
    expect(formatTimestamp('2026-11-28T16:40:12.000Z')).toBe('2026-11-28 16:40 UTC');
    expect(formatTimestamp(null)).toBe('—');
    expect(formatTimestamp('garbage')).toBe('—');
  });
});
