// The outline drawn behind a group of the actor network's nodes: the convex hull of the nodes' circles, each widened
// by a padding and traced by a dozen points so that the outline comes out rounded (two nodes make a capsule). The
// hull itself is d3-polygon's. Pure; coordinates are rounded to a tenth so the bytes are stable.
import { polygonHull } from 'd3-polygon';

export interface Circle {
  x: number;
  y: number;
  r: number;
}

export interface Hull {
  /** An SVG path, closed. */
  path: string;
  /** Where a label above the hull goes: the middle of its top edge. */
  top: { x: number; y: number };
}

/** Points traced around each circle. */
const STEPS = 12;

/** The padded hull around `circles` (at least one). */
export function drawHull(circles: readonly Circle[], padding: number): Hull {
  const points: [number, number][] = [];
  for (const c of circles) {
    for (let i = 0; i < STEPS; i++) {
      const angle = (2 * Math.PI * i) / STEPS;
      // The outer radius of the traced polygon reaches past the circle, so its flat sides do not cut into it.
      const r = (c.r + padding) / Math.cos(Math.PI / STEPS);
      points.push([c.x + r * Math.cos(angle), c.y + r * Math.sin(angle)]);
    }
  }
  const hull = polygonHull(points) ?? points;
  const path = `M${hull.map(([x, y]) => `${round(x)} ${round(y)}`).join('L')}Z`;
  const xs = hull.map(([x]) => x);
  const top = Math.min(...hull.map(([, y]) => y));
  return { path, top: { x: round((Math.min(...xs) + Math.max(...xs)) / 2), y: round(top) } };
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
