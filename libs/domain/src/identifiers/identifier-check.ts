export type IdentifierCheck<TExtra extends object = object> =
  ({ ok: true; normalized: string } & TExtra) | { ok: false; code: string; message: string };

export function refuse(code: string, message: string): { ok: false; code: string; message: string } {
  return { ok: false, code, message };
}
