export declare function clusterPids(dataDir: string): number[];
export declare function pauseCluster(dataDir: string): number[];
export declare function resumeCluster(pids: number[]): void;
