// The window's first question (`bootstrap`), asked as soon as the script runs rather than after React's first
// render, and its answer kept for the app's first render: when it comes quickly (the usual case: start-up ran
// while WebKit loaded the page) the window renders once, with the profile, the place and its first rows.
import { api } from "../ipc/commands";
import type { Bootstrap } from "../ipc/bindings";
import { offerFirstPage } from "../features/browse/useListing";

let asked: Promise<Bootstrap> | null = null;
let answer: Bootstrap | null = null;

/** Asks once; every caller gets the same answer. */
export function askBootstrap(): Promise<Bootstrap> {
  asked ??= api.bootstrap().then((b) => {
    performance.mark("bucketlens:bootstrap");
    answer = b;
    offerFirstPage(b.firstPage);
    return b;
  });
  return asked;
}

/** The answer, if it has come. */
export const bootstrapAnswer = (): Bootstrap | null => answer;
