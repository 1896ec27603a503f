/** One Server-Sent Event as a console reads it. */
export interface StreamedEvent {
  name: string;
  data: unknown;
}

/** An open /api/agent/events stream, read as a console would (fetch with the Authorization header). */
export interface OpenStream {
  status: number;
  events: StreamedEvent[];
  comments: string[];
  /** The server ended the stream. */
  readonly ended: boolean;
  /** Resolves once an event of this name (and, when given, matching `where`) has arrived. */
  until(name: string, where?: (data: Record<string, unknown>) => boolean): Promise<StreamedEvent>;
  close(): void;
}

export async function openEventStream(url: string, authorization: string): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/agent/events`, { headers: { authorization, accept: 'text/event-stream' }, signal: controller.signal });
  const events: StreamedEvent[] = [];
  const comments: string[] = [];
  let ended = false;
  if (response.ok && response.body) {
    void read(response.body.getReader(), events, comments).then((byServer) => {
      ended = byServer;
    });
  }
  return {
    status: response.status,
    events,
    comments,
    get ended() {
      return ended;
    },
    until: async (name, where = () => true) => {
      for (let waited = 0; waited < 3000; waited += 10) {
        const found = events.find((event) => event.name === name && where(event.data as Record<string, unknown>));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no ${name} event; got ${events.map((event) => event.name).join(', ') || 'none'}`);
    },
    close: () => controller.abort(),
  };
}

/** Reads until the stream ends: true when the server ended it, false when it was aborted. */
async function read(reader: ReadableStreamDefaultReader<Uint8Array>, events: StreamedEvent[], comments: string[]): Promise<boolean> {
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return true;
      buffer += decoder.decode(chunk.value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        if (block.startsWith(':')) comments.push(block.slice(1).trim());
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name && data) events.push({ name, data: JSON.parse(data) });
      }
    }
  } catch {
    // Aborted by close().
    return false;
  }
}
