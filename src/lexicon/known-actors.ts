// The people and bodies of the Phoenix dictionaries (lexicons/phoenix-actors.yaml), held the way a process uses them:
// every name is indexed once, but an actor's entry is built only when a text names it. Twenty-five thousand entries
// built up front cost each worker thread a tenth of a second and a dozen megabytes for the few dozen an article
// needs. Pure: the table is data in, entries out.
import type { ActorType } from '../model/annotation.js';
import type { KnownActor, Role } from './lexicon.js';

/** Field and list separators of a row: characters no name or code holds. */
const FIELD = '\t';
const ITEM = '\u001f';
const PART = '\u001e';

/** The known actors as compact rows, and the names to index (already normalised), each with its actor and whether it
 *  is the actor's name or an alias. What the build saves and the loader reads back. */
export interface KnownActorRows {
  rows: string[];
  names: string[];
  actors: number[];
  /** One character per name: 'n' for the name, 'a' for an alias. */
  vias: string;
}

export class KnownActors {
  private readonly built: (KnownActor | undefined)[];
  private readonly ids = new WeakMap<KnownActor, number>();

  constructor(private readonly data: KnownActorRows) {
    this.built = new Array<KnownActor | undefined>(data.rows.length);
  }

  /** From entries read from the YAML: `normalize` gives the key a name is indexed under (empty for none). The names
   *  are saved sorted (code-unit order; an actor's own order among equal keys), so that a look-up is a binary search
   *  and no process builds a map of forty thousand names. */
  static fromEntries(entries: readonly KnownActor[], normalize: (name: string) => string): KnownActors {
    const rows: string[] = [];
    const names: { key: string; actor: number; via: string }[] = [];
    entries.forEach((a, i) => {
      rows.push(toRow(a));
      const seen = new Set<string>();
      for (const [name, via] of [[a.name, 'n'], ...a.aliases.map((alias) => [alias, 'a'])] as const) {
        const key = normalize(name);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        names.push({ key, actor: i, via });
      }
    });
    names.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    return new KnownActors({ rows, names: names.map((n) => n.key), actors: names.map((n) => n.actor), vias: names.map((n) => n.via).join('') });
  }

  get length(): number {
    return this.data.rows.length;
  }

  /** The entry at index i, built on first use. */
  at(i: number): KnownActor {
    let actor = this.built[i];
    if (!actor) {
      actor = fromRow(this.data.rows[i]!);
      this.built[i] = actor;
      this.ids.set(actor, i);
    }
    return actor;
  }

  /** The index of an entry this table built, or -1. */
  indexOf(actor: KnownActor): number {
    return this.ids.get(actor) ?? -1;
  }

  /** The actors a normalised name names, each with whether it is their name or an alias, in the entries' order. */
  find(key: string): { actor: number; via: 'name' | 'alias' }[] {
    const { names, actors, vias } = this.data;
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (names[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    const found: { actor: number; via: 'name' | 'alias' }[] = [];
    for (let k = lo; k < names.length && names[k] === key; k++) found.push({ actor: actors[k]!, via: vias[k] === 'n' ? 'name' : 'alias' });
    return found;
  }

  /** The rows, as the build saves them. */
  toJSON(): KnownActorRows {
    return this.data;
  }
}

function toRow(a: KnownActor): string {
  const roles = a.roles.map((r) => [r.code, r.from ?? '', r.to ?? ''].join(PART)).join(ITEM);
  return [a.name, a.type, a.code ?? '', a.aliases.join(ITEM), roles, a.from].join(FIELD);
}

function fromRow(row: string): KnownActor {
  const [name = '', type = '', code = '', aliases = '', roles = '', from = ''] = row.split(FIELD);
  return {
    name,
    type: type as ActorType,
    aliases: aliases === '' ? [] : aliases.split(ITEM),
    code: code === '' ? null : code,
    roles: roles === '' ? [] : roles.split(ITEM).map((r): Role => {
      const [c = '', f = '', t = ''] = r.split(PART);
      return { code: c, from: f === '' ? null : f, to: t === '' ? null : t };
    }),
    from: from as KnownActor['from'],
  };
}
