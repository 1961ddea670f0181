// Moved to @onewindow/testing so benchmarks can start service processes too.
export { startServiceProcess, type ServiceProcess } from '@onewindow/testing';
