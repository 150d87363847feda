#!/usr/bin/env node
// Committed, so that pnpm links the bin before the first build; the CLI itself is the built dist/.
import { main } from "../dist/cli.js";

await main(process.argv.slice(2));
