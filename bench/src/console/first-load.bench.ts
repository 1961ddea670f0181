import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What the browser fetches to show one page on a first visit (empty cache), JS and CSS only. */
export interface FirstLoad {
  page: string;
  files: number;
  rawBytes: number;
  /** Bytes on the wire with gzip (level 6, what nginx and the gateway use by default). */
  gzipBytes: number;
}

export interface ConsoleFirstLoadResult {
  budgetBytes: number;
  pages: FirstLoad[];
  /** The heaviest first load among the pages measured. */
  largest: FirstLoad;
}

/** The budget: the first load of the console under 1 MB of JS+CSS transferred. */
export const FIRST_LOAD_BUDGET_BYTES = 1_000_000;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * The pages a person can land on first: the sign-in page, and the home of each role after
 * signing in (the shell and the role's home page). Their source files, as Vite's manifest names them.
 */
const LANDINGS: Record<string, string[]> = {
  'sign-in': ['src/sign-in/SignInPage.vue'],
  'window (clerk home)': ['src/shell/ConsoleShell.vue', 'src/window/WindowHome.vue'],
  'back office (approver home)': ['src/shell/ConsoleShell.vue', 'src/back-office/BackOfficeHome.vue'],
  'intake form (heaviest window page)': ['src/shell/ConsoleShell.vue', 'src/window/ApplicationIntake.vue'],
  'case page (heaviest back-office page)': ['src/shell/ConsoleShell.vue', 'src/back-office/CasePage.vue'],
  'supervisor (notice inbox)': ['src/shell/ConsoleShell.vue', 'src/supervision/NoticeInbox.vue'],
  'management (电子监察 dashboard, ECharts)': ['src/shell/ConsoleShell.vue', 'src/management/ManagementDashboard.vue'],
  'applicant on a phone (办件查询)': ['src/public/PublicShell.vue', 'src/public/ProgressPage.vue'],
};

const root = join(__dirname, '..', '..', '..');

/**
 * Measured from the build (`dist/console`, with Vite's manifest): the entry chunk and the chunks
 * it imports statically, plus each landing page's chunk and its static imports, every file
 * counted once, each gzipped as a server would send it.
 */
export function benchConsoleFirstLoad(distDir = join(root, 'dist', 'console')): ConsoleFirstLoadResult {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build the console first (nx run console:build)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('the console build has no entry chunk');

  const closure = (key: string, files: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the console build has no chunk for ${key}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) closure(imported, files);
  };

  const pages = Object.entries(LANDINGS).map(([page, sources]) => {
    const files = new Set<string>();
    closure(entry[0], files);
    for (const source of sources) closure(source, files);
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const file of files) {
      const content = readFileSync(join(distDir, file));
      rawBytes += content.length;
      gzipBytes += gzipSync(content, { level: 6 }).length;
    }
    return { page, files: files.size, rawBytes, gzipBytes };
  });
  const largest = pages.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
  return { budgetBytes: FIRST_LOAD_BUDGET_BYTES, pages, largest };
}
