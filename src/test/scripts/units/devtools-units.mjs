// Writes what Chrome DevTools prints for a list of byte counts and shares, with Node's own Intl (ICU), the library
// DevTools formats with. The formatter options are those of devtools-frontend's core/i18n/ByteUtilities.ts
// (chrome-devtools-frontend 1.0.1705227): bytesToString picks B / kB (1 decimal below 100) / MB (1 decimal below
// 100), formatBytesToKb always kB; HeapSnapshotGridNodes' toPercentString is toFixed(0) and a percent sign; the
// Statistics view's legend rounds to whole kilobytes.
// Usage: node devtools-units.mjs > ../../resources/fixtures/units/devtools-units.json
const unit = (unit, digits) => new Intl.NumberFormat('en-US', {
  style: 'unit', unit, unitDisplay: 'narrow', minimumFractionDigits: digits, maximumFractionDigits: digits,
});
const narrowBytes = unit('byte', 0);
const kbDecimal = unit('kilobyte', 1);
const kbInteger = unit('kilobyte', 0);
const mbDecimal = unit('megabyte', 1);
const mbInteger = unit('megabyte', 0);

// DevTools puts a no-break space between number and unit where the locale puts none; we print a plain space.
function spaced(formatter, value) {
  const parts = formatter.formatToParts(value);
  const unitAt = parts.findIndex(p => p.type === 'unit');
  const number = parts.slice(0, unitAt).map(p => p.value).join('').trim();
  return number + ' ' + parts[unitAt].value;
}

function bytesToString(bytes) {
  if (bytes < 1000) return spaced(narrowBytes, bytes);
  const kilobytes = bytes / 1000;
  if (kilobytes < 100) return spaced(kbDecimal, kilobytes);
  if (kilobytes < 1000) return spaced(kbInteger, kilobytes);
  const megabytes = kilobytes / 1000;
  if (megabytes < 100) return spaced(mbDecimal, megabytes);
  return spaced(mbInteger, megabytes);
}

function formatBytesToKb(bytes) {
  const kilobytes = bytes / 1000;
  return kilobytes < 100 ? spaced(kbDecimal, kilobytes) : spaced(kbInteger, kilobytes);
}

// HeapSnapshotView's HeapSnapshotStatisticsView.valueFormatter: whole kilobytes, short unit.
const statisticsFormatter = new Intl.NumberFormat('en-US', { style: 'unit', unit: 'kilobyte' });
const statisticsValue = bytes => statisticsFormatter.format(Math.round(bytes / 1000));

const bytes = [0, 1, 16, 512, 999, 1000, 1049, 1050, 1051, 5000, 22400, 79449, 79450, 79451, 99949, 99950, 99999,
  100000, 100499, 100500, 172800, 999499, 999500, 999999, 1000000, 3099999, 3612375, 3050500, 99949999, 99950000,
  100000000, 1253318491, 5368709120];
const shares = [[0, 3612375], [1, 3612375], [18061, 3612375], [18062, 3612375], [172800, 3612375],
  [1792416, 4520000], [1, 2], [5, 1000], [15, 1000], [25, 1000], [1253318491, 1253318491]];
console.log(JSON.stringify({
  bytes: bytes.map(b => ({ bytes: b, bytesToString: bytesToString(b), formatBytesToKb: formatBytesToKb(b),
    statistics: statisticsValue(b) })),
  percent: shares.map(([part, total]) => ({ part, total, text: (part / total * 100).toFixed(0) + ' %' })),
}, null, 1));
