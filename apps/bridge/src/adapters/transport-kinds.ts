import { browserTransportKind } from '../browser/browser.transport';
import { fileTransportKind } from '../files/file.transport';
import { httpTransportKind, webhookTransportKind } from './http/http.transport';
import { tableTransportKind } from './table.transport';
import type { TransportKind } from './transport';

/** Every transport the bridge knows. A new kind is one more entry here. */
export const TRANSPORT_KINDS: readonly TransportKind[] = [
  httpTransportKind,
  webhookTransportKind,
  fileTransportKind,
  tableTransportKind,
  browserTransportKind,
];
