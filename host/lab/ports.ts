// Free host ports on 127.0.0.1, chosen at launch: each container port starts at the port the
// exported compose file would use (stable URLs from run to run) and moves up past taken ones.
import net from 'node:net';

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

export class PortPicker {
  private readonly claimed = new Set<number>();

  constructor(inUse: Iterable<number> = []) {
    for (const p of inUse) this.claimed.add(p);
  }

  async pick(preferred: number): Promise<number> {
    for (let port = Math.max(preferred, 1024); port <= 65535; port++) {
      if (this.claimed.has(port)) continue;
      if (await portIsFree(port)) {
        this.claimed.add(port);
        return port;
      }
    }
    throw new Error(`no free port on 127.0.0.1 from ${preferred} up`);
  }
}
