/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The signed-in admin, set by src/middleware.ts (the only reader of the session cookie). */
    admin?: import('./lib/server/admins.ts').Admin | undefined;
    /** The member whose personal course link this browser opened, set by src/middleware.ts. */
    member?: import('./lib/server/members.ts').MemberRow | undefined;
    /** A refused `POST /sign-off/`, for the page to show (src/lib/server/sign-off-post.ts). */
    signOffPost?: import('./lib/server/sign-off-post.ts').PostedSignOff | undefined;
    /** The session cookie's value, for sign-out. */
    session?: string | undefined;
  }
}
