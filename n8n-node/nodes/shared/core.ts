/** The project's Midtrans core, bundled into each built node by esbuild (no runtime dependency). */
export * from '../../../core/src';
