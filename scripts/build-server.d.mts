/** Types of build-server.mjs (plain JavaScript so that it runs before anything is built). */
export declare const SERVER_DIR: string;
export declare const SERVER_MAIN: string;
/** Bundles the Node server into dist/server/node/; resolves to the entry's path. */
export declare function buildServer(): Promise<string>;
