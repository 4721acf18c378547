/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in admin, set by src/middleware.ts (the only reader of the session cookie). */
    admin?: import('./lib/server/admins.ts').Admin | undefined;
    /** The member whose personal course link this browser opened, set by src/middleware.ts. */
    member?: import('./lib/server/members.ts').MemberRow | undefined;
    /** The session cookie's value, for sign-out. */
    session?: string | undefined;
  }
}
