import type { ClientEvent, ConnectionState, ServerEvent } from '../types';

type EventListener = (event: ServerEvent) => void;
type StatusListener = (state: ConnectionState) => void;

const MAX_DELAY_MS = 30_000;

/**
 * Thin wrapper around WebSocket: JSON framing, an outbox for frames sent while
 * disconnected, and automatic reconnects with exponential backoff.
 */
export class ChatSocket {
  private ws: WebSocket | null = null;
  private attempts = 0;
  private closedByUser = false;
  private reconnectTimer: number | undefined;
  private readonly outbox: ClientEvent[] = [];
  private readonly eventListeners = new Set<EventListener>();
  private readonly statusListeners = new Set<StatusListener>();

  constructor(private readonly url: string) {}

  connect(): void {
    this.closedByUser = false;
    this.setStatus(this.attempts === 0 ? 'connecting' : 'reconnecting');

    const ws = new WebSocket(this.url);
    this.ws = ws;

    ws.onopen = () => {
      this.setStatus('open');
      this.flush();
    };

    ws.onmessage = (frame: MessageEvent<string>) => {
      let event: ServerEvent;
      try {
        event = JSON.parse(frame.data) as ServerEvent;
      } catch {
        console.warn('[chat] ignoring malformed frame', frame.data);
        return;
      }
      this.eventListeners.forEach((listener) => listener(event));
    };

    ws.onclose = () => {
      this.ws = null;
      if (this.closedByUser) {
        this.setStatus('closed');
        return;
      }
      this.scheduleReconnect();
    };
  }

  send(event: ClientEvent): void {
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(event));
    } else {
      this.outbox.push(event);
    }
  }

  close(): void {
    this.closedByUser = true;
    window.clearTimeout(this.reconnectTimer);
    this.ws?.close(1000, 'client closed');
  }

  onEvent(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private scheduleReconnect(): void {
    this.attempts += 1;
    const delay = Math.min(1000 * 2 ** this.attempts, MAX_DELAY_MS);
    this.setStatus('reconnecting');
    this.reconnectTimer = window.setTimeout(() => this.connect(), delay);
  }

  private flush(): void {
    while (this.outbox.length > 0 && this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(this.outbox.shift()));
    }
  }

  private setStatus(state: ConnectionState): void {
    this.statusListeners.forEach((listener) => listener(state));
  }
}
