import { CreateIdentitySchema1796601555145 } from './1796601555145-create-identity-schema';

/** Oldest first. Add a new migration at the end; never edit one that has been released. */
export const IDENTITY_MIGRATIONS = [CreateIdentitySchema1796601555145];
