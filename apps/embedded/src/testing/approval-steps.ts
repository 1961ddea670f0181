// Moved to @onewindow/testing so benchmarks can drive the platform too.
export { decideCase } from '@onewindow/testing';
