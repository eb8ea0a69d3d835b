import type { components } from "./schema.gen";

export type Problem = components["schemas"]["Problem"];
export type FieldProblem = components["schemas"]["FieldProblem"];
/** A code the API declares, or one the client makes up (`network_error`, `http_<status>`). */
export type ProblemCode = NonNullable<Problem["code"]> | "network_error" | `http_${number}`;

/** An API answer in `application/problem+json` (or a network failure, code `network_error`). */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail: string;
  readonly title: string;
  readonly errors: FieldProblem[];

  constructor(problem: Partial<Omit<Problem, "code">> & { status: number; code?: ProblemCode }) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = "ApiProblem";
    this.status = problem.status;
    this.code = problem.code ?? `http_${problem.status}`;
    this.detail = problem.detail ?? "";
    this.title = problem.title ?? "";
    this.errors = problem.errors ?? [];
  }

  /** Field errors keyed by the field's name (the last part of `loc` that is a string). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.errors) {
      const name = [...e.loc].reverse().find((part) => typeof part === "string" && part !== "body");
      const key = typeof name === "string" ? name : "";
      if (key && !out[key]) out[key] = e.message;
    }
    return out;
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Problem).code === "string" &&
    typeof (value as Problem).status === "number"
  );
}

/** Turn whatever a failed response carried into an ApiProblem. */
export function toApiProblem(body: unknown, status: number): ApiProblem {
  if (isProblem(body)) return new ApiProblem(body);
  return new ApiProblem({ status, code: `http_${status}` });
}
