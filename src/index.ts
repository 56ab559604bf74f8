import { Hono } from 'hono';
import { PhotonImage } from '@cf-wasm/photon';
const app = new Hono<{ Bindings: Env }>();
app.get('/api/v1/health', (c) => c.json({ ok: true }));
app.post('/api/v1/probe', async (c) => { const b = new Uint8Array(await c.req.arrayBuffer()); const img = PhotonImage.new_from_byteslice(b); const r = { w: img.get_width(), h: img.get_height() }; img.free(); return c.json(r); });
export default { fetch: app.fetch } satisfies ExportedHandler<Env>;
export { AccountLimiter } from './limits/account-limiter';
