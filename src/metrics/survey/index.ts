export { nps } from "./nps.ts";
