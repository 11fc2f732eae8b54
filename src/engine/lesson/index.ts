// Running a lesson, the pure part: the facts a goal reads, whether it is met, and the locks.

export * from './facts';
export * from './goals';
export * from './locks';
export * from './progress';
