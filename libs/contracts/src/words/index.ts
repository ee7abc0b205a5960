export * from './risk-reason-texts';
export * from './decision-reason-texts';
export * from './reason-text';
export * from './instrument-name';
