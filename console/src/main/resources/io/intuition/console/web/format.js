// How the console writes numbers and times, in the browser's locale.

export const money = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const pnl = new Intl.NumberFormat(undefined,
  { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: "exceptZero" });
export const price = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 4 });
export const amount = new Intl.NumberFormat(undefined, { maximumFractionDigits: 6 });
export const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
export const rate = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
export const millis = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
export const clock = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit", minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3, hour12: false,
});

/** The value formatted, or a dash when there is none. */
export function orDash(value, format) {
  return value == null ? "–" : format.format(value);
}
