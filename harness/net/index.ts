export * from './sync-http'
export * from './loopback-network'
