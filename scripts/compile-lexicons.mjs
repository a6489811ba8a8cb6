// The build's last step: saves the lexicon as the loader checks it to dist/lexicon/lexicons.json, so that creating an
// annotator reads one JSON file instead of parsing and checking lexicons/*.yaml (most of a second). The loader uses
// the file only while its key (the hash of the lexicon bytes and of the loader) matches. Run by `npm run build`.

import { renameSync, writeFileSync } from 'node:fs';
import { COMPILED_LEXICON, compileLexicon } from '../dist/lexicon/load-lexicons.js';

const temporary = `${COMPILED_LEXICON}.${process.pid}.tmp`;
writeFileSync(temporary, compileLexicon());
renameSync(temporary, COMPILED_LEXICON);
