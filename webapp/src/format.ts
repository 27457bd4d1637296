export function bytes(n: number | null | undefined, locale: string): string {
  if (n == null) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

export function dateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
}

export function duration(seconds: number, locale: string): string {
  if (!isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const two = (x: number) => x.toLocaleString(locale, { minimumIntegerDigits: 2 });
  return h > 0 ? `${h}:${two(m)}:${two(r)}` : `${m}:${two(r)}`;
}

/**
 * Text from other parties shown as it is, except bidirectional controls (RTL overrides, isolates, marks), which are
 * shown by name: "invoice\u202Etxt.exe" must not pass itself off as "invoiceexe.txt".
 */
export function visible(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g,
    (c) => `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);
}
