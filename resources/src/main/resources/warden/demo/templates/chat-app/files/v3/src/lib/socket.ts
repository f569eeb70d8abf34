import type { ClientEvent, ConnectionState, ServerEvent } from '../types';

type EventListener = (event: ServerEvent) => void;
type StatusListener = (state: ConnectionState) => void;

const BASE_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
const HEARTBEAT_MS = 25_000;
const PONG_TIMEOUT_MS = 10_000;

/**
 * Thin wrapper around WebSocket: JSON framing, an outbox for frames sent while
 * disconnected, and automatic reconnects with exponential backoff.
 */
export class ChatSocket {
  private ws: WebSocket | null = null;
  private attempts = 0;
  private closedByUser = false;
  private reconnectTimer: number | undefined;
  private heartbeatTimer: number | undefined;
  private pongTimer: number | undefined;
  /** Last `join` frame, replayed after every reconnect so the server re-subscribes us. */
  private lastJoin: ClientEvent | null = null;
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
      // Reset the backoff: a connection that worked should reconnect quickly next time.
      this.attempts = 0;
      this.setStatus('open');
      if (this.lastJoin && !this.outbox.includes(this.lastJoin)) this.outbox.unshift(this.lastJoin);
      this.flush();
      this.startHeartbeat();
    };

    ws.onmessage = (frame: MessageEvent<string>) => {
      let event: ServerEvent;
      try {
        event = JSON.parse(frame.data) as ServerEvent;
      } catch {
        console.warn('[chat] ignoring malformed frame', frame.data);
        return;
      }
      window.clearTimeout(this.pongTimer); // any frame proves the connection is alive
      if (event.type === 'pong') return;
      this.eventListeners.forEach((listener) => listener(event));
    };

    ws.onclose = () => {
      this.ws = null;
      this.stopHeartbeat();
      if (this.closedByUser) {
        this.setStatus('closed');
        return;
      }
      this.scheduleReconnect();
    };
  }

  send(event: ClientEvent): void {
    if (event.type === 'join') this.lastJoin = event;
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify(event));
    } else {
      this.outbox.push(event);
    }
  }

  close(): void {
    this.closedByUser = true;
    window.clearTimeout(this.reconnectTimer);
    this.stopHeartbeat();
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
    // Full jitter, so a server restart doesn't get every client back in the same second.
    const ceiling = Math.min(BASE_DELAY_MS * 2 ** this.attempts, MAX_DELAY_MS);
    const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    this.setStatus('reconnecting');
    this.reconnectTimer = window.setTimeout(() => this.connect(), delay);
  }

  /** Detects half-open connections (e.g. after laptop sleep) that never fire onclose. */
  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeatTimer = window.setInterval(() => {
      this.send({ type: 'ping' });
      this.pongTimer = window.setTimeout(() => this.ws?.close(4000, 'heartbeat timeout'), PONG_TIMEOUT_MS);
    }, HEARTBEAT_MS);
  }

  private stopHeartbeat(): void {
    window.clearInterval(this.heartbeatTimer);
    window.clearTimeout(this.pongTimer);
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
