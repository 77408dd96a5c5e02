/*
 * The heatmap's colour scale: light yellow (few cases) through orange to dark red (the most).
 *
 * Counts in a process are very uneven (every case passes the start event, few reach an
 * escalation), so the position on the scale is the square root of count / max: a stage with a
 * quarter of the cases still shows half-way orange instead of nearly white.
 */

const STOPS = [
  [255, 255, 178], // #ffffb2 light yellow
  [254, 204, 92], // #fecc5c
  [253, 141, 60], // #fd8d3c orange
  [240, 59, 32], // #f03b20
  [189, 0, 38] // #bd0026 dark red
];

/** 0..1 on the scale for count out of max. */
export function position(count, max) {
  if (!max || count <= 0) {
    return 0;
  }
  return Math.sqrt(Math.min(count, max) / max);
}

/** The colour at p (0..1), as 'rgba(r, g, b, alpha)'. */
export function colour(p, alpha = 1) {
  const scaled = Math.max(0, Math.min(1, p)) * (STOPS.length - 1);
  const index = Math.min(Math.floor(scaled), STOPS.length - 2);
  const within = scaled - index;
  const [r, g, b] = STOPS[index].map((low, i) =>
    Math.round(low + (STOPS[index + 1][i] - low) * within)
  );
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** A CSS gradient of the whole scale, for the legend. */
export function gradient() {
  const stops = STOPS.map((_, i) => colour(i / (STOPS.length - 1)));
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** The count at position p of a scale up to max (the inverse of position), for legend ticks. */
export function countAt(p, max) {
  return Math.round(p * p * max);
}
