// The learned models the annotator ships (models/*.json, made by `npm run train`): read once per process, each decoded
// on its first use. A model that is absent leaves its stage to the rules; a file that cannot be read is an error that
// names it. Their hash joins annotator.lexicon, so files made with other weights (or none) differ.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LinearModel, MODEL_FORMAT } from './linear-model.js';
import type { ModelFile, SharedModel } from './linear-model.js';

/** The models annotate knows how to use: models/<name>.json. */
export const MODEL_NAMES = ['names', 'claims', 'stances'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export interface Models {
  /** The model of that name, decoded on first use; undefined when it is not shipped. */
  get(name: ModelName): LinearModel | undefined;
  /** What each shipped model says of itself (no weights): for explain, --debug and the README. */
  readonly files: readonly ModelMeta[];
  /** A short hash of every model file's bytes; '' when there are none. */
  readonly hash: string;
  /** Every model decoded, as data a worker thread receives without copying the weights (sharedModels). */
  share(): SharedModels;
}

export type ModelMeta = Omit<ModelFile, 'weights'>;

/** Models as they cross to a worker thread: the weights stay in the memory the main thread decoded them into, so a
 *  run holds one copy whatever its number of workers. */
export interface SharedModels {
  files: ModelMeta[];
  hash: string;
  models: SharedModel[];
}

/** No models: every stage runs on its rules (`--no-model`). */
export const NO_MODELS: Models = { get: () => undefined, files: [], hash: '', share: () => ({ files: [], hash: '', models: [] }) };

/** The models another thread shared: the same hash and files, the same weights in memory. */
export function sharedModels(shared: SharedModels): Models {
  if (shared.models.length === 0) return NO_MODELS;
  const byName = new Map(shared.models.map((m) => [m.name, LinearModel.fromShared(m)]));
  return { get: (name) => byName.get(name), files: shared.files, hash: shared.hash, share: () => shared };
}

export class ModelError extends Error {
  override name = 'ModelError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export function defaultModelsDir(): string {
  // dist/learn/models.js or src/learn/models.ts → the package's models/
  return fileURLToPath(new URL('../../models/', import.meta.url));
}

/** The bundled models, read once per process. */
let bundled: Models | undefined;

/** The models of a directory (by default the package's models/, read once per process). */
export function loadModelsSync(dir?: string): Models {
  if (dir !== undefined) return readModels(dir);
  return (bundled ??= readModels(defaultModelsDir()));
}

function readModels(dir: string): Models {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return NO_MODELS;
  }
  const hash = createHash('sha256');
  const raw = new Map<string, ModelFile>();
  for (const file of names) {
    const name = file.slice(0, -'.json'.length);
    if (!(MODEL_NAMES as readonly string[]).includes(name)) continue;
    const path = join(dir, file);
    const bytes = readFileSync(path);
    hash.update(`\0${file}\0${bytes.length}\0`).update(bytes);
    let data: ModelFile;
    try {
      data = JSON.parse(bytes.toString('utf8')) as ModelFile;
    } catch (error) {
      throw new ModelError(path, `not JSON (${(error as Error).message})`);
    }
    if (data.format !== MODEL_FORMAT) throw new ModelError(path, `format "${String(data.format)}", expected "${MODEL_FORMAT}"`);
    if (data.name !== name) throw new ModelError(path, `names itself "${data.name}"`);
    raw.set(name, data);
  }
  if (raw.size === 0) return NO_MODELS;
  const decoded = new Map<string, LinearModel>();
  const models: Models = {
    get(name) {
      const known = decoded.get(name);
      if (known) return known;
      const data = raw.get(name);
      if (!data) return undefined;
      let model: LinearModel;
      try {
        model = LinearModel.fromFile(data);
      } catch (error) {
        throw new ModelError(join(dir, `${name}.json`), (error as Error).message);
      }
      decoded.set(name, model);
      return model;
    },
    files: [...raw.values()].map(({ weights: _weights, ...meta }) => meta),
    hash: hash.digest('hex').slice(0, 8),
    share: () => ({ files: [...models.files], hash: models.hash, models: [...raw.keys()].map((name) => models.get(name as ModelName)!.share()) }),
  };
  return models;
}
