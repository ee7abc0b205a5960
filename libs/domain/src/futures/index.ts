export * from './futures.defaults';
export * from './futures-direction';
export * from './open-interest';
export * from './sector';
export * from './position-size';
export * from './averaging';
export * from './stop-target';
export * from './screening-score';
