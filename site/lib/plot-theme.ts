/**
 * Chart colours and defaults shared by every page so charts look like one product. The accents are the original
 * dashboard's palette; Plot draws axes and text in currentColor, which the chart card sets from the theme.
 */
export const ACCENTS = {
  blue: '#38BDF8',
  cyan: '#22D3EE',
  indigo: '#818CF8',
  emerald: '#34D399',
  amber: '#FBBF24',
  rose: '#FB7185',
} as const;

/** Categorical scheme for Plot's `color: { range: CATEGORICAL }`. */
export const CATEGORICAL = [ACCENTS.blue, ACCENTS.amber, ACCENTS.emerald, ACCENTS.rose, ACCENTS.indigo, ACCENTS.cyan, '#F472B6', '#A3E635', '#94A3B8'];

/** Spread into every Plot.plot({...}) call: transparent background, the page font, readable tick labels. */
export const PLOT_DEFAULTS = {
  style: { background: 'transparent', fontSize: '12px', fontFamily: 'inherit', overflow: 'visible' },
  marginLeft: 48,
} as const;

/**
 * Room under a horizontal axis for its tick labels and, one line lower, its title: Plot's defaults put the title
 * against the tick labels. Spread `marginBottom` into the plot and `labelOffset` into its x options.
 */
export const X_TITLE = { marginBottom: 44, labelOffset: 38 } as const;
