// Settings, all under the `corroborate.` prefix; documented in package.json and the README.
import * as vscode from 'vscode';
import type { AnnotationKindKey } from './kinds.js';
import { DEFAULT_MAX_CHARS } from '../core/sources.js';

/** Past this many sources in a folder, the first ones by path are analysed and the user is told. */
export const DEFAULT_MAX_FILES = 20_000;

export const SECTION = 'corroborate';

export interface Settings {
  include: string[];
  exclude: string[];
  highlight: Record<AnnotationKindKey, boolean>;
  speakerHints: boolean;
  analysisDelay: number;
  maxFileSize: number;
  maxFiles: number;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    include: c.get<string[]>('include', ['**/*.txt']),
    exclude: c.get<string[]>('exclude', ['**/node_modules/**']),
    highlight: {
      quote: c.get('highlight.quotes', true),
      person: c.get('highlight.people', true),
      org: c.get('highlight.organizations', true),
      place: c.get('highlight.places', true),
      number: c.get('highlight.numbers', true),
    },
    speakerHints: c.get('inlayHints.speakers', true),
    analysisDelay: c.get('analysisDelay', 300),
    maxFileSize: c.get('maxFileSize', DEFAULT_MAX_CHARS),
    maxFiles: c.get('maxFiles', DEFAULT_MAX_FILES),
  };
}

/** The setting that switches a highlight kind. */
export const HIGHLIGHT_SETTING: Record<AnnotationKindKey, string> = {
  quote: 'highlight.quotes',
  person: 'highlight.people',
  org: 'highlight.organizations',
  place: 'highlight.places',
  number: 'highlight.numbers',
};
