/** A route that only the delivery bench's server has: the floor under one HTTP round trip. */
export const NOOP_PATH = '/bench/noop';
