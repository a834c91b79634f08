/**
 * The real COMPONENT values are a service code plus a tier ("AF Guard", "Navy Reserve", "WHS"). The original
 * matched colour names as substrings ("Air Force", "Marine Corps"), so AF, MC and WHS all came out grey
 * (inventory §8.13). Here the service code picks the hue and the tier the shade, so one legend reads both.
 */

export const SERVICES = ['AF', 'Army', 'MC', 'Navy', 'WHS'] as const;
export type Service = (typeof SERVICES)[number];
export const TIERS = ['Active', 'Guard', 'Reserve'] as const;
export type Tier = (typeof TIERS)[number];

export const SERVICE_NAMES: Record<Service, string> = {
  AF: 'Air Force',
  Army: 'Army',
  MC: 'Marine Corps',
  Navy: 'Navy',
  WHS: 'Washington Headquarters Services',
};

export interface ComponentCode {
  /** The COMPONENT value as found in the data. */
  component: string;
  /** null when the first word is not one of the five service codes. */
  service: Service | null;
  /** null for untiered components (WHS) and unknown second words. */
  tier: Tier | null;
}

export function parseComponent(component: string): ComponentCode {
  const [first = '', second = ''] = component.trim().split(/\s+/);
  const service = SERVICES.find((code) => code.toLowerCase() === first.toLowerCase()) ?? null;
  const tier = TIERS.find((name) => name.toLowerCase() === second.toLowerCase()) ?? null;
  return { component, service, tier };
}

/**
 * Active is the service's full colour; Guard a light tint and Reserve a deep shade of the same hue, so tiers
 * stay apart on the dark background while the hue still names the service. Tailwind 300/400/600 steps.
 */
const PALETTE: Record<Service, Record<Tier, string>> = {
  AF: { Active: '#818CF8', Guard: '#C7D2FE', Reserve: '#4F46E5' },
  Army: { Active: '#34D399', Guard: '#A7F3D0', Reserve: '#059669' },
  MC: { Active: '#FB7185', Guard: '#FECDD3', Reserve: '#E11D48' },
  Navy: { Active: '#38BDF8', Guard: '#BAE6FD', Reserve: '#0284C7' },
  WHS: { Active: '#FBBF24', Guard: '#FDE68A', Reserve: '#D97706' },
};
export const OTHER_COLOR = '#94A3B8';

export function componentColor(component: string): string {
  const { service, tier } = parseComponent(component);
  if (service === null) return OTHER_COLOR;
  return PALETTE[service][tier ?? 'Active'];
}

/** Legend and axis order: by service code, then Active, Guard, Reserve; unknown codes last, alphabetically. */
export function compareComponents(a: string, b: string): number {
  const pa = parseComponent(a);
  const pb = parseComponent(b);
  const rank = (code: ComponentCode): number => (code.service === null ? SERVICES.length : SERVICES.indexOf(code.service));
  const tierRank = (code: ComponentCode): number => (code.tier === null ? -1 : TIERS.indexOf(code.tier));
  return rank(pa) - rank(pb) || tierRank(pa) - tierRank(pb) || a.localeCompare(b);
}

/** The components present, in legend order, with their colours: the one scale every chart of the page uses. */
export function componentScale(components: Iterable<string>): { domain: string[]; range: string[] } {
  const domain = [...new Set(components)].sort(compareComponents);
  return { domain, range: domain.map(componentColor) };
}
