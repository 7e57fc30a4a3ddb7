export * from './campaign';
export * from './campaign-materialiser';
export * from './campaigns.module';
export * from './campaigns.service';
export * from './sending-carriers.module';
export * from './programme';
export * from './programmes.service';
