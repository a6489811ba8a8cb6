// Places the actor network's nodes with d3-force, once, while the report is written: the page opens with a finished
// drawing instead of a simulation running in the reader's browser, and the same corpus always gives the same
// picture (d3-force starts from a fixed spiral and draws its jiggle from a seeded generator). Actors of one country
// are pulled toward their group's centre and the others kept out of it, so that each country's actors sit together.
// Pure.
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { Force, SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';

export interface NetworkNodeInput {
  /** Drawn radius, in the drawing's units. */
  radius: number;
  /** The node's group (its country), or null: nodes of one group are drawn together. */
  group: number | null;
}

export interface NetworkLinkInput {
  source: number;
  target: number;
  /** Events between the two; stronger links pull closer. */
  weight: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  /** Room left at each edge for labels. */
  margin: number;
}

interface Node extends SimulationNodeDatum {
  radius: number;
  group: number | null;
}

/** Positions for `nodes` inside width × height, in the order given; rounded to a tenth so the bytes are stable. */
export function layoutNetwork(nodes: readonly NetworkNodeInput[], links: readonly NetworkLinkInput[], options: LayoutOptions): Point[] {
  if (nodes.length === 0) return [];
  const simNodes: Node[] = nodes.map((n) => ({ radius: n.radius, group: n.group }));
  const maxWeight = Math.max(1, ...links.map((l) => l.weight));
  const simLinks: SimulationLinkDatum<Node>[] = links.map((l) => ({ source: l.source, target: l.target, weight: l.weight }));
  const simulation = forceSimulation(simNodes)
    .force('link', forceLink<Node, SimulationLinkDatum<Node>>(simLinks).distance(90).strength((l) => 0.15 + 0.6 * (((l as { weight?: number }).weight ?? 1) / maxWeight)))
    // Repulsion reaches only so far, so that actors linked to none of the others are not pushed to the edges, where
    // fitting the drawing to them would crowd everyone else into the middle.
    .force('charge', forceManyBody<Node>().strength(-220).distanceMax(220))
    .force('collide', forceCollide<Node>((n) => n.radius + 16))
    .force('x', forceX<Node>(0).strength(0.1))
    .force('y', forceY<Node>(0).strength(0.14))
    .force('cluster', forceCluster({ pull: 0.3, push: 0.9, padding: 10 }))
    .force('center', forceCenter(0, 0))
    .stop();
  for (let i = 0; i < 400; i++) simulation.tick();
  return fitInto(simNodes, options);
}

/** Pulls every node of a group of two or more toward the group's centroid, and pushes every other node out of the
 *  circle the group covers (with `padding` to spare), so that a country's outline holds its own actors only; both
 *  harder while the simulation is hot. */
function forceCluster({ pull, push, padding }: { pull: number; push: number; padding: number }): Force<Node, undefined> {
  let nodes: Node[] = [];
  const force = (alpha: number): void => {
    const members = new Map<number, Node[]>();
    for (const n of nodes) if (n.group !== null) members.set(n.group, [...(members.get(n.group) ?? []), n]);
    for (const [group, list] of members) {
      if (list.length < 2) continue;
      const cx = list.reduce((sum, n) => sum + (n.x ?? 0), 0) / list.length;
      const cy = list.reduce((sum, n) => sum + (n.y ?? 0), 0) / list.length;
      let reach = 0;
      for (const n of list) {
        n.vx = (n.vx ?? 0) + (cx - (n.x ?? 0)) * pull * alpha;
        n.vy = (n.vy ?? 0) + (cy - (n.y ?? 0)) * pull * alpha;
        reach = Math.max(reach, Math.hypot((n.x ?? 0) - cx, (n.y ?? 0) - cy) + n.radius + padding);
      }
      for (const n of nodes) {
        if (n.group === group) continue;
        const dx = (n.x ?? 0) - cx;
        const dy = (n.y ?? 0) - cy;
        const distance = Math.hypot(dx, dy) || 1;
        const overlap = reach + n.radius - distance;
        if (overlap <= 0) continue;
        n.vx = (n.vx ?? 0) + (dx / distance) * overlap * push * alpha;
        n.vy = (n.vy ?? 0) + (dy / distance) * overlap * push * alpha;
      }
    }
  };
  force.initialize = (all: Node[]): void => {
    nodes = all;
  };
  return force;
}

/** Scales and shifts the positions into the box, keeping the aspect ratio. */
function fitInto(nodes: readonly Node[], { width, height, margin }: LayoutOptions): Point[] {
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY, 3);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const round = (v: number): number => Math.round(v * 10) / 10;
  return nodes.map((n) => ({ x: round(offsetX + ((n.x ?? 0) - minX) * scale), y: round(offsetY + ((n.y ?? 0) - minY) * scale) }));
}
