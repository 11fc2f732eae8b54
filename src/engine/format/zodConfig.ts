// zod would probe `new Function` to decide whether to compile parsers; the app's CSP forbids eval
// (a probe is still reported as a violation), and interpreted parsing is fast enough for files.
// Imported first by every entry point (the page, each worker) as well as by the schemas: the
// bundler may initialise a shared module lazily, after an earlier parse has already probed.

import { z } from 'zod';

z.config({ jitless: true });
