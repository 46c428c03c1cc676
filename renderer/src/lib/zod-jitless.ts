import { z } from 'zod';

// zod 4 probes `new Function` when an object schema is built, to compile fast parsers. Our CSP has no
// 'unsafe-eval', so the probe would log a CSP violation on every start. This must run before any
// schema is constructed, which is why main.tsx imports this module first.
z.config({ jitless: true });
