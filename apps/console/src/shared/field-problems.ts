import { reactive } from 'vue';
import { ApiError } from '@/api/api-error';

/**
 * The server's field problems, kept by request path (`applicant.identifier`, `materials[2].dueDate`)
 * so each field shows its own message beside it. A general message covers what names no field
 * the page shows.
 */
export interface FieldProblems {
  byPath: Record<string, string>;
  general: string;
  /** The message for a path, or for any path below it (`form.builder` covers `form.builder.name`). */
  at(path: string): string;
  under(prefix: string): Array<{ path: string; message: string }>;
  take(error: unknown): void;
  clear(): void;
}

export function useFieldProblems(): FieldProblems {
  const problems: FieldProblems = reactive({
    byPath: {} as Record<string, string>,
    general: '',
    at(path: string): string {
      return problems.byPath[path] ?? '';
    },
    under(prefix: string) {
      return Object.entries(problems.byPath)
        .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`))
        .map(([path, message]) => ({ path, message }));
    },
    take(error: unknown): void {
      problems.clear();
      if (error instanceof ApiError) {
        for (const field of error.fields) if (field.path && !problems.byPath[field.path]) problems.byPath[field.path] = field.message;
        problems.general = error.message;
      } else {
        problems.general = '操作未能完成，请稍后重试';
      }
    },
    clear(): void {
      problems.byPath = {};
      problems.general = '';
    },
  });
  return problems;
}
