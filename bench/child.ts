/**
 * One benchmark measurement in its own child process: run `node <args>`, and read the JSON object
 * its last line of standard output holds (stderr passes through).
 */
import { spawn } from "node:child_process";

/** The JSON of the child's last output line; rejects, naming `label`, on a non-zero exit or no JSON. */
export function childJson(args: readonly string[], label: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    proc.stdout.setEncoding("utf8");
    proc.stdout.on("data", (text: string) => (out += text));
    proc.on("error", reject);
    proc.on("close", (code) => {
      const last = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !last.startsWith("{")) reject(new Error(`${label} exited ${String(code)}: ${out}`));
      else resolve(JSON.parse(last));
    });
  });
}
